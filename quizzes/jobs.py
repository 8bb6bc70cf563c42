"""Quiz jobs, run through the outbox and django-rq. Idempotent: closing a closed attempt
changes nothing (whoever flips the attempt from in progress marks it, once)."""

from .services import attempt_expire, attempts_expire_due


def expire_attempt(*, attempt_id: int) -> bool:
    return attempt_expire(attempt_id=attempt_id)


def expire_due_attempts() -> int:
    return attempts_expire_due()
