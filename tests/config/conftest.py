from datetime import timedelta

import pytest
from django.utils import timezone


@pytest.fixture
def clock(monkeypatch):
    """Moves the clock forward for Django (sessions, model timestamps) and django-axes, which
    imported `now` by name. clock(minutes=...) adds to the shift."""
    real_now = timezone.now
    shift = timedelta()

    def shifted_now():
        return real_now() + shift

    for target in ("django.utils.timezone.now", "axes.attempts.now", "axes.handlers.proxy.now"):
        monkeypatch.setattr(target, shifted_now)

    def forward(**delta):
        nonlocal shift
        shift += timedelta(**delta)

    return forward
