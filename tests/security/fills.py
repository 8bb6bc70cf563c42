"""The arguments of every pattern that takes some, filled from the security world: one request
per label, each named `key[label]` in the expectations. A pattern with arguments and no entry
here falls to its prefix rule (the admin's, Django admin's, django-rq's) with filler values."""

from __future__ import annotations

from django.urls import reverse

from courses.dashboards.exports import TABLES
from tests.courses.test_permission_matrix import OWED_RULE


def _rev(name, *args) -> str:
    return reverse(name, args=list(args))


def _snippet(model: str, w, action: str = "edit") -> list[tuple[str, str]]:
    app = "quizzes" if model == "quiz" else "scenarios"
    return [("", _rev(f"wagtailsnippets_{app}_{model}:{action}", w.snippets[model].pk))]


def _lesson(w) -> str:
    module = w.pages["module"]
    return module.lesson_url(module.lessons[0].id)


FILLS = {
    # --- the site
    "api_not_found": lambda w: [("", "/api/no-such-endpoint")],
    "api_token_revoke": lambda w: [
        ("own", _rev("api_token_revoke", w.tokens["lewisham"])),
        ("croydon", _rev("api_token_revoke", w.tokens["croydon"])),
    ],
    "quizzes:start": lambda w: [("", _rev("quizzes:start", w.pages["module"].quiz_id))],
    "quizzes:attempt": lambda w: [
        ("open", _rev("quizzes:attempt", w.open_attempt)),
        ("lewisham", _rev("quizzes:attempt", w.attempts["lewisham"])),
        ("croydon", _rev("quizzes:attempt", w.attempts["croydon"])),
    ],
    "quizzes:question": lambda w: [
        ("open", _rev("quizzes:question", w.open_attempt, 1)),
        ("lewisham", _rev("quizzes:question", w.attempts["lewisham"], 1)),
        ("croydon", _rev("quizzes:question", w.attempts["croydon"], 1)),
    ],
    "quizzes:submit": lambda w: [
        ("open", _rev("quizzes:submit", w.open_attempt)),
        ("croydon", _rev("quizzes:submit", w.attempts["croydon"])),
    ],
    "quizzes:review": lambda w: [
        ("lewisham", _rev("quizzes:review", w.attempts["lewisham"])),
        ("croydon", _rev("quizzes:review", w.attempts["croydon"])),
    ],
    "courses:lesson_read": lambda w: [
        ("", _rev("courses:lesson_read", w.pages["module"].pk, w.lesson))
    ],
    "courses:certificate": lambda w: [
        ("lewisham", _rev("courses:certificate", w.codes["lewisham"])),
        ("croydon", _rev("courses:certificate", w.codes["croydon"])),
        ("unknown", _rev("courses:certificate", "ZZZZZ-ZZZZZ")),
    ],
    "courses:verify_code": lambda w: [
        ("lewisham", _rev("courses:verify_code", w.codes["lewisham"])),
        ("unknown", _rev("courses:verify_code", "ZZZZZ-ZZZZZ")),
    ],
    "courses:dashboard_export": lambda w: [
        *((table, _rev("courses:dashboard_export", table)) for table in TABLES),
        ("unknown", _rev("courses:dashboard_export", "no-such-table")),
    ],
    "courses:refresher_start": lambda w: [("", _rev("courses:refresher_start", OWED_RULE))],
    "wagtail_serve": lambda w: [
        ("home", w.pages["home"].url),
        ("guidance", w.pages["guidance"].url),
        ("training", w.pages["index"].url),
        ("course", w.pages["course"].url),
        ("module", w.pages["module"].url),
        ("lesson", _lesson(w)),
        ("unknown", "/no-such-page/"),
    ],
    # --- Django admin and django-rq: patterns "1" does not fit
    "admin:app_list": lambda w: [("", "/django-admin/auth/")],
    "django-admin/(?P<url>.*)$": lambda w: [("", "/django-admin/no-such-thing/")],
    "admin/^.*/$": lambda w: [("", "/admin/no-such-thing/")],
    # django-rq's dashboard, on its own and inside Django's admin: the real queue (0)
    "django_rq:home_json": lambda w: [
        ("no-token", "/django-rq/stats.json"),
        ("wrong-token", "/django-rq/stats.json/wrongtoken/"),
    ],
    "admin:django_rq_home_json": lambda w: [
        ("no-token", "/django-admin/django_rq/dashboard/stats.json"),
        ("wrong-token", "/django-admin/django_rq/dashboard/stats.json/wrongtoken/"),
    ],
    "django_rq:jobs": lambda w: [("", _rev("django_rq:jobs", 0))],
    "django_rq:queue_details": lambda w: [("", _rev("django_rq:queue_details", 0))],
    "django_rq:workers": lambda w: [("", _rev("django_rq:workers", 0))],
    "admin:django_rq_jobs": lambda w: [("", _rev("admin:django_rq_jobs", 0))],
    # --- Wagtail admin: a representative of each edit pattern
    "wagtailadmin_explore": lambda w: [("", _rev("wagtailadmin_explore", w.pages["home"].pk))],
    "wagtailadmin_pages:edit": lambda w: [
        ("guidance", _rev("wagtailadmin_pages:edit", w.pages["guidance"].pk)),
        ("module", _rev("wagtailadmin_pages:edit", w.pages["module"].pk)),
    ],
    "wagtailadmin_pages:add_subpage": lambda w: [
        ("", _rev("wagtailadmin_pages:add_subpage", w.pages["index"].pk))
    ],
    "wagtailadmin_pages:history": lambda w: [
        ("", _rev("wagtailadmin_pages:history", w.pages["guidance"].pk))
    ],
    "wagtailadmin_pages:revisions_index": lambda w: [
        ("", _rev("wagtailadmin_pages:revisions_index", w.pages["guidance"].pk))
    ],
    **{
        f"wagtailsnippets_{'quizzes' if model == 'quiz' else 'scenarios'}_{model}:edit": (
            lambda w, model=model: _snippet(model, w)
        )
        for model in (
            "topic",
            "greensource",
            "ruleparameters",
            "rulebookversion",
            "scenariotemplate",
            "bankquestion",
            "quiz",
        )
    },
    "wagtailsnippets_scenarios_rulebookversion:inspect": lambda w: _snippet(
        "rulebookversion", w, "inspect"
    ),
    "wagtailsnippets_scenarios_scenariotemplate:inspect": lambda w: _snippet(
        "scenariotemplate", w, "inspect"
    ),
    "wagtailsnippets_scenarios_bankquestion:inspect": lambda w: _snippet(
        "bankquestion", w, "inspect"
    ),
    "people:edit": lambda w: [("", _rev("people:edit", w.profile.pk))],
    "wagtailusers_users:edit": lambda w: [("", _rev("wagtailusers_users:edit", w.officer.pk))],
    "wagtailusers_groups:edit": lambda w: [("", _rev("wagtailusers_groups:edit", w.group.pk))],
    "wagtailsites:edit": lambda w: [("", _rev("wagtailsites:edit", w.site.pk))],
    "wagtailadmin_collections:edit": lambda w: [
        ("", _rev("wagtailadmin_collections:edit", w.collection.pk))
    ],
    "wagtailadmin_workflows:edit": lambda w: [
        ("", _rev("wagtailadmin_workflows:edit", w.workflow.pk))
    ],
    "wagtailsettings:edit": lambda w: [
        ("", _rev("wagtailsettings:edit", "organisation", "contactsettings", w.contacts.pk))
    ],
    "courses_item_analysis_template": lambda w: [
        ("", _rev("courses_item_analysis_template", w.template.pk))
    ],
}
