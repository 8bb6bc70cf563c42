"""The account page: who you are, and your personal API tokens (shown once, then revocable)."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("site_data")]

TOOL = "Scheduling tool"


def check_with_token(api, token: str):
    return api.post(
        "/api/rag/check",
        headers={"Authorization": f"Bearer {token}"},
        data={"topic": "burglary"},
    )


def test_an_officer_creates_a_token_sees_it_once_uses_it_and_revokes_it(
    page, log_in, playwright, site_data, demo_contacts, screenshot
):
    log_in(page, "officer")
    page.goto("/accounts/me/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your account")
    panel = page.get_by_role("region", name="Personal API tokens")
    expect(panel).to_contain_text("You have no API tokens.")

    panel.get_by_role("textbox").fill(TOOL)
    panel.get_by_role("button", name="Create token").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Your new API token: {TOOL}")
    secret = page.get_by_label("Your token").input_value()
    assert re.fullmatch(r"mat_\S{20,}", secret), secret

    # A tool outside the browser (no session cookie) checks a draft with it.
    api = playwright.request.new_context(base_url=site_data["url"])
    try:
        response = check_with_token(api, secret)
        assert response.status == 200, response.text()
        assert response.json()["rating"] == "GREEN"

        page.get_by_role("link", name="Back to your account and your tokens").click()
        row = panel.get_by_role("row").filter(has_text=TOOL)
        expect(row).to_be_visible()
        expect(row).to_contain_text(secret[:8])
        expect(row).not_to_contain_text(secret)  # the secret itself is never shown again
        expect(row.get_by_role("cell").nth(2)).not_to_have_text("Never")  # it was used
        screenshot(page, "officer-account-api-tokens")

        row.get_by_role("button", name=f"Revoke the token {TOOL}").click()
        expect(page.get_by_role("status")).to_contain_text(f"Token “{TOOL}” revoked")
        expect(panel).to_contain_text("You have no API tokens.")
        assert check_with_token(api, secret).status == 401
    finally:
        api.dispose()
