"""Bank jobs, queued through the outbox (in-process when there is no Redis).

Both are idempotent and resumable: each template (generation) or chunk of questions
(re-grading) commits on its own, with the run's counts, so a worker that dies leaves every
stored question consistent with the rulebook version it records, and running the job again (the
outbox puts it back) finishes the work and carries on the counts rather than starting them again.
"""

from __future__ import annotations

import json
import random
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone

from outbox.services import job_enqueue
from scenarios.generator import Question, explanation_of, generate
from scenarios.models import AnswerChange, BankQuestion, JobRun, RulebookVersion, ScenarioTemplate
from scenarios.rulebook import published_rulebook
from scenarios.rules import FactsError, evaluate, parse_facts
from scenarios.topic_model import bank_changed

# Sent when a re-grade has finished: `version` (the rulebook version), `changed` (how many
# stored answers it changed; the `AnswerChange` rows of that version say which).
bank_regraded = Signal()

PER_TEMPLATE_LIMIT = 500
GENERATION_SEED = 20160201
# A hook for tests that stop a job part-way, as a killed worker would.
checkpoint = None


def facts_key(facts: dict) -> str:
    return json.dumps(facts, sort_keys=True)


def live_templates():
    """Published templates, with what `to_spec` reads, in a stable order."""
    return (
        ScenarioTemplate.objects.filter(live=True).prefetch_related("slots", "tags").order_by("pk")
    )


def _row(question: Question, template_id: int) -> BankQuestion:
    return BankQuestion(
        key=question.key,
        template_id=template_id,
        template_key=question.template_key,
        text=question.text,
        facts=question.as_dict()["facts"],
        topic=question.topic,
        rating=question.rating,
        correct_answer=question.correct_answer,
        explanation=question.explanation,
        reasons=[reason.as_dict() for reason in question.reasons],
        rulebook_version=question.rulebook_version,
        active=True,
    )


def _retire(questions, reason: str) -> int:
    """Retire, never delete: a question someone answered is evidence of what they were asked."""
    now = timezone.now()
    return questions.update(active=False, retired_at=now, retired_reason=reason, updated_at=now)


def _reword(wanted: dict[str, Question], stored: dict[str, tuple]) -> None:
    """Bring stored reasons up to the engine's current wording, where the answer itself is
    unchanged (a changed answer is the re-grade's to record). One UPDATE per distinct verdict."""
    groups: dict[str, list[str]] = {}
    for key, (rating, reasons) in stored.items():
        question = wanted[key]
        fresh = [reason.as_dict() for reason in question.reasons]
        if rating == question.rating and reasons != fresh:
            groups.setdefault(json.dumps(fresh, sort_keys=True), []).append(key)
    for keys in groups.values():
        question = wanted[keys[0]]
        BankQuestion.objects.filter(key__in=keys).update(
            reasons=[reason.as_dict() for reason in question.reasons],
            explanation=question.explanation,
            updated_at=timezone.now(),
        )


def retire_questions(*, template_id: int, reason: str) -> int:
    return _retire(BankQuestion.objects.filter(template_id=template_id, active=True), reason)


def _resuming(run: JobRun, version: int) -> bool:
    return run.status == JobRun.RUNNING and run.rulebook_version == version


def _failing(func):
    """Mark the run failed (with the error) if the job raises, then let RQ see the error."""

    def wrapper(*, run_id: int | None = None, **kwargs):
        try:
            return func(run_id=run_id, **kwargs)
        except Exception as exc:
            if run_id:
                JobRun.objects.filter(pk=run_id).update(
                    status=JobRun.FAILED, message=f"{type(exc).__name__}: {exc}"[:2000]
                )
            raise

    wrapper.__name__ = func.__name__
    wrapper.__qualname__ = func.__qualname__
    wrapper.__doc__ = func.__doc__
    return wrapper


@_failing
def bank_generate(*, run_id: int | None = None, template_ids: list[int] | None = None) -> dict:
    """Generate every live template's questions into the bank, grading each with the
    published rulebook. Questions a template no longer produces are retired, not deleted."""
    rulebook = published_rulebook()
    templates = live_templates()
    if template_ids is not None:
        templates = templates.filter(pk__in=template_ids)
    templates = list(templates)
    run = JobRun.objects.get(pk=run_id) if run_id else JobRun.objects.create(kind=JobRun.GENERATE)
    # A run taken up again after its worker died: questions it added are counted once.
    created = run.created if _resuming(run, rulebook.version) else 0
    JobRun.objects.filter(pk=run.pk).update(
        status=JobRun.RUNNING, total=len(templates), done=0, rulebook_version=rulebook.version
    )
    for done, template in enumerate(templates, start=1):
        spec = template.to_spec()
        questions = generate(
            [spec],
            rulebook,
            per_template_limit=PER_TEMPLATE_LIMIT,
            rng=random.Random(GENERATION_SEED),
        )
        with transaction.atomic():
            wanted = {q.key: q for q in questions}
            stored = {
                key: (rating, reasons)
                for key, rating, reasons in BankQuestion.objects.filter(
                    key__in=list(wanted)
                ).values_list("key", "rating", "reasons")
            }
            existing = set(stored)
            _reword(wanted, stored)
            new = [_row(q, template.pk) for key, q in wanted.items() if key not in existing]
            BankQuestion.objects.bulk_create(new, batch_size=500, ignore_conflicts=True)
            created += len(new)
            BankQuestion.objects.filter(key__in=existing, active=False).update(
                active=True, retired_at=None, retired_reason="", updated_at=timezone.now()
            )
            _retire(
                BankQuestion.objects.filter(template=template, active=True).exclude(
                    key__in=list(wanted)
                ),
                "Its template no longer produces it.",
            )
            JobRun.objects.filter(pk=run.pk).update(done=done, created=created)
        if checkpoint:
            checkpoint("generate", done)
    if template_ids is None:  # a full run: questions of unpublished templates leave the bank
        _retire(
            BankQuestion.objects.filter(active=True).exclude(template__live=True),
            "Its template is not published.",
        )
    JobRun.objects.filter(pk=run.pk).update(status=JobRun.DONE, finished_at=timezone.now())
    bank_changed()  # the checker's topic model learns from the bank as it now is
    return {"templates": len(templates), "created": created}


@_failing
def bank_regrade(*, run_id: int | None = None) -> dict:
    """Grade every question graded by an older version with the published rulebook, and
    record those whose correct answer changed."""
    rulebook = published_rulebook()
    version = rulebook.version
    run = JobRun.objects.get(pk=run_id) if run_id else JobRun.objects.create(kind=JobRun.REGRADE)
    # Only older versions: a slower job must never grade back over a newer one's work.
    stale = BankQuestion.objects.filter(active=True, rulebook_version__lt=version)
    # Taken up again after its worker died: the chunks it committed (and their counts) stand.
    done = changed_total = retired_total = 0
    if _resuming(run, version):
        done, changed_total = run.done, run.changed
    JobRun.objects.filter(pk=run.pk).update(
        status=JobRun.RUNNING, total=done + stale.count(), done=done, rulebook_version=version
    )
    chunk_size = settings.BANK_REGRADE_CHUNK
    verdicts: dict[str, dict] = {}
    because: dict[str, str] = {}
    # Why answers changed: what the version changed, then the new answer's deciding reasons.
    what_changed = (
        RulebookVersion.objects.filter(number=version).values_list("note", flat=True).first() or ""
    )
    last_pk = 0
    while True:
        chunk = list(
            stale.filter(pk__gt=last_pk)
            .order_by("pk")
            .values_list("pk", "facts", "rating", "reasons", "rulebook_version")[:chunk_size]
        )
        if not chunk:
            break
        last_pk = chunk[-1][0]
        # Questions with the same facts get the same verdict: update them together, one
        # UPDATE per distinct verdict rather than one row at a time.
        by_verdict: dict[str, list[int]] = {}
        changes, same, retired = [], [], []
        for pk, facts, rating, reasons, old_version in chunk:
            key = facts_key(facts)
            graded = verdicts.get(key)
            if graded is None:
                try:
                    parsed = parse_facts(facts, rulebook)
                except FactsError:
                    # e.g. its topic was unpublished: the question can no longer be asked.
                    retired.append(pk)
                    continue
                verdict = evaluate(parsed, rulebook)
                graded = verdicts[key] = {
                    "rating": verdict.rating,
                    "correct_answer": verdict.action,
                    "reasons": [r.as_dict() for r in verdict.reasons],
                    "explanation": explanation_of(verdict),
                }
                now = " ".join(r.summary for r in verdict.reasons if r.decides)
                because[key] = f"{what_changed}. Now: {now}" if what_changed else now
            if graded["rating"] == rating and graded["reasons"] == reasons:
                same.append(pk)
                continue
            by_verdict.setdefault(key, []).append(pk)
            if graded["rating"] != rating:
                changes.append(
                    AnswerChange(
                        question_id=pk,
                        from_version=old_version,
                        to_version=version,
                        old_rating=rating,
                        new_rating=graded["rating"],
                        reason=because[key],
                    )
                )
        with transaction.atomic():
            for key, pks in by_verdict.items():
                BankQuestion.objects.filter(pk__in=pks).update(
                    **verdicts[key], rulebook_version=version, updated_at=timezone.now()
                )
            AnswerChange.objects.bulk_create(changes, batch_size=500, ignore_conflicts=True)
            BankQuestion.objects.filter(pk__in=same).update(
                rulebook_version=version, updated_at=timezone.now()
            )
            _retire(
                BankQuestion.objects.filter(pk__in=retired),
                "The rulebook no longer covers its facts.",
            )
            retired_total += len(retired)
            done += len(chunk)
            changed_total += len(changes)
            JobRun.objects.filter(pk=run.pk).update(done=done, changed=changed_total)
        if checkpoint:
            checkpoint("regrade", done)
    message = f"{retired_total} questions retired: the rulebook no longer covers their facts."
    JobRun.objects.filter(pk=run.pk).update(
        status=JobRun.DONE, finished_at=timezone.now(), message=message if retired_total else ""
    )
    # Training listens: passes that relied on a rule that now grades differently need a
    # refresher. Sent once the bank follows the new version, with the answers it changed.
    bank_regraded.send(sender=JobRun, version=version, changed=changed_total)
    if retired_total:
        bank_changed()
    return {"version": version, "checked": done, "changed": changed_total, "retired": retired_total}


STALE_AFTER = timedelta(hours=1)
GENERATE_JOB = "scenarios.jobs.bank_generate"
REGRADE_JOB = "scenarios.jobs.bank_regrade"


def active_run(kind: str) -> JobRun | None:
    """A run of this kind queued or running within the last hour (older ones died)."""
    return (
        JobRun.objects.filter(
            kind=kind,
            status__in=[JobRun.QUEUED, JobRun.RUNNING],
            started_at__gte=timezone.now() - STALE_AFTER,
        )
        .order_by("-pk")
        .first()
    )


def _enqueue(func: str, kind: str, **kwargs):
    # The run and its job commit together; with Redis down the job waits in the outbox and
    # the run shows as queued until a relay hands it over.
    run = JobRun.objects.create(kind=kind)
    job_enqueue(func=func, kwargs={"run_id": run.pk, **kwargs})
    return run


def enqueue_generate(template_ids: list[int] | None = None) -> JobRun:
    """Queue a generation, of the whole bank unless only some templates changed. A whole
    generation is not queued while one waits or runs: that one is returned."""
    if template_ids is not None:
        return _enqueue(GENERATE_JOB, JobRun.GENERATE, template_ids=list(template_ids))
    return active_run(JobRun.GENERATE) or _enqueue(GENERATE_JOB, JobRun.GENERATE)


def enqueue_regrade() -> JobRun:
    return _enqueue(REGRADE_JOB, JobRun.REGRADE)
