"""Drive the running site with Locust, headless, as a library: every scenario in rounds (the
ceiling first in each round, so each round's figures compare with a ceiling measured beside
them), then the median of the rounds into docs/performance.md.

    python -m loadtest.run --host http://127.0.0.1:8780 --rounds 3 --window 30

It expects the site already served (scripts/loadtest.sh starts it) and the load database
prepared (`python -m loadtest.state prepare`, whose JSON it reads from --plan)."""

from __future__ import annotations

# Locust patches the standard library for gevent on import: it comes first.
import locust  # noqa: F401  isort: skip

import argparse
import json
import math
import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import gevent
from locust import constant, constant_throughput, events
from locust.env import Environment

from loadtest import report, users

ROOT = Path(__file__).resolve().parents[1]
SETUP_TIMEOUT = 900  # seconds for every user of a scenario to sign in and set up
DRAIN = 5  # seconds after the window for requests in flight to finish


@dataclass(frozen=True)
class Scenario:
    key: str
    title: str
    classes: dict  # user class: how many
    rate: float | None  # requests a second per user; None: as fast as answered
    window: float | None = None  # seconds; None: the run's --window
    attempts_each: int = 1
    reset: bool = False  # remove the load users' open attempts first


def scenarios(window: float, quizzes: int) -> list[Scenario]:
    answer_users, answer_rate = 32, 4.0
    # Each question is answered once: start enough attempts for the whole window, and more.
    per_user = math.ceil(answer_rate * window * 1.15 / 8) + 1
    return [
        Scenario("ceiling", "Ceiling: GET /verify/", {users.CeilingUser: 6}, None),
        Scenario("question", "Question page", {users.QuestionPageUser: 25}, 2.0),
        Scenario(
            "answers",
            "Answer saves",
            {users.AnswerUser: answer_users},
            answer_rate,
            attempts_each=min(per_user, quizzes),
            reset=True,
        ),
        # 100 officers, each starting one attempt at 20 quizzes: 2,000 starts in 60 s.
        Scenario(
            "spike",
            "Start spike",
            {users.StartUser: 100},
            min(quizzes, 20) / 60,
            window=60,
            attempts_each=min(quizzes, 20),
            reset=True,
        ),
        Scenario(
            "dashboards",
            "Dashboards",
            {users.SpocDashboardUser: 3, users.SocialMediaTeamDashboardUser: 3},
            1.0,
        ),
    ]


@dataclass
class Measured:
    samples: dict[str, list[tuple[float, bool]]] = field(default_factory=dict)
    opened: float = 0.0
    last: float = 0.0


def state(action: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-m", "loadtest.state", action],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode:
        raise SystemExit(f"loadtest.state {action} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def run_once(host: str, plan: dict, scenario: Scenario, window: float, sessions: dict) -> dict:
    if scenario.reset:
        state("reset")
    users.PLAN = users.Plan(
        officers=plan["officers"],
        password=plan["password"],
        trainers=plan["trainers"],
        quizzes=plan["quizzes"],
        sessions=sessions,
        attempts_each=scenario.attempts_each,
        rate=scenario.rate or 0.0,
    )
    measured = Measured()

    def on_request(name, response_time, exception=None, **_kwargs):
        if users.PLAN.gate.is_set() and "(set-up)" not in name:
            measured.samples.setdefault(name, []).append((response_time, exception is None))
            measured.last = time.monotonic()

    events.request.add_listener(on_request)
    classes = list(scenario.classes)
    for cls, count in scenario.classes.items():
        cls.fixed_count = count
        cls.wait_time = constant_throughput(scenario.rate) if scenario.rate else constant(0)
    environment = Environment(user_classes=classes, host=host, events=events)
    runner = environment.create_local_runner()
    total = sum(scenario.classes.values())
    try:
        runner.start(total, spawn_rate=total)
        deadline = time.monotonic() + SETUP_TIMEOUT
        shown = time.monotonic()
        while users.PLAN.ready < total and time.monotonic() < deadline:
            gevent.sleep(0.2)
            if time.monotonic() - shown > 30:
                shown = time.monotonic()
                print(f"  {scenario.key}: {users.PLAN.ready} of {total} set up", flush=True)
        if users.PLAN.failed_setup or users.PLAN.ready < total:
            problems = users.PLAN.failed_setup[:3] or ["set-up timed out"]
            raise SystemExit(f"{scenario.key}: set-up failed: {problems}")
        window = scenario.window or window
        measured.opened = time.monotonic()
        users.PLAN.gate.set()
        stopped = users.PLAN.stop.wait(timeout=window)
        users.PLAN.stop.set()
        gevent.sleep(DRAIN)
    finally:
        runner.quit()
        events.request.remove_listener(on_request)
    elapsed = max(measured.last - measured.opened, 0.001)
    result = {
        "window": window,
        "elapsed": elapsed,
        "requests": {
            name: report.summarise(samples, elapsed) for name, samples in measured.samples.items()
        },
        "problems": list(users.PLAN.failed_setup) if stopped else [],
    }
    if scenario.key == "answers":
        result["told_saved"] = users.PLAN.saved
        result["server_saved"] = state("count")["answered"]
        result["committed_per_s"] = result["server_saved"] / elapsed
    return result


def machine() -> dict:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        "unknown",
    )
    memory = next(
        line.split()[1]
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": round(int(memory) / 1024 / 1024, 1),
        "load": os.getloadavg(),
        "python": sys.version.split()[0],
    }


def one_round(args, plan: dict, chosen: list[Scenario]) -> None:
    results = {}
    for scenario in chosen:
        started = time.monotonic()
        results[scenario.key] = run_once(args.host, plan, scenario, args.window, {})
        print(
            f"round {args.round_number} {scenario.key}: {report.one_line(results[scenario.key])} "
            f"({time.monotonic() - started:.0f} s)",
            flush=True,
        )
    Path(args.round_out).write_text(json.dumps(results))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", required=True)
    parser.add_argument("--plan", required=True, help="JSON from loadtest.state prepare")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--window", type=float, default=30, help="seconds measured per run")
    parser.add_argument("--only", default="", help="comma-separated scenario keys")
    parser.add_argument("--out", default=str(ROOT / "docs" / "performance.md"))
    parser.add_argument("--server", default="", help="how the site is served, for the report")
    parser.add_argument("--round-out", default="", help="(internal) run one round, JSON here")
    parser.add_argument("--round-number", type=int, default=1, help="(internal)")
    args = parser.parse_args()
    plan = json.loads(Path(args.plan).read_text())
    chosen = scenarios(args.window, len(plan["quizzes"]))
    if args.only:
        keys = set(args.only.split(","))
        chosen = [s for s in chosen if s.key in keys or s.key == "ceiling"]
    if args.round_out:
        one_round(args, plan, chosen)
        return
    before = machine()
    rounds: list[dict] = []
    for number in range(1, args.rounds + 1):
        # Each round in a Locust process of its own, its officers signing in afresh: a second
        # round in the same process measured starts about half a second slower than the
        # server's own log of them (p50 33 ms there), an artefact of the client, not the site.
        out = Path(args.plan).with_name(f"round-{number}.json")
        command = [sys.executable, "-m", "loadtest.run", *sys.argv[1:]]
        command += ["--round-out", str(out), "--round-number", str(number)]
        done = subprocess.run(command, cwd=ROOT, check=False)
        if done.returncode:
            raise SystemExit(f"round {number} failed (exit {done.returncode})")
        rounds.append(json.loads(out.read_text()))
        # After every round: a run cut short still leaves the rounds it finished.
        text = report.render(
            rounds,
            [(s.key, s.title) for s in chosen],
            machine_before=before,
            machine_after=machine(),
            server=args.server,
            window=args.window,
        )
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(text)
        print(f"wrote {args.out} ({number} of {args.rounds} rounds)", flush=True)


if __name__ == "__main__":
    main()
