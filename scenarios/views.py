from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from scenarios.forms import DraftCheckForm
from scenarios.rulebook import published_rulebook
from scenarios.rules import FactsError, evaluate, parse_facts


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
            "questions": [
                (field, form.applies(field.name, topic), form.applies_to(field.name))
                for field in form.question_fields()
            ],
        },
    )
