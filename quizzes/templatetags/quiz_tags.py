from django import template

from scenarios.rules import ACTIONS

register = template.Library()


@register.filter
def action_of(rating: str) -> str:
    """ "RED" -> "Do not post, contact DMC"; no answer -> "No answer"."""
    return ACTIONS.get(rating or "", "No answer")


@register.filter
def contact_name(contact: str) -> str:
    return {
        "dmc": "DMC",
        "press-bureau": "DMC’s 24-hour Press Bureau",
        "none": "No one",
    }.get(contact or "", "No answer")
