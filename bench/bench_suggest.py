"""Benchmark: suggestions from a pasted draft, on hand-written posts no template produced.

The topic model is trained as the site trains it: on the bank the starter library generates
(each template as ``bank_generate`` expands it) plus the hand-written examples and the labelled
drafts, which also teach the flag reader (its per-writer held-out scores are printed). It is then
measured on ``bench/data/suggest_posts.json`` (the project's own labelled posts), and on each
further file named in ``SUGGEST_POSTS`` (colon-separated paths: posts kept outside the
project). Prints topic top-1 and top-3 accuracy, recall and precision of each flag the posts
label (the RED-override flags and ``gives_ethnicity_or_nationality``; the posts do not label
breaking, ksi, wider_interest or in_public_domain, so a score for those would mean nothing),
exact days since sentencing, and the p50/p95 time of one suggestion, against the goals.
"""

from __future__ import annotations

import json
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scenarios.authoring import read_library  # noqa: E402
from scenarios.generator import generate  # noqa: E402
from scenarios.rules import initial_rulebook  # noqa: E402
from scenarios.suggest import RED_OVERRIDE_FLAGS, TopicModel, measure, suggest  # noqa: E402

OWN_POSTS = ROOT / "bench" / "data" / "suggest_posts.json"
LIBRARY = ROOT / "scenarios" / "starter_library"
# As scenarios.jobs expands each template for the bank.
PER_TEMPLATE_LIMIT = 500
GENERATION_SEED = 20160201
SEED = 20261126
# The flags the labelled posts mark: "flags" lists every one of these that is true.
LABELLED_FLAGS = (*RED_OVERRIDE_FLAGS, "gives_ethnicity_or_nationality")
GOALS = {"top1": 0.85, "top3": 0.95, "recall": 0.95, "precision": 0.70, "p95_ms": 50.0}


def bank_pairs(rulebook) -> list[tuple[str, str]]:
    pairs = []
    for spec in read_library(LIBRARY):
        questions = generate(
            [spec],
            rulebook,
            per_template_limit=PER_TEMPLATE_LIMIT,
            rng=random.Random(GENERATION_SEED),
        )
        pairs.extend((q.text, q.facts.topic) for q in questions)
    return pairs


def mark(ok: bool) -> str:
    return "met" if ok else "MISSED"


def report(name: str, posts: list[dict], model, topics) -> None:
    def suggest_fn(text, today):
        return suggest(text, today=today, model=model, topics=topics)

    measure(posts[:5], suggest_fn, time.perf_counter)  # warm-up, not reported
    result = measure(posts, suggest_fn, time.perf_counter)
    top1, top3 = result["topic_top1"], result["topic_top3"]
    print(f"-- {name}: {len(posts)} posts")
    print(
        f"   topic top-1 {top1:.1%} ({mark(top1 >= GOALS['top1'])}), "
        f"top-3 {top3:.1%} ({mark(top3 >= GOALS['top3'])})"
    )
    for flag in LABELLED_FLAGS:
        tally = result["flags"][flag]
        recall, precision = tally["recall"], tally["precision"]
        goal = ""
        if flag in RED_OVERRIDE_FLAGS:
            ok = (recall or 0) >= GOALS["recall"] and (precision or 0) >= GOALS["precision"]
            goal = f" ({mark(ok)})"
        print(
            f"   {flag}: recall {_pct(recall)}, precision {_pct(precision)} "
            f"({tally['support']} in the posts, {tally['predicted']} suggested){goal}"
        )
    print(
        "   days since sentencing right, of the posts with a sentencing date: "
        f"{_pct(result['days_since_sentencing_dated_accuracy'])}"
    )
    p95 = result["ms_p95"]
    print(
        f"   one suggestion: p50 {result['ms_p50']:.1f} ms, p95 {p95:.1f} ms "
        f"({mark(p95 <= GOALS['p95_ms'])})"
    )
    for miss in result["topic_misses"][:12]:
        print(f"   missed topic: {miss['topic']} -> {miss['got'][:3]}: {miss['text'][:70]!r}")


def _pct(value) -> str:
    return "n/a" if value is None else f"{value:.0%}"


def main() -> None:
    rulebook = initial_rulebook()
    started = time.perf_counter()
    pairs = bank_pairs(rulebook)
    expanded = time.perf_counter() - started
    started = time.perf_counter()
    model = TopicModel.train(pairs, seed=SEED, version="bench")
    trained = time.perf_counter() - started
    info = model.info
    print(
        f"topic model: {len(pairs)} bank texts expanded in {expanded:.1f} s; trained on "
        f"{info.examples} ({info.bank_examples} from the bank, {info.hand_written_examples} "
        f"hand-written, of which {info.labelled_posts} are labelled drafts) in {trained:.1f} s"
    )
    print(
        "flag reader: thresholds chosen with each writer of the labelled drafts held out; "
        "recall and precision there (with the detectors):"
    )
    for flag, threshold in info.flag_thresholds.items():
        print(
            f"   {flag}: threshold {threshold:.2f}, recall {_pct(info.flag_recall[flag])}, "
            f"precision {_pct(info.flag_precision[flag])}"
        )
    topics = list(rulebook.topics)
    report("project posts (bench/data/suggest_posts.json)", load(OWN_POSTS), model, topics)
    for extra in filter(None, os.environ.get("SUGGEST_POSTS", "").split(":")):
        report(f"posts kept outside the project ({extra})", load(Path(extra)), model, topics)


def load(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))


if __name__ == "__main__":
    main()
