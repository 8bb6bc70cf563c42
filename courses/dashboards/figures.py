"""The overview's counts, kept for `DASHBOARD_FIGURES_SECONDS` (a minute by default).

The force's overview counts every training record (a third of a second on a force of 35,000),
and trainers reload it often. The counts are kept per trainer, filters and day. An assignment
starts a new generation, so a trainer who assigns a module sees it on their next page; officers'
progress shows within the minute, and the page says when its figures were counted. The
downloads always count afresh. A cache that does not answer (Redis down) only means counting.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from datetime import datetime
from typing import TypeVar

from django.conf import settings
from django.core.cache import caches
from django.utils import timezone
from redis.exceptions import RedisError

from .params import Dashboard

T = TypeVar("T")
GENERATION = "dashboards:generation"


def _cache():
    return caches["dashboards"]


def figures_changed() -> None:
    """Every trainer's kept figures are out of date (an assignment was made or removed)."""
    cache = _cache()
    try:
        cache.incr(GENERATION)
    except ValueError:  # no generation yet
        cache.set(GENERATION, 1, None)
    except RedisError:
        return  # nothing can be read from it either, so nothing stale is shown


def counted(*, user, d: Dashboard, what: str, compute: Callable[[], T]) -> tuple[T, datetime]:
    """`compute()` and when it was counted: now, or within the last minute."""
    seconds = settings.DASHBOARD_FIGURES_SECONDS
    if seconds <= 0:
        return compute(), timezone.now()
    cache = _cache()
    try:
        generation = cache.get(GENERATION, 0)
        key = f"dashboards:{what}:{user.pk}:{generation}:{d.today}:{d.query}"
        kept = cache.get(key)
    except RedisError:
        return compute(), timezone.now()
    if kept is not None:
        return kept
    fresh = (compute(), timezone.now())
    with suppress(RedisError):
        cache.set(key, fresh, seconds)
    return fresh
