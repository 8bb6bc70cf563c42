"""A module's lessons as the pages show them: number, title and what to render, worked out from
the `lessons` StreamField (see `blocks.py`)."""

from __future__ import annotations

from dataclasses import dataclass
from html import unescape
from typing import Any

from django.utils.html import strip_tags

from home import live_values
from home.blocks import RAG_ROW_ANCHORS

GUIDANCE_SECTION = "guidance_section"
CONTENT = "content"


@dataclass(frozen=True)
class Lesson:
    key: str  # the StreamField block id
    number: int
    kind: str
    title: str  # as written: it may hold tokens, filled when shown
    value: Any  # the block's StructValue
    page: Any = None  # the guidance page, for a guidance section
    part: Any = None  # the guidance block to render (a section or a team card); None: whole page
    missing: bool = False  # the page or the anchor has gone since the lesson was written

    @property
    def is_guidance(self) -> bool:
        return self.kind == GUIDANCE_SECTION

    @property
    def guidance_url(self) -> str:
        if self.page is None or not self.page.url:
            return ""
        anchor = self.value.get("anchor") or ""
        return f"{self.page.url}#{anchor}" if anchor and not self.missing else self.page.url

    def plain_title(self, values: dict | None = None) -> str:
        """The title as readers see it, as plain text (for records and page titles)."""
        values = values if values is not None else live_values.token_values()
        return unescape(strip_tags(live_values.fill_text(self.title, values)))


def guidance_part(page, anchor: str) -> tuple[Any, str] | None:
    """The block of a guidance page an anchor names, and its heading: the section, or a team
    card inside one; a RAG row is shown with the section holding the table."""
    for section in page.body:
        if section.block_type != "section":
            continue
        if section.value["anchor"] == anchor:
            return section, section.value["heading"]
        for child in section.value["content"]:
            if child.block_type == "team" and child.value["anchor"] == anchor:
                return child, child.value["name"]
            if child.block_type == "rag_table" and anchor in RAG_ROW_ANCHORS:
                return section, section.value["heading"]
    return None


def lesson_of(child, number: int) -> Lesson:
    value = child.value
    if child.block_type != GUIDANCE_SECTION:
        return Lesson(key=child.id, number=number, kind=CONTENT, title=value["title"], value=value)
    page = value.get("page")
    page = page.specific if page is not None else None
    anchor = value.get("anchor") or ""
    # An unpublished guidance page is as good as gone: its readers would get a 404.
    part, heading, missing = None, "", page is None or not page.live
    if not missing:
        heading = page.title
        if anchor:
            found = guidance_part(page, anchor)
            if found is None:
                missing = True
            else:
                part, heading = found
    title = value.get("title") or heading or "A section of the guidance"
    return Lesson(
        key=child.id,
        number=number,
        kind=GUIDANCE_SECTION,
        title=title,
        value=value,
        page=page,
        part=part,
        missing=missing,
    )


def lessons_of(stream) -> list[Lesson]:
    return [lesson_of(child, number) for number, child in enumerate(stream, start=1)]


def lesson_keys(stream) -> list[str]:
    """The lessons' block ids straight from the stored JSON: no guidance page is fetched."""
    return [item["id"] for item in stream.raw_data if item.get("id")]
