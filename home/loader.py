"""Builds the site root and the guidance pages from the data files in `guidance/`
(see `guidance_files.py`), idempotently.

A page is created when missing, and brought up to date only while no person has edited it:
the first revision an editor saves makes the page theirs, and the loader leaves it alone.
"""

from __future__ import annotations

import json

from django.db import transaction
from wagtail.models import Page, Site

from .blocks import GuidanceBodyBlock
from .guidance_files import read_guidance
from .models import GuidanceIndexPage, GuidancePage, HomePage
from .page_loading import publish, update_live_page

WELCOME_PAGE_TYPE = ("wagtailcore", "page")


def _normalised(raw: list) -> str:
    """Body JSON without block ids, so a fresh build compares equal to a stored one."""

    def strip(node):
        if isinstance(node, dict):
            return {k: strip(v) for k, v in node.items() if k != "id"}
        if isinstance(node, list):
            return [strip(v) for v in node]
        return node

    return json.dumps(strip(raw), sort_keys=True)


def _same_body(current, wanted: list) -> bool:
    block = GuidanceBodyBlock()
    prepared = block.get_prep_value(block.to_python(wanted))
    return _normalised(current.get_prep_value()) == _normalised(prepared)


def _update(page: Page, fields: dict) -> bool:
    return update_live_page(page, fields, same={"body": _same_body})


@transaction.atomic
def load_guidance() -> dict[str, int]:
    content = read_guidance()
    counts = {"created": 0, "updated": 0, "kept": 0}

    def note(created: bool, updated: bool):
        key = "created" if created else "updated" if updated else "kept"
        counts[key] += 1

    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    if home is None:
        # Wagtail's migration leaves a placeholder "Welcome" page; ours replaces it.
        for page in root.get_children().filter(
            slug="home",
            content_type__app_label=WELCOME_PAGE_TYPE[0],
            content_type__model=WELCOME_PAGE_TYPE[1],
        ):
            page.delete()
        home = HomePage(title=content.home["title"], slug="home", intro=content.home["intro"])
        root.add_child(instance=home)
        publish(home)
        note(True, False)
    else:
        note(False, _update(home, {"intro": content.home["intro"]}))

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="Media awareness",
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = site.site_name or "Media awareness"
        site.save()

    index = GuidanceIndexPage.objects.child_of(home).order_by("path").first()
    if index is None:
        index = GuidanceIndexPage(**content.index)
        home.add_child(instance=index)
        publish(index)
        note(True, False)
    else:
        note(False, _update(index, {"intro": content.index["intro"]}))

    for spec in content.pages:
        page = GuidancePage.objects.filter(source_key=spec["slug"]).first()
        if page is None:
            page = GuidancePage(
                source_key=spec["slug"],
                title=spec["title"],
                slug=spec["slug"],
                summary=spec["summary"],
                body=json.dumps(spec["body"]),
            )
            index.add_child(instance=page)
            publish(page)
            note(True, False)
        else:
            fields = {"title": spec["title"], "summary": spec["summary"], "body": spec["body"]}
            note(False, _update(page, fields))
    return counts
