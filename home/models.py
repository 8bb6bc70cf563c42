from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import RICH_FEATURES, GuidanceBodyBlock, anchors_of
from .forms import GuidancePageForm


class HomePage(Page):
    intro = RichTextField(features=RICH_FEATURES, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["home.GuidanceIndexPage", "courses.CourseIndexPage"]
    max_count = 1

    def guidance_index(self):
        return GuidanceIndexPage.objects.child_of(self).live().first()


class GuidanceIndexPage(Page):
    intro = RichTextField(features=RICH_FEATURES, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.GuidancePage"]

    def guidance_pages(self):
        return GuidancePage.objects.child_of(self).live().specific().order_by("path")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["guidance_pages"] = self.guidance_pages()
        return context


class GuidancePage(Page):
    """One part of the guidance note, in sections with stable anchors."""

    summary = models.TextField(
        blank=True, help_text="One or two sentences shown in the guidance index."
    )
    body = StreamField(GuidanceBodyBlock(), use_json_field=True)
    # Which page of the guidance note this is, for the loader: editors may change the slug.
    source_key = models.CharField(max_length=60, blank=True, editable=False, db_index=True)
    exclude_fields_in_copy = ["source_key"]

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    parent_page_types = ["home.GuidanceIndexPage"]
    subpage_types = []
    base_form_class = GuidancePageForm

    def anchors(self) -> list[str]:
        return anchors_of(self.body)

    def contents(self) -> list[tuple[str, str]]:
        """(anchor, heading) of each section, for the "On this page" list."""
        return [
            (block.value["anchor"], block.value["heading"])
            for block in self.body
            if block.block_type == "section"
        ]

    def siblings(self):
        return GuidancePage.objects.sibling_of(self).live().order_by("path")
