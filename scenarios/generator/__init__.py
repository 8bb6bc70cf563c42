"""The scenario generator: trainer-authored templates in, graded "would you post this?" questions
and coverage-guaranteed pools out.

A template is a post with named slots ("Officers in {ward} arrested a {age}-year-old after
{offence}.") plus facts. Each slot has values; a value is text and may set facts too (the
value "a crash that left a cyclist seriously injured" sets ``topic`` road-traffic-collision and
``ksi`` true). ``expand`` renders every combination of values (or a seeded sample), checks the
merged facts against the RAG contract and grades them with the RAG engine; ``generate`` turns
the results into ``Question`` objects; ``select_pool`` picks a quiz pool that covers every
rating, topic and rule the bank reaches and includes near-miss traps (KSI vs non-KSI, 7 vs 8
days since sentencing, amber in vs out of the public domain, suspect image authorised or not;
and contract v2's appeal before vs after the arrest, named vs anonymous caution, allegation vs
conviction, with vs without a suspect's ethnicity, family vs custody photo).

The modules, in the order data flows through them:

- ``spec``: what a trainer authors (``TemplateSpec``, ``SlotValue``, ``TemplateError``);
- ``text``: reading a template's braces and compiling its text;
- ``validation`` (with ``shape_checks``, ``fact_checks`` and ``messages``): every problem with
  a template, in plain English;
- ``expansion``: the combinations of slot values, rendered and graded (``Scenario``);
- ``questions``: questions with stable keys, and ``generate`` for a list of templates;
- ``results``: the ``Scenario`` and ``Question`` records;
- ``near_miss``, ``coverage``, ``selection`` and ``pools``: quiz pools.

Pure Python: the package imports only the standard library and ``scenarios.rules``. Randomness
is always passed in (a seed or a ``random.Random``); the global random state is never used.
Post text is plain text: nothing here escapes HTML, that is the template layer's job.
"""

from scenarios.generator.coverage import Coverage, coverage_of
from scenarios.generator.expansion import expand
from scenarios.generator.near_miss import (
    NEAR_MISS_KINDS,
    find_near_miss_pairs,
    near_miss_key,
    near_miss_keys,
)
from scenarios.generator.pools import (
    Pool,
    PreparedBank,
    full_coverage_size,
    prepare_bank,
    select_pool,
)
from scenarios.generator.questions import build_question, explanation_of, generate, question_key
from scenarios.generator.results import Question, Scenario
from scenarios.generator.spec import SlotValue, TemplateError, TemplateSpec
from scenarios.generator.validation import validate_template

__all__ = [
    "NEAR_MISS_KINDS",
    "Coverage",
    "Pool",
    "PreparedBank",
    "Question",
    "Scenario",
    "SlotValue",
    "TemplateError",
    "TemplateSpec",
    "build_question",
    "coverage_of",
    "expand",
    "explanation_of",
    "find_near_miss_pairs",
    "full_coverage_size",
    "generate",
    "near_miss_key",
    "near_miss_keys",
    "prepare_bank",
    "question_key",
    "select_pool",
    "validate_template",
]
