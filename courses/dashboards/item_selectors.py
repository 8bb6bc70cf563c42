"""What item analysis reads: the marked answers of assessed attempts by the people the trainer
sees, as plain `Answer`s for the pure core in `item_analysis.py`.

The figures need every answer (the top and bottom groups are by each attempt's score), so the
rows are streamed with `.iterator()` in one query and folded as they come; only one small row
per answer is held, not a model instance."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth import get_user_model
from django.db.models import QuerySet

from quizzes.models import AttemptQuestion
from quizzes.models.quiz import ASSESSED
from scenarios.models import BankQuestion, ScenarioTemplate
from scenarios.rules import rule_title

from .item_analysis import Answer, ItemStats, analyse, judgement, sort_key
from .scope import is_trainer, scope_of

TEMPLATE_VIEW = "scenarios.view_scenariotemplate"


def may_analyse(user) -> bool:
    """Trainers and DMC staff who may view scenario templates."""
    return bool(getattr(user, "is_authenticated", False)) and (
        user.is_superuser or user.has_perm(TEMPLATE_VIEW)
    )


def analysis_people(user) -> tuple[QuerySet, str]:
    """Whose answers count: a trainer's own people (their borough, the boroughs they support,
    or the force); DMC staff who sign templates off without a trainer's scope (editors) judge
    templates on the whole force's answers."""
    if is_trainer(user):
        scope = scope_of(user)
        return scope.people, scope.label
    people = get_user_model().objects.filter(is_active=True, profile__isnull=False)
    return people, "Whole force"


def _answers(people: QuerySet, *, since: datetime | None, template: ScenarioTemplate | None):
    answers = AttemptQuestion.objects.filter(
        attempt__user__in=people,
        attempt__mode=ASSESSED,
        attempt__score__isnull=False,
        correct__isnull=False,
    )
    if since is not None:
        answers = answers.filter(attempt__finished_at__gte=since)
    if template is not None:
        answers = answers.filter(bank_question__template=template)
    return (
        answers.order_by()
        .values_list(
            "bank_question__template_id",
            "bank_question__template_key",
            "bank_question_id",
            "attempt_id",
            "attempt__score",
            "correct",
            "rules",
        )
        .iterator(chunk_size=5000)
    )


@dataclass(frozen=True)
class ItemRow:
    label: str
    stats: ItemStats
    pk: int | None = None  # the template's or the bank question's, when there is one
    detail: str = ""  # a rule id, a template key, a rating

    @property
    def judgement(self) -> str:
        return judgement(self.stats)

    @property
    def facility(self) -> str:
        return _percent(self.stats.facility)

    @property
    def top(self) -> str:
        return _percent(self.stats.top.facility)

    @property
    def bottom(self) -> str:
        return _percent(self.stats.bottom.facility)

    @property
    def discrimination(self) -> str:
        value = self.stats.discrimination
        return "–" if value is None else f"{value:+.2f}"


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{round(100 * value)}%"


def _sorted(rows: list[ItemRow]) -> list[ItemRow]:
    return sorted(rows, key=lambda row: (sort_key(row.stats), row.label))


def _keyed(rows, *, by_question: bool):
    """(item, Answer) pairs: each answer under its template (or bank question) and under
    every rule it tested."""
    for template_id, template_key, question_id, attempt_id, score, correct, rules in rows:
        answer = Answer(attempt=attempt_id, score=score, correct=bool(correct))
        if by_question and question_id is not None:
            yield ("question", question_id), answer
        elif not by_question and (template_id is not None or template_key):
            yield ("template", template_id or template_key), answer
        for rule in set(rules or ()):
            yield ("rule", rule), answer


def _rule_rows(stats: dict) -> list[ItemRow]:
    return _sorted(
        [
            ItemRow(rule_title(key[1]), value, detail=key[1])
            for key, value in stats.items()
            if key[0] == "rule"
        ]
    )


def force_item_analysis(people: QuerySet, *, since: datetime | None = None):
    """Every template and every rule: (template rows, rule rows), the ones to check first."""
    stats = analyse(_keyed(_answers(people, since=since, template=None), by_question=False))
    template_keys = [key[1] for key in stats if key[0] == "template"]
    templates = ScenarioTemplate.objects.in_bulk([k for k in template_keys if isinstance(k, int)])
    rows = []
    for key in template_keys:
        template = templates.get(key) if isinstance(key, int) else None
        if template is not None:
            rows.append(
                ItemRow(template.title, stats[("template", key)], template.pk, template.key)
            )
        else:
            label = f"A deleted template ({key})"
            rows.append(ItemRow(label, stats[("template", key)], None, str(key)))
    return _sorted(rows), _rule_rows(stats)


def template_item_analysis(
    people: QuerySet, template: ScenarioTemplate, *, since: datetime | None = None
):
    """One template: its own figures, each of its bank questions, and the rules they tested."""
    answers = list(_answers(people, since=since, template=template))
    whole = analyse(_keyed(answers, by_question=False)).get(("template", template.pk))
    overall = ItemRow(template.title, whole, template.pk, template.key) if whole else None
    stats = analyse(_keyed(answers, by_question=True))
    ids = [key[1] for key in stats if key[0] == "question"]
    questions = BankQuestion.objects.in_bulk(ids)
    rows = [
        ItemRow(
            questions[pk].text if pk in questions else f"Question {pk}",
            stats[("question", pk)],
            pk,
            _question_detail(questions.get(pk)),
        )
        for pk in ids
    ]
    return overall, _sorted(rows), _rule_rows(stats)


def _question_detail(question: BankQuestion | None) -> str:
    if question is None:
        return ""
    state = "" if question.active else ", retired"
    return f"{question.rating}{state}"
