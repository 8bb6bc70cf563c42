from django.utils.html import format_html
from wagtail.admin.ui.tables import Column
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import GreenSource, RulebookVersion, RuleParameters, Topic


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
