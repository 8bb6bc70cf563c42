"""The guidance page editor's form: it refuses an edit that would break a link the published
rulebook holds (a removed or renamed anchor, or a renamed page)."""

from __future__ import annotations

from wagtail.admin.forms import WagtailAdminPageForm

from scenarios.guidance import cited_links, split
from scenarios.rulebook import published_rulebook

from .blocks import anchors_of


def _citations(who: list[str]) -> str:
    return ", ".join(who)


def links_into(path: str) -> dict[str, list[str]]:
    """Anchor -> what in the published rulebook links to it, for one page's path."""
    found: dict[str, list[str]] = {}
    for url, who in cited_links(published_rulebook()).items():
        page_path, anchor = split(url)
        if page_path == path:
            found.setdefault(anchor, []).extend(who)
    return found


class GuidancePageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned = super().clean()
        page = self.instance
        if not page.pk or self.errors:
            return cleaned
        live = type(page).objects.get(pk=page.pk)
        old_path = live.url
        if not old_path:
            return cleaned
        cited = links_into(old_path)
        if not cited:
            return cleaned
        slug = cleaned.get("slug", live.slug)
        parent = self.parent_page
        new_path = f"{parent.url}{slug}/" if parent is not None and parent.url else old_path
        # Said at the top of the editor, where it is read first (and without JavaScript).
        if new_path != old_path:
            self.add_error(
                None,
                f"The published rulebook links to this page at {old_path} (from "
                f"{_citations(sorted({w for who in cited.values() for w in who}))}). Keep the "
                f"slug “{live.slug}”, or ask a DMC editor to change those links first.",
            )
            return cleaned
        kept = set(anchors_of(cleaned.get("body") or []))
        missing = {anchor: who for anchor, who in cited.items() if anchor not in kept}
        for anchor, who in sorted(missing.items()):
            self.add_error(
                None,
                f"The published rulebook links to “#{anchor}” on this page (from "
                f"{_citations(who)}). Keep a section with that anchor, or ask a DMC "
                "editor to point those links elsewhere first.",
            )
        return cleaned
