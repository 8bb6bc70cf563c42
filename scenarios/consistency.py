"""Guidance, rulebook and bank agree: the check DMC runs in the admin and CI runs as a command.

1. Every rule of the published rulebook is tested by at least `minimum` active questions.
2. Every stored answer follows from the published rulebook.
3. No question contradicts a row of the RAG table on the guidance page.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from scenarios.models import BankQuestion
from scenarios.rulebook import published_rulebook, published_table
from scenarios.rules import SEVERITY, evaluate, parse_facts
from scenarios.rules.engine import RULE_IDS

DEFAULT_MINIMUM = 3
# Rules the published rulebook cannot fire cannot be tested; these never fire with a complete
# rulebook (every topic has a rating).
UNREACHABLE = {"not-covered"}


@dataclass
class Report:
    rulebook_version: int
    minimum: int
    questions: int = 0
    per_rule: dict[str, int] = field(default_factory=dict)
    under_tested: list[str] = field(default_factory=list)
    wrong_answers: list[dict] = field(default_factory=list)
    table_contradictions: list[dict] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.under_tested or self.wrong_answers or self.table_contradictions)

    def as_dict(self) -> dict:
        return {
            "ok": self.ok,
            "rulebook_version": self.rulebook_version,
            "minimum_per_rule": self.minimum,
            "questions": self.questions,
            "per_rule": self.per_rule,
            "under_tested": self.under_tested,
            "wrong_answers": self.wrong_answers,
            "table_contradictions": self.table_contradictions,
        }


def table_floor() -> dict[tuple[str, bool, bool], str]:
    """What the table on the page says about a topic: (slug, ksi, in public domain) -> the
    least severe rating the table allows. The red row's "any amber item not in the public
    domain" is part of the table."""
    floor = {}
    for row in published_table():
        for topic, _label in row["entries"]:
            for ksi in (False, True):
                if topic.amber_when_ksi and ksi != (row["rating"] == "AMBER"):
                    continue
                for in_pd in (False, True):
                    rating = row["rating"]
                    if rating == "AMBER" and not in_pd:
                        rating = "RED"
                    floor[(topic.slug, ksi, in_pd)] = rating
    return floor


def check_consistency(minimum: int = DEFAULT_MINIMUM) -> Report:
    rulebook = published_rulebook()
    report = Report(rulebook_version=rulebook.version, minimum=minimum)
    floor = table_floor()
    counts = dict.fromkeys(r for r in RULE_IDS if r not in UNREACHABLE)
    counts = dict.fromkeys(counts, 0)
    verdicts: dict[str, object] = {}
    rows = BankQuestion.objects.filter(active=True).values_list("key", "facts", "rating", "reasons")
    for key, facts, rating, reasons in rows.iterator(chunk_size=2000):
        report.questions += 1
        for reason in reasons:
            if reason["rule"] in counts:
                counts[reason["rule"]] += 1
        facts_key = json.dumps(facts, sort_keys=True)
        verdict = verdicts.get(facts_key)
        if verdict is None:
            verdict = verdicts[facts_key] = evaluate(parse_facts(facts, rulebook), rulebook)
        if verdict.rating != rating:
            report.wrong_answers.append(
                {"question": key, "stored": rating, "rulebook_says": verdict.rating}
            )
        topic_floor = floor.get(
            (facts["topic"], bool(facts.get("ksi")), bool(facts.get("in_public_domain")))
        )
        if topic_floor and SEVERITY[rating] < SEVERITY[topic_floor]:
            report.table_contradictions.append(
                {"question": key, "rating": rating, "table_says_at_least": topic_floor}
            )
    report.per_rule = counts
    report.under_tested = sorted(rule for rule, n in counts.items() if n < minimum)
    return report
