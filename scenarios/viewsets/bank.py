"""The question bank in the admin, as trainers read it: posts, facts in words, reasons as
sentences with their guidance links, and answers a rulebook change altered."""

from django.utils.html import format_html
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.snippets.views.snippets import InspectView, SnippetViewSet

from scenarios.fact_display import facts_as_list
from scenarios.models import AnswerChange, BankQuestion, JobRun, RulebookVersion

from .columns import RatingColumn


class QuestionInspectView(InspectView):
    template_name = "scenarios/admin/question_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        question = self.object
        context["question"] = question
        context["facts"] = facts_as_list(question.facts)
        context["deciding"] = [r for r in question.reasons if r.get("decides", True)]
        context["context_reasons"] = [r for r in question.reasons if not r.get("decides", True)]
        context["version"] = RulebookVersion.objects.filter(
            number=question.rulebook_version
        ).first()
        context["changes"] = question.changes.order_by("to_version")
        return context


class BankQuestionViewSet(SnippetViewSet):
    model = BankQuestion
    icon = "help"
    menu_label = "Question bank"
    list_display = [
        "text",
        "topic",
        RatingColumn("rating", label="Answer"),
        "rulebook_version",
        BooleanColumn("active", label="In use"),
    ]
    list_filter = ["rating", "active", "rulebook_version", "topic"]
    search_fields = ["text", "topic", "template_key"]
    inspect_view_enabled = True
    inspect_view_class = QuestionInspectView
    list_per_page = 50


class JobRunViewSet(SnippetViewSet):
    model = JobRun
    icon = "cogs"
    menu_label = "Bank jobs"
    list_display = ["__str__", "done", "total", "created", "changed", "started_at", "finished_at"]
    list_filter = ["kind", "status"]
    inspect_view_enabled = True


class ChangeColumn(Column):
    def get_value(self, instance):
        return format_html(
            '<span class="rating-{}">{}</span> → <span class="rating-{}">{}</span>',
            instance.old_rating,
            instance.get_old_rating_display(),
            instance.new_rating,
            instance.get_new_rating_display(),
        )


class AnswerChangeViewSet(SnippetViewSet):
    model = AnswerChange
    icon = "warning"
    menu_label = "Changed answers"
    list_display = [
        "question",
        ChangeColumn("new_rating", label="Answer before → after"),
        Column("to_version", label="Rulebook version"),
        "reason",
        DateColumn("at", label="When"),
    ]
    list_filter = ["to_version", "new_rating"]
    search_fields = ["question__text", "reason"]
    inspect_view_enabled = True

    def get_queryset(self, request):
        return AnswerChange.objects.select_related("question")
