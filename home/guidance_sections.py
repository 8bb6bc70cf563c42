"""What the live guidance pages offer to link to, for the rulebook's checks and link labels
(answered through the hooks `scenarios.guidance` defines; see `wagtail_hooks.py`)."""

from __future__ import annotations

import re

from django.utils.html import strip_tags

from . import live_values
from .blocks import sections_of
from .models import GuidancePage

ROW_ID = re.compile(r'id="topic-([a-z0-9-]+)-(green|amber|red)"')


def live_sections() -> dict[str, tuple[str, str]]:
    """url with anchor -> (page title, section heading as readers see it)."""
    values = live_values.token_values()
    found = {}
    for page in GuidancePage.objects.live().order_by("path"):
        url = page.url
        if not url:
            continue
        for anchor, heading in sections_of(page.body):
            found[f"{url}#{anchor}"] = (
                page.title,
                strip_tags(live_values.fill_text(heading, values)),
            )
    return found


def rag_table_rows() -> dict[str, set[str]]:
    """The RAG table as the live guidance page shows it: topic slug -> the colours of the rows
    it appears in. Read from the rendered block, not from the rulebook."""
    rows: dict[str, set[str]] = {}
    for page in GuidancePage.objects.live():
        for section in page.body:
            for child in section.value["content"]:
                if child.block_type == "rag_table":
                    for slug, colour in ROW_ID.findall(str(child.render())):
                        rows.setdefault(slug, set()).add(colour.upper())
    return rows
