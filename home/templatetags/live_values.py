"""`{% live text %}`: guidance text with the rulebook's and the contact settings' values filled
in (see `home.live_values`). The values are worked out once per request."""

from django import template

from home import live_values

register = template.Library()


def _values(context) -> dict:
    request = context.get("request")
    cached = getattr(request, "_live_values", None)
    if cached is None:
        cached = live_values.token_values(request)
        if request is not None:
            request._live_values = cached
    return cached


@register.simple_tag(takes_context=True)
def live(context, value):
    """HTML (rich text, or anything already safe) or plain text, with tokens filled in."""
    values = _values(context)
    if hasattr(value, "__html__"):
        return live_values.fill(value.__html__(), values)
    return live_values.fill_text(str(value), values)
