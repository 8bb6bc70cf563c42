"""What a trainer sees when previewing a template: the questions it would generate."""

import random

from scenarios.authoring import FormatError
from scenarios.generator import TemplateError, coverage_of, generate, validate_template
from scenarios.rulebook import published_rulebook

PREVIEW_LIMIT = 40


def preview_questions(template) -> dict:
    rulebook = published_rulebook()
    try:
        spec = template.to_spec()
    except FormatError as exc:
        return {"errors": {"slots": [str(exc)]}, "questions": []}
    errors = validate_template(spec, rulebook)
    if errors:
        return {"errors": errors, "questions": []}
    try:
        questions = generate([spec], rulebook, per_template_limit=500, rng=random.Random(1))
    except TemplateError as exc:
        return {"errors": exc.errors, "questions": []}
    return {
        "errors": {},
        "questions": questions[:PREVIEW_LIMIT],
        "count": len(questions),
        "coverage": coverage_of(questions, rulebook).as_dict(),
    }
