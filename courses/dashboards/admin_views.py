"""Item analysis in the Wagtail admin (registered in `courses/wagtail_hooks.py`): every
template and rule, and one template's questions, for trainers and DMC staff who may view
scenario templates. Each sees the answers of the people they may see (see
`item_selectors.analysis_people`)."""

from __future__ import annotations

from datetime import timedelta

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from scenarios.models import BankQuestion, ScenarioTemplate

from .item_analysis import ENOUGH_ANSWERS, ENOUGH_IN_GROUP, FLAG_BELOW, GROUP_SHARE
from .item_selectors import (
    analysis_people,
    force_item_analysis,
    may_analyse,
    template_item_analysis,
)
from .status_sql import start_of

PERIODS = [("all", "All time"), ("365", "Last 12 months"), ("90", "Last 90 days")]


class PeriodForm(forms.Form):
    period = forms.ChoiceField(
        choices=PERIODS,
        required=False,
        error_messages={"invalid_choice": "Choose one of the periods in the list."},
    )

    def since(self):
        self.is_valid()
        value = getattr(self, "cleaned_data", {}).get("period") or "all"
        if value == "all":
            return None
        return start_of(timezone.localdate() - timedelta(days=int(value) - 1))


def _context(request, **extra) -> dict:
    if not may_analyse(request.user):
        raise PermissionDenied
    form = PeriodForm({"period": request.GET.get("period", "all")})
    people, label = analysis_people(request.user)
    return {
        "form": form,
        "since": form.since(),
        "people": people,
        "scope_label": label,
        "enough": ENOUGH_ANSWERS,
        "enough_in_group": ENOUGH_IN_GROUP,
        "flag_below": round(100 * FLAG_BELOW),
        "group_share": round(100 * GROUP_SHARE),
        **extra,
    }


def item_analysis(request):
    context = _context(request)
    templates, rules = force_item_analysis(context["people"], since=context["since"])
    context.update(
        templates=templates, rules=rules, flagged=[t for t in templates if t.stats.flagged]
    )
    return TemplateResponse(request, "courses/dashboards/admin/item_analysis.html", context)


def _question_inspect_url(pk: int) -> str | None:
    try:
        return reverse(BankQuestion.snippet_viewset.get_url_name("inspect"), args=[pk])
    except (AttributeError, NoReverseMatch):
        return None


def template_item_analysis_view(request, pk: int):
    context = _context(request)
    template = get_object_or_404(ScenarioTemplate, pk=pk)
    overall, questions, rules = template_item_analysis(
        context["people"], template, since=context["since"]
    )
    context.update(
        template=template,
        overall=overall,
        questions=[(row, _question_inspect_url(row.pk)) for row in questions],
        rules=rules,
        template_url=reverse(
            ScenarioTemplate.snippet_viewset.get_url_name("inspect"), args=[template.pk]
        ),
    )
    return TemplateResponse(
        request, "courses/dashboards/admin/item_analysis_template.html", context
    )
