import pytest

from home.loader import load_guidance


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
def signed_in(client, demo_users):
    def sign_in(username: str):
        assert client.login(username=username, password=demo_users)
        return client

    return sign_in
