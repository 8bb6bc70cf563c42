"""Benchmark of the RAG engine: python bench/bench_engine.py

Pins itself to one core when it can, builds ~10,000 valid facts deterministically and reports,
as the median of 7 runs:

- engine.evaluate: evaluate() on already parsed Facts;
- engine.check: parse_facts + evaluate + as_dict from plain dicts (what the JSON paths do).

The target is at least 100,000 evaluate() verdicts per second on one core.
"""

from __future__ import annotations

import gc
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
N_FACTS = 10_000
REPEATS = 7
PASSES = 5  # passes over the facts per timed run, so a run lasts long enough to measure


def pin_to_one_core() -> str:
    try:
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
    except (AttributeError, OSError, ValueError):
        return "not pinned"
    return f"pinned to CPU {cpu}"


def make_facts_dicts(rulebook, n: int = N_FACTS, seed: int = 1) -> list[dict]:
    """A deterministic mix of valid facts touching every topic and every rule."""
    rng = random.Random(seed)
    slugs = sorted(rulebook.topics)
    sources = [*sorted(rulebook.green_sources), "someone-else", "@metpoliceuk", None]
    flags = [
        "in_public_domain",
        "ksi",
        "wider_interest",
        "breaking",
        "identifies_sexual_offence_victim",
        "identifies_child_in_proceedings",
        "names_suspect_before_charge",
        "prejudicial_content",
    ]
    result = []
    for _ in range(n):
        topic = rng.choice(slugs)
        data: dict = {"topic": topic}
        for flag in flags:
            # Common flags often, the legal ones rarely, like real drafts.
            chance = 0.5 if flag in ("in_public_domain", "ksi") else 0.08
            if rng.random() < chance:
                data[flag] = True
            elif rng.random() < 0.2:
                data[flag] = False
        if rulebook.topics[topic].sentencing_window or rng.random() < 0.05:
            data["days_since_sentencing"] = rng.choice([None, 0, 3, 7, 8, 14])
        if rng.random() < 0.4:
            data["image"] = rng.choice(["none", "general", "suspect"])
            if data["image"] == "suspect":
                data["image_release_authorised"] = rng.random() < 0.5
        if rulebook.topics[topic].checks_source or rng.random() < 0.05:
            data["source"] = rng.choice(sources)
        result.append(data)
    return result


def rate(fn: Callable[[], None], items: int) -> float:
    """Median items per second over REPEATS timed runs of fn (which handles ``items``)."""
    fn()  # warm up (and build the per-rulebook caches)
    rates = []
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        for _ in range(REPEATS):
            start = time.perf_counter()
            fn()
            rates.append(items / (time.perf_counter() - start))
    finally:
        if gc_was_enabled:
            gc.enable()
    return statistics.median(rates)


def run(report: Callable[[str], None] = print) -> dict[str, float]:
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from scenarios.rules import check, evaluate, initial_rulebook, parse_facts

    report(f"python {sys.version.split()[0]}, {pin_to_one_core()}")
    rulebook = initial_rulebook()
    dicts = make_facts_dicts(rulebook)
    facts = [parse_facts(data, rulebook) for data in dicts]
    n = len(dicts) * PASSES

    def evaluate_all() -> None:
        for _ in range(PASSES):
            for f in facts:
                evaluate(f, rulebook)

    def check_all() -> None:
        for _ in range(PASSES):
            for data in dicts:
                check(data, rulebook)

    results = {
        "engine.evaluate": rate(evaluate_all, n),
        "engine.check (parse_facts+evaluate+as_dict)": rate(check_all, n),
    }
    for name, value in results.items():
        report(f"{name}: {value:,.0f} verdicts/s (median of {REPEATS})")
    return results


def main() -> None:
    run()


if __name__ == "__main__":
    main()
