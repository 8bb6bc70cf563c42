"""The second half of ``validate_template``: are the template's facts ones the rulebook accepts?
The fixed facts and each slot value's facts are checked one at a time, then the combinations of
values are searched for at least one that gives valid facts."""

from __future__ import annotations

import itertools
import json
import math
from collections.abc import Mapping
from typing import Any

from scenarios.generator.messages import Errors, add_error, quote_value, sentence
from scenarios.generator.spec import EMPTY, merge_facts
from scenarios.rules.types import FactsError, Rulebook
from scenarios.rules.validate import parse_facts

# How many combinations ``validate_template`` tries when looking for one with valid facts.
VALIDATE_COMBINATION_LIMIT = 5000

SlotList = list[tuple[str, tuple]]


def _facts_errors(data: dict, rulebook: Rulebook) -> dict[str, str]:
    try:
        parse_facts(data, rulebook)
    except FactsError as error:
        return error.errors
    return {}


def _topic_sources(fixed: Mapping, values: Mapping[str, tuple]) -> list:
    """Every topic the template sets, the fixed one first."""
    sources = [v.facts["topic"] for vals in values.values() for v in vals if "topic" in v.facts]
    if "topic" in fixed:
        sources.insert(0, fixed["topic"])
    return sources


def _stand_in_topic(topic_sources: list, rulebook: Rulebook) -> str | None:
    known = [t for t in topic_sources if isinstance(t, str) and t in rulebook.topics]
    return known[0] if known else next(iter(rulebook.topics), None)


def _errors_besides_topic(data: dict, rulebook: Rulebook, stand_in: str | None) -> dict[str, str]:
    """The contract's complaints about ``data``. Facts without a topic borrow the stand-in, so
    their other facts can still be judged; the missing topic itself is reported once, later."""
    borrowed = "topic" not in data and stand_in is not None
    if borrowed:
        data = {**data, "topic": stand_in}
    found = _facts_errors(data, rulebook)
    if borrowed:
        found.pop("topic", None)
    return found


def _check_each_fact(
    fixed: Mapping,
    values: Mapping[str, tuple],
    image_kind: str,
    rulebook: Rulebook,
    stand_in: str | None,
    errors: Errors,
) -> None:
    """The fixed facts alone, then each slot value's facts merged with them."""
    fixed_errors = _errors_besides_topic(merge_facts(fixed, (), image_kind), rulebook, stand_in)
    for field_name, message in fixed_errors.items():
        add_error(errors, "fixed_facts", sentence(f'Fixed fact "{field_name}": {message}'))
    for name, slot_values in values.items():
        for number, value in enumerate(slot_values, start=1):
            if not value.facts:
                continue
            merged = merge_facts(fixed, (value.facts,), image_kind)
            for field_name, message in _errors_besides_topic(merged, rulebook, stand_in).items():
                if fixed_errors.get(field_name) == message and field_name not in value.facts:
                    continue  # already reported against the fixed facts
                add_error(
                    errors,
                    f"slots.{name}",
                    sentence(
                        f'Value {number} of slot "{name}" ({quote_value(value.text)}) sets facts '
                        f'the rulebook rejects: "{field_name}" {message}'
                    ),
                )


def _check_topicless_combinations(fixed: Mapping, slot_list: SlotList, errors: Errors) -> None:
    if not slot_list or "topic" in fixed or not all(vals for _, vals in slot_list):
        return
    # A combination has no topic when every slot picks a value that sets none.
    topicless = [next((v for v in vals if "topic" not in v.facts), None) for _, vals in slot_list]
    if all(v is not None for v in topicless):
        picks = ", ".join(
            f"{{{name}}} is {quote_value(v.text)}"
            for (name, _), v in zip(slot_list, topicless, strict=True)
        )
        add_error(
            errors,
            "slots",
            f'Some combinations set no topic (for example when {picks}): set "topic" in '
            "the fixed facts, or in every value of one slot.",
        )


def _check_a_combination_is_valid(
    fixed: Mapping, slot_list: SlotList, image_kind: str, rulebook: Rulebook, errors: Errors
) -> None:
    """At least one combination must give valid facts, or the template yields no question.

    Only values with distinct facts are combined (texts do not change facts), and only the
    first ``VALIDATE_COMBINATION_LIMIT`` combinations are tried, to bound the time taken."""
    fact_values: list[list[Mapping[str, Any]]] = [
        list(
            {json.dumps(dict(v.facts), sort_keys=True, default=str): v.facts for v in vals}.values()
        )
        for _, vals in slot_list
    ]
    fact_values = [vals for vals in fact_values if any(vals)] or [[EMPTY]]
    total = math.prod(len(vals) for _, vals in slot_list)
    field_name = "slots" if slot_list else "fixed_facts"
    for tried, combination in enumerate(itertools.product(*fact_values), start=1):
        if not _facts_errors(merge_facts(fixed, combination, image_kind), rulebook):
            return
        if tried >= VALIDATE_COMBINATION_LIMIT:
            add_error(
                errors,
                field_name,
                f"None of the first {tried:,} combinations of slot values gives facts the "
                "rulebook accepts: see the other messages, and fix the facts.",
            )
            return
    what = (
        f"None of the {total:,} combinations of slot values gives"
        if slot_list and total > 1
        else "The template does not give"
    )
    add_error(
        errors,
        field_name,
        f"{what} facts the rulebook accepts, so it cannot produce any question: see the "
        "other messages, and fix the facts.",
    )


def check_facts(
    fixed: Mapping,
    values: Mapping[str, tuple],
    image_kind: str,
    rulebook: Rulebook,
    errors: Errors,
) -> None:
    """Every fact problem: bad facts, a missing topic, and no combination that gives valid
    facts. The combinations are only searched when every slot has values to combine."""
    topic_sources = _topic_sources(fixed, values)
    stand_in = _stand_in_topic(topic_sources, rulebook)
    _check_each_fact(fixed, values, image_kind, rulebook, stand_in, errors)
    if not topic_sources:
        add_error(
            errors,
            "fixed_facts",
            'No topic is set: set "topic" in the fixed facts or in the facts of a slot\'s '
            "values. Valid topics are: " + ", ".join(sorted(rulebook.topics)) + ".",
        )
        return
    slot_list = list(values.items())
    _check_topicless_combinations(fixed, slot_list, errors)
    if slot_list and not all(vals for _, vals in slot_list):
        return  # a slot without values: already reported, nothing to combine
    _check_a_combination_is_valid(fixed, slot_list, image_kind, rulebook, errors)
