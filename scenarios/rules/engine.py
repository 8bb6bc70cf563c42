"""The RAG engine: grade the facts of a draft post against a rulebook.

``evaluate(facts, rulebook)`` runs every rule. Each rule that applies adds a ``Reason`` (rule id,
a plain-English summary, the guidance section it comes from, and the rating that rule alone asks
for). The verdict's rating is the most severe of those. A topic that no topic rule covers gets
the reason ``not-covered`` (AMBER): anything the rulebook does not cover is never GREEN.

Rules, in their documented order (``RULE_IDS``). A verdict lists the reasons that decided its
rating first (most severe first), and within one rating keeps this order:

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
   ``general-image`` GREEN.
8. media law, whatever the topic (retweets and links too), each RED:
   ``sexual-offence-victim``, ``child-in-proceedings``, ``named-before-charge``,
   ``prejudicial-content``.
9. ``breaking-press-bureau``: ``breaking`` and the verdict is AMBER or RED; the reason carries
   that rating; Press Bureau. (Breaking news on an otherwise GREEN post adds nothing.)

So every verdict has at least one reason: a topic rule (or ``not-covered``) or a source rule.

Contact: GREEN -> "none"; AMBER or RED -> "dmc", or "press-bureau" when ``wider-interest``,
``major-incident`` or ``breaking-press-bureau`` applied.

Reasons are constant for a rulebook, so they are built once per rulebook object and reused.
"""

from __future__ import annotations

from typing import Any

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
    "sexual-offence-victim",
    "child-in-proceedings",
    "named-before-charge",
    "prejudicial-content",
    "breaking-press-bureau",
)

# Rules that make the 24-hour Press Bureau the contact.
PRESS_BUREAU_RULES = frozenset({"wider-interest", "major-incident", "breaking-press-bureau"})

_RATING_OF = (GREEN, AMBER, RED)  # severity -> rating
_ACTION_OF = tuple(ACTIONS[rating] for rating in _RATING_OF)
_SEVERITY_OF = {GREEN: 0, AMBER: 1, RED: 2}


def _quote(name: str) -> str:
    return f"'{name}'"


class _Variant:
    """The topic-level reasons for one topic and one (ksi, in_public_domain) combination."""

    __slots__ = ("reasons", "severity", "press")

    def __init__(self, reasons: tuple[Reason, ...]):
        self.reasons = reasons
        self.severity = max((_SEVERITY_OF[r.rating] for r in reasons), default=0)
        self.press = any(r.rule in PRESS_BUREAU_RULES for r in reasons)


class _CompiledTopic:
    __slots__ = ("variants", "checks_source", "sentencing_window")

    def __init__(self, variants: tuple[_Variant, ...], checks_source: bool, window: bool):
        self.variants = variants  # indexed by 2 * ksi + in_public_domain
        self.checks_source = checks_source
        self.sentencing_window = window


class Compiled:
    """Everything ``evaluate`` needs from one rulebook, with every ``Reason`` prebuilt."""

    def __init__(self, rulebook: Rulebook):
        self.version = rulebook.version
        self.window = rulebook.sentencing_window_days
        urls = rulebook.guidance_urls

        def url(rule: str, rating: str) -> str:
            return urls.get(rule) or DEFAULT_GUIDANCE_URLS.get(rule) or RATING_GUIDANCE_URLS[rating]

        def reason(rule: str, rating: str, summary: str, guidance_url: str | None = None):
            return Reason(rule, summary, guidance_url or url(rule, rating), rating)

        days = "a week" if self.window == 7 else f"{self.window} days"
        self.court = reason(
            "court-sentencing-window",
            RED,
            f"More than {self.window} days have passed since sentencing, and DMC will not release "
            f"a court result more than {days} after sentencing because it is no longer news. "
            "Do not post it.",
        )
        self.wider = reason(
            "wider-interest",
            AMBER,
            "This story is likely to interest media beyond your local papers (for example the "
            "Evening Standard, BBC London or national news). Bring it to DMC early: contact the "
            "24-hour Press Bureau before posting.",
        )
        self.breaking = (
            None,
            reason(
                "breaking-press-bureau",
                AMBER,
                "This incident is unfolding now and the post needs DMC's approval. Contact the "
                "24-hour Press Bureau, who handle breaking incidents day and night, before "
                "posting.",
            ),
            reason(
                "breaking-press-bureau",
                RED,
                "This incident is unfolding now and this post must not go out. Contact the "
                "24-hour Press Bureau, who handle breaking incidents day and night.",
            ),
        )
        self.suspect_unauthorised = reason(
            "suspect-image-unauthorised",
            RED,
            "An image of a suspect or defendant may only be released when that is necessary, "
            "proportionate and authorised (SIO or OIC approval, recorded). Without that "
            "authorisation, do not post the image.",
        )
        self.suspect_authorised = reason(
            "suspect-image-authorised",
            GREEN,
            "Release of this suspect or defendant image has been authorised as necessary and "
            "proportionate, so the image can go with the post. Take a wanted image down as soon "
            "as the person is arrested.",
        )
        self.general_image = reason(
            "general-image",
            GREEN,
            "Photos are encouraged: a general picture makes your post more engaging, so do "
            "include it.",
        )
        self.sexual_offence = reason(
            "sexual-offence-victim",
            RED,
            "Victims of sexual offences have lifelong anonymity in law: never post anything that "
            "could identify them (name, address, school, workplace, picture or a mix of clues). "
            "Do not post this, contact DMC.",
        )
        self.child = reason(
            "child-in-proceedings",
            RED,
            "Under-18s involved in criminal proceedings, whether defendant, victim or witness, "
            "must not be identified. Do not post this, contact DMC.",
        )
        self.named = reason(
            "named-before-charge",
            RED,
            "Do not name someone who has been arrested but not charged; give their age, gender "
            "and area instead. Do not post this, contact DMC.",
        )
        self.prejudicial = reason(
            "prejudicial-content",
            RED,
            "While proceedings are active, previous convictions, evidence or words that imply "
            "guilt can prejudice a trial and be contempt of court. Do not post this, contact DMC.",
        )
        green_list = ", ".join(sorted(rulebook.green_sources))
        self.green_sources = {
            source: reason(
                "source-green-listed",
                GREEN,
                f"{_quote(source)} is on the green list of accounts and sites, so you can share "
                "its content without asking DMC.",
            )
            for source in rulebook.green_sources
        }
        self.no_source = reason(
            "source-not-green-listed",
            AMBER,
            "You have not said whose content this is, and only content from green-listed "
            f"accounts and sites ({green_list}) can be shared without approval. Ask DMC before "
            "posting.",
        )
        self.unlisted_source = reason(
            "source-not-green-listed",
            AMBER,
            "This account or site is not on the green list "
            f"({green_list}), so sharing it is not covered by the RAG table. Ask DMC before "
            "posting.",
        )
        self.not_covered = reason(
            "not-covered",
            AMBER,
            "Nothing in the rulebook covers this post, and anything not covered is never GREEN. "
            "Ask DMC before posting.",
        )
        ksi = reason(
            "ksi-collision",
            AMBER,
            "Someone was killed or seriously injured (KSI), which makes this collision an amber "
            "item. Ask DMC before posting, and only if it is already in the public domain.",
        )
        major = reason(
            "major-incident",
            RED,
            "Major and critical incidents are handled by the 24-hour Press Bureau. Do not post "
            "about it yourself: contact the Press Bureau.",
        )
        self.topics = {
            slug: self._compile_topic(topic, reason, ksi, major, self.not_covered)
            for slug, topic in rulebook.topics.items()
        }

    @staticmethod
    def _compile_topic(topic, reason, ksi_reason, major_reason, not_covered) -> _CompiledTopic:
        name = _quote(topic.name)
        own_url = topic.guidance_url or RATING_GUIDANCE_URLS.get(topic.rating)
        green = None
        if topic.rating == GREEN and not topic.checks_source:
            green = reason(
                "green-topic",
                GREEN,
                f"The topic {name} is GREEN in the RAG table: go for it, you can post this "
                "yourself without asking DMC.",
                own_url,
            )
        red = None
        if topic.rating == RED:
            red = reason(
                "red-topic",
                RED,
                f"The topic {name} is RED in the RAG table: boroughs do not post about it. "
                + ("Do not post this." if topic.press_bureau else "Do not post this, contact DMC."),
                own_url,
            )
        # A KSI collision is an amber item; its public-domain rule links to the amber row.
        amber_url = own_url if topic.rating == AMBER else None
        in_pd = reason(
            "amber-public-domain",
            AMBER,
            f"The topic {name} is AMBER and already in the public domain, so it may be posted: "
            "ask DMC before posting.",
            amber_url,
        )
        not_pd = reason(
            "amber-not-public-domain",
            RED,
            f"The topic {name} is AMBER but not yet in the public domain, which makes it RED. "
            "Do not post this, contact DMC.",
        )
        if topic.amber_when_ksi and topic.rating == GREEN:
            in_pd = reason(
                "amber-public-domain",
                AMBER,
                "A collision where someone was killed or seriously injured is AMBER, and this one "
                "is already in the public domain, so it may be posted: ask DMC before posting.",
            )
            not_pd = reason(
                "amber-not-public-domain",
                RED,
                "A collision where someone was killed or seriously injured is AMBER, and this one "
                "is not yet in the public domain, which makes it RED. Do not post this, contact "
                "DMC.",
            )
        variants = []
        for ksi in (False, True):
            for public in (False, True):
                ksi_applies = topic.amber_when_ksi and ksi
                amber_item = topic.rating == AMBER or (ksi_applies and topic.rating != RED)
                reasons: list[Reason] = []
                if amber_item:
                    reasons.append(in_pd if public else not_pd)
                elif green is not None:
                    reasons.append(green)
                elif red is not None:
                    reasons.append(red)
                elif not (topic.checks_source and topic.rating == GREEN):
                    reasons.append(not_covered)
                if ksi_applies:
                    reasons.append(ksi_reason)
                if topic.press_bureau:
                    reasons.append(major_reason)
                variants.append(_Variant(tuple(reasons)))
        return _CompiledTopic(tuple(variants), topic.checks_source, topic.sentencing_window)


_compiled = PerRulebookCache(Compiled)


def compiled(rulebook: Rulebook) -> Compiled:
    """The prebuilt reasons of ``rulebook`` (cached per rulebook object)."""
    return _compiled.get(rulebook)


def evaluate(facts: Facts, rulebook: Rulebook) -> Verdict:
    """Grade one set of facts. Raises ``FactsError`` for a topic the rulebook does not have."""
    c = _compiled.get(rulebook)
    topic = c.topics.get(facts.topic)
    if topic is None:
        raise topic_error(facts.topic, rulebook)
    variant = topic.variants[(2 if facts.ksi else 0) + (1 if facts.in_public_domain else 0)]
    reasons = list(variant.reasons)
    severity = variant.severity
    press = variant.press

    if topic.checks_source:
        source = facts.source
        reason = c.green_sources.get(source) if source is not None else c.no_source
        if reason is None:
            reason = c.unlisted_source
        reasons.append(reason)
        if reason.rating == AMBER and severity < 1:
            severity = 1
    if topic.sentencing_window:
        days = facts.days_since_sentencing
        if days is not None and days > c.window:
            reasons.append(c.court)
            severity = 2
    if facts.wider_interest:
        reasons.append(c.wider)
        press = True
        if severity < 1:
            severity = 1
    image = facts.image
    if image != "none":
        if image == "suspect":
            if facts.image_release_authorised:
                reasons.append(c.suspect_authorised)
            else:
                reasons.append(c.suspect_unauthorised)
                severity = 2
        elif image == "general":
            reasons.append(c.general_image)
        else:
            raise FactsError({"image": f"must be one of none, general, suspect; got {image!r}"})
    if facts.identifies_sexual_offence_victim:
        reasons.append(c.sexual_offence)
        severity = 2
    if facts.identifies_child_in_proceedings:
        reasons.append(c.child)
        severity = 2
    if facts.names_suspect_before_charge:
        reasons.append(c.named)
        severity = 2
    if facts.prejudicial_content:
        reasons.append(c.prejudicial)
        severity = 2

    if severity == 0:
        return Verdict(GREEN, _ACTION_OF[0], CONTACT_NONE, tuple(reasons), c.version)
    if facts.breaking:
        reasons.append(c.breaking[severity])
        press = True
    # The reasons that decided the rating come first (stable: the fixed order within a rating).
    reasons.sort(key=_most_severe_first)
    return Verdict(
        _RATING_OF[severity],
        _ACTION_OF[severity],
        CONTACT_PRESS_BUREAU if press else CONTACT_DMC,
        tuple(reasons),
        c.version,
    )


def _most_severe_first(reason: Reason) -> int:
    return -_SEVERITY_OF[reason.rating]


def check(data: Any, rulebook: Rulebook) -> dict:
    """Decoded JSON facts in, JSON-ready verdict out. Raises ``FactsError`` for bad facts."""
    return evaluate(parse_facts(data, rulebook), rulebook).as_dict()
