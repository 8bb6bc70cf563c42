"""The RAG engine: grade the facts of a draft post against a rulebook.

``evaluate(facts, rulebook)`` runs every rule. Each rule that applies adds a ``Reason`` (rule id,
a plain-English summary, the guidance section it comes from, the rating that rule alone asks
for, and whether it ``decides``). The verdict's rating is the most severe of those. A topic that
no topic rule covers gets the reason ``not-covered`` (AMBER): anything the rulebook does not
cover is never GREEN.

Rules, in their documented order (``RULE_IDS``):

1. the topic rule, at most one of
   ``green-topic`` (GREEN topic, not a KSI collision, not a retweet/link) GREEN;
   ``amber-public-domain`` (amber item, already in the public domain) AMBER;
   ``amber-not-public-domain`` (amber item, not in the public domain) RED;
   ``red-topic`` (RED topic) RED;
   ``not-covered`` (none of those, and not a GREEN retweet/link: a topic whose rating the
   engine does not know) AMBER.
   An amber item is an AMBER topic, or an ``amber_when_ksi`` topic (road traffic collision)
   with ``ksi`` true (unless the topic itself is RED).
2. ``ksi-collision``: ``amber_when_ksi`` topic with ``ksi`` true. AMBER.
3. ``major-incident``: ``press_bureau`` topic (major or critical incident). RED, Press Bureau.
4. for ``checks_source`` topics (retweet, link), instead of ``green-topic``:
   ``source-green-listed`` GREEN, or ``source-not-green-listed`` (unlisted or no source) AMBER.
5. ``court-sentencing-window``: ``sentencing_window`` topic and more than
   ``rulebook.sentencing_window_days`` days since sentencing (exactly 7 is still fine). RED.
6. ``wider-interest``: likely interest beyond local media. AMBER, Press Bureau.
7. images: ``suspect-image-unauthorised`` RED, ``suspect-image-authorised`` GREEN,
   ``general-image`` GREEN. A custody photo counts as a suspect image, except on a
   ``custody_image_last_resort`` topic (missing people), where it is
   ``custody-image-missing-person`` RED whether or not its release was authorised.
   ``wanted-person-arrested`` (an appeal posted or left up after the arrest) RED.
8. media law, whatever the topic (retweets and links too), each RED:
   ``sexual-offence-victim``, ``child-in-proceedings``, ``named-before-charge``,
   ``prejudicial-content``, ``unproven-allegation`` (defamation), ``names-cautioned-person``;
   and ``ethnicity-or-nationality`` AMBER (not released routinely: ask DMC).
9. ``breaking-press-bureau``: ``breaking`` and the verdict is AMBER or RED; the reason carries
   that rating; Press Bureau. (Breaking news on an otherwise GREEN post adds nothing.)

So every verdict has at least one reason: a topic rule (or ``not-covered``) or a source rule.

Contact: GREEN -> "none"; AMBER or RED -> "dmc", or "press-bureau" when ``wider-interest``,
``major-incident`` or ``breaking-press-bureau`` applied.

Deciding reasons: a reason ``decides`` when it set the rating or the contact, that is when its
rating equals the verdict's, or the contact is the Press Bureau and its rule is one of
``PRESS_BUREAU_RULES`` (so ``wider-interest`` decides a RED verdict too). Every verdict has one:
the most severe reason. The verdict lists the deciding reasons first (most severe first, then
rule order), then the others (most severe first, then rule order). A reason's summary depends
on the verdict it sits in (``scenarios.rules.wording``): a deciding one states its rule in the
verdict's terms; the others are context ("On its own, burglary would be green."), never words
that contradict the rating ("go for it" under a RED).

Reasons are constant for a rulebook, so every reason is built once per rulebook object, for
every verdict rating it can sit under; ``evaluate`` only picks them.
"""

from __future__ import annotations

from operator import itemgetter
from typing import Any

from scenarios.rules import wording
from scenarios.rules.initial import DEFAULT_GUIDANCE_URLS, RATING_GUIDANCE_URLS
from scenarios.rules.types import (
    ACTIONS,
    AMBER,
    CONTACT_DMC,
    CONTACT_NONE,
    CONTACT_PRESS_BUREAU,
    GREEN,
    RED,
    Facts,
    FactsError,
    Reason,
    Rulebook,
    Verdict,
)
from scenarios.rules.validate import PerRulebookCache, parse_facts, topic_error
from scenarios.rules.wording import Wording

__all__ = ["RULE_IDS", "PRESS_BUREAU_RULES", "evaluate", "check", "compiled"]

RULE_IDS = (
    "green-topic",
    "amber-public-domain",
    "amber-not-public-domain",
    "red-topic",
    "not-covered",
    "ksi-collision",
    "major-incident",
    "source-green-listed",
    "source-not-green-listed",
    "court-sentencing-window",
    "wider-interest",
    "suspect-image-unauthorised",
    "suspect-image-authorised",
    "general-image",
    "custody-image-missing-person",
    "wanted-person-arrested",
    "sexual-offence-victim",
    "child-in-proceedings",
    "named-before-charge",
    "prejudicial-content",
    "unproven-allegation",
    "names-cautioned-person",
    "ethnicity-or-nationality",
    "breaking-press-bureau",
)

# Rules that make the 24-hour Press Bureau the contact.
PRESS_BUREAU_RULES = frozenset({"wider-interest", "major-incident", "breaking-press-bureau"})


_RATING_OF = (GREEN, AMBER, RED)  # severity -> rating
_ACTION_OF = tuple(ACTIONS[rating] for rating in _RATING_OF)
_SEVERITY_OF = {GREEN: 0, AMBER: 1, RED: 2}
_RULE_INDEX = {rule: index for index, rule in enumerate(RULE_IDS)}
_SPAN = 32  # sort keys per severity band: more than there are rules, so keys never collide
assert len(RULE_IDS) <= _SPAN

# A slot is one rule's prebuilt reasons and sort keys for each verdict severity:
# (reason under GREEN, under AMBER, under RED, key under GREEN, under AMBER, under RED),
# with None where the rule cannot sit (no verdict is milder than one of its rules).
# ``evaluate`` collects slots, sorts them by one key and picks one reason each, all in C.
_PICK = (itemgetter(0), itemgetter(1), itemgetter(2))
_KEY = (itemgetter(3), itemgetter(4), itemgetter(5))
_CONTEXT_KEY = 100  # above every deciding key (at most 2 * _SPAN + _SPAN - 1 = 95)


def _slot(rule: str, rating: str, words: Wording, url: str) -> tuple:
    own = _SEVERITY_OF[rating]
    reasons: list[Reason | None] = []
    keys: list[int] = []
    for severity, verdict_rating in enumerate(_RATING_OF):
        if severity < own:
            reasons.append(None)
            keys.append(0)
            continue
        # A press-bureau rule always set the contact: a verdict it sits in is never GREEN.
        decides = severity == own or rule in PRESS_BUREAU_RULES
        summary = words.decides.get(verdict_rating) if decides else words.context
        if summary is None:
            raise ValueError(f"{rule}: no wording for it under a {verdict_rating} verdict")
        reasons.append(Reason(rule, summary, url, rating, decides))
        # Deciding first, then most severe first, then the documented rule order.
        keys.append((0 if decides else _CONTEXT_KEY) + _SPAN * (2 - own) + _RULE_INDEX[rule])
    return (*reasons, *keys)


def _own_reason(slot: tuple) -> Reason:
    """The reason of a slot under a verdict of the rule's own rating."""
    return next(reason for reason in slot[:3] if reason is not None)


class _Variant:
    """The topic-level slots for one topic and one (ksi, in_public_domain) combination."""

    __slots__ = ("slots", "severity", "press", "reasons")

    def __init__(self, slots: tuple[tuple, ...]):
        own = [_own_reason(slot) for slot in slots]
        self.slots = slots
        self.severity = max((_SEVERITY_OF[r.rating] for r in own), default=0)
        self.press = any(r.rule in PRESS_BUREAU_RULES for r in own)
        # The verdict's reasons when no other rule applies (then the rating is this severity).
        self.reasons = tuple(
            tuple(map(_PICK[severity], sorted(slots, key=_KEY[severity])))
            if severity >= self.severity
            else None
            for severity in range(3)
        )


class _CompiledTopic:
    __slots__ = ("variants", "checks_source", "sentencing_window", "custody_last_resort")

    def __init__(
        self,
        variants: tuple[_Variant, ...],
        checks_source: bool,
        window: bool,
        custody_last_resort: bool,
    ):
        self.variants = variants  # indexed by 2 * ksi + in_public_domain
        self.checks_source = checks_source
        self.sentencing_window = window
        self.custody_last_resort = custody_last_resort


class Compiled:
    """Everything ``evaluate`` needs from one rulebook: every ``Reason`` prebuilt for every
    verdict rating it can sit under, held in slots (see ``_slot``)."""

    def __init__(self, rulebook: Rulebook):
        self.version = rulebook.version
        self.window = rulebook.sentencing_window_days
        urls = rulebook.guidance_urls

        def slot(rule: str, rating: str, words: Wording, guidance_url: str | None = None):
            guidance_url = (
                guidance_url
                or urls.get(rule)
                or DEFAULT_GUIDANCE_URLS.get(rule)
                or RATING_GUIDANCE_URLS[rating]
            )
            return _slot(rule, rating, words, guidance_url)

        self.court = slot(
            "court-sentencing-window", RED, wording.court_sentencing_window(self.window)
        )
        self.wider = slot("wider-interest", AMBER, wording.wider_interest())
        # Breaking carries the verdict's rating: its AMBER reason under AMBER, RED under RED.
        breaking = wording.breaking_press_bureau()
        amber = slot("breaking-press-bureau", AMBER, breaking)
        red = slot("breaking-press-bureau", RED, breaking)
        self.breaking = (None, amber[1], red[2], 0, amber[4], red[5])
        self.suspect_unauthorised = slot(
            "suspect-image-unauthorised", RED, wording.suspect_image_unauthorised()
        )
        self.suspect_authorised = slot(
            "suspect-image-authorised", GREEN, wording.suspect_image_authorised()
        )
        self.general_image = slot("general-image", GREEN, wording.general_image())
        self.custody_missing = slot(
            "custody-image-missing-person", RED, wording.custody_image_missing_person()
        )
        self.wanted_arrested = slot("wanted-person-arrested", RED, wording.wanted_person_arrested())
        self.sexual_offence = slot("sexual-offence-victim", RED, wording.sexual_offence_victim())
        self.child = slot("child-in-proceedings", RED, wording.child_in_proceedings())
        self.named = slot("named-before-charge", RED, wording.named_before_charge())
        self.prejudicial = slot("prejudicial-content", RED, wording.prejudicial_content())
        self.allegation = slot("unproven-allegation", RED, wording.unproven_allegation())
        self.cautioned = slot("names-cautioned-person", RED, wording.names_cautioned_person())
        self.ethnicity = slot("ethnicity-or-nationality", AMBER, wording.ethnicity_or_nationality())
        green_list = ", ".join(sorted(rulebook.green_sources))
        self.green_sources = {
            source: slot("source-green-listed", GREEN, wording.source_green_listed(source))
            for source in rulebook.green_sources
        }
        self.no_source = slot(
            "source-not-green-listed", AMBER, wording.source_not_given(green_list)
        )
        self.unlisted_source = slot(
            "source-not-green-listed", AMBER, wording.source_not_green_listed(green_list)
        )
        shared = (
            slot("not-covered", AMBER, wording.not_covered()),
            slot("ksi-collision", AMBER, wording.ksi_collision()),
            slot("major-incident", RED, wording.major_incident()),
        )
        self.topics = {
            slug: self._compile_topic(topic, slot, *shared)
            for slug, topic in rulebook.topics.items()
        }

    @staticmethod
    def _compile_topic(topic, slot, not_covered, ksi_slot, major_slot) -> _CompiledTopic:
        own_url = topic.guidance_url or RATING_GUIDANCE_URLS.get(topic.rating)
        green = red = None
        if topic.rating == GREEN and not topic.checks_source:
            green = slot("green-topic", GREEN, wording.green_topic(topic.name), own_url)
        if topic.rating == RED:
            red = slot("red-topic", RED, wording.red_topic(topic.name), own_url)
        if topic.amber_when_ksi and topic.rating == GREEN:
            # A KSI collision is an amber item; its public-domain rule links to the amber row.
            in_pd = slot("amber-public-domain", AMBER, wording.amber_public_domain_ksi())
            not_pd = slot("amber-not-public-domain", RED, wording.amber_not_public_domain_ksi())
        else:
            amber_url = own_url if topic.rating == AMBER else None
            in_pd = slot(
                "amber-public-domain", AMBER, wording.amber_public_domain(topic.name), amber_url
            )
            not_pd = slot(
                "amber-not-public-domain", RED, wording.amber_not_public_domain(topic.name)
            )
        variants = []
        for ksi in (False, True):
            for public in (False, True):
                ksi_applies = topic.amber_when_ksi and ksi
                amber_item = topic.rating == AMBER or (ksi_applies and topic.rating != RED)
                slots: list[tuple] = []
                if amber_item:
                    slots.append(in_pd if public else not_pd)
                elif green is not None:
                    slots.append(green)
                elif red is not None:
                    slots.append(red)
                elif not (topic.checks_source and topic.rating == GREEN):
                    slots.append(not_covered)
                if ksi_applies:
                    slots.append(ksi_slot)
                if topic.press_bureau:
                    slots.append(major_slot)
                variants.append(_Variant(tuple(slots)))
        return _CompiledTopic(
            tuple(variants),
            topic.checks_source,
            topic.sentencing_window,
            topic.custody_image_last_resort,
        )


_compiled = PerRulebookCache(Compiled)


def compiled(rulebook: Rulebook) -> Compiled:
    """The prebuilt reasons of ``rulebook`` (cached per rulebook object)."""
    return _compiled.get(rulebook)


def _verdict_builder():
    """``Verdict(...)`` without the frozen dataclass ``__init__``.

    That ``__init__`` calls ``object.__setattr__`` once per field, about a third of the cost of
    ``evaluate``; setting the slots directly is faster (as ``validate`` does for ``Facts``).
    Used only while ``Verdict`` has exactly these fields and no ``__post_init__``.
    """
    fields = ("rating", "action", "contact", "reasons", "rulebook_version")
    if tuple(Verdict.__dataclass_fields__) != fields or hasattr(Verdict, "__post_init__"):
        return Verdict
    s0, s1, s2, s3, s4 = (getattr(Verdict, name).__set__ for name in fields)
    new = object.__new__

    def build(rating: str, action: str, contact: str, reasons: tuple, version: int) -> Verdict:
        verdict = new(Verdict)
        s0(verdict, rating)
        s1(verdict, action)
        s2(verdict, contact)
        s3(verdict, reasons)
        s4(verdict, version)
        return verdict

    return build


_verdict = _verdict_builder()


def evaluate(facts: Facts, rulebook: Rulebook) -> Verdict:
    """Grade one set of facts. Raises ``FactsError`` for a topic the rulebook does not have."""
    c = _compiled.get(rulebook)
    topic = c.topics.get(facts.topic)
    if topic is None:
        raise topic_error(facts.topic, rulebook)
    variant = topic.variants[(2 if facts.ksi else 0) + (1 if facts.in_public_domain else 0)]
    extra: list[tuple] = []  # slots of the rules beyond the topic's; none is the common case
    severity = variant.severity
    press = variant.press

    if topic.checks_source:
        source = facts.source
        slot = c.green_sources.get(source) if source is not None else None
        if slot is None:
            slot = c.no_source if source is None else c.unlisted_source
            if severity < 1:
                severity = 1
        extra.append(slot)
    if topic.sentencing_window:
        days = facts.days_since_sentencing
        if days is not None and days > c.window:
            extra.append(c.court)
            severity = 2
    if facts.wider_interest:
        extra.append(c.wider)
        press = True
        if severity < 1:
            severity = 1
    image = facts.image
    if image != "none":
        if image == "general":
            extra.append(c.general_image)
        elif image == "custody" and topic.custody_last_resort:
            extra.append(c.custody_missing)
            severity = 2
        elif image == "suspect" or image == "custody":
            if facts.image_release_authorised:
                extra.append(c.suspect_authorised)
            else:
                extra.append(c.suspect_unauthorised)
                severity = 2
        else:
            raise FactsError(
                {"image": f"must be one of none, general, suspect, custody; got {image!r}"}
            )
    if facts.wanted_person_arrested:
        extra.append(c.wanted_arrested)
        severity = 2
    if facts.identifies_sexual_offence_victim:
        extra.append(c.sexual_offence)
        severity = 2
    if facts.identifies_child_in_proceedings:
        extra.append(c.child)
        severity = 2
    if facts.names_suspect_before_charge:
        extra.append(c.named)
        severity = 2
    if facts.prejudicial_content:
        extra.append(c.prejudicial)
        severity = 2
    if facts.unproven_allegation:
        extra.append(c.allegation)
        severity = 2
    if facts.names_cautioned_person:
        extra.append(c.cautioned)
        severity = 2
    if facts.gives_ethnicity_or_nationality:
        extra.append(c.ethnicity)
        if severity < 1:
            severity = 1

    if severity == 0:
        # Every reason is GREEN and decides; topic and extra slots are each in rule order.
        reasons = variant.reasons[0]
        if extra:
            reasons += tuple(map(_PICK[0], extra))
        return _verdict(GREEN, _ACTION_OF[0], CONTACT_NONE, reasons, c.version)
    if facts.breaking:
        extra.append(c.breaking)
        press = True
    if extra:
        # Each rule comes once, so its key is unique: the order of ``extra`` does not matter.
        extra += variant.slots
        extra.sort(key=_KEY[severity])
        reasons = tuple(map(_PICK[severity], extra))
    else:
        reasons = variant.reasons[severity]  # no extra rule: the severity is the variant's
    return _verdict(
        _RATING_OF[severity],
        _ACTION_OF[severity],
        CONTACT_PRESS_BUREAU if press else CONTACT_DMC,
        reasons,
        c.version,
    )


def check(data: Any, rulebook: Rulebook) -> dict:
    """Decoded JSON facts in, JSON-ready verdict out. Raises ``FactsError`` for bad facts."""
    return evaluate(parse_facts(data, rulebook), rulebook).as_dict()
