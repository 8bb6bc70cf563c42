"""Who may open which training address: every URL of the courses app (with its item analysis in
the admin, and the review of an officer's answers) against every role, as one table. Each cell
is its own test, and a new courses URL without a row fails `test_every_courses_address_has_a_row`.

The answers are what the product should do: a trainer sees the people of their own scope and
nobody else's; an officer sees only their own training, never another officer's certificate or
answers, except through the public check, which shows name, module, date and validity. Beside
the status, every answer is searched for the names of the two officers, one in Lewisham and one
in Croydon: a viewer who may not see an officer must never find their name in it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from types import SimpleNamespace

import factory.random
import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.shortcuts import resolve_url
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from courses.dashboards.exports import TABLES
from courses.loader import load_courses
from courses.models import Assignment, CoursePage, ModulePage, TrainingRecord
from courses.services import assignment_create
from home.loader import load_guidance
from home.management.commands.load_demo import DEMO_SEED
from organisation.demo import create_demo_users
from quizzes.models import AttemptQuestion, Quiz
from scenarios.factories import ScenarioTemplateFactory

from .dashboard_helpers import answered, at, bank_question, borough, certificate, person, record

# --------------------------------------------------------------------------- what a cell means

LOGIN = "login"  # 302 to the sign-in page that guards it (the admin has its own)
WHOME = "whome"  # 302 to the admin's dashboard: how Wagtail refuses its own staff
DONE = "done"  # a POST that did its work, then 302 onwards
FORM = "form"  # 200: the form again, with an error, and nothing done
MINE = "mine"  # 302 to "My training"
DASH = "dash"  # 302 to the trainers' dashboard
DRAFT = "draft"  # 302 to the draft checker

VIEWERS = (
    "anonymous",
    "officer",
    "officer-croydon",
    "spoc",
    "spoc-2",
    "borough-support",
    "social-media-team",
    "press-bureau",
    "editor",
)

# One row per address (spelled out in ADDRESSES below), one column per viewer: anonymous, the
# demo officer (Lewisham), an officer made in Croydon, spoc (Lewisham), spoc-2 (Croydon),
# borough-support (supports Lewisham, Greenwich, Southwark), social-media-team (the force),
# press-bureau, editor. A row ending -lew or -croy is about Lewisham's or Croydon's officer, or
# filtered with ?team= to that borough.
# fmt: off
MATRIX = [
    # row                       anon   off-l  off-c  spoc   spoc-2 supprt smt    press  editor
    ("landing",                 LOGIN, MINE,  MINE,  DASH,  DASH,  DASH,  DASH,  DRAFT, WHOME),
    ("my-training",             LOGIN, 200,   200,   200,   200,   200,   200,   200,   200),
    ("lesson-read",             LOGIN, DONE,  DONE,  DONE,  DONE,  DONE,  DONE,  DONE,  DONE),
    ("dashboard",               LOGIN, 403,   403,   200,   200,   200,   200,   403,   403),
    ("dashboard-lew",           LOGIN, 403,   403,   200,   200,   200,   200,   403,   403),
    ("dashboard-people",        LOGIN, 403,   403,   200,   200,   200,   200,   403,   403),
    ("dashboard-people-lew",    LOGIN, 403,   403,   200,   200,   200,   200,   403,   403),
    ("dashboard-people-croy",   LOGIN, 403,   403,   200,   200,   200,   200,   403,   403),
    ("dashboard-overdue",       LOGIN, 403,   403,   200,   200,   200,   200,   403,   403),
    ("dashboard-overdue-lew",   LOGIN, 403,   403,   200,   200,   200,   200,   403,   403),
    ("dashboard-trends",        LOGIN, 403,   403,   200,   200,   200,   200,   403,   403),
    ("dashboard-trends-lew",    LOGIN, 403,   403,   200,   200,   200,   200,   403,   403),
    ("dashboard-rules",         LOGIN, 403,   403,   200,   200,   200,   200,   403,   403),
    ("dashboard-rules-lew",     LOGIN, 403,   403,   200,   200,   200,   200,   403,   403),
    ("export-modules",          LOGIN, 403,   403,   200,   200,   200,   200,   403,   403),
    ("export-teams",            LOGIN, 403,   403,   200,   200,   200,   200,   403,   403),
    ("export-team-modules",     LOGIN, 403,   403,   200,   200,   200,   200,   403,   403),
    ("export-people",           LOGIN, 403,   403,   200,   200,   200,   200,   403,   403),
    ("export-overdue",          LOGIN, 403,   403,   200,   200,   200,   200,   403,   403),
    ("export-trends",           LOGIN, 403,   403,   200,   200,   200,   200,   403,   403),
    ("export-rules",            LOGIN, 403,   403,   200,   200,   200,   200,   403,   403),
    ("export-modules-lew",      LOGIN, 403,   403,   200,   400,   200,   200,   403,   403),
    ("export-teams-lew",        LOGIN, 403,   403,   200,   400,   200,   200,   403,   403),
    ("export-team-modules-lew", LOGIN, 403,   403,   200,   400,   200,   200,   403,   403),
    ("export-people-lew",       LOGIN, 403,   403,   200,   400,   200,   200,   403,   403),
    ("export-overdue-lew",      LOGIN, 403,   403,   200,   400,   200,   200,   403,   403),
    ("export-trends-lew",       LOGIN, 403,   403,   200,   400,   200,   200,   403,   403),
    ("export-rules-lew",        LOGIN, 403,   403,   200,   400,   200,   200,   403,   403),
    ("export-people-croy",      LOGIN, 403,   403,   400,   200,   400,   200,   403,   403),
    ("export-no-such-table",    LOGIN, 403,   403,   404,   404,   404,   404,   403,   403),
    ("certificate-lew",         LOGIN, 200,   404,   200,   404,   200,   200,   404,   404),
    ("certificate-croy",        LOGIN, 404,   200,   404,   200,   404,   200,   404,   404),
    ("verify",                  200,   200,   200,   200,   200,   200,   200,   200,   200),
    ("verify-lew",              200,   200,   200,   200,   200,   200,   200,   200,   200),
    ("verify-unknown",          404,   404,   404,   404,   404,   404,   404,   404,   404),
    ("attempt-review-lew",      LOGIN, 200,   404,   404,   404,   404,   404,   404,   404),
    ("assign",                  LOGIN, 403,   403,   200,   200,   200,   200,   403,   403),
    ("assign-post-lew",         LOGIN, 403,   403,   DONE,  FORM,  DONE,  DONE,  403,   403),
    ("refreshers",              LOGIN, 200,   200,   200,   200,   200,   200,   200,   200),
    ("refresher-start",         LOGIN, DONE,  404,   404,   404,   404,   404,   404,   404),
    ("refreshers-people",       LOGIN, 403,   403,   200,   200,   200,   200,   403,   403),
    ("xapi-statements",         LOGIN, 200,   200,   200,   200,   200,   200,   200,   200),
    ("xapi-export",             LOGIN, 403,   403,   200,   200,   200,   200,   403,   403),
    ("item-analysis",           LOGIN, 403,   403,   200,   200,   200,   200,   WHOME, 200),
    ("item-analysis-template",  LOGIN, 403,   403,   200,   200,   200,   200,   WHOME, 200),
]
# fmt: on

# Who may see each of the two officers the tests look for: themselves and their trainers.
MAY_SEE = {
    "lewisham": {"officer", "spoc", "borough-support", "social-media-team"},
    "croydon": {"officer-croydon", "spoc-2", "social-media-team"},
}
LEWISHAM_TEAM = {"team": "borough-lewisham"}
CROYDON_TEAM = {"team": "borough-croydon"}
OWED_RULE = "red-topic"  # the Lewisham officer owes a refresher on it; nobody else does


@dataclass(frozen=True)
class Address:
    name: str  # the URL's name
    args: Callable[[SimpleNamespace], list] = lambda w: []
    query: dict = field(default_factory=dict)
    method: str = "get"
    data: Callable[[SimpleNamespace], dict] | None = None  # a POST's fields
    lists: tuple[str, ...] = ()  # whose officer it names, to a viewer who may see them
    public: tuple[str, ...] = ()  # whose officer it names to anyone, by design
    effect: Callable[[SimpleNamespace], int] | None = None  # a count only a DONE cell raises


def get(name, args=lambda w: [], query=None, **kwargs) -> Address:
    return Address(name, args, query or {}, **kwargs)


def post(name, args=lambda w: [], data=lambda w: {}, **kwargs) -> Address:
    return Address(name, args, method="post", data=data, **kwargs)


def export(table: str, query=None, **kwargs) -> Address:
    return get("courses:dashboard_export", lambda w: [table], query, **kwargs)


def assign_the_lewisham_officer(w) -> dict:
    return {
        "page": w.modules["roles-and-contacts"].pk,
        "target": "person",
        "person": w.officer.pk,
        "due_date": (timezone.localdate() + timedelta(days=30)).isoformat(),
        "refresher_months": 12,
    }


BOTH = ("lewisham", "croydon")
ADDRESSES = {
    "landing": get("courses:landing"),
    "my-training": get("courses:my_training"),
    "lesson-read": post("courses:lesson_read", lambda w: [w.modules["rag-table"].pk, w.lesson]),
    "dashboard": get("courses:dashboard"),
    "dashboard-lew": get("courses:dashboard", query=LEWISHAM_TEAM),
    "dashboard-people": get("courses:dashboard_people", lists=BOTH),
    "dashboard-people-lew": get(
        "courses:dashboard_people", query=LEWISHAM_TEAM, lists=("lewisham",)
    ),
    "dashboard-people-croy": get(
        "courses:dashboard_people", query=CROYDON_TEAM, lists=("croydon",)
    ),
    "dashboard-overdue": get("courses:dashboard_overdue", lists=BOTH),
    "dashboard-overdue-lew": get(
        "courses:dashboard_overdue", query=LEWISHAM_TEAM, lists=("lewisham",)
    ),
    "dashboard-trends": get("courses:dashboard_trends"),
    "dashboard-trends-lew": get("courses:dashboard_trends", query=LEWISHAM_TEAM),
    "dashboard-rules": get("courses:dashboard_rules"),
    "dashboard-rules-lew": get("courses:dashboard_rules", query=LEWISHAM_TEAM),
    "export-modules": export("modules"),
    "export-teams": export("teams"),
    "export-team-modules": export("team-modules"),
    "export-people": export("people", lists=BOTH),
    "export-overdue": export("overdue", lists=BOTH),
    "export-trends": export("trends"),
    "export-rules": export("rules"),
    "export-modules-lew": export("modules", LEWISHAM_TEAM),
    "export-teams-lew": export("teams", LEWISHAM_TEAM),
    "export-team-modules-lew": export("team-modules", LEWISHAM_TEAM),
    "export-people-lew": export("people", LEWISHAM_TEAM, lists=("lewisham",)),
    "export-overdue-lew": export("overdue", LEWISHAM_TEAM, lists=("lewisham",)),
    "export-trends-lew": export("trends", LEWISHAM_TEAM),
    "export-rules-lew": export("rules", LEWISHAM_TEAM),
    "export-people-croy": export("people", CROYDON_TEAM, lists=("croydon",)),
    "export-no-such-table": export("no-such-table"),
    "certificate-lew": get("courses:certificate", lambda w: [w.codes["lewisham"]]),
    "certificate-croy": get("courses:certificate", lambda w: [w.codes["croydon"]]),
    "verify": get("courses:verify"),
    "verify-lew": get("courses:verify_code", lambda w: [w.codes["lewisham"]], public=("lewisham",)),
    "verify-unknown": get("courses:verify_code", lambda w: ["ZZZZZ-ZZZZZ"]),
    "attempt-review-lew": get("quizzes:review", lambda w: [w.attempts["lewisham"]]),
    "assign": get("courses:assign", lists=BOTH),
    "assign-post-lew": post(
        "courses:assign",
        data=assign_the_lewisham_officer,
        effect=lambda w: Assignment.objects.filter(person=w.officer).count(),
    ),
    "refreshers": get("courses:refreshers"),
    "refresher-start": post(
        "courses:refresher_start",
        lambda w: [OWED_RULE],
        # The refresher's quiz is made the first time someone who owes it starts it.
        effect=lambda w: Quiz.objects.filter(rules=[OWED_RULE]).count(),
    ),
    "refreshers-people": get("courses:refreshers_people", lists=BOTH),
    "xapi-statements": get("courses:xapi_statements"),
    "xapi-export": get("courses:xapi_export", lists=BOTH),
    "item-analysis": get("courses_item_analysis"),
    "item-analysis-template": get("courses_item_analysis_template", lambda w: [w.template.pk]),
}


# --------------------------------------------------------------------------- the world


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Built once for the module and rolled back after it; each test runs in a savepoint, so
    the POSTs that assign or start a refresher leave the next cell as they found it.

    Two officers with the same training: the demo officer in Lewisham (Lorna Ledbetter) and one
    made here in Croydon (Colin Croydonson). Each passed the RAG table (a certificate, a
    refresher owed, an assessed attempt on a template's question) and is overdue on court and
    images, which their borough's SPOC assigned to them."""
    with django_db_blocker.unblock(), transaction.atomic():
        factory.random.reseed_random(DEMO_SEED)
        load_guidance()
        create_demo_users()
        load_courses()
        course = CoursePage.objects.get(source_key="borough-essentials")
        modules = {
            module.source_key.split("/")[1]: module
            for module in ModulePage.objects.child_of(course).order_by("path")
        }
        rag, court = modules["rag-table"], modules["court-and-images"]
        users = {user.username: user for user in get_user_model().objects.all()}
        officer = users["officer"]
        officer.first_name, officer.last_name = "Lorna", "Ledbetter"
        officer.save(update_fields=["first_name", "last_name"])
        users["officer-croydon"] = person(
            "officer-croydon", "Colin", "Croydonson", place=borough("croydon")
        )
        template = ScenarioTemplateFactory(
            key="matrix-template", title="Matrix template", publish=False
        )
        question = bank_question(template, 1)
        today = timezone.localdate()
        day = timedelta(days=1)
        codes, attempts = {}, {}
        for place, who, owed, spoc in (
            ("lewisham", officer, [OWED_RULE], users["spoc"]),
            ("croydon", users["officer-croydon"], ["green-topic"], users["spoc-2"]),
        ):
            passed = record(
                who,
                rag,
                due=today + 30 * day,
                passed=at(today - 10 * day),
                expires=at(today + 355 * day),
            )
            TrainingRecord.objects.filter(pk=passed.pk).update(refresher_rules=owed)
            record(who, court, due=today - 5 * day, started=at(today - 20 * day))
            codes[place] = certificate(who, rag, at(today - 10 * day)).code
            attempts[place] = answered(
                who, rag.quiz, module=rag, score=90, answers=[(["red-topic"], True, question)]
            ).pk
            # Listed, with the officer's name, on the assigning page of whoever sees them.
            assignment_create(by=spoc, page=court, person=who, due_date=today + 7 * day)
        # As grading leaves them: the review page marks each answer against its verdict.
        AttemptQuestion.objects.update(verdict={"rating": "GREEN", "contact": "none"})
        yield SimpleNamespace(
            users=users,
            officer=officer,
            modules=modules,
            lesson=rag.lessons[0].id,
            template=template,
            codes=codes,
            attempts=attempts,
            markers={
                # Their name on a page or in a CSV file; their account in an xAPI statement.
                "lewisham": ("Ledbetter", '"name": "officer"'),
                "croydon": ("Croydonson", '"name": "officer-croydon"'),
            },
        )
        transaction.set_rollback(True)


def body_of(response) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def location_of(token: str) -> str:
    return {
        MINE: reverse("courses:my_training"),
        DASH: reverse("courses:dashboard"),
        DRAFT: reverse("draft_checker"),
        WHOME: reverse("wagtailadmin_home"),
    }[token]


def cells() -> list:
    return [
        pytest.param(row, viewer, expected, id=f"{row}-{viewer}")
        for row, *answers in MATRIX
        for viewer, expected in zip(VIEWERS, answers, strict=True)
    ]


# --------------------------------------------------------------------------- the matrix


@pytest.mark.parametrize("row, viewer, expected", cells())
def test_permission_matrix(world, db, client, row, viewer, expected):
    address = ADDRESSES[row]
    if viewer != "anonymous":
        client.force_login(world.users[viewer])
    url = reverse(address.name, args=address.args(world))
    before = address.effect(world) if address.effect else None
    if address.method == "post":
        response = client.post(url, address.data(world))
    else:
        response = client.get(url, address.query)

    if expected == LOGIN:
        in_admin = url.startswith(reverse("wagtailadmin_home"))
        sign_in = reverse("wagtailadmin_login") if in_admin else resolve_url(settings.LOGIN_URL)
        assert response.status_code == 302
        assert response["Location"].startswith(sign_in + "?next=")
    elif expected == DONE:
        assert response.status_code == 302
        assert "login" not in response["Location"]
    elif expected == FORM:
        assert response.status_code == 200
        assert "Error:" in body_of(response)
    elif isinstance(expected, str):
        assert response.status_code == 302
        assert response["Location"] == location_of(expected)
    else:
        assert response.status_code == expected

    if address.effect:
        assert address.effect(world) == before + (expected == DONE)

    body = body_of(response)
    for place, markers in world.markers.items():
        found = [marker for marker in markers if marker in body]
        if viewer in MAY_SEE[place]:
            # Else a page that named nobody would pass every check below.
            if place in address.lists and response.status_code == 200:
                assert found, f"{place}'s officer is missing from what {viewer} sees"
        elif place not in address.public:
            assert not found, f"{viewer} is shown {place}'s officer: {found}"


def test_the_public_check_shows_only_name_module_date_and_validity(world, db, client):
    html = body_of(client.get(reverse("courses:verify_code", args=[world.codes["lewisham"]])))
    assert "Lorna Ledbetter" in html and world.modules["rag-table"].title in html
    assert "genuine and still valid" in html
    # Not their borough, their email, their score, nor a way to the printable certificate.
    assert "Lewisham" not in html and "@example.police.uk" not in html
    assert "score" not in html.lower() and 'href="/certificates/' not in html


# --------------------------------------------------------------------------- completeness


def _url_names(patterns, namespace: str = ""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = ":".join(filter(None, [namespace, pattern.namespace]))
            yield from _url_names(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}:{pattern.name}" if namespace else pattern.name


def test_every_courses_address_has_a_row():
    """A new address in the courses namespace, or a new courses_* page in the admin, must
    come with its row: who may open it is decided when it is added, not found out later."""
    names = set(_url_names(get_resolver().url_patterns))
    courses = {n for n in names if n.startswith("courses:") or n.startswith("courses_")}
    assert courses, "the walk found no courses addresses"
    covered = {address.name for address in ADDRESSES.values()}
    assert courses - covered == set()
    exported = {
        address.args(None)[0]
        for address in ADDRESSES.values()
        if address.name == "courses:dashboard_export"
    }
    assert set(TABLES) - exported == set()


def test_every_row_has_an_address_and_a_cell_for_each_viewer():
    assert [row for row, *_ in MATRIX] == list(ADDRESSES)
    assert all(len(answers) == len(VIEWERS) for _, *answers in MATRIX)
