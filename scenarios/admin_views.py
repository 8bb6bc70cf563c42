from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_POST

from scenarios.consistency import DEFAULT_MINIMUM, check_consistency
from scenarios.jobs import enqueue_generate
from scenarios.models import AnswerChange, BankQuestion, JobRun
from scenarios.rulebook import published_rulebook


def _require(request, perm):
    if not request.user.has_perm(perm):
        raise PermissionDenied


def bank_overview(request):
    """Bank size, running jobs with their progress, and the answers the last rulebook changed."""
    _require(request, "scenarios.view_bankquestion")
    jobs = list(JobRun.objects.all()[:10])
    running = any(job.status in (JobRun.QUEUED, JobRun.RUNNING) for job in jobs)
    ratings = dict(
        BankQuestion.objects.filter(active=True)
        .values_list("rating")
        .annotate(n=Count("pk"))
        .values_list("rating", "n")
    )
    changes = AnswerChange.objects.select_related("question").order_by("-to_version", "pk")[:100]
    return TemplateResponse(
        request,
        "scenarios/admin/bank.html",
        {
            "jobs": jobs,
            "running": running,
            "ratings": ratings,
            "total": sum(ratings.values()),
            "changes": changes,
            "rulebook_version": published_rulebook().version,
            "can_generate": request.user.has_perm("scenarios.add_scenariotemplate"),
        },
    )


@require_POST
def bank_generate_now(request):
    _require(request, "scenarios.add_scenariotemplate")
    run = enqueue_generate()
    if run.status == JobRun.FAILED:
        messages.error(request, run.message)
    else:
        messages.success(request, f"Bank generation started (job {run.pk}).")
    return redirect("scenarios_bank")


def consistency(request):
    _require(request, "scenarios.view_bankquestion")
    try:
        minimum = max(0, int(request.GET.get("min", DEFAULT_MINIMUM)))
    except ValueError:
        minimum = DEFAULT_MINIMUM
        messages.error(request, "The minimum must be a whole number; showing the default.")
    report = check_consistency(minimum=minimum)
    topics = published_rulebook().topics
    topic_rows = [
        (topics[slug].name if slug in topics else slug, count)
        for slug, count in report.per_topic.items()
    ]
    return TemplateResponse(
        request,
        "scenarios/admin/consistency.html",
        {"report": report, "minimum": minimum, "topic_rows": topic_rows},
    )
