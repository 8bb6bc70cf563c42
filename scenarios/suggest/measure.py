"""``measure``: how good suggestions are on a labelled set of posts. Pure: the suggestion
function and the clock are passed in.

A post is {"text", "today" (a date or ISO string), "topic", "flags": [names of the flags that
are true], "days_since_sentencing": int or null}. A flag counts as predicted when the
suggestion's facts set it true, so a flag proposed only to be asked about counts too.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import Any

from scenarios.suggest.detectors import FLAG_DETECTORS


def _as_dict(result: Any) -> Mapping[str, Any]:
    return result.as_dict() if hasattr(result, "as_dict") else result


def _percentile(values: list[float], fraction: float) -> float | None:
    """Nearest-rank percentile: the smallest value with at least ``fraction`` of them below."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def measure(
    posts: Iterable[Mapping[str, Any]],
    suggest_fn: Callable[[str, date], Any],
    clock: Callable[[], float],
) -> dict[str, Any]:
    """Top-1 and top-3 topic accuracy, recall and precision per flag, exact accuracy of
    days_since_sentencing, and p50/p95 milliseconds per suggestion."""
    flags = set(FLAG_DETECTORS)
    counts: dict[str, dict[str, int]] = {}
    top1 = top3 = days_right = dated = dated_right = total = 0
    times: list[float] = []
    misses: list[dict[str, Any]] = []
    for post in posts:
        today = post["today"]
        if isinstance(today, str):
            today = date.fromisoformat(today)
        started = clock()
        result = _as_dict(suggest_fn(post["text"], today))
        times.append((clock() - started) * 1000.0)
        total += 1
        ranked = [item["topic"] for item in result["topics"]]
        top1 += bool(ranked) and ranked[0] == post["topic"]
        top3 += post["topic"] in ranked[:3]
        if not ranked or ranked[0] != post["topic"]:
            misses.append({"text": post["text"], "topic": post["topic"], "got": ranked})
        expected = set(post.get("flags", ()))
        facts = result["facts"]
        predicted = {name for name, value in facts.items() if value is True}
        for name in flags | expected | predicted:
            tally = counts.setdefault(name, {"tp": 0, "fp": 0, "fn": 0})
            if name in expected and name in predicted:
                tally["tp"] += 1
            elif name in predicted:
                tally["fp"] += 1
            elif name in expected:
                tally["fn"] += 1
        want = post.get("days_since_sentencing")
        got = facts.get("days_since_sentencing")
        days_right += want == got
        if want is not None:
            dated += 1
            dated_right += want == got
    return {
        "posts": total,
        "topic_top1": _ratio(top1, total),
        "topic_top3": _ratio(top3, total),
        "flags": {
            name: {
                "recall": _ratio(c["tp"], c["tp"] + c["fn"]),
                "precision": _ratio(c["tp"], c["tp"] + c["fp"]),
                "support": c["tp"] + c["fn"],
                "predicted": c["tp"] + c["fp"],
            }
            for name, c in sorted(counts.items())
        },
        "days_since_sentencing_accuracy": _ratio(days_right, total),
        "days_since_sentencing_dated_accuracy": _ratio(dated_right, dated),
        "ms_p50": _percentile(times, 0.5),
        "ms_p95": _percentile(times, 0.95),
        "topic_misses": misses,
    }
