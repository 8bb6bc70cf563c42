"""Where each role lands, "My training", certificates (printable for the holder and their
trainers, checkable by anyone), and assigning training. Thin: reads come from
`learner_selectors`, writes go through `services`; the date is read here, once."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from . import learner_selectors as selectors
from .forms import AssignmentForm, VerifyForm
from .services import ASSIGN, assignment_create


@login_required
def landing(request):
    return redirect(selectors.landing_url(request.user))


@login_required
def my_training(request):
    mine = selectors.my_training(request.user, today=timezone.localdate())
    return render(request, "courses/learner/my_training.html", {"mine": mine})


@login_required
def certificate(request, code: str):
    # Someone else's certificate, or no such code: the same 404, so neither is revealed.
    found = selectors.certificate_for(request.user, code)
    if found is None:
        raise Http404("No certificate you may see has this code.")
    context = {
        "certificate": found,
        "holder": selectors.holder_name(found.person),
        "code": selectors.grouped_code(found.code),
        "valid": selectors.certificate_valid(found, today=timezone.localdate()),
        "verify_url": request.build_absolute_uri(reverse("courses:verify_code", args=[found.code])),
    }
    return render(request, "courses/learner/certificate.html", context)


def _not_indexed(response):
    # Public, but holders' names should not end up in search engines.
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def verify(request):
    """The public check: a form for the code (GET, so it works signed out, without a session)."""
    form = VerifyForm(request.GET if "code" in request.GET else None)
    if form.is_valid():
        return redirect("courses:verify_code", code=form.cleaned_data["code"])
    return _not_indexed(render(request, "courses/learner/verify.html", {"form": form}))


def verify_code(request, code: str):
    """Only what proves the certificate: name, module, date issued and whether it is valid."""
    found = selectors.certificate_by_code(code)
    if found is None:
        # A 404 with the form again, so a mistyped code can be corrected on the spot.
        typed = selectors.normalise_code(code)
        shown = selectors.grouped_code(typed) if selectors.is_code_shaped(typed) else code
        context = {"form": VerifyForm(initial={"code": shown}), "unknown_code": shown}
        return _not_indexed(render(request, "courses/learner/verify.html", context, status=404))
    context = {
        "holder": selectors.holder_name(found.person),
        "module_title": found.module_title,
        "issued_at": found.issued_at,
        "valid": selectors.certificate_valid(found, today=timezone.localdate()),
        "code": selectors.grouped_code(found.code),
    }
    return _not_indexed(render(request, "courses/learner/verified.html", context))


@login_required
def assign(request):
    if not request.user.has_perm(ASSIGN):
        raise PermissionDenied("You cannot assign training.")
    today = timezone.localdate()
    posted = request.method == "POST"
    form = AssignmentForm(request.POST if posted else None, user=request.user)
    if posted and form.is_valid():
        try:
            assignment = assignment_create(by=request.user, today=today, **form.service_kwargs())
        except ValidationError as error:
            form.add_error(None, error)  # the service names the field each message is about
        else:
            covered = selectors.people_covered(assignment)
            messages.success(
                request,
                f"Assigned “{assignment.page_title}” to {assignment.target_label}, due by "
                f"{selectors.short_date(assignment.due_date)} "
                f"({covered} {'person' if covered == 1 else 'people'} now).",
            )
            return redirect("courses:assign")
    context = {
        "form": form,
        "assignments": selectors.assignments_visible_to(request.user, today=today),
        "today": today,
    }
    return render(request, "courses/learner/assign.html", context)
