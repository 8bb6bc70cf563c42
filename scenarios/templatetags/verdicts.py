"""Showing verdicts: what to do next, and guidance links named by their section."""

from django import template

from scenarios import verdict_wording
from scenarios.guidance import live_sections
from scenarios.preview import preview_questions
from scenarios.rules.titles import rule_title as title_of_rule

register = template.Library()


def _sections(context) -> dict:
    request = context.get("request")
    cached = getattr(request, "_guidance_sections", None)
    if cached is None:
        cached = live_sections()
        if request is not None:
            request._guidance_sections = cached
    return cached


@register.simple_tag(takes_context=True)
def guidance_label(context, url: str) -> str:
    """ "Naming suspects" for /guidance/media-law/#naming-suspects: the section's heading."""
    section = _sections(context).get(url)
    return section.heading if section else "the guidance"


@register.simple_tag
def next_step(rating: str, contact: str) -> str:
    return verdict_wording.next_step(rating, contact)


@register.simple_tag
def why_heading(rating: str) -> str:
    return verdict_wording.WHY_HEADING[rating]


@register.simple_tag
def template_preview(template_object) -> dict:
    """The questions a template would generate, for its preview."""
    return preview_questions(template_object)


def _decides(reason) -> bool:
    # Reasons come as engine objects (the checker) or stored JSON (the bank, quiz records).
    return reason.get("decides", True) if isinstance(reason, dict) else reason.decides


@register.simple_tag
def split_reasons(reasons) -> dict:
    """The reasons that decided the verdict, and the rest ("also checked"), in order."""
    return {
        "deciding": [r for r in reasons if _decides(r)],
        "also": [r for r in reasons if not _decides(r)],
    }


@register.filter
def rule_title(rule: str) -> str:
    """ "named-before-charge" -> "Names a suspect before charge"."""
    return title_of_rule(rule)
