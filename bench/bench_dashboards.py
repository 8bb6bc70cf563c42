"""Trainer dashboards on a realistic force, through the full Django stack: the median time of
each dashboard page for a borough SPOC, DMC Borough Support and the Social Media Team, and
the time to stream the CSV of every officer in the force.

Runs against the database DATABASE_URL names (`make bench` passes its own PostgreSQL
database), which it migrates and fills itself: the demo, then `build_force` (35,000 officers
unless BENCH_OFFICERS says otherwise). The force is kept, so later runs only measure."""

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OFFICERS = int(os.environ.get("BENCH_OFFICERS", "35000"))
RENDERS = int(os.environ.get("BENCH_RENDERS", "15"))

if not os.environ.get("DATABASE_URL"):
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
os.environ["DJANGO_DEBUG"] = "false"  # DEBUG keeps every query in memory: not what is served
os.environ["DJANGO_ALLOWED_HOSTS"] = "testserver"
# Every render counts afresh (the worst case); the overview's kept figures are timed apart.
os.environ["DASHBOARD_FIGURES_SECONDS"] = "0"

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.urls import reverse  # noqa: E402

from courses.force import PREFIX, ForceSize, build_force  # noqa: E402

PAGES = (
    "dashboard",
    "dashboard_people",
    "dashboard_overdue",
    "dashboard_trends",
    "dashboard_rules",
)
TRAINERS = ("spoc", "borough-support", "social-media-team")


def set_up() -> None:
    call_command("migrate", verbosity=0)
    users = get_user_model().objects
    if not users.filter(username="spoc").exists():
        # load_demo runs only with DEBUG on; this process measures with it off.
        environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.dev"}
        environment.pop("DJANGO_DEBUG")
        subprocess.run(
            [sys.executable, "manage.py", "load_demo"],
            cwd=ROOT,
            env=environment,
            check=True,
            stdout=subprocess.DEVNULL,
        )
    if users.filter(username__startswith=PREFIX).count() < OFFICERS:
        started = time.perf_counter()
        counts = build_force(ForceSize(officers=OFFICERS))
        summary = ", ".join(f"{n:,} {what}" for what, n in counts.items())
        print(f"built the force in {time.perf_counter() - started:.0f} s: {summary}")
    # Fresh statistics for the planner, as autovacuum would soon give a server.
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def median_ms(client: Client, url: str) -> float:
    client.get(url)  # warm: templates, the rulebook cache
    times = []
    for _ in range(RENDERS):
        started = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - started)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(times) * 1000


def export_seconds(client: Client, url: str) -> tuple[float, int]:
    started = time.perf_counter()
    response = client.get(url)
    assert response.status_code == 200 and response.streaming, url
    rows = sum(chunk.count(b"\n") for chunk in response.streaming_content) - 1
    return time.perf_counter() - started, rows


def main() -> None:
    set_up()
    vendor = connection.vendor
    for username in TRAINERS:
        client = Client()
        client.force_login(get_user_model().objects.get(username=username))
        times = {name: median_ms(client, reverse(f"courses:{name}")) for name in PAGES}
        shown = ", ".join(
            f"{name.removeprefix('dashboard_')} {ms:.0f}" for name, ms in times.items()
        )
        print(f"dashboards ({vendor}, {username}): median ms: {shown}")
    client = Client()
    client.force_login(get_user_model().objects.get(username="social-media-team"))
    with override_settings(DASHBOARD_FIGURES_SECONDS=60):
        kept = median_ms(client, reverse("courses:dashboard"))
    print(f"dashboards ({vendor}, social-media-team): overview with its figures kept: {kept:.0f}")
    seconds, rows = export_seconds(client, reverse("courses:dashboard_export", args=["people"]))
    print(f"dashboards ({vendor}): CSV of every officer: {rows:,} rows in {seconds:.2f} s")


if __name__ == "__main__":
    main()
