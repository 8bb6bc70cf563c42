"""The lessons of a module page: a section of the guidance, or a short lesson written for the
course. Lessons are the blocks of one StreamField, so editors reorder them by dragging, and
each is known by its block id, which Wagtail keeps across edits and reordering."""

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError

from home.blocks import CalloutBlock, LiveCharBlock, LiveRichTextBlock


class LessonContentBlock(blocks.StreamBlock):
    text = LiveRichTextBlock()
    callout = CalloutBlock()


class GuidanceSectionLessonBlock(blocks.StructBlock):
    """A lesson that is a part of the guidance as published: never a copy, so it cannot drift."""

    title = LiveCharBlock(
        required=False,
        max_length=120,
        help_text="Leave blank to use the section's heading (or the page's title).",
    )
    page = blocks.PageChooserBlock(page_type="home.GuidancePage")
    anchor = blocks.CharBlock(
        required=False,
        max_length=60,
        help_text="The section's anchor on that page, such as court-cases (the part after # "
        "in its link). Leave blank for the whole page.",
    )

    class Meta:
        icon = "doc-full"
        label = "Guidance section"

    def clean(self, value):
        value = super().clean(value)
        anchor = (value.get("anchor") or "").strip().lstrip("#")
        value["anchor"] = anchor
        page = value.get("page")
        if page is not None and anchor:
            anchors = page.specific.anchors()
            if anchor not in anchors:
                raise StructBlockValidationError(
                    block_errors={"anchor": ValidationError(anchor_message(page, anchor, anchors))}
                )
        return value


def anchor_message(page, anchor: str, anchors: list[str]) -> str:
    listed = ", ".join(anchors) if anchors else "none"
    return (
        f"“{page.title}” has no section “{anchor}”. Its anchors are: {listed}. "
        "Leave it blank for the whole page."
    )


class ContentLessonBlock(blocks.StructBlock):
    """A lesson written for the course, in plain words; tokens such as {court-window} show the
    rulebook's values, as they do in the guidance."""

    title = LiveCharBlock(max_length=120)
    content = LessonContentBlock()

    class Meta:
        icon = "edit"
        label = "Written lesson"


class LessonsBlock(blocks.StreamBlock):
    guidance_section = GuidanceSectionLessonBlock()
    content = ContentLessonBlock()
