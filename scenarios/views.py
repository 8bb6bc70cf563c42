from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from scenarios.drafts import MAX_TEXT, Draft, draft_suggest
from scenarios.fact_display import suggestion_rows
from scenarios.forms import DraftCheckForm, answers_from_facts
from scenarios.rulebook import published_rulebook
from scenarios.rules import FactsError, evaluate, parse_facts
from scenarios.topic_model import TopicModelNotReady, enqueue_training


def _wants_suggestion(post) -> bool:
    """Continue with a pasted draft and no topic chosen (or "Suggest again"): the draft's words
    propose the answers. A topic chosen by hand means the questions step by step."""
    if post.get("action") == "suggest":
        return True
    return bool(post.get("draft", "").strip()) and not post.get("topic")


def _suggest(request, rulebook):
    """The form filled in from the draft's words, or None and a message why not."""
    text = request.POST.get("draft", "")
    if not text.strip():
        return None, None, "Paste your draft post first, or choose a topic."
    if len(text) > MAX_TEXT:
        return None, None, f"Your draft is {len(text):,} characters; check up to {MAX_TEXT:,}."
    try:
        suggestion = draft_suggest(draft=Draft(text, timezone.localdate()))
    except TopicModelNotReady:
        enqueue_training()
        return (
            None,
            None,
            (
                "Suggestions are not ready yet on this site. Choose the topic and answer the "
                "questions below."
            ),
        )
    facts = suggestion["facts"]
    form = DraftCheckForm(
        initial=answers_from_facts(facts, rulebook=rulebook, draft=text),
        rulebook=rulebook,
        likely_topics=[(t["topic"], t["confidence"]) for t in suggestion["topics"]],
    )
    return form, suggestion, None


@login_required
@require_http_methods(["GET", "POST"])
def draft_checker(request):
    rulebook = published_rulebook()
    verdict = suggestion = notice = None
    if request.method == "POST" and _wants_suggestion(request.POST):
        form, suggestion, notice = _suggest(request, rulebook)
        if form is None:
            form = DraftCheckForm(
                initial={"draft": request.POST.get("draft", "")}, rulebook=rulebook
            )
    elif request.method == "POST":
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
    evidence = suggestion["evidence"] if suggestion else {}
    unsure = set(suggestion["ask"]) if suggestion else set()
    return render(
        request,
        "scenarios/draft_checker.html",
        {
            "form": form,
            "topic": topic,
            "verdict": verdict,
            "suggestion": suggestion,
            "suggested": suggestion_rows(suggestion, rulebook) if suggestion else None,
            "notice": notice,
            "questions": [
                (
                    field,
                    form.applies(field.name, topic),
                    form.applies_to(field.name),
                    evidence.get(_fact_of(field.name)),
                )
                for field in form.question_fields()
            ],
            "legal": [
                (field, evidence.get(field.name), field.name in unsure)
                for field in form.legal_fields()
            ],
        },
    )


def _fact_of(field_name: str) -> str:
    return "source" if field_name == "other_source" else field_name
