"""Points 1 and 3 of issue 10's security list: every URL the project serves, walked from the
resolver (not a hand list), opened with GET by every viewer, and compared with
url_expectations.py; and no GET changes how many rows any model has.

A new URL pattern with no expectation fails `test_every_address_has_an_expectation` and its
own cell with its name. Wagtail's admin is covered by its entry points (every pattern without
arguments) plus a representative of each edit pattern filled from the world (fills.py); the
rest of /admin/, /django-admin/ and /django-rq/ by their prefix rule, which needs only that
outsiders are refused before any lookup.

The world (conftest.py) is built once per module; each route's test runs in a savepoint."""

from __future__ import annotations

import pytest

from tests.security.conftest import VIEWERS
from tests.security.counts import changed, snapshot, tables
from tests.security.fills import FILLS
from tests.security.routes import ANY, all_routes, cases_of, client_for, matches, outcome
from tests.security.url_expectations import EXPECTED, PREFIX_RULES

ROUTES = {route.key: route for route in all_routes()}


def expected_for(case) -> tuple | None:
    if case.key in EXPECTED:
        return EXPECTED[case.key]
    if case.filler:
        for prefix, row in PREFIX_RULES.items():
            if case.url.startswith(prefix):
                return row
    return None


def test_every_address_has_an_expectation(security_world, db):
    cases = [case for route in ROUTES.values() for case in cases_of(route, security_world, FILLS)]
    missing = sorted(case.key for case in cases if expected_for(case) is None)
    assert missing == [], f"No expectation in url_expectations.py for: {missing}"
    stale = sorted(set(EXPECTED) - {case.key for case in cases})
    assert stale == [], f"Expectations for addresses that no longer exist: {stale}"
    assert all(len(row) == len(VIEWERS) for row in [*EXPECTED.values(), *PREFIX_RULES.values()])


def _get(case, viewer, users):
    client = client_for(viewer, users, raise_request_exception=False)
    return outcome(client.get(case.url))


@pytest.mark.parametrize("key", list(ROUTES))
def test_get_as_every_viewer(security_world, db, key):
    wrong, writes = [], []
    names = tables()
    users = security_world.viewers
    for case in cases_of(ROUTES[key], security_world, FILLS):
        row = expected_for(case)
        assert row is not None, f"{case.key} ({case.url}): add it to url_expectations.py"
        viewers = [(v, e) for v, e in zip(VIEWERS, row, strict=True) if e != ANY]
        # Counted once around all the viewers (a count per request doubled the run); on a
        # change, each viewer again on its own to name who caused it.
        before = snapshot(names)
        for viewer, expected in viewers:
            got = _get(case, viewer, users)
            if not matches(expected, got):
                wrong.append(f"{case.key} {case.url} as {viewer}: expected {expected}, got {got}")
        if changed(before, snapshot(names), case.key):
            for viewer, _expected in viewers:
                before = snapshot(names)
                _get(case, viewer, users)
                if delta := changed(before, snapshot(names), case.key):
                    writes.append(f"GET {case.url} as {viewer} changed row counts: {delta}")
    assert wrong == [], "\n".join(wrong)
    assert writes == [], "\n".join(writes)
