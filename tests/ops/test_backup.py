"""Backups (PostgreSQL): scripts/backup.sh dumps a database with committed training records,
scripts/restore.sh restores it into a new database, and the restored database serves every
certificate at /verify/ exactly as the original did. Refusals (a damaged dump, a database that
is not empty, a restore that lost a certificate) are clear messages, and no password is printed.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from courses.models import Certificate, TrainingRecord
from quizzes.models import Attempt

from ..courses.dashboard_helpers import certificate, person, small_force

pytestmark = [pytest.mark.real_services, pytest.mark.django_db(transaction=True)]

ROOT = Path(settings.BASE_DIR)
# Trust authentication ignores the password; it is there to show it is never printed.
SECRET = "s3cret-never-printed"

# Run inside the restored database: the real /verify/ view, as a visitor's browser gets it.
VERIFY_VIA_VIEW = """
import json, sys
import django
django.setup()
from django.test import Client
from django.test.utils import setup_test_environment
setup_test_environment()
client, shown = Client(), {}
for code in json.loads(sys.argv[1]):
    response = client.get(f"/verify/{code}/")
    ctx = response.context
    shown[code] = [response.status_code, ctx["holder"], ctx["module_title"],
                   ctx["issued_at"].isoformat(), ctx["valid"]]
print(json.dumps(shown))
"""


def server_url(name: str) -> str:
    db = connection.settings_dict
    return f"postgres://{db['USER']}:{SECRET}@{db['HOST']}:{db['PORT'] or 5432}/{name}"


def run(*args, database: str, check=False) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "DATABASE_URL": server_url(database),
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "PYTHON": sys.executable,
    }
    done = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert SECRET not in done.stdout + done.stderr
    if check:
        assert done.returncode == 0, done.stdout + done.stderr
    return done


def psql(sql: str, database: str = "postgres") -> str:
    db = connection.settings_dict
    return subprocess.run(
        ["psql", "-X", "-qAt", "-h", db["HOST"], "-U", db["USER"], "-d", database, "-c", sql],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


@pytest.fixture
def restored_db(transactional_db):
    """A database beside the test database, named after it (so two checkouts never share it)."""
    name = connection.settings_dict["NAME"] + "_restored"
    psql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    yield name
    psql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def world(migrated_data, training, demo_users):
    """The dashboards' hand-built force (people in three boroughs and a unit, records,
    attempts with answers, certificates valid and expired), plus a holder whose name needs
    escaping, all committed."""
    force = small_force(training, timezone.localdate())
    odd = person("odd", "Zoë", "O'Brien <b>", place=force.ada.profile.borough)
    certificate(odd, force.b, timezone.now())
    return force


def shown_at_verify(client, codes) -> dict:
    shown = {}
    for code in codes:
        response = client.get(reverse("courses:verify_code", args=[code]))
        ctx = response.context
        shown[code] = [
            response.status_code,
            ctx["holder"],
            ctx["module_title"],
            ctx["issued_at"].isoformat(),
            ctx["valid"],
        ]
    return shown


def test_a_backup_restores_into_a_new_database_serving_the_same_certificates(
    world, client, tmp_path, restored_db
):
    """Then the refusals, on the same dump: building the world twice costs a minute."""
    assert connection.vendor == "postgresql", "the real-services run uses PostgreSQL"
    source = connection.settings_dict["NAME"]
    codes = sorted(Certificate.objects.values_list("code", flat=True))
    assert len(codes) == 5
    before = shown_at_verify(client, codes)
    assert {row[4] for row in before.values()} == {True, False}  # valid and expired both
    counts = (TrainingRecord.objects.count(), Attempt.objects.count())

    backup = run("scripts/backup.sh", str(tmp_path / "backups"), database=source, check=True)
    (dump,) = (tmp_path / "backups").glob("media-awareness-*.dump")
    assert oct(dump.stat().st_mode & 0o777) == "0o600"  # names and records: owner only
    assert str(dump) in backup.stdout
    checksum = subprocess.run(
        ["sha256sum", "--check", dump.name + ".sha256"], cwd=dump.parent, capture_output=True
    )
    assert checksum.returncode == 0
    manifest = json.loads(dump.with_suffix(".manifest.json").read_text())
    assert manifest["counts"]["training records"] == counts[0]
    assert manifest["counts"]["attempts"] == counts[1]
    assert manifest["counts"]["certificates"] == 5

    done = run("scripts/restore.sh", str(dump), restored_db, database=source, check=True)
    assert f"created the database {restored_db}" in done.stdout
    assert "the schema matches this code's migrations" in done.stdout
    assert "Restore verified" in done.stdout and "5 certificates" in done.stdout

    # Independently of the manifest: the real view, run against the restored database.
    after = run(
        sys.executable, "-c", VERIFY_VIA_VIEW, json.dumps(codes), database=restored_db, check=True
    )
    assert json.loads(after.stdout) == before
    assert psql("SELECT count(*) FROM courses_trainingrecord", restored_db) == str(counts[0])

    # Refusals: a database that is not empty (unless --force), the database in use, a lost
    # certificate, a damaged dump.
    again = run("scripts/restore.sh", str(dump), restored_db, database=source)
    assert again.returncode != 0
    assert f"the database {restored_db} is not empty" in again.stderr and "--force" in again.stderr
    forced = run("scripts/restore.sh", "--force", str(dump), restored_db, database=source)
    assert forced.returncode == 0, forced.stderr
    assert "Restore verified" in forced.stdout

    over_source = run("scripts/restore.sh", str(dump), source, database=source)
    assert over_source.returncode != 0 and "restore into a new one" in over_source.stderr

    # A certificate lost on the way: the check names it.
    lost = sorted(Certificate.objects.values_list("code", flat=True))[0]
    psql(f"DELETE FROM courses_certificate WHERE code = '{lost}'", restored_db)
    check = run(
        sys.executable,
        "manage.py",
        "verify_restore",
        "--manifest",
        str(dump.with_suffix(".manifest.json")),
        database=restored_db,
    )
    assert check.returncode != 0
    assert "certificates: 4 restored, 5 backed up" in check.stderr
    assert f"certificate {lost}: /verify/ does not know it" in check.stderr

    damaged = tmp_path / "damaged" / dump.name
    damaged.parent.mkdir()
    data = bytearray(dump.read_bytes())
    data[len(data) // 2] ^= 0xFF
    damaged.write_bytes(bytes(data))
    (damaged.parent / (dump.name + ".sha256")).write_text(
        (dump.parent / (dump.name + ".sha256")).read_text()
    )
    never = source + "_never"
    refused = run("scripts/restore.sh", str(damaged), never, database=source)
    assert refused.returncode != 0 and "does not match its checksum" in refused.stderr
    assert psql(f"SELECT count(*) FROM pg_database WHERE datname = '{never}'") == "0"


def test_backup_failures_are_clear_and_leave_no_file(transactional_db, tmp_path):
    absent = connection.settings_dict["NAME"] + "_absent"
    missing = run("scripts/backup.sh", str(tmp_path), database=absent)
    assert missing.returncode != 0
    assert "backup: cannot open the database" in missing.stderr
    assert f'database "{absent}" does not exist' in missing.stderr
    assert list(tmp_path.iterdir()) == []

    sqlite = subprocess.run(
        ["scripts/backup.sh", str(tmp_path)],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": "sqlite:///db.sqlite3"},
        capture_output=True,
        text=True,
    )
    assert sqlite.returncode != 0 and "not a PostgreSQL address" in sqlite.stderr
    usage = subprocess.run(["scripts/backup.sh"], cwd=ROOT, capture_output=True, text=True)
    assert usage.returncode != 0 and "usage: scripts/backup.sh FOLDER" in usage.stderr
