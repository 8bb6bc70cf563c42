"""Row counts of every model, in one query: a GET that changed one of them changed state."""

from __future__ import annotations

from django.apps import apps
from django.db import connection

# Written by reading, on purpose, and not state a GET may be asked to leave alone:
IGNORED_TABLES = {
    # the signed-in session itself (sign-in, its idle clock, messages carried to the next page)
    "django_session",
    # django-axes' log of who came in from where: an access log by design
    "axes_accesslog",
    "axes_accessattempt",
    "axes_accessattemptexpiration",
    "axes_accessfailurelog",
}


def tables() -> list[str]:
    names = {
        model._meta.db_table
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    }
    return sorted(names - IGNORED_TABLES)


def snapshot(names: list[str]) -> dict[str, int]:
    quote = connection.ops.quote_name
    sql = "SELECT " + ", ".join(f"(SELECT COUNT(*) FROM {quote(t)})" for t in names)
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return dict(zip(names, cursor.fetchone(), strict=True))


def changed(before: dict[str, int], after: dict[str, int]) -> dict[str, tuple[int, int]]:
    return {t: (before[t], after[t]) for t in before if before[t] != after[t]}
