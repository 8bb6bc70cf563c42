"""Row counts of every model, in one query: a GET that changed one of them changed state."""

from __future__ import annotations

import re

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
    # Wagtail makes a user's admin preferences row the first time it renders a page for them
    "wagtailusers_userprofile",
}

# Rows a GET adds on purpose, each a record of the reading itself, and only where it may:
# table -> (the case keys that may add them, why).
LOGGED_ON_GET = {
    "audit_auditentry": (
        re.compile(r"courses:(dashboard_export\[|xapi_export$)"),
        "every data export is audited: who downloaded which table, with which filters",
    ),
    "wagtailadmin_editingsession": (
        re.compile(r":edit(\[|$)"),
        "Wagtail's edit views note who has the object open, to warn two people editing it",
    ),
    "wagtailcore_pagesubscription": (
        re.compile(r"^wagtailadmin_pages:edit(\[|$)"),
        "Wagtail subscribes whoever opens a page's editor to its comment notifications",
    ),
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


def changed(
    before: dict[str, int], after: dict[str, int], key: str = ""
) -> dict[str, tuple[int, int]]:
    """The tables whose count moved, less the logs LOGGED_ON_GET lets the address `key` add."""
    return {
        t: (before[t], after[t])
        for t in before
        if before[t] != after[t] and not (t in LOGGED_ON_GET and LOGGED_ON_GET[t][0].search(key))
    }
