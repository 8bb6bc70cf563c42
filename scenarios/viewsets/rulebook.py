"""The rulebook in the admin: topics, green-listed sources, the rule parameters, and the
published versions (read-only history, with who changed what)."""

from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn, LiveStatusTagColumn
from wagtail.snippets.views.snippets import InspectView, SnippetViewSet

from scenarios.admin_forms import TopicForm
from scenarios.models import AnswerChange, GreenSource, RulebookVersion, RuleParameters, Topic
from scenarios.rulebook_changes import describe_changes

from .columns import RatingColumn


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = "Topics"
    list_display = ["name", "slug", RatingColumn("rating", label="Rating"), LiveStatusTagColumn()]
    list_filter = ["rating", "live"]
    search_fields = ["name", "slug"]
    # Small listings: the database's own search finds slugs and parts of words, on SQLite and
    # PostgreSQL alike, where the search index would need every field indexed per backend.
    search_backend_name = None
    ordering = ["sort_order", "name"]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("slug"),
            FieldPanel("rating"),
            FieldPanel("guidance_url"),
            MultiFieldPanel(
                [
                    FieldPanel("amber_when_ksi"),
                    FieldPanel("sentencing_window"),
                    FieldPanel("checks_source"),
                    FieldPanel("press_bureau"),
                    FieldPanel("custody_image_last_resort"),
                ],
                heading="Special rules",
            ),
            FieldPanel("sort_order"),
        ],
        base_form_class=TopicForm,
    )


class GreenSourceViewSet(SnippetViewSet):
    model = GreenSource
    icon = "link"
    menu_label = "Green-listed sources"
    list_display = ["name", "slug", LiveStatusTagColumn()]
    list_filter = ["live"]
    search_fields = ["name", "slug"]
    search_backend_name = None


class RuleParametersViewSet(SnippetViewSet):
    model = RuleParameters
    icon = "cog"
    menu_label = "Rule parameters"
    list_display = ["__str__", "sentencing_window_days", LiveStatusTagColumn()]


class VersionInspectView(InspectView):
    """A version as a trainer reads it: when, by whom, and what changed from the one before."""

    template_name = "scenarios/admin/version_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        version = self.object
        before = (
            RulebookVersion.objects.filter(number__lt=version.number).order_by("-number").first()
        )
        context["version"] = version
        context["previous"] = before
        context["changes"] = describe_changes(before.snapshot if before else None, version.snapshot)
        context["changed_answers"] = version_answer_changes(version.number)
        return context


def version_answer_changes(number: int):
    return AnswerChange.objects.filter(to_version=number).select_related("question")[:200]


class RulebookVersionViewSet(SnippetViewSet):
    """Read-only history: versions are numbered by publishing, never edited by hand."""

    model = RulebookVersion
    icon = "history"
    menu_label = "Published versions"
    list_display = [
        "__str__",
        DateColumn("created_at", label="Published"),
        Column("published_by", label="Changed by"),
        "note",
    ]
    search_fields = ["note"]
    inspect_view_enabled = True
    inspect_view_class = VersionInspectView
