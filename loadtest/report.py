"""Figures of the load test and the page they go on (docs/performance.md). Pure: no Locust, no
Django; run.py hands it the samples."""

from __future__ import annotations

import math
import statistics
from datetime import UTC, datetime
from pathlib import Path

NOTES = Path(__file__).with_name("notes.md")  # what was changed, written by hand

# (scenario, figure, limit, how it compares) per goal of issue 10.
GOALS = {
    "question page": ("p95", 150, "<="),
    "answer save": ("p95", 250, "<="),
    "start attempt": ("p95", 1000, "<="),
    "dashboard: spoc": ("p95", 300, "<="),
    "dashboard: social-media-team": ("p95", 300, "<="),
}


def percentile(sorted_values: list[float], fraction: float) -> float:
    """Nearest rank: the smallest value with at least `fraction` of the values at or below."""
    if not sorted_values:
        return float("nan")
    rank = max(1, math.ceil(fraction * len(sorted_values)))
    return sorted_values[rank - 1]


def summarise(samples: list[tuple[float, bool]], elapsed: float) -> dict:
    times = sorted(ms for ms, _ in samples)
    return {
        "count": len(samples),
        "failures": sum(1 for _, ok in samples if not ok),
        "p50": percentile(times, 0.50),
        "p95": percentile(times, 0.95),
        "rps": len(samples) / elapsed,
    }


def one_line(result: dict) -> str:
    parts = [
        f"{name}: n={r['count']} fail={r['failures']} p50={r['p50']:.0f} p95={r['p95']:.0f} "
        f"rps={r['rps']:.1f}"
        for name, r in result["requests"].items()
    ]
    if "server_saved" in result:
        parts.append(
            f"told saved {result['told_saved']}, server saved {result['server_saved']} "
            f"({result['committed_per_s']:.1f}/s)"
        )
    return "; ".join(parts) or "no requests"


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def _goal(name: str, figures: dict, extra_ok: bool = True) -> tuple[str, str]:
    if name not in GOALS:
        return "", ""
    figure, limit, _ = GOALS[name]
    met = figures[figure] <= limit and extra_ok
    return f"{figure} ≤ {limit} ms", "yes" if met else "**no**"


def _quiet_or_not(machine: dict) -> str:
    """Whether anything else was running, judged by the load before the run (the load test
    itself keeps the cores busy, so the load after says little)."""
    if max(machine["load"]) <= machine["cores"]:
        return (
            "Nothing else was running: the load before was within the cores, from the load "
            "test's own set-up."
        )
    return (
        "The machine was shared: the load before was above its cores, so these figures are "
        "lower bounds on what it does alone."
    )


def render(
    rounds: list[dict],
    scenarios: list[tuple[str, str]],
    *,
    machine_before: dict,
    machine_after: dict,
    server: str,
    window: float,
) -> str:
    trivial = [figures for r in rounds for figures in r["ceiling"]["requests"].values()]
    ceiling = {k: _median([figures[k] for figures in trivial]) for k in ("p50", "p95", "rps")}
    lines = [
        "# Performance: the load test",
        "",
        f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC by `make loadtest`: the median of "
        f"{len(rounds)} rounds; each round runs every scenario once, the ceiling first.",
        "Times in milliseconds; ratios are to the ceiling measured in the same rounds (a trivial "
        "page on the same server, requested as fast as it answers).",
        "",
        "| scenario | request | requests (median) | failures (all rounds) | p50 | p95 | req/s "
        "| p50 ÷ ceiling | p95 ÷ ceiling | req/s ÷ ceiling | goal | met |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |",
    ]
    details = []
    for key, title in scenarios:
        names = sorted({n for r in rounds for n in r[key]["requests"]})
        for name in names:
            per_run = [r[key]["requests"][name] for r in rounds if name in r[key]["requests"]]
            figures = {k: _median([p[k] for p in per_run]) for k in ("count", "p50", "p95", "rps")}
            failures = sum(p["failures"] for p in per_run)
            extra_ok = failures == 0 if key == "spike" else True
            if key == "answers":
                extra_ok = all(r[key]["told_saved"] == r[key]["server_saved"] for r in rounds)
                extra_ok = extra_ok and _median([r[key]["committed_per_s"] for r in rounds]) >= 100
            goal, met = _goal(name, figures, extra_ok)
            lines.append(
                f"| {title} | {name} | {figures['count']:.0f} | {failures} | "
                f"{figures['p50']:.0f} | {figures['p95']:.0f} | {figures['rps']:.1f} | "
                f"{figures['p50'] / ceiling['p50']:.1f} | {figures['p95'] / ceiling['p95']:.1f} | "
                f"{figures['rps'] / ceiling['rps']:.2f} | {goal} | {met} |"
            )
            details.append(
                f"| {name} | "
                + " | ".join(f"{p['p50']:.0f} / {p['p95']:.0f} / {p['rps']:.1f}" for p in per_run)
                + " |"
            )
    lines += ["", "Each round (p50 / p95 / req/s):", ""]
    lines.append("| request | " + " | ".join(f"round {i + 1}" for i in range(len(rounds))) + " |")
    lines.append("| --- |" + " --- |" * len(rounds))
    lines += details
    if any("answers" in r for r in rounds):
        lines += [
            "",
            "Answer saves, per round: the saves the clients were told succeeded, the answers the "
            "server holds afterwards, and the server's count per second of the window:",
            "",
            "| round | told saved | server saved | equal | committed/s (goal ≥ 100) |",
            "| --- | ---: | ---: | --- | ---: |",
        ]
        for i, r in enumerate(rounds, start=1):
            a = r["answers"]
            equal = "yes" if a["told_saved"] == a["server_saved"] else "**no**"
            lines.append(
                f"| {i} | {a['told_saved']} | {a['server_saved']} | {equal} | "
                f"{a['committed_per_s']:.1f} |"
            )
    problems = [p for r in rounds for s in r.values() for p in s.get("problems", [])]
    if problems:
        lines += ["", "Problems seen:", ""] + [f"- {p}" for p in sorted(set(problems))]
    lines += [
        "",
        "## The scenarios",
        "",
        f"Each measured window lasts {window:.0f} s (the start spike 60 s). Users sign in "
        "through the login page and set up (start the attempts they will use) before the "
        "window opens; only the window's requests are counted.",
        "",
        "- **Ceiling**: 6 users request `GET /verify/` (the public certificate check's empty "
        "form: a template, no query) with no pause: the most this server answers.",
        "- **Question page**: 25 officers, each viewing the questions of an open attempt in "
        "turn at 2 a second: 50 requests a second.",
        "- **Answer saves**: 32 officers answering at 4 a second each (128 offered a second), "
        "each question once, as the page's script does (a form post asking for JSON). "
        "Afterwards the load database is asked how many answers the attempts hold.",
        "- **Start spike**: 100 officers each starting an attempt at each of the force's 20 "
        "quizzes (2,000 attempts) within 60 s: one every 3 s each, each officer's first at a "
        "random (seeded) moment of the first 3 s, so about 33 starts a second arrive at random "
        "rather than all 100 officers clicking in step every 3 s. The start is the form post, "
        "up to its redirect.",
        "- **Dashboards**: 3 sessions of a borough SPOC (Lewisham, about 1,100 officers of the "
        "force) and 3 of the Social Media Team (the whole force), each reloading "
        "`/training/dashboard/` once a second.",
        "",
        "## The machine",
        "",
        f"- {machine_before['cores']} cores ({machine_before['cpu']}), "
        f"{machine_before['memory_gb']} GB of memory; Python {machine_before['python']}.",
        f"- Load average before: {_load(machine_before)}; after: {_load(machine_after)}. "
        + _quiet_or_not(machine_before),
        "- Locust runs on the same machine as the site, PostgreSQL and Redis.",
        f"- Served by: {server or 'scripts/serve.sh'}.",
        "",
        "## How to reproduce",
        "",
        "```sh",
        "make loadtest                       # PostgreSQL and Redis on 127.0.0.1, defaults below",
        "LOAD_ROUNDS=1 LOAD_WINDOW=15 make loadtest   # a quick look",
        "LOAD_ONLY=dashboards make loadtest           # one scenario (and the ceiling)",
        "```",
        "",
        "`make loadtest` (scripts/loadtest.sh) creates the database `media_awareness_load` if it "
        "is missing, builds the demo and the realistic force in it once (35,000 officers, "
        "20 modules, a year of attempts: several minutes on PostgreSQL; later runs reuse it), "
        "gives 200 of its officers a known password, starts the site as `make serve` does "
        "(production settings, gunicorn, an RQ worker and the cron; plain HTTP on 127.0.0.1, "
        "so the HTTPS redirect is off), runs the scenarios and writes this page. Variables: "
        "`LOAD_DATABASE_URL`, `LOAD_REDIS_URL`, `LOAD_PORT` (8780), `LOAD_ROUNDS` (3), "
        "`LOAD_WINDOW` (30 s), `LOAD_ONLY`, `WEB_CONCURRENCY`, `WEB_THREADS`.",
        "",
    ]
    if NOTES.exists():
        lines += [NOTES.read_text().rstrip(), ""]
    return "\n".join(lines)


def _load(machine: dict) -> str:
    return ", ".join(f"{x:.1f}" for x in machine["load"])
