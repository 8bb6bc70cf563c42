import json

from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from scenarios.forms import DraftCheckForm
from scenarios.rulebook import published_rulebook
from scenarios.rules import FactsError, evaluate, parse_facts, parse_many

CONTACT_TEXT = {
    "none": "No one: you can post it.",
    "dmc": "DMC: ask before you post.",
    "press-bureau": "The DMC 24-hour Press Bureau: call 763300.",
}
MAX_API_BODY = 1_000_000  # bytes; bigger batches belong to `manage.py rag_check`


def _json_error(errors: dict, status: int = 400, index: int | None = None) -> JsonResponse:
    body = {"errors": errors}
    if index is not None:
        body["index"] = index
    return JsonResponse(body, status=status)


@require_http_methods(["POST"])
def rag_check_api(request):
    """POST a facts object (or an array of them); get the verdict (or verdicts) back."""
    if not request.user.is_authenticated:
        return _json_error({"auth": "Sign in to use the RAG check."}, status=401)
    if len(request.body) > MAX_API_BODY:
        return _json_error({"body": f"Too large: send at most {MAX_API_BODY} bytes."}, 413)
    try:
        data = json.loads(request.body or b"")
    except (ValueError, UnicodeDecodeError) as exc:
        return _json_error({"body": f"Not valid JSON: {exc}"})
    except RecursionError:
        return _json_error({"body": "Not valid facts: the JSON is nested too deeply."})
    rulebook = published_rulebook()
    try:
        if isinstance(data, list):
            verdicts = [evaluate(f, rulebook).as_dict() for f in parse_many(data, rulebook)]
            return JsonResponse(verdicts, safe=False)
        return JsonResponse(evaluate(parse_facts(data, rulebook), rulebook).as_dict())
    except FactsError as exc:
        return _json_error(exc.errors, index=exc.index)


@login_required
@require_http_methods(["GET", "POST"])
def draft_checker(request):
    rulebook = published_rulebook()
    verdict = None
    if request.method == "POST":
        form = DraftCheckForm(request.POST, rulebook=rulebook)
        # Without JavaScript the questions appear once a topic is chosen; grade only when
        # they were shown for the topic now chosen.
        asked_for = request.POST.get("questions_for", "")
        if form.is_valid() and asked_for == form.cleaned_data["topic"]:
            try:
                facts = parse_facts(form.facts(), rulebook)
            except FactsError as exc:
                for field, message in exc.errors.items():
                    target = "other_source" if field == "source" else field
                    form.add_error(target if target in form.fields else None, message)
            else:
                verdict = evaluate(facts, rulebook)
    else:
        form = DraftCheckForm(rulebook=rulebook)
    topic = form.topic_object()
    return render(
        request,
        "scenarios/draft_checker.html",
        {
            "form": form,
            "topic": topic,
            "verdict": verdict,
            "contact_text": CONTACT_TEXT.get(verdict.contact) if verdict else None,
            "questions": [
                (field, form.applies(field.name, topic), form.applies_to(field.name))
                for field in form.question_fields()
            ],
        },
    )
