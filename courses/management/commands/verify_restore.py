"""Prove a restored database holds the same training records as the one backed up.

`--write-manifest FILE` (run by scripts/backup.sh, inside the dump's snapshot) writes the counts
of the training records and, for every certificate, what /verify/ shows for its code. `--manifest
FILE` (run by scripts/restore.sh against the restored database) reads the same things back
through the same selectors and names every difference.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from courses import learner_selectors
from courses.models import Assignment, Certificate, TrainingRecord
from quizzes.models import Attempt, AttemptQuestion

FORMAT = 1
# pg_export_snapshot() gives e.g. 00000003-0000001B-1: nothing else reaches the SQL.
SNAPSHOT = re.compile(r"^[0-9A-F]+-[0-9A-F]+(-[0-9]+)?$")
# Enough to see what went wrong without flooding a terminal with 35,000 lines.
SHOWN = 20


def _counts() -> dict[str, int]:
    return {
        "people": get_user_model().objects.count(),
        "assignments": Assignment.objects.count(),
        "training records": TrainingRecord.objects.count(),
        "attempts": Attempt.objects.count(),
        "answers": AttemptQuestion.objects.count(),
        "certificates": Certificate.objects.count(),
    }


def verified(code: str, *, today: date) -> dict | None:
    """What /verify/<code>/ shows for a code (name, module, date issued, still valid on
    `today`), read through the view's own selectors; None where it would say "unknown"."""
    found = learner_selectors.certificate_by_code(code)
    if found is None:
        return None
    return {
        "holder": learner_selectors.holder_name(found.person),
        "module": found.module_title,
        "issued": found.issued_at.isoformat(),
        "valid": learner_selectors.certificate_valid(found, today=today),
    }


def manifest(*, today: date) -> dict:
    codes = Certificate.objects.order_by("code").values_list("code", flat=True).iterator()
    return {
        "format": FORMAT,
        "today": today.isoformat(),
        "counts": _counts(),
        "certificates": {code: verified(code, today=today) for code in codes},
    }


def differences(expected: dict) -> list[str]:
    """Every way the current database differs from `expected` (a manifest)."""
    today = date.fromisoformat(expected["today"])
    found = []
    for name, count in _counts().items():
        wanted = expected["counts"].get(name)
        if wanted is not None and wanted != count:
            found.append(f"{name}: {count} restored, {wanted} backed up")
    for code, wanted in expected["certificates"].items():
        # Validity as of the backup's day, so a pass that has expired since is no difference.
        got = verified(code, today=today)
        if got is None:
            found.append(f"certificate {code}: /verify/ does not know it")
        elif got != wanted:
            wanted = wanted or {}
            fields = ", ".join(
                f"{key} {got.get(key)!r} (backed up: {wanted.get(key)!r})"
                for key in sorted(got.keys() | wanted.keys())
                if got.get(key) != wanted.get(key)
            )
            found.append(f"certificate {code}: {fields}")
    return found


def _well_formed(data) -> bool:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return False
    try:
        date.fromisoformat(data["today"])
    except (KeyError, TypeError, ValueError):
        return False
    certificates = data.get("certificates")
    return (
        isinstance(data.get("counts"), dict)
        and isinstance(certificates, dict)
        and all(value is None or isinstance(value, dict) for value in certificates.values())
    )


class Command(BaseCommand):
    help = (
        "Write a manifest of the training records and what /verify/ shows for every certificate "
        "(--write-manifest), or check the database against one after a restore (--manifest)."
    )

    def add_arguments(self, parser):
        action = parser.add_mutually_exclusive_group(required=True)
        action.add_argument("--write-manifest", metavar="FILE", help="Write the manifest here.")
        action.add_argument("--manifest", metavar="FILE", help="Check against this manifest.")
        parser.add_argument(
            "--snapshot",
            help="With --write-manifest on PostgreSQL: read inside this exported snapshot "
            "(pg_export_snapshot()), so the manifest describes exactly what pg_dump saved.",
        )

    def handle(self, *args, **options):
        if options["write_manifest"]:
            self._write(Path(options["write_manifest"]), options["snapshot"])
        else:
            self._check(Path(options["manifest"]))

    def _write(self, path: Path, snapshot: str | None) -> None:
        if snapshot is not None:
            if connection.vendor != "postgresql":
                raise CommandError("--snapshot needs PostgreSQL.")
            if not SNAPSHOT.match(snapshot):
                raise CommandError(f"--snapshot: {snapshot!r} is not a snapshot id.")
        with transaction.atomic():
            if snapshot is not None:
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
                    cursor.execute(f"SET TRANSACTION SNAPSHOT '{snapshot}'")
            data = manifest(today=timezone.localdate())
        try:
            path.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n")
        except OSError as exc:
            raise CommandError(f"Cannot write the manifest to {path}: {exc.strerror}.") from exc
        counts = ", ".join(f"{n} {name}" for name, n in data["counts"].items())
        self.stdout.write(f"Manifest written to {path}: {counts}.")

    def _check(self, path: Path) -> None:
        try:
            expected = json.loads(path.read_text())
        except OSError as exc:
            raise CommandError(f"Cannot read the manifest {path}: {exc.strerror}.") from exc
        except ValueError as exc:
            raise CommandError(f"{path} is not a manifest (not JSON: {exc}).") from exc
        if not _well_formed(expected):
            raise CommandError(f"{path} is not a manifest this version can read.")
        found = differences(expected)
        if found:
            shown = "\n  ".join(found[:SHOWN])
            more = f"\n  ... and {len(found) - SHOWN} more" if len(found) > SHOWN else ""
            raise CommandError(
                f"The restored database differs from the backup in {len(found)} ways:\n"
                f"  {shown}{more}"
            )
        counts = ", ".join(f"{n} {name}" for name, n in expected["counts"].items())
        self.stdout.write(
            f"Restore verified: {counts}; every certificate shows the same name, module, date "
            f"and validity at /verify/ as when it was backed up."
        )
