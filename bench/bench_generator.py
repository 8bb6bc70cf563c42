"""Benchmark: generate and grade 10,000 questions with the scenario generator.

Run from the project root: ``.venv/bin/python bench/bench_generator.py``. Pinned to one core
where the platform allows it. Templates are built programmatically and deterministically:
40 templates (cycling through every topic of the initial rulebook), each with 10 x 5 x 5 = 250
combinations of slot values, every combination valid and distinct.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TEMPLATE_COUNT = 40
RUNS = 5
WARDS = (
    "Camden Town",
    "Brixton Hill",
    "Peckham Rye",
    "Kentish Town",
    "Stockwell",
    "Nunhead",
    "Gospel Oak",
    "Herne Hill",
    "Streatham Wells",
    "Dulwich Village",
)


def build_templates(rulebook):
    from scenarios.generator import SlotValue, TemplateSpec

    topics = list(rulebook.topics)
    when = tuple(
        SlotValue(text, {"days_since_sentencing": days})
        for text, days in (
            ("today", 0),
            ("three days after sentencing", 3),
            ("a week after sentencing", 7),
            ("eight days after sentencing", 8),
            ("a month after sentencing", 30),
        )
    )
    detail = (
        SlotValue("Nothing has been reported yet."),
        SlotValue("The local paper has reported it.", {"in_public_domain": True}),
        SlotValue("The Evening Standard is asking about it.", {"wider_interest": True}),
        SlotValue(
            "A photo of the scene goes with the post.",
            {"in_public_domain": True, "image": "general"},
        ),
        SlotValue(
            "A CCTV still of the suspect goes with the post, release authorised.",
            {"in_public_domain": True, "image": "suspect", "image_release_authorised": True},
        ),
    )
    templates = []
    for index in range(TEMPLATE_COUNT):
        topic = topics[index % len(topics)]
        fixed = {"topic": topic}
        if rulebook.topics[topic].checks_source:
            fixed["source"] = ("metpoliceuk", "local-council", "someone-else")[index % 3]
        templates.append(
            TemplateSpec(
                key=f"bench-{index:02d}-{topic}",
                title=f"Benchmark {index}: {topic}",
                text=f"[{index}] Officers in {{ward}} dealt with a {topic.replace('-', ' ')} "
                "{when}. {detail}",
                slots={"ward": WARDS, "when": when, "detail": detail},
                fixed_facts=fixed,
                tags=("bench",),
            )
        )
    return templates


def main() -> None:
    try:
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
        pinned = "pinned to one core"
    except (AttributeError, OSError, ValueError):
        pinned = "not pinned"

    from scenarios.generator import generate, select_pool, validate_template
    from scenarios.rules.initial import initial_rulebook

    rulebook = initial_rulebook()
    templates = build_templates(rulebook)
    for spec in templates:
        errors = validate_template(spec, rulebook)
        assert not errors, (spec.key, errors)

    timings = []
    questions = []
    for run in range(RUNS):
        start = time.perf_counter()
        questions = generate(templates, rulebook, per_template_limit=250, rng=run)
        timings.append(time.perf_counter() - start)
    count = len(questions)
    assert count == 10_000, count
    distinct_facts = len({q.facts for q in questions})
    print(
        f"generator: {count:,} questions generated and graded in "
        f"{statistics.median(timings):.2f} s (median of {RUNS}; {pinned}; "
        f"{distinct_facts:,} distinct sets of facts)"
    )

    pool_timings = []
    for seed in range(RUNS):
        start = time.perf_counter()
        pool = select_pool(questions, size=50, seed=seed, rulebook=rulebook)
        pool_timings.append(time.perf_counter() - start)
    print(
        f"pool: {len(pool.questions)} questions selected from {count:,} in "
        f"{statistics.median(pool_timings):.2f} s (median of {RUNS}; "
        f"coverage complete: {pool.coverage.complete})"
    )


if __name__ == "__main__":
    main()
