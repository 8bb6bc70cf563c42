from django.urls import path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, UpdatedAtColumn
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import admin_views
from .models import (
    AnswerChange,
    BankQuestion,
    GreenSource,
    JobRun,
    RulebookVersion,
    RuleParameters,
    ScenarioTemplate,
    Topic,
)


class RatingColumn(Column):
    def get_value(self, instance):
        return format_html(
            '<span class="rating-{}">{}</span>', instance.rating, instance.get_rating_display()
        )


class ReadOnlyPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        return action not in {"add", "change", "delete"} and super().user_has_permission(
            user, action
        )

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = "Topics"
    list_display = ["name", "slug", RatingColumn("rating", label="Rating"), "live"]
    list_filter = ["rating", "live"]
    search_fields = ["name", "slug"]
    ordering = ["sort_order", "name"]


class GreenSourceViewSet(SnippetViewSet):
    model = GreenSource
    icon = "link"
    menu_label = "Green-listed sources"
    list_display = ["name", "slug", "live"]


class RuleParametersViewSet(SnippetViewSet):
    model = RuleParameters
    icon = "cog"
    menu_label = "Rule parameters"
    list_display = ["__str__", "sentencing_window_days", "live"]


class RulebookVersionViewSet(SnippetViewSet):
    """Read-only history: versions are numbered by publishing, never edited by hand."""

    model = RulebookVersion
    icon = "history"
    menu_label = "Published versions"
    list_display = ["number", "note", "created_at"]
    inspect_view_enabled = True


class RulebookGroup(SnippetViewSetGroup):
    menu_label = "Rulebook"
    menu_icon = "list-ul"
    menu_order = 200
    items = (TopicViewSet, GreenSourceViewSet, RuleParametersViewSet, RulebookVersionViewSet)


register_permission_policy(RulebookVersion, ReadOnlyPolicy(RulebookVersion))
register_snippet(RulebookGroup)


# --------------------------------------------------------------------------- scenarios


class ScenarioTemplateViewSet(SnippetViewSet):
    model = ScenarioTemplate
    icon = "clipboard-list"
    menu_label = "Scenario templates"
    list_display = ["title", "key", "difficulty", "live", UpdatedAtColumn()]
    list_filter = ["difficulty", "live", "image_kind"]
    search_fields = ["title", "text", "key"]


class BankQuestionViewSet(SnippetViewSet):
    model = BankQuestion
    icon = "help"
    menu_label = "Question bank"
    list_display = ["text", "topic", RatingColumn("rating", label="Answer"), "rulebook_version"]
    list_filter = ["rating", "active", "rulebook_version"]
    search_fields = ["text", "topic"]
    inspect_view_enabled = True
    list_per_page = 50


class JobRunViewSet(SnippetViewSet):
    model = JobRun
    icon = "cogs"
    menu_label = "Bank jobs"
    list_display = ["__str__", "done", "total", "created", "changed", "started_at", "finished_at"]
    list_filter = ["kind", "status"]
    inspect_view_enabled = True


class AnswerChangeViewSet(SnippetViewSet):
    model = AnswerChange
    icon = "warning"
    menu_label = "Changed answers"
    list_display = ["question", "old_rating", "new_rating", "from_version", "to_version", "at"]
    list_filter = ["to_version", "new_rating"]
    inspect_view_enabled = True

    def get_queryset(self, request):
        return AnswerChange.objects.select_related("question")


class ScenariosGroup(SnippetViewSetGroup):
    menu_label = "Scenarios"
    menu_icon = "clipboard-list"
    menu_order = 210
    items = (ScenarioTemplateViewSet, BankQuestionViewSet, JobRunViewSet, AnswerChangeViewSet)


for read_only in (BankQuestion, JobRun, AnswerChange):
    register_permission_policy(read_only, ReadOnlyPolicy(read_only))
register_snippet(ScenariosGroup)


@hooks.register("register_admin_urls")
def bank_admin_urls():
    return [
        path("question-bank/", admin_views.bank_overview, name="scenarios_bank"),
        path("question-bank/generate/", admin_views.bank_generate_now, name="scenarios_generate"),
        path("question-bank/consistency/", admin_views.consistency, name="scenarios_consistency"),
    ]


class BankMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("scenarios.view_bankquestion")


@hooks.register("register_admin_menu_item")
def bank_menu_item():
    return BankMenuItem(
        "Bank and consistency", reverse("scenarios_bank"), icon_name="tasks", order=215
    )
