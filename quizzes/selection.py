"""Which bank questions an attempt asks: the adapter from bank rows to the pure generator's
`select_pool`, which guarantees coverage (every rating, topic and rule the eligible questions
reach, with near-miss pairs side by side), seeded so an attempt can always be rebuilt.

A start draws from a ready list: each quiz's candidates are kept per process, keyed by the
quiz's filters, the rulebook version and a fingerprint of the bank (one small aggregate query),
so a retired, regenerated or re-graded question, or a retagged template, is seen at the next
start. Only the drawn questions are read in full."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Max, Q, Sum

from scenarios.generator import PreparedBank, Question, prepare_bank, select_pool
from scenarios.generator.results import ANSWERS
from scenarios.models import BankQuestion, ScenarioTemplateTag
from scenarios.rulebook import published_rulebook
from scenarios.rules import FACT_FIELDS, Facts, Reason, Rulebook

from .models import Quiz

# Enough for every quiz a force runs; cleared whole when full rather than tracking use.
_CACHE_SIZE = 64
_cache: dict[tuple, Eligible] = {}


@dataclass(frozen=True)
class Candidate:
    """A bank question that may be drawn: its row's key and what the generator selects on."""

    pk: int
    question: Question

    @property
    def key(self) -> str:
        return self.question.key

    @property
    def rules(self) -> frozenset[str]:
        return frozenset(self.question.rules)


@dataclass(frozen=True)
class Eligible:
    """A quiz's candidates, and the same made ready for drawing pools (for every start that is
    not a retake, the whole list)."""

    candidates: list[Candidate]
    bank: PreparedBank
    by_key: dict[str, Candidate]


def _question(row: dict) -> Question:
    facts = Facts(**{name: row["facts"][name] for name in FACT_FIELDS if name in row["facts"]})
    reasons = tuple(
        Reason(r["rule"], r["summary"], r["guidance_url"], row["rating"], r.get("decides", True))
        for r in row["reasons"]
    )
    return Question(
        key=row["key"],
        template_key=row["template_key"],
        text=row["text"],
        facts=facts,
        rating=row["rating"],
        correct_answer=row["correct_answer"],
        answers=ANSWERS,
        explanation=row["explanation"],
        reasons=reasons,
        topic=row["topic"],
        image_kind=facts.image,
        account="",
        tags=(),
        difficulty=1,
        rulebook_version=row["rulebook_version"],
    )


def _bank_fingerprint(tags: tuple[str, ...]) -> tuple:
    """What changes whenever the set of drawable questions can: how many are active, the
    latest change to any question (every bank write stamps `updated_at`), and, for a quiz
    drawing by tag, the templates' tag rows."""
    bank = BankQuestion.objects.aggregate(
        active=Count("pk", filter=Q(active=True)), changed=Max("updated_at")
    )
    mark: tuple = (bank["active"], bank["changed"])
    if tags:
        tagged = ScenarioTemplateTag.objects.aggregate(n=Count("pk"), ids=Sum("pk"))
        mark += (tagged["n"], tagged["ids"])
    return mark


def _read(topics: tuple[str, ...], tags: tuple[str, ...]) -> list[dict]:
    rows = BankQuestion.objects.filter(active=True)
    if topics:
        rows = rows.filter(topic__in=topics)
    if tags:
        rows = rows.filter(template__tags__name__in=tags).distinct()
    return list(
        rows.order_by("key").values(
            "pk",
            "key",
            "template_key",
            "text",
            "facts",
            "rating",
            "correct_answer",
            "explanation",
            "reasons",
            "topic",
            "rulebook_version",
        )
    )


def eligible(quiz: Quiz, rulebook: Rulebook) -> Eligible:
    """Active bank questions on the quiz's topics, tags and rules, whose topic the published
    rulebook still has. Two small queries when the list is ready, three to build it."""
    topics = tuple(sorted(t.slug for t in quiz.topics.all()))
    tags = tuple(sorted(quiz.tag_list()))
    wanted_rules = frozenset(quiz.rules or ())
    key = (topics, tags, wanted_rules, rulebook.version, frozenset(rulebook.topics))
    key += _bank_fingerprint(tags)
    ready = _cache.get(key)
    if ready is not None:
        return ready
    found = []
    for row in _read(topics, tags):
        if row["topic"] not in rulebook.topics:
            continue
        candidate = Candidate(row["pk"], _question(row))
        if wanted_rules and not (candidate.rules & wanted_rules):
            continue
        found.append(candidate)
    ready = Eligible(
        found, prepare_bank([c.question for c in found], rulebook), {c.key: c for c in found}
    )
    if len(_cache) >= _CACHE_SIZE:
        _cache.clear()
    _cache[key] = ready
    return ready


def drawn_rows(picked: list[Candidate]) -> list[BankQuestion]:
    """The drawn questions' rows with what the attempt copies from their templates, in the
    drawn order; one query. A question retired since the list was made is left out."""
    rows = BankQuestion.objects.filter(pk__in=[c.pk for c in picked], active=True)
    by_pk = {row.pk: row for row in rows.select_related("template__borough", "template__image")}
    return [by_pk[c.pk] for c in picked if c.pk in by_pk]


def draw(
    eligible: Eligible,
    *,
    size: int,
    seed: int,
    rulebook: Rulebook,
    focus_rules: frozenset[str] = frozenset(),
    shuffle: bool = True,
) -> list[Candidate]:
    """A covered pool of `size`; for a retake, at least half of it on the rules missed last
    time (when the bank has them)."""
    candidates, by_key = eligible.candidates, eligible.by_key
    chosen: list[str] = []
    if focus_rules:
        focused = [c.question for c in candidates if c.rules & focus_rules]
        wanted = min(len(focused), max(1, (size + 1) // 2))
        if wanted:
            pool = select_pool(focused, size=wanted, seed=seed, rulebook=rulebook)
            chosen.extend(pool.keys)
    taken = set(chosen)
    # A first attempt draws from the whole list, made ready once for every start.
    rest = [c.question for c in candidates if c.key not in taken] if taken else eligible.bank
    if size > len(chosen) and len(candidates) > len(taken):
        pool = select_pool(rest, size=size - len(chosen), seed=seed, rulebook=rulebook)
        chosen.extend(pool.keys)
    picked = [by_key[key] for key in chosen]
    if not shuffle:
        # Every attempt asks in the same order; a shuffled one keeps the pool's seeded order,
        # which places each near-miss pair side by side.
        picked.sort(key=lambda c: c.key)
    return picked


def prepare_live_quizzes() -> int:
    """Make every live quiz's candidates ready in this process (a web worker calls this as it
    starts, so the first officers to start a quiz do not wait while it is prepared). Returns
    how many quizzes were prepared."""
    rulebook = published_rulebook()
    quizzes = list(Quiz.objects.filter(live=True).prefetch_related("topics"))
    for quiz in quizzes:
        eligible(quiz, rulebook)
    return len(quizzes)
