"""DMC's contacts come from one place, the contact settings: the footer, the guidance and the
verdicts show what an editor typed there, and a change shows everywhere at once."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("site_data")]

NARROW = {"width": 320, "height": 640}
NEW_PHONE = "020 7946 0999"
# Where the Press Bureau is named with its number: the footer of every page, its team card on
# the roles page, and the media-law page's "Getting advice".
PRESS_BUREAU_PLACES = {
    "/": "footer",
    "/guidance/roles/": "#press-bureau .team-contact",
    "/guidance/media-law/": "#press-bureau-advice",
}


def tel(number: str) -> str:
    return "tel:" + re.sub(r"[^0-9+]", "", number)


def expect_contact_links(place, phone: str, email: str):
    expect(place.get_by_role("link", name=phone, exact=True)).to_have_attribute("href", tel(phone))
    expect(place.get_by_role("link", name=email, exact=True)).to_have_attribute(
        "href", f"mailto:{email}"
    )


def test_the_footer_names_the_press_bureau_and_the_dmc_desk_with_their_details(page, demo_contacts):
    page.goto("/guidance/")
    footer = page.get_by_role("contentinfo")
    press_bureau = footer.locator("p", has_text="Press Bureau")
    expect(press_bureau).to_have_text(
        "Breaking, major or wider-interest story? DMC’s 24-hour Press Bureau: call "
        f"{demo_contacts['press_bureau_phone']} or email {demo_contacts['press_bureau_email']}."
    )
    expect_contact_links(
        press_bureau, demo_contacts["press_bureau_phone"], demo_contacts["press_bureau_email"]
    )
    desk = footer.locator("p", has_text="Amber item")
    expect(desk).to_contain_text("DMC Borough Support desk: call")
    expect(desk).to_contain_text(f"({demo_contacts['dmc_hours']})")
    expect_contact_links(desk, demo_contacts["dmc_phone"], demo_contacts["dmc_email"])


def test_an_editor_changes_the_press_bureau_phone_once_and_every_page_follows(
    page, log_in, demo_contacts
):
    old_phone = demo_contacts["press_bureau_phone"]
    for path, where in PRESS_BUREAU_PLACES.items():
        page.goto(path)
        expect(page.locator(where).get_by_role("link", name=old_phone, exact=True)).to_be_visible()

    log_in(page, "editor")
    page.goto("/admin/")
    page.get_by_role("button", name="Settings").click()
    page.get_by_role("link", name="Contacts").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Contacts")
    phone = page.get_by_label("Press Bureau 24-hour phone")
    expect(phone).to_have_value(old_phone)
    phone.fill(NEW_PHONE)
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".messages")).to_contain_text("Contacts updated")
    expect(page.get_by_label("Press Bureau 24-hour phone")).to_have_value(NEW_PHONE)

    for path, where in PRESS_BUREAU_PLACES.items():
        page.goto(path)
        place = page.locator(where)
        expect(place.get_by_role("link", name=NEW_PHONE, exact=True)).to_have_attribute(
            "href", tel(NEW_PHONE)
        )
        # Nothing on the page still gives the old number, in a link or in text.
        expect(page.locator("body")).not_to_contain_text(old_phone)
        expect(page.locator(f"a[href='{tel(old_phone)}']")).to_have_count(0)


def test_the_media_law_page_with_contact_details_fits_320px(page, demo_contacts):
    page.set_viewport_size(NARROW)
    page.goto("/guidance/media-law/")
    expect(page.locator("#press-bureau-advice")).to_contain_text(
        demo_contacts["press_bureau_email"]
    )
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= NARROW["width"], f"/guidance/media-law/ scrolls sideways at 320px: {width}px"
