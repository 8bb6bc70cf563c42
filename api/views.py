import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.csrf import csrf_failure as django_csrf_failure
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from api.forms import TokenForm
from api.middleware import GENERIC_ERRORS, api_error, is_api
from api.models import ApiToken
from api.services import MAX_LIVE_TOKENS, token_create, token_list, token_revoke
from scenarios.drafts import DraftsError, draft_suggest, parse_draft, parse_drafts
from scenarios.rulebook import published_rulebook
from scenarios.rules import FactsError, evaluate, parse_facts, parse_many
from scenarios.topic_model import TopicModelNotReady, enqueue_training


@require_POST
def rag_check_api(request):
    """POST a facts object (or an array of them); get the verdict (or verdicts) back.

    ApiErrorsMiddleware has already refused oversized bodies, ApiTokenMiddleware anonymous
    callers; the check below only keeps the view safe on its own."""
    if not request.user.is_authenticated:
        return api_error("auth", "Sign in to use the RAG check.", status=401)
    try:
        data = json.loads(request.body or b"")
    except (ValueError, UnicodeDecodeError) as exc:
        return api_error("body", f"Not valid JSON: {exc}", status=400)
    except RecursionError:
        return api_error("body", "Not valid facts: the JSON is nested too deeply.", status=400)
    rulebook = published_rulebook()
    try:
        if isinstance(data, list):
            verdicts = [evaluate(f, rulebook).as_dict() for f in parse_many(data, rulebook)]
            return JsonResponse(verdicts, safe=False)
        return JsonResponse(evaluate(parse_facts(data, rulebook), rulebook).as_dict())
    except FactsError as exc:
        body: dict = {"errors": exc.errors}
        if exc.index is not None:
            body["index"] = exc.index
        return JsonResponse(body, status=400)


@require_POST
def rag_suggest_api(request):
    """POST a draft (a string, or {"text": ..., "today": "YYYY-MM-DD"}) or an array of them;
    get the suggested topics and facts back, with the words that suggest them. Suggestions
    are for a person to confirm: grade the confirmed facts with /api/rag/check."""
    if not request.user.is_authenticated:
        return api_error("auth", "Sign in to use the suggestions.", status=401)
    try:
        data = json.loads(request.body or b"")
    except (ValueError, UnicodeDecodeError) as exc:
        return api_error("body", f"Not valid JSON: {exc}", status=400)
    except RecursionError:
        return api_error("body", "Not valid drafts: the JSON is nested too deeply.", status=400)
    today = timezone.localdate()
    try:
        if isinstance(data, list):
            drafts = parse_drafts(data, today=today)
        else:
            drafts = [parse_draft(data, today=today)]
    except DraftsError as exc:
        return api_error("drafts", f"{exc}.", status=400)
    try:
        suggestions = [draft_suggest(draft=draft) for draft in drafts]
    except TopicModelNotReady:
        enqueue_training()
        return api_error(
            "model",
            "Suggestions are not ready yet: the topic model is being trained. Try again in a "
            "minute.",
            status=503,
        )
    return JsonResponse(suggestions if isinstance(data, list) else suggestions[0], safe=False)


def api_not_found(request, rest=""):
    return api_error(*GENERIC_ERRORS[404], status=404)


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: JSON under /api/, Django's usual page everywhere else."""
    if not is_api(request):
        return django_csrf_failure(request, reason=reason)
    return api_error(
        "csrf",
        f"CSRF check failed: {reason.rstrip('.')}. Signed in with a session, send the CSRF "
        "token (the csrftoken cookie's value, in an X-CSRFToken header), or use a personal API "
        "token instead ('Authorization: Bearer <token>').",
        status=403,
    )


@never_cache  # the page that shows a secret must not be kept by a browser or a proxy
@login_required
@require_http_methods(["GET", "POST"])
def token_new(request):
    """Name and create a token; the next page shows its secret, once."""
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            token, secret = token_create(user=request.user, name=form.cleaned_data["name"])
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return render(request, "api/token_created.html", {"token": token, "secret": secret})
    at_limit = token_list(user=request.user).count() >= MAX_LIVE_TOKENS
    return render(
        request,
        "api/token_new.html",
        {"form": form, "at_limit": at_limit, "limit": MAX_LIVE_TOKENS},
    )


@login_required
@require_POST
def token_revoke_view(request, token_id: int):
    try:
        token = token_revoke(user=request.user, token_id=token_id)
    except ApiToken.DoesNotExist:
        # Someone else's token, or none: the same answer, so ids reveal nothing.
        raise Http404("No such token") from None
    messages.success(request, f"Token “{token.name}” revoked: it no longer works.")
    return redirect(reverse("me") + "#api-tokens")
