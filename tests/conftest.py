import importlib

import factory.random
import pytest

from home.loader import load_guidance
from home.management.commands.load_demo import DEMO_SEED

TRANSACTIONAL = {"transactional_db", "live_server"}


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Transactional tests (the browser's among them) empty the database when they end, taking
    what the data migrations made with it; run them after every test that relies on it.
    pytest-django orders them last, but pytest's own grouping of tests by session-scoped
    parameters (the browser's name) can move them forward again, so this runs last."""
    items.sort(key=lambda item: bool(TRANSACTIONAL & set(item.fixturenames)))


@pytest.fixture(autouse=True)
def fixed_factory_seed():
    """The factories draw names from Faker: the demo's seed, again for every test, so a test
    makes people with the same names whatever ran before it."""
    factory.random.reseed_random(DEMO_SEED)


@pytest.fixture
def guidance(db):
    """The home page and the guidance pages, as `load_guidance` builds them."""
    load_guidance()
    from home.models import GuidancePage

    return {page.slug: page for page in GuidancePage.objects.live()}


@pytest.fixture
def demo_users(db):
    from organisation.demo import DEMO_PASSWORD, create_demo_users

    create_demo_users()
    return DEMO_PASSWORD


@pytest.fixture
def demo_site(guidance, demo_users):
    """The demo site as `load_demo` builds it: guidance, one user per role, the starter library
    (published, so its questions are in the bank). Returns the users by username."""
    from django.contrib.auth import get_user_model

    from scenarios.library_loader import load_starter_library

    load_starter_library()
    return {user.username: user for user in get_user_model().objects.all()}


@pytest.fixture
def signed_in(client, demo_users):
    def sign_in(username: str):
        assert client.login(username=username, password=demo_users)
        return client

    return sign_in


def _migration(app_module: str, name: str):
    # Migration module names start with a digit: import them by string.
    return importlib.import_module(f"{app_module}.migrations.{name}")


def _wagtail_root():
    """Wagtail's default locale and root page (depth 1), as its migrations make them."""
    from django.conf import settings
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Locale, Page

    if not Locale.objects.exists():
        Locale.objects.create(
            language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
        )
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root"))


@pytest.fixture
def migrated_data(transactional_db):
    """For transactional tests: the data migrations made (Wagtail's root, boroughs, the first
    rulebook, roles), rebuilt, since each transactional test ends by emptying the database."""
    from django.apps import apps
    from django.db import transaction

    from organisation.roles import sync_roles
    from scenarios import rulebook

    # Version numbers start again at 1 after a flush: forget the versions built before.
    rulebook._built.clear()
    with transaction.atomic():
        _wagtail_root()
        _migration("organisation", "0002_boroughs_and_units").create(apps, None)
        _migration("scenarios", "0002_initial_rulebook").create(apps, None)
        sync_roles()
    yield
    rulebook._built.clear()


@pytest.fixture
def run_queued_jobs(settings):
    """Work off queued jobs. Without Redis they already ran in-process; with a real Redis
    (the real-services run) a worker in this process runs them."""

    def run():
        if settings.REDIS_URL:
            import django_rq

            from outbox.workers import JSONSimpleWorker

            django_rq.get_worker("default", worker_class=JSONSimpleWorker).work(burst=True)

    return run
