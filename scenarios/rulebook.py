"""The adapter between the database and the pure engine: live rows in, a Rulebook out."""

from __future__ import annotations

from types import MappingProxyType

from django.db import transaction

from scenarios.rules.initial import DEFAULT_GUIDANCE_URLS
from scenarios.rules.types import AMBER, GREEN, RED, Rulebook, Topic

TOPIC_FIELDS = (
    "slug",
    "name",
    "rating",
    "guidance_url",
    "amber_when_ksi",
    "sentencing_window",
    "checks_source",
    "press_bureau",
)

# Rulebooks are immutable, so a process may keep each version it has built.
_built: dict[tuple, tuple[Rulebook, dict]] = {}


def live_snapshot() -> dict:
    """The published rulebook as plain JSON: three queries, whatever its size."""
    from scenarios.models import GreenSource, RuleParameters
    from scenarios.models import Topic as TopicRow

    return snapshot_of(TopicRow, GreenSource, RuleParameters)


def snapshot_of(topic_model, source_model, parameters_model) -> dict:
    # Takes the models so the data migration can pass its historical ones.
    topics = list(
        topic_model.objects.filter(live=True).order_by("sort_order", "name").values(*TOPIC_FIELDS)
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
    topics = {t["slug"]: Topic(**{k: t[k] for k in TOPIC_FIELDS}) for t in snapshot["topics"]}
    return Rulebook(
        version=number,
        topics=MappingProxyType(topics),
        green_sources=frozenset(snapshot["green_sources"]),
        sentencing_window_days=int(snapshot["sentencing_window_days"]),
        guidance_urls=MappingProxyType(dict(snapshot["guidance_urls"])),
    )


def publish_version(note: str = "") -> int:
    """Freeze the live rulebook as a new numbered version, unless nothing changed."""
    from scenarios.models import RulebookVersion, RuleParameters

    with transaction.atomic():
        # One publisher at a time (a row lock on PostgreSQL), so the snapshot taken here
        # cannot miss a change another publish commits meanwhile.
        list(RuleParameters.objects.select_for_update().order_by("pk")[:1])
        snapshot = live_snapshot()
        latest = RulebookVersion.objects.order_by("-number").first()
        if latest and latest.snapshot == snapshot:
            return latest.number
        number = (latest.number + 1) if latest else 1
        RulebookVersion.objects.create(number=number, snapshot=snapshot, note=note[:300])
        # Once the new version is committed, the bank is re-graded against it.
        transaction.on_commit(_regrade_bank)
    return number


def _regrade_bank():
    from scenarios.jobs import enqueue_regrade

    enqueue_regrade()


def _published() -> tuple[Rulebook, dict]:
    """The latest version and its source names; one small query, the rest from the cache."""
    from scenarios.models import RulebookVersion

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
        built = _built[head] = (
            rulebook_from_snapshot(head[0], snapshot),
            dict(snapshot.get("source_names", {})),
        )
    return built


def published_rulebook() -> Rulebook:
    return _published()[0]


RATING_ROWS = (
    (GREEN, "green", "Go for it!", "green_note"),
    (AMBER, "amber", "Ask DMC before posting", "amber_note"),
    (RED, "red", "Do not post, contact DMC", "red_note"),
)


def published_table(block_value=None) -> list[dict]:
    """Rows of the RAG table on the guidance page, from the published rulebook."""
    rulebook, names = _published()
    source_names = [names.get(slug, slug) for slug in sorted(rulebook.green_sources)]
    entries = {GREEN: [], AMBER: [], RED: []}
    for topic in rulebook.topics.values():
        if topic.amber_when_ksi and topic.rating == GREEN:
            entries[GREEN].append((topic, f"{topic.name}: no one killed or seriously injured"))
            entries[AMBER].append(
                (topic, f"{topic.name}: someone killed or seriously injured (KSI)")
            )
        elif topic.checks_source:
            entries[topic.rating].append((topic, f"{topic.name} of: " + ", ".join(source_names)))
        else:
            entries[topic.rating].append((topic, topic.name))
    return [
        {
            "rating": rating,
            "anchor": anchor,
            "action": action,
            "note": block_value.get(note_field) if block_value else None,
            "entries": entries[rating],
        }
        for rating, anchor, action, note_field in RATING_ROWS
    ]
