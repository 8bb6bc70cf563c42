"""The people factories: the tests and the demo site make people with them."""

import factory.random
import pytest

from home.management.commands.load_demo import DEMO_SEED
from organisation import roles
from organisation.factories import ProfileFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_a_person_made_without_a_password_cannot_sign_in(client):
    user = UserFactory()
    assert not user.has_usable_password()
    assert not client.login(username=user.username, password="")


def test_an_existing_person_keeps_their_password(client, demo_users):
    UserFactory(username="officer")
    assert client.login(username="officer", password=demo_users)


def test_roles_and_superusers():
    editor = UserFactory(roles=[roles.EDITOR])
    admin = UserFactory(superuser=True)
    assert list(editor.groups.values_list("name", flat=True)) == [roles.EDITOR]
    assert not (editor.is_staff or editor.is_superuser)
    assert admin.is_staff and admin.is_superuser


def test_a_profile_puts_a_new_person_in_a_borough():
    profile = ProfileFactory()
    assert profile.borough and profile.unit is None and profile.user.pk


def test_the_same_seed_makes_the_same_names():
    def names():
        factory.random.reseed_random(DEMO_SEED)
        return [(u.first_name, u.last_name) for u in UserFactory.build_batch(3)]

    assert names() == names()
