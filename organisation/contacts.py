"""How a contact the verdicts and the guidance name is shown: from `ContactSettings`, the one
place DMC edits numbers and addresses. Nothing else types a number."""

from __future__ import annotations

import re

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from .models import ContactSettings

DMC = "dmc"
PRESS_BUREAU = "press-bureau"
CONTACTS = (DMC, PRESS_BUREAU)
PRESS_BUREAU_NAME = "DMC’s 24-hour Press Bureau"


def contact_settings(request=None) -> ContactSettings:
    # Cached on the request by Wagtail, so a page naming several contacts reads them once.
    return ContactSettings.load(request_or_site=request)


def name(who: str, settings: ContactSettings) -> str:
    if who == PRESS_BUREAU:
        return PRESS_BUREAU_NAME
    desk = settings.dmc_name.strip() or "DMC"
    return desk if "DMC" in desk else f"DMC ({desk})"


def _tel(number: str) -> str:
    return "tel:" + re.sub(r"[^0-9+]", "", number)


def phone_html(who: str, settings: ContactSettings) -> SafeString:
    number = settings.press_bureau_phone if who == PRESS_BUREAU else settings.dmc_phone
    return format_html('<a href="{}">{}</a>', _tel(number), number) if number else SafeString("")


def email_html(who: str, settings: ContactSettings) -> SafeString:
    email = settings.press_bureau_email if who == PRESS_BUREAU else settings.dmc_email
    return format_html('<a href="mailto:{}">{}</a>', email, email) if email else SafeString("")


def details_html(who: str, settings: ContactSettings) -> SafeString:
    """How to reach them ("call <number> or email <address>"), with links; what is not set is
    left out."""
    ways = []
    if phone := phone_html(who, settings):
        ways.append(format_html("call {}", phone))
    if email := email_html(who, settings):
        ways.append(format_html("email {}", email))
    if not ways:
        return SafeString("ask your borough SPOC how to reach them")
    details = format_html_join(" or ", "{}", ((way,) for way in ways))
    if who == DMC and settings.dmc_hours:
        details = format_html("{} ({})", details, settings.dmc_hours)
    return details


def line_html(who: str, settings: ContactSettings) -> SafeString:
    """The contact's name, then how to reach them."""
    return format_html("{}: {}", name(who, settings), details_html(who, settings))
