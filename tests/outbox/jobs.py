"""Jobs for the outbox tests: importable by path, as a worker imports them."""

from django.contrib.auth.models import Group


def group_create(*, name: str) -> str:
    """A visible effect, once: running it twice makes no second group."""
    group, _ = Group.objects.get_or_create(name=name)
    return group.name
