"""`{% contact "press-bureau" %}`: a contact's name and how to reach them, from the contact
settings DMC edits."""

from django import template

from organisation import contacts

register = template.Library()


@register.simple_tag(takes_context=True)
def contact(context, who: str, part: str = "line"):
    """part: "line" (name and details), "name", or "details"."""
    settings = contacts.contact_settings(context.get("request"))
    if part == "name":
        return contacts.name(who, settings)
    if part == "details":
        return contacts.details_html(who, settings)
    return contacts.line_html(who, settings)
