"""Near misses: two questions from the same template whose facts differ in one field and whose
ratings differ, such as a crash with and without a serious injury. A pool shows both, side by
side, because the difference is the lesson."""

from __future__ import annotations

from collections.abc import Iterable

from scenarios.generator.results import Question
from scenarios.rules.types import FACT_FIELDS, Rulebook

# Near-miss kinds, in the order a pool takes them.
KSI = "ksi"
SENTENCING = "sentencing"
PUBLIC_DOMAIN = "public-domain"
IMAGE_AUTHORISATION = "image-authorisation"
# Contract v2's traps. They come after the first four so that a bank without them (every bank
# before v2) gets exactly the pools it got before.
ARREST = "arrest"
CAUTION = "caution"
ALLEGATION = "allegation"
ETHNICITY = "ethnicity"
CUSTODY = "custody"
NEAR_MISS_KINDS = (
    KSI,
    SENTENCING,
    PUBLIC_DOMAIN,
    IMAGE_AUTHORISATION,
    ARREST,
    CAUTION,
    ALLEGATION,
    ETHNICITY,
    CUSTODY,
)

# Kinds whose field is a flag: side 0 without it, side 1 with it. In NEAR_MISS_KINDS order,
# which is the order near_miss_keys lists them in (pools rely on it).
_FLAG_KINDS = (
    (ARREST, "wanted_person_arrested"),
    (CAUTION, "names_cautioned_person"),
    (ALLEGATION, "unproven_allegation"),
    (ETHNICITY, "gives_ethnicity_or_nationality"),
)
# Pictures whose release must be authorised: away from missing people, a custody photo counts
# as a suspect image.
_RELEASED_IMAGES = ("suspect", "custody")

_FIELD_INDEX = {name: index for index, name in enumerate(FACT_FIELDS)}


def near_miss_keys(
    question: Question, *, sentencing_window_days: int = 7
) -> list[tuple[str, tuple, int]]:
    """The near-miss groups a question can pair in: (kind, base, side) for each kind.

    Two questions pair up when they share kind and base (same template, and facts equal except
    for the kind's field) and sit on opposite sides:

    - "ksi": side 0 not KSI, side 1 KSI;
    - "sentencing": side 0 exactly the window (7 days), side 1 one day more (8);
    - "public-domain": side 0 in the public domain, side 1 not;
    - "image-authorisation" (suspect and custody images only): side 0 authorised, side 1 not;
    - "arrest": side 0 a wanted appeal, side 1 the same appeal left up after the arrest;
    - "caution": side 0 not naming someone cautioned (or given a fixed penalty), side 1 naming;
    - "allegation": side 0 no unproven allegation, side 1 one;
    - "ethnicity": side 0 no ethnicity or nationality given, side 1 given;
    - "custody" (general and custody photos only): side 0 a general (family) photo, side 1 a
      custody photo, which a missing-person appeal must not use.

    Only pairs whose ratings differ are traps; ``find_near_miss_pairs`` checks that.
    """
    facts = question.facts
    values = [getattr(facts, name) for name in FACT_FIELDS]
    template = question.template_key

    def base(field_name: str) -> tuple:
        varied = list(values)
        varied[_FIELD_INDEX[field_name]] = None
        return (template, tuple(varied))

    keys = [(KSI, base("ksi"), 1 if facts.ksi else 0)]
    days = facts.days_since_sentencing
    if days is not None and (days == sentencing_window_days or days == sentencing_window_days + 1):
        keys.append((SENTENCING, base("days_since_sentencing"), days - sentencing_window_days))
    keys.append((PUBLIC_DOMAIN, base("in_public_domain"), 0 if facts.in_public_domain else 1))
    image = facts.image
    if image in _RELEASED_IMAGES:
        side = 0 if facts.image_release_authorised else 1
        keys.append((IMAGE_AUTHORISATION, base("image_release_authorised"), side))
    for kind, field_name in _FLAG_KINDS:
        keys.append((kind, base(field_name), 1 if getattr(facts, field_name) else 0))
    if image == "general" or image == "custody":
        keys.append((CUSTODY, base("image"), 0 if image == "general" else 1))
    return keys


# The name the design brief uses; one question can sit in several groups, hence a list.
near_miss_key = near_miss_keys


def _pair_up(side0: list[Question], side1: list[Question]) -> list[tuple[Question, Question]]:
    """Disjoint pairs across the two sides, preferring pairs whose other slot choices match."""
    index: dict[tuple, list[int]] = {}
    for j, question in enumerate(side1):
        choices = question.slot_choices
        for i in range(len(choices)):
            index.setdefault((i, choices[:i] + choices[i + 1 :]), []).append(j)
    cursor: dict[tuple, int] = {}
    used = [False] * len(side1)
    pairs = []
    rest0 = []
    for question in side0:
        choices = question.slot_choices
        match = None
        for i in range(len(choices)):
            key = (i, choices[:i] + choices[i + 1 :])
            candidates = index.get(key)
            if not candidates:
                continue
            position = cursor.get(key, 0)
            while position < len(candidates) and used[candidates[position]]:
                position += 1
            cursor[key] = position
            if position < len(candidates):
                match = candidates[position]
                break
        if match is None:
            rest0.append(question)
        else:
            used[match] = True
            pairs.append((question, side1[match]))
    rest1 = [question for j, question in enumerate(side1) if not used[j]]
    pairs.extend(zip(rest0, rest1, strict=False))
    return pairs


def _window(rulebook: Rulebook | None) -> int:
    return 7 if rulebook is None else rulebook.sentencing_window_days


Group = tuple[str, list[Question], list[Question]]  # (kind, side 0, side 1)


def near_miss_groups(
    questions: Iterable[Question], rulebook: Rulebook | None = None
) -> list[Group]:
    """The groups with questions on both sides, in the order of their first member in
    ``questions``, each side in that order too."""
    window = _window(rulebook)
    groups: dict[tuple[str, tuple], tuple[list[Question], list[Question]]] = {}
    for question in questions:
        for kind, base, side in near_miss_keys(question, sentencing_window_days=window):
            group = groups.get((kind, base))
            if group is None:
                group = groups[(kind, base)] = ([], [])
            group[side].append(question)
    return [(kind, side0, side1) for (kind, _), (side0, side1) in groups.items() if side0 and side1]


def pairs_in_groups(groups: Iterable[Group]) -> list[tuple[str, Question, Question]]:
    """The disjoint pairs whose ratings differ, by kind, in the groups' order."""
    by_kind: dict[str, list[tuple[str, Question, Question]]] = {k: [] for k in NEAR_MISS_KINDS}
    for kind, side0, side1 in groups:
        by_kind[kind].extend(
            (kind, a, b) for a, b in _pair_up(side0, side1) if a.rating != b.rating
        )
    return [pair for kind in NEAR_MISS_KINDS for pair in by_kind[kind]]


def find_near_miss_pairs(
    questions: Iterable[Question], rulebook: Rulebook | None = None
) -> list[tuple[str, Question, Question]]:
    """Near-miss pairs in ``questions``: (kind, a, b) where a and b come from the same template,
    their facts differ only in the kind's field, and their ratings differ. Within a kind the
    pairs are disjoint. Grouping is by dictionary, so this is linear in the number of questions.
    """
    return pairs_in_groups(near_miss_groups(questions, rulebook))
