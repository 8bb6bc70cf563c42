"""Personal API tokens: create, revoke, authenticate. Every write to ApiToken happens here."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from api.models import ApiToken
from audit.models import TOKEN_CREATE, TOKEN_REVOKE
from audit.services import audit_record

if TYPE_CHECKING:
    from django.contrib.auth.models import User

TOKEN_PREFIX = "mat_"  # "media awareness token": recognisable in logs and by secret scanners
MAX_LIVE_TOKENS = 10
LAST_USED_EVERY = timedelta(minutes=1)  # at most one write per token per minute
_RAW_MAX = 200  # a real token is 47 characters; never hash an arbitrarily long header


def hash_secret(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def token_list(*, user: User) -> QuerySet[ApiToken]:
    """The person's live tokens, newest first."""
    return ApiToken.objects.filter(user=user, revoked_at__isnull=True)


def _clean_name(name: str) -> str:
    name = (name or "").strip()
    if not name:
        raise ValidationError(
            {"name": "Enter a name for the token, such as the tool that will use it."},
            code="required",
        )
    if len(name) > ApiToken.NAME_MAX:
        raise ValidationError(
            {
                "name": f"The name must be {ApiToken.NAME_MAX} characters or fewer; "
                f"it has {len(name)}."
            },
            code="max_length",
        )
    return name


@transaction.atomic
def token_create(*, user: User, name: str) -> tuple[ApiToken, str]:
    """Make a token; return it and its secret. The secret is not kept: show it once."""
    name = _clean_name(name)
    # Lock the person's row so two requests at once cannot both pass the limit.
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()
    if token_list(user=user).count() >= MAX_LIVE_TOKENS:
        raise ValidationError(
            f"You already have {MAX_LIVE_TOKENS} tokens, the most one person may have. "
            "Revoke one you no longer use, then create another.",
            code="limit",
        )
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(user=user, name=name, prefix=raw[:8], key_hash=hash_secret(raw))
    # The name and prefix only: never the secret, nor its hash.
    audit_record(
        actor=user,
        action=TOKEN_CREATE,
        obj=token,
        after={"name": token.name, "prefix": token.prefix},
        summary=f"Created API token “{token.name}”",
    )
    return token, raw


def token_revoke(*, user: User, token_id: int) -> ApiToken:
    """Revoke one of the person's own tokens. Another person's is ApiToken.DoesNotExist;
    revoking twice keeps the first time."""
    token = ApiToken.objects.get(pk=token_id, user=user)
    if token.revoked_at is None:
        now = timezone.now()
        with transaction.atomic():
            # Conditional update: two revokes at once keep the first time, and write one entry.
            revoked = ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(
                revoked_at=now
            )
            if revoked:
                audit_record(
                    actor=user,
                    action=TOKEN_REVOKE,
                    obj=token,
                    before={"name": token.name, "prefix": token.prefix, "revoked_at": None},
                    after={"name": token.name, "prefix": token.prefix, "revoked_at": now},
                    summary=f"Revoked API token “{token.name}”",
                )
        token.refresh_from_db(fields=["revoked_at"])
    return token


def token_authenticate(*, raw: str) -> User | None:
    """The active person a live token belongs to, or None."""
    if not raw.startswith(TOKEN_PREFIX) or len(raw) > _RAW_MAX:
        return None
    # Looked up by hash: the secret has 256 random bits, so timing reveals nothing useful.
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=hash_secret(raw), revoked_at__isnull=True)
        .first()
    )
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    stale = now - LAST_USED_EVERY
    if token.last_used_at is None or token.last_used_at < stale:
        # Conditional, so requests racing each other still write once a minute at most.
        ApiToken.objects.filter(
            Q(last_used_at__isnull=True) | Q(last_used_at__lt=stale), pk=token.pk
        ).update(last_used_at=now)
    return token.user
