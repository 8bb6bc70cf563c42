from django.contrib import messages
from django.shortcuts import redirect
from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks

from scenarios.guidance import SECTIONS_HOOK, TABLE_HOOK

from .forms import links_into
from .guidance_sections import live_sections, rag_table_rows
from .models import GuidancePage


@hooks.register("insert_global_admin_css")
def rag_colours_in_admin():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))


# The rulebook asks what the guidance offers through these, so it never imports the pages.
hooks.register(SECTIONS_HOOK, live_sections)
hooks.register(TABLE_HOOK, rag_table_rows)


def _refuse_if_cited(request, page, doing: str):
    """Deleting, unpublishing or moving a page the rulebook links to would break those links."""
    page = page.specific
    if not isinstance(page, GuidancePage) or not page.url:
        return None
    cited = links_into(page.url)
    if not cited:
        return None
    anchors = ", ".join(f"#{anchor}" for anchor in sorted(cited))
    messages.error(
        request,
        f"“{page.title}” cannot be {doing}: the published rulebook links to it ({anchors}). "
        "Ask a DMC editor to point those links elsewhere first.",
    )
    return redirect("wagtailadmin_pages:edit", page.pk)


@hooks.register("before_delete_page")
def refuse_deleting_cited_page(request, page):
    return _refuse_if_cited(request, page, "deleted")


@hooks.register("before_unpublish_page")
def refuse_unpublishing_cited_page(request, page):
    return _refuse_if_cited(request, page, "unpublished")


@hooks.register("before_move_page")
def refuse_moving_cited_page(request, page, destination):
    return _refuse_if_cited(request, page, "moved")
