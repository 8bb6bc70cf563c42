"""{% api_token_panel %}: the account page's token section.

A template tag, so the account page shows it without the organisation app importing api."""

from django import template

from api.forms import TokenForm
from api.services import MAX_LIVE_TOKENS, token_list

register = template.Library()


@register.inclusion_tag("api/token_panel.html", takes_context=True)
def api_token_panel(context):
    tokens = list(token_list(user=context["request"].user))
    return {
        "tokens": tokens,
        "form": TokenForm(),
        "at_limit": len(tokens) >= MAX_LIVE_TOKENS,
        "limit": MAX_LIVE_TOKENS,
        "csrf_token": context.get("csrf_token"),
    }
