"""The guidance the rulebook links to, as the rulebook sees it.

Every reason and every topic links to a section of the guidance (`/guidance/<page>/#<anchor>`).
The pages belong to the site app, which answers through Wagtail hooks, so this app never
imports the pages:

- ``guidance_sections``: a function returning ``{url: (page title, section heading)}`` for
  every section of every live guidance page;
- ``guidance_rag_table_rows``: a function returning the RAG table as the live page renders it,
  ``{topic slug: {"GREEN", ...}}``.
"""

from __future__ import annotations

from dataclasses import dataclass

from wagtail import hooks

from scenarios.rules.initial import DEFAULT_GUIDANCE_URLS, RATING_GUIDANCE_URLS
from scenarios.rules.titles import rule_title
from scenarios.rules.types import Rulebook

SECTIONS_HOOK = "guidance_sections"
TABLE_HOOK = "guidance_rag_table_rows"


@dataclass(frozen=True)
class Section:
    url: str
    page_title: str
    heading: str


def live_sections() -> dict[str, Section]:
    sections: dict[str, Section] = {}
    for provide in hooks.get_hooks(SECTIONS_HOOK):
        for url, (page_title, heading) in provide().items():
            sections[url] = Section(url, page_title, heading)
    return sections


def page_table_rows() -> dict[str, set[str]]:
    rows: dict[str, set[str]] = {}
    for provide in hooks.get_hooks(TABLE_HOOK):
        for slug, colours in provide().items():
            rows.setdefault(slug, set()).update(colours)
    return rows


def cited_links(rulebook: Rulebook) -> dict[str, list[str]]:
    """Every guidance link the rulebook holds, with what cites it (in plain words)."""
    cited: dict[str, list[str]] = {}
    rule_urls = {**DEFAULT_GUIDANCE_URLS, **rulebook.guidance_urls}
    for rule, url in sorted(rule_urls.items()):
        cited.setdefault(url, []).append(f"the rule “{rule_title(rule)}”")
    for rating, url in RATING_GUIDANCE_URLS.items():
        cited.setdefault(url, []).append(f"the {rating.lower()} row of the RAG table")
    for topic in rulebook.topics.values():
        if topic.guidance_url:
            cited.setdefault(topic.guidance_url, []).append(f"the topic “{topic.name}”")
    return cited


def dead_links(rulebook: Rulebook, sections: dict[str, Section]) -> dict[str, list[str]]:
    """The rulebook's links that lead to no section of a live guidance page."""
    return {url: who for url, who in cited_links(rulebook).items() if url not in sections}


def split(url: str) -> tuple[str, str]:
    """ "/guidance/rag/#amber" -> ("/guidance/rag/", "amber")."""
    path, _, anchor = url.partition("#")
    return path, anchor
