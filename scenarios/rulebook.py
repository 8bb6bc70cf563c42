"""The adapter between the database and the pure engine: live rows in, a Rulebook out.

Publishing freezes the live rows into a numbered `RulebookVersion` and, once that commits,
sends `rulebook_published` (the bank's jobs listen: they re-grade). Readers only ever see the
latest frozen version.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

from django.db import transaction
from django.dispatch import Signal

from scenarios.models import GreenSource, RulebookVersion, RuleParameters
from scenarios.models import Topic as TopicRow
from scenarios.rulebook_changes import describe_changes
from scenarios.rules.initial import DEFAULT_GUIDANCE_URLS
from scenarios.rules.types import Rulebook, Topic

TOPIC_FIELDS = (
    "slug",
    "name",
    "rating",
    "guidance_url",
    "amber_when_ksi",
    "sentencing_window",
    "checks_source",
    "press_bureau",
    "custody_image_last_resort",
)

# Sent after a new version commits, with `number`.
rulebook_published = Signal()


@dataclass(frozen=True)
class Published:
    """The latest published version, built for the engine, with the sources' display names."""

    rulebook: Rulebook
    source_names: MappingProxyType


# Rulebooks are immutable, so a process may keep each version it has built.
_built: dict[tuple, Published] = {}


def live_snapshot() -> dict:
    """The published rulebook as plain JSON: three queries, whatever its size."""
    return snapshot_of(TopicRow, GreenSource, RuleParameters)


def snapshot_of(topic_model, source_model, parameters_model) -> dict:
    # Takes the models so the data migrations can pass their historical ones, which may not
    # have every flag yet.
    have = {field.name for field in topic_model._meta.get_fields()}
    fields = [name for name in TOPIC_FIELDS if name in have]
    topics = list(
        topic_model.objects.filter(live=True).order_by("sort_order", "name").values(*fields)
    )
    sources = dict(
        source_model.objects.filter(live=True).order_by("slug").values_list("slug", "name")
    )
    params = parameters_model.objects.filter(live=True).order_by("pk").first()
    return {
        "topics": topics,
        "green_sources": sorted(sources),
        "source_names": sources,
        "sentencing_window_days": params.sentencing_window_days if params else 7,
        "guidance_urls": dict(DEFAULT_GUIDANCE_URLS),
    }


def rulebook_from_snapshot(number: int, snapshot: dict) -> Rulebook:
    # A flag a snapshot does not carry (it predates the flag) keeps the flag's default.
    topics = {
        t["slug"]: Topic(**{k: t[k] for k in TOPIC_FIELDS if k in t}) for t in snapshot["topics"]
    }
    return Rulebook(
        version=number,
        topics=MappingProxyType(topics),
        green_sources=frozenset(snapshot["green_sources"]),
        sentencing_window_days=int(snapshot["sentencing_window_days"]),
        guidance_urls=MappingProxyType(dict(snapshot["guidance_urls"])),
    )


def publish_version(note: str = "", user=None) -> int:
    """Freeze the live rulebook as a new numbered version, unless nothing changed. The note
    says what changed; `note` is used only if the change is not one `describe_changes` names."""
    with transaction.atomic():
        # One publisher at a time (a row lock on PostgreSQL), so the snapshot taken here
        # cannot miss a change another publish commits meanwhile.
        list(RuleParameters.objects.select_for_update().order_by("pk")[:1])
        snapshot = live_snapshot()
        latest = RulebookVersion.objects.order_by("-number").first()
        if latest and latest.snapshot == snapshot:
            return latest.number
        number = (latest.number + 1) if latest else 1
        # What changed, in DMC's words; the caller's note only when nothing visible did.
        changes = describe_changes(latest.snapshot if latest else None, snapshot)
        full_note = "; ".join(changes) or note
        RulebookVersion.objects.create(
            number=number,
            snapshot=snapshot,
            note=full_note[:300],
            published_by=user if getattr(user, "pk", None) else None,
        )
        transaction.on_commit(
            lambda: rulebook_published.send(sender=RulebookVersion, number=number)
        )
    return number


def published() -> Published:
    """The latest version; one small query, the rest from the per-process cache."""
    latest = RulebookVersion.objects.order_by("-number").values_list("number", "created_at")
    head = latest.first()
    if head is None:
        publish_version("First version")
        head = latest.first()
    # Keyed by creation time too: a restored or test database may reuse a number.
    built = _built.get(head)
    if built is None:
        snapshot = RulebookVersion.objects.get(number=head[0]).snapshot
        if len(_built) > 32:
            _built.clear()
        built = _built[head] = Published(
            rulebook_from_snapshot(head[0], snapshot),
            MappingProxyType(dict(snapshot.get("source_names", {}))),
        )
    return built


def published_rulebook() -> Rulebook:
    return published().rulebook
