"""Factories for people and places. The tests and the demo site share them."""

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from factory.django import DjangoModelFactory

from .models import Borough, Profile, Unit


class BoroughFactory(DjangoModelFactory):
    class Meta:
        model = Borough
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Test borough {n}")
    slug = factory.Sequence(lambda n: f"test-borough-{n}")
    bcu = "Test BCU"


class UnitFactory(DjangoModelFactory):
    class Meta:
        model = Unit
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Test unit {n}")
    slug = factory.Sequence(lambda n: f"test-unit-{n}")


class UserFactory(DjangoModelFactory):
    """A person with no role. ``password=...`` to sign in, ``roles=[...]`` (group names),
    ``superuser=True`` for an administrator."""

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    class Params:
        # As create_superuser makes them: staff, with every permission.
        superuser = factory.Trait(is_staff=True, is_superuser=True)

    username = factory.Sequence(lambda n: f"person{n}")
    first_name = factory.Faker("first_name", locale="en_GB")
    last_name = factory.Faker("last_name", locale="en_GB")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.police.uk")

    @factory.post_generation
    def password(self, create, extracted, **kwargs):
        if extracted:
            if self.check_password(extracted):
                return
            self.set_password(extracted)
        elif self.password:
            return  # an existing person keeps theirs
        else:
            self.set_unusable_password()  # as create_user does when given none
        if create:
            self.save(update_fields=["password"])

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.set([Group.objects.get(name=name) for name in extracted])


class ProfileFactory(DjangoModelFactory):
    """A person in a borough by default; pass unit=... (and borough=None) for a unit."""

    class Meta:
        model = Profile
        django_get_or_create = ("user",)
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    borough = factory.SubFactory(BoroughFactory)
    unit = None

    @factory.post_generation
    def supported_boroughs(self, create, extracted, **kwargs):
        if create and extracted is not None:
            self.supported_boroughs.set(extracted)
