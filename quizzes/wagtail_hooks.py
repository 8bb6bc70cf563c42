from django import forms
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import LiveStatusTagColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_forms import QuizForm
from .models import Quiz


class QuizViewSet(SnippetViewSet):
    model = Quiz
    icon = "tasks"
    menu_label = "Quizzes"
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["title", "mode", "question_count", "pass_mark", LiveStatusTagColumn()]
    list_filter = ["mode", "live"]
    search_fields = ["title"]
    search_backend_name = None  # the database's own search: parts of words too
    edit_handler = ObjectList(
        [
            FieldPanel("title"),
            FieldPanel("mode"),
            MultiFieldPanel(
                [
                    FieldPanel("question_count"),
                    FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("tags"),
                    FieldPanel("rules"),
                ],
                heading="Questions drawn from the bank",
            ),
            InlinePanel("fixed_questions", heading="Questions written by hand", label="Question"),
            MultiFieldPanel(
                [
                    FieldPanel("pass_mark"),
                    FieldPanel("fail_on_dangerous"),
                    FieldPanel("ask_contact"),
                    FieldPanel("attempts_allowed"),
                    FieldPanel("time_limit_minutes"),
                    FieldPanel("shuffle"),
                ],
                heading="Marking",
            ),
        ],
        base_form_class=QuizForm,
    )


register_snippet(QuizViewSet)
