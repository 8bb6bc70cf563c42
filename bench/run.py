"""`make bench`: every benchmark, one after another. Each prints its own medians.

The re-grade and quiz benchmarks run on SQLite, and on PostgreSQL too when one answers at
BENCH_POSTGRES (default postgres://postgres@127.0.0.1:5432), in a database of their own. The
dashboards are measured on PostgreSQL, on a realistic force of 35,000 officers built once in
another database of their own (about ten minutes the first time) and kept for later runs."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCHES = ["bench_engine.py", "bench_generator.py", "bench_rag_check.py", "bench_suggest.py"]
POSTGRES = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
BENCH_DB = "media_awareness_bench"
FORCE_DB = "media_awareness_bench_force"


def run(name, **env):
    environment = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    environment.update(env)
    print(f"== {name} {' '.join(f'{k}={v}' for k, v in env.items())}", flush=True)
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / name)], cwd=ROOT, env=environment, check=True
    )


def postgres_ready() -> bool:
    try:
        import psycopg

        with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True, connect_timeout=3) as c:
            for name in (BENCH_DB, FORCE_DB):
                exists = c.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
                if not exists.fetchone():
                    c.execute(f'CREATE DATABASE "{name}"')
        return True
    except Exception as exc:  # noqa: BLE001
        print(f"(PostgreSQL not reachable at {POSTGRES}: {exc}; skipping its re-grade run)")
        return False


for bench in BENCHES:
    run(bench)
run("bench_regrade.py")
run("bench_quiz.py")
if postgres_ready():
    run("bench_regrade.py", DATABASE_URL=f"{POSTGRES}/{BENCH_DB}")
    run("bench_quiz.py", DATABASE_URL=f"{POSTGRES}/{BENCH_DB}")
    run("bench_dashboards.py", DATABASE_URL=f"{POSTGRES}/{FORCE_DB}")
