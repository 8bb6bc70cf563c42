"""StreamField blocks for the guidance. Every section and team card carries a stable anchor,
because rules, verdicts and quiz feedback link to `/guidance/<page>/#<anchor>`."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from wagtail import blocks
from wagtail.blocks import StreamBlockValidationError

ANCHOR_HELP = (
    "The #name other pages and the RAG engine link to. Lower-case letters, digits and "
    "hyphens. Changing it breaks those links."
)
RICH_FEATURES = ["bold", "italic", "link", "ol", "ul", "h3", "h4"]


class AnchorBlock(blocks.RegexBlock):
    def __init__(self, **kwargs):
        super().__init__(
            regex=r"^[a-z][a-z0-9-]*$",
            error_messages={"invalid": "Use lower-case letters, digits and hyphens."},
            help_text=ANCHOR_HELP,
            max_length=60,
            **kwargs,
        )


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=[("info", "Information"), ("warning", "Warning"), ("important", "Important")],
        default="info",
    )
    heading = blocks.CharBlock(max_length=120)
    text = blocks.RichTextBlock(features=RICH_FEATURES)

    class Meta:
        icon = "warning"
        template = "home/blocks/callout.html"


class TeamCardBlock(blocks.StructBlock):
    """A team the guidance names, with its duties and how to reach it."""

    name = blocks.CharBlock(max_length=120)
    anchor = AnchorBlock()
    summary = blocks.TextBlock(required=False)
    duties = blocks.ListBlock(blocks.CharBlock(max_length=300), min_num=1)
    contact = blocks.CharBlock(
        required=False, max_length=200, help_text="How officers reach this team."
    )

    class Meta:
        icon = "group"
        template = "home/blocks/team_card.html"


class RagTableBlock(blocks.StructBlock):
    """The RAG table. Its rows come from the published rulebook, never typed in here, so the
    page and the RAG engine cannot disagree; only the words around each colour are edited."""

    caption = blocks.CharBlock(
        max_length=200, default="The RAG (Red, Amber, Green) system for digital communications"
    )
    green_note = blocks.RichTextBlock(features=RICH_FEATURES, required=False)
    amber_note = blocks.RichTextBlock(features=RICH_FEATURES, required=False)
    red_note = blocks.RichTextBlock(features=RICH_FEATURES, required=False)

    class Meta:
        icon = "table"
        template = "home/blocks/rag_table.html"

    def get_context(self, value, parent_context=None):
        from scenarios.rulebook import published_table

        context = super().get_context(value, parent_context=parent_context)
        context["rows"] = published_table(value)
        return context


class SectionContentBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(features=RICH_FEATURES)
    callout = CalloutBlock()
    team = TeamCardBlock()
    rag_table = RagTableBlock()


class SectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120)
    anchor = AnchorBlock()
    content = SectionContentBlock()

    class Meta:
        icon = "doc-full"
        template = "home/blocks/section.html"


class GuidanceBodyBlock(blocks.StreamBlock):
    section = SectionBlock()

    def clean(self, value):
        value = super().clean(value)
        seen = set()
        duplicates = []
        for anchor in anchors_of(value):
            if anchor in seen:
                duplicates.append(anchor)
            seen.add(anchor)
        if duplicates:
            raise StreamBlockValidationError(
                non_block_errors=ErrorList(
                    [
                        ValidationError(
                            "Each anchor must be unique on the page; used more than once: "
                            + ", ".join(sorted(set(duplicates)))
                        )
                    ]
                )
            )
        return value


def anchors_of(body) -> list[str]:
    """Every anchor a body defines, in page order: sections, then the team cards inside."""
    anchors = []
    for section in body:
        if section.block_type != "section":
            continue
        anchors.append(section.value["anchor"])
        for child in section.value["content"]:
            if child.block_type == "team":
                anchors.append(child.value["anchor"])
            elif child.block_type == "rag_table":
                anchors.extend(["green", "amber", "red"])
    return anchors
