"""Browser tests: Debian's Chromium driven by Playwright against pytest-django's live server.

`live_server` makes every test transactional, and the database is flushed after each one:
that removes what the migrations created (Wagtail's locale, root page and site, the boroughs,
the rulebook) as well as what our loaders add. `site_data` builds it all again, idempotently.
"""

import os
import time
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in the test thread; the ORM would refuse to run
# beside it. The tests only use the ORM to set data up, never concurrently with the server.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
SCREENSHOTS = Path(__file__).parent / "screenshots"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "headless": True,
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args, live_server):
    """Every context (with or without JavaScript) talks to the live server by default."""
    return {**browser_context_args, "base_url": live_server.url}


@pytest.fixture
def site_data(live_server, migrated_data):
    """What the migrations created and our loaders add, rebuilt after the last flush."""
    from django.db import transaction

    from home.loader import load_guidance
    from organisation.demo import DEMO_PASSWORD, create_demo_users

    with transaction.atomic():  # one commit, not hundreds (it shows on PostgreSQL)
        load_guidance()  # the home page, the guidance pages and the default Site
        create_demo_users()
    return {"url": live_server.url, "password": DEMO_PASSWORD}


def leave_quietly(pages: list) -> None:
    """Take signed-in pages off the site before the database is flushed: Wagtail's editors ping
    their editing session every few seconds, and a ping still being written during the flush
    locks SQLite's shared in-memory tables ("database table is locked")."""
    left = [page for page in pages if not page.is_closed()]
    for page in left:
        page.goto("about:blank")
    if left:
        time.sleep(0.5)  # a request already on its way finishes


@pytest.fixture
def sign_in(site_data):
    """Sign in through the login form, as a person would."""
    pages = []

    def _sign_in(page, username="officer", password=None, next_url="/"):
        pages.append(page)
        page.goto(f"/accounts/login/?next={next_url}")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(password or site_data["password"])
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_load_state()
        return page

    yield _sign_in
    leave_quietly(pages)


@pytest.fixture
def log_in(site_data):
    """A quicker sign-in for tests about other things: a session cookie, no login form."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client

    pages = []

    def _log_in(page, username="officer"):
        pages.append(page)
        client = Client()
        client.force_login(get_user_model().objects.get(username=username))
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        page.context.add_cookies(
            [{"name": cookie.key, "value": cookie.value, "url": site_data["url"]}]
        )
        return page

    yield _log_in
    leave_quietly(pages)


@pytest.fixture
def axe_check():
    """Run axe-core on the page; fail on any serious or critical violation."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def _check(page, label=""):
        results = axe.run(page)
        bad = [v for v in results.response["violations"] if v["impact"] in {"serious", "critical"}]
        details = "\n".join(
            f"{v['id']} ({v['impact']}): {v['help']}\n"
            + "\n".join(f"    {n['target']}: {n.get('failureSummary', '')}" for n in v["nodes"])
            for v in bad
        )
        assert not bad, f"axe found serious/critical violations on {label or page.url}:\n{details}"
        return results

    return _check


@pytest.fixture
def screenshot():
    """Save a full-page screenshot for humans, only when SCREENSHOTS=1."""

    def _shot(page, name: str, full_page: bool = True):
        """full_page=False: only what the window shows (an open menu stays where it is)."""
        if os.environ.get("SCREENSHOTS") != "1":
            return None
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        # For humans, never for git: the folder ignores itself.
        (SCREENSHOTS / ".gitignore").write_text("*\n")
        path = SCREENSHOTS / f"{name}.png"
        if not full_page:
            page.screenshot(path=str(path), animations="disabled")
            return path
        # The Wagtail admin scrolls an inner panel, not the page, so `full_page` alone would
        # cut it at the window's height: grow the window to the content for the shot.
        viewport = page.viewport_size
        hidden = page.evaluate(
            """() => Math.max(0, ...[...document.querySelectorAll('*')].map(el =>
                el.scrollHeight - el.clientHeight > 1
                && ['auto', 'scroll'].includes(getComputedStyle(el).overflowY)
                ? el.scrollHeight - el.clientHeight : 0))"""
        )
        if viewport and hidden:
            page.set_viewport_size({**viewport, "height": viewport["height"] + hidden})
        try:
            page.screenshot(path=str(path), full_page=True, animations="disabled")
        finally:
            if viewport and hidden:
                page.set_viewport_size(viewport)
        return path

    return _shot


@pytest.fixture
def demo_contacts(site_data):
    """The demo contact details (`organisation.demo`), as the verdicts and the footer show them.
    The Press Bureau's phone is the settings' default, the guidance note's number."""
    from organisation.demo import DEMO_CONTACTS, set_demo_contacts
    from organisation.models import ContactSettings

    set_demo_contacts()
    return {**DEMO_CONTACTS, "press_bureau_phone": ContactSettings.load().press_bureau_phone}
