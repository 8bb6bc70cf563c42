"""Time `manage.py rag_check FILE` on one array of 10,000 facts (the whole command: start-up,
parse, grade, print). Median of 5 runs."""

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bench_engine import make_facts_dicts  # noqa: E402
from scenarios.rules import initial_rulebook  # noqa: E402

RUNS = 5
N = 10_000


def main() -> None:
    facts = make_facts_dicts(initial_rulebook(), N)
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(facts, handle)
    times = []
    try:
        for _ in range(RUNS):
            start = time.perf_counter()
            result = subprocess.run(
                [sys.executable, "manage.py", "rag_check", handle.name],
                cwd=ROOT,
                capture_output=True,
                text=True,
                env=os.environ.copy(),
                check=False,
            )
            times.append(time.perf_counter() - start)
            if result.returncode != 0:
                sys.exit(f"rag_check failed: {result.stderr}")
        assert len(json.loads(result.stdout)) == N
    finally:
        os.unlink(handle.name)
    empty_start = time.perf_counter()
    subprocess.run(
        [sys.executable, "manage.py", "rag_check"],
        input="[]",
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    startup = time.perf_counter() - empty_start
    print(
        f"rag_check: {N:,} facts in one array in {statistics.median(times):.2f} s "
        f"(median of {RUNS}; an empty array takes {startup:.2f} s, which is Django start-up)"
    )


if __name__ == "__main__":
    main()
