"""Trainer dashboards: thin views over `selectors`, each page scoped by `dashboard_for`.

Signed out: the sign-in page. Signed in without a trainer's permissions: a 403 page that says
so. A filter value outside the trainer's scope is refused by the form, and the people counted
are always `people_visible_to(user)`, so no URL shows another borough's people.
"""

from __future__ import annotations

from functools import wraps

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render

from courses.standing import OVERDUE

from . import exports, presenting
from .figures import counted
from .params import Dashboard, dashboard_for, passes_trend
from .scope import is_trainer
from .selectors import (
    ENOUGH_RULE_ANSWERS,
    PAGE_SIZE,
    completion_by_module,
    completion_by_team,
    modules_across,
    overdue_records,
    people_with_statuses,
    person_rows,
    rule_errors,
)

# More teams than this and the overview compares them in one table instead of one each.
TEAM_TABLES_UP_TO = 8


def trainers_only(view):
    @login_required
    @wraps(view)
    def guarded(request, *args, **kwargs):
        if not is_trainer(request.user):
            return render(request, "courses/dashboards/forbidden.html", status=403)
        return view(request, *args, **kwargs)

    return guarded


def _page(request, template: str, d: Dashboard, section: str, **context) -> HttpResponse:
    return render(
        request,
        template,
        {
            "d": d,
            "section": section,
            "status_headings": presenting.STATUS_HEADINGS,
            **context,
        },
    )


def _overview_counts(d: Dashboard) -> tuple[list, list]:
    """(teams, by module): one read of the records gives both."""
    if len(d.scope.teams) > 1:
        teams = completion_by_team(
            d.scope, today=d.today, all_modules=d.modules, module=d.filters.module
        )
        return teams, modules_across(teams, d.modules)
    by_module = completion_by_module(
        d.scope, today=d.today, all_modules=d.modules, module=d.filters.module
    )
    return [], by_module


@trainers_only
def overview(request):
    d = dashboard_for(request)
    (teams, by_module), counted_at = counted(
        user=request.user, d=d, what="overview", compute=lambda: _overview_counts(d)
    )
    overdue = sum(row.counts[OVERDUE] for row in by_module)
    return _page(
        request,
        "courses/dashboards/overview.html",
        d,
        "overview",
        by_module=by_module,
        module_chart=presenting.completion_chart(
            "chart-modules", f"Completion by module: {d.scope.label}", by_module
        ),
        teams=teams,
        team_chart=presenting.completion_chart(
            "chart-teams", "Completion compared by borough and unit", [t.overall for t in teams]
        ),
        team_tables=teams if len(teams) <= TEAM_TABLES_UP_TO else [],
        overdue=overdue,
        counted_at=counted_at,
        kept_seconds=settings.DASHBOARD_FIGURES_SECONDS,
    )


@trainers_only
def people(request):
    d = dashboard_for(request)
    shown = d.shown_modules
    everyone = people_with_statuses(d.scope, today=d.today, shown=shown)
    page = Paginator(everyone, PAGE_SIZE).get_page(request.GET.get("page"))
    return _page(
        request,
        "courses/dashboards/people.html",
        d,
        "people",
        shown=shown,
        page=page,
        page_size=PAGE_SIZE,
        rows=person_rows(page.object_list, shown),
    )


@trainers_only
def overdue(request):
    d = dashboard_for(request)
    records = overdue_records(d.scope, today=d.today, module=d.filters.module)
    page = Paginator(records, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [(record, (d.today - record.due_date).days) for record in page.object_list]
    return _page(request, "courses/dashboards/overdue.html", d, "overdue", page=page, rows=rows)


@trainers_only
def trends(request):
    d = dashboard_for(request)
    weekly, buckets = passes_trend(d)
    return _page(
        request,
        "courses/dashboards/trends.html",
        d,
        "trends",
        buckets=buckets,
        weekly=weekly,
        chart=presenting.trend_chart("chart-trends", buckets, weekly),
    )


@trainers_only
def rules(request):
    d = dashboard_for(request)
    found = rule_errors(d.scope, since=d.filters.period.since(d.today), module=d.filters.module)
    return _page(
        request,
        "courses/dashboards/rules.html",
        d,
        "rules",
        rules=found,
        chart=presenting.rules_chart("chart-rules", found),
        enough=ENOUGH_RULE_ANSWERS,
    )


@trainers_only
def export(request, table: str):
    if table not in exports.TABLES:
        raise Http404("No such table.")
    d = dashboard_for(request)
    if d.form.errors:
        # A file quietly built from other filters than asked would mislead: say what is wrong.
        message = "These filters are not valid: " + " ".join(d.errors)
        return HttpResponse(message, status=400, content_type="text/plain; charset=utf-8")
    return exports.export(d, table, by=request.user)
