"""Publish a rulebook change and re-grade a bank of 100,000 questions (goal: under 60 s).

Runs against the database DATABASE_URL names (a throwaway SQLite file by default), which it
migrates and fills itself. Median of 3 runs; each run re-grades the whole bank."""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SIZE = int(os.environ.get("BENCH_BANK_SIZE", "100000"))
RUNS = 3

if not os.environ.get("DATABASE_URL"):
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from scenarios import jobs  # noqa: E402
from scenarios.library_loader import load_starter_library  # noqa: E402
from scenarios.models import AnswerChange, BankQuestion, JobRun, Topic  # noqa: E402


def fill_bank():
    BankQuestion.objects.all().delete()
    load_starter_library()
    jobs.bank_generate()
    seed = list(BankQuestion.objects.all())
    rows, n = [], 0
    while len(rows) + len(seed) < SIZE:
        for q in seed:
            if len(rows) + len(seed) >= SIZE:
                break
            n += 1
            q.pk = None
            q.key = f"bench{n:011d}"
            rows.append(BankQuestion(**{f.attname: getattr(q, f.attname) for f in q._meta.fields}))
    BankQuestion.objects.bulk_create(rows, batch_size=2000)


def flip_burglary(rating):
    topic = Topic.objects.get(slug="burglary")
    topic.rating = rating
    topic.guidance_url = f"/guidance/rag/#{rating.lower()}"
    topic.save_revision().publish()  # a new rulebook version; the bank is now stale


def main():
    call_command("migrate", verbosity=0)
    fill_bank()
    total = BankQuestion.objects.count()
    times, changed = [], []
    for run in range(RUNS):
        AnswerChange.objects.all().delete()
        start = time.perf_counter()
        # Publishing queues the re-grade; without Redis it runs here, in-process.
        flip_burglary("RED" if run % 2 == 0 else "GREEN")
        if os.environ.get("REDIS_URL"):
            sys.exit("run this benchmark without REDIS_URL: it times the in-process job")
        times.append(time.perf_counter() - start)
        job = JobRun.objects.filter(kind=JobRun.REGRADE).latest("pk")
        assert job.status == JobRun.DONE and job.done == total, job
        changed.append(job.changed)
    print(
        f"regrade ({connection.vendor}): {total:,} questions re-graded in "
        f"{statistics.median(times):.1f} s (median of {RUNS}; {changed[0]:,} answers changed)"
    )


if __name__ == "__main__":
    main()
