"""Guidance, rulebook and bank agree: the check DMC runs in the admin and CI runs as a command.

1. Every rule of the published rulebook is tested by at least `minimum` active questions.
2. Every stored answer follows from the published rulebook.
3. Every topic of the published rulebook is asked about by at least `minimum` questions.
4. No question contradicts a row of the RAG table as the live guidance page renders it.
5. Every guidance link the rulebook holds leads to a section of a live guidance page.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from scenarios.guidance import cited_links, dead_links, live_sections, page_table_rows
from scenarios.jobs import facts_key
from scenarios.models import BankQuestion
from scenarios.rulebook import published_rulebook
from scenarios.rules import SEVERITY, FactsError, evaluate, parse_facts
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
    per_topic: dict[str, int] = field(default_factory=dict)
    topics_under_tested: list[str] = field(default_factory=list)
    table_found: bool = False
    wrong_answers: list[dict] = field(default_factory=list)
    table_contradictions: list[dict] = field(default_factory=list)
    links_checked: int = 0
    dead_links: list[dict] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (
            self.under_tested
            or self.topics_under_tested
            or self.wrong_answers
            or self.table_contradictions
            or self.dead_links
            or not self.table_found
        )

    def as_dict(self) -> dict:
        return {
            "ok": self.ok,
            "rulebook_version": self.rulebook_version,
            "minimum_per_rule": self.minimum,
            "questions": self.questions,
            "per_rule": self.per_rule,
            "under_tested": self.under_tested,
            "per_topic": self.per_topic,
            "topics_under_tested": self.topics_under_tested,
            "table_found": self.table_found,
            "wrong_answers": self.wrong_answers,
            "table_contradictions": self.table_contradictions,
            "links_checked": self.links_checked,
            "dead_links": self.dead_links,
        }


def table_floor(rows: dict[str, set[str]], facts: dict) -> str | None:
    """The least severe rating the table allows for these facts. A topic on both the green
    and the amber row (collisions) is amber when someone was killed or seriously injured; the
    red row's "any amber item not in the public domain" is part of the table."""
    colours = rows.get(facts["topic"])
    if not colours:
        return None
    if len(colours) > 1:
        rating = "AMBER" if facts.get("ksi") else min(colours, key=SEVERITY.get)
    else:
        (rating,) = colours
    if rating == "AMBER" and not facts.get("in_public_domain"):
        rating = "RED"
    return rating


def check_consistency(minimum: int = DEFAULT_MINIMUM) -> Report:
    rulebook = published_rulebook()
    report = Report(rulebook_version=rulebook.version, minimum=minimum)
    sections = live_sections()
    dead = dead_links(rulebook, sections)
    report.links_checked = len(cited_links(rulebook))
    report.dead_links = [{"link": url, "cited_by": who} for url, who in sorted(dead.items())]
    rows = page_table_rows()
    report.table_found = bool(rows)
    rule_counts = {rule: 0 for rule in RULE_IDS if rule not in UNREACHABLE}
    topic_counts = dict.fromkeys(rulebook.topics, 0)
    verdicts: dict[str, object] = {}
    questions = BankQuestion.objects.filter(active=True).values_list(
        "key", "facts", "rating", "reasons"
    )
    for key, facts, rating, reasons in questions.iterator(chunk_size=2000):
        report.questions += 1
        for reason in reasons:
            if reason["rule"] in rule_counts:
                rule_counts[reason["rule"]] += 1
        if facts.get("topic") in topic_counts:
            topic_counts[facts["topic"]] += 1
        cache_key = facts_key(facts)
        if cache_key not in verdicts:
            try:
                verdicts[cache_key] = evaluate(parse_facts(facts, rulebook), rulebook).rating
            except FactsError as exc:
                verdicts[cache_key] = f"not gradable ({exc})"
        if verdicts[cache_key] != rating:
            report.wrong_answers.append(
                {"question": key, "stored": rating, "rulebook_says": verdicts[cache_key]}
            )
        floor = table_floor(rows, facts)
        if floor and SEVERITY[rating] < SEVERITY[floor]:
            report.table_contradictions.append(
                {"question": key, "rating": rating, "table_says_at_least": floor}
            )
    report.per_rule = rule_counts
    report.under_tested = sorted(rule for rule, n in rule_counts.items() if n < minimum)
    report.per_topic = topic_counts
    report.topics_under_tested = sorted(t for t, n in topic_counts.items() if n < minimum)
    return report
