from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from . import admin_views
from .models import AnswerChange, BankQuestion, JobRun, RulebookVersion, ScenarioTemplate
from .ownership import TemplatePermissionPolicy
from .viewsets.bank import AnswerChangeViewSet, BankQuestionViewSet, JobRunViewSet
from .viewsets.policies import ReadOnlyPolicy
from .viewsets.rulebook import (
    GreenSourceViewSet,
    RulebookVersionViewSet,
    RuleParametersViewSet,
    TopicViewSet,
)
from .viewsets.templates import ScenarioTemplateViewSet


class RulebookGroup(SnippetViewSetGroup):
    menu_label = "Rulebook"
    menu_icon = "list-ul"
    menu_order = 200
    items = (TopicViewSet, GreenSourceViewSet, RuleParametersViewSet, RulebookVersionViewSet)


class ScenariosGroup(SnippetViewSetGroup):
    menu_label = "Scenarios"
    menu_icon = "clipboard-list"
    menu_order = 210
    items = (ScenarioTemplateViewSet, BankQuestionViewSet, JobRunViewSet, AnswerChangeViewSet)


for read_only in (RulebookVersion, BankQuestion, JobRun, AnswerChange):
    register_permission_policy(read_only, ReadOnlyPolicy(read_only))
register_permission_policy(ScenarioTemplate, TemplatePermissionPolicy(ScenarioTemplate))
register_snippet(RulebookGroup)
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
    return BankMenuItem("Bank checks", reverse("scenarios_bank"), icon_name="tasks", order=215)
