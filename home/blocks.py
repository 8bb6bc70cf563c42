"""StreamField blocks for the guidance. Every section and team card carries a stable anchor,
because rules, verdicts and quiz feedback link to `/guidance/<page>/#<anchor>`. Text blocks
take the rulebook's and the contact settings' values as tokens (`home.live_values`)."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from wagtail import blocks
from wagtail.blocks import StreamBlockValidationError

from . import live_values
from .rag_table import table_rows

ANCHOR_HELP = (
    "The #name other pages and the RAG engine link to. Lower-case letters, digits and "
    "hyphens. Changing it breaks those links: a link the rulebook uses cannot be removed."
)
RICH_FEATURES = ["bold", "italic", "link", "ol", "ul", "h3", "h4"]


def _check_tokens(text: str) -> None:
    found = live_values.problems(text, live_values.known_tokens())
    if found:
        raise ValidationError(found)


class LiveCharBlock(blocks.CharBlock):
    """A line of text that may hold tokens such as {court-window}."""

    def clean(self, value):
        value = super().clean(value)
        _check_tokens(value or "")
        return value


class LiveRichTextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_FEATURES)
        kwargs.setdefault("help_text", live_values.HELP)
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        _check_tokens(value.source if value else "")
        return value


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
    heading = LiveCharBlock(max_length=120)
    text = LiveRichTextBlock()

    class Meta:
        icon = "warning"
        template = "home/blocks/callout.html"


class TeamCardBlock(blocks.StructBlock):
    """A team the guidance names, with its duties and how to reach it."""

    name = blocks.CharBlock(max_length=120)
    anchor = AnchorBlock()
    summary = blocks.TextBlock(required=False)
    duties = blocks.ListBlock(LiveCharBlock(max_length=300), min_num=1)
    contact = LiveCharBlock(
        required=False,
        max_length=200,
        help_text="How officers reach this team. Use {press-bureau} or {dmc} for DMC's "
        "numbers: they come from the contact settings.",
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
    green_note = LiveRichTextBlock(required=False)
    amber_note = LiveRichTextBlock(required=False)
    red_note = LiveRichTextBlock(required=False)

    class Meta:
        icon = "table"
        template = "home/blocks/rag_table.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["rows"] = table_rows(value)
        return context


class SectionContentBlock(blocks.StreamBlock):
    text = LiveRichTextBlock()
    callout = CalloutBlock()
    team = TeamCardBlock()
    rag_table = RagTableBlock()


class SectionBlock(blocks.StructBlock):
    heading = LiveCharBlock(max_length=120)
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


RAG_ROW_ANCHORS = ("green", "amber", "red")


def sections_of(body) -> list[tuple[str, str]]:
    """(anchor, heading) of everything a body lets other pages link to, in page order:
    sections, the team cards inside them, and the RAG table's rows."""
    found = []
    for section in body:
        if section.block_type != "section":
            continue
        found.append((section.value["anchor"], section.value["heading"]))
        for child in section.value["content"]:
            if child.block_type == "team":
                found.append((child.value["anchor"], child.value["name"]))
            elif child.block_type == "rag_table":
                found.extend((anchor, f"The RAG table: {anchor}") for anchor in RAG_ROW_ANCHORS)
    return found


def anchors_of(body) -> list[str]:
    return [anchor for anchor, _ in sections_of(body)]
