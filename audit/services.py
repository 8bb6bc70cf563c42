"""Writing audit entries. Callers pass who did it; inside the Wagtail admin the acting person
is also known from Wagtail's own log context, so receivers of model signals can name them.

Every write is one INSERT, in whatever transaction the change it records is in: a change that
rolls back takes its entry with it.
"""

from __future__ import annotations

import json
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from wagtail.log_actions import get_active_log_context

from .models import EXPORT, AuditEntry


def acting_user(default=None):
    """The person on whose behalf code runs: in the admin, Wagtail's log context names them."""
    user = get_active_log_context().user
    return user if user is not None else default


def _as_json(value: Any) -> Any:
    # Dates, decimals and UUIDs in before/after become strings, as JSONField would need.
    if value is None:
        return None
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def _who(actor) -> tuple[Any, str]:
    if actor is None or not getattr(actor, "is_authenticated", False) or actor.pk is None:
        return None, ""
    return actor, actor.get_username()[:150]


def audit_record(
    *,
    actor,
    action: str,
    obj=None,
    object_type: str = "",
    object_id: Any = "",
    object_repr: str = "",
    before: Any = None,
    after: Any = None,
    summary: str = "",
) -> AuditEntry:
    """Write one entry. `obj` (a model instance) names the object; without one, give
    `object_type`, `object_id` and `object_repr`, or nothing (an export names a table)."""
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = obj.pk
        object_repr = object_repr or str(obj)
    user, name = _who(actor)
    entry = AuditEntry(
        actor=user,
        actor_name=name,
        action=action,
        object_type=object_type[:100],
        object_id="" if object_id is None else str(object_id)[:64],
        object_repr=(object_repr or "")[:255],
        summary=summary[:300],
        before=_as_json(before),
        after=_as_json(after),
    )
    entry.save()
    return entry


def audit_export(*, actor, table: str, filters: dict[str, Any], rows_of: str = "") -> AuditEntry:
    """A file of training data was downloaded: which table, with which filters (never the
    data itself)."""
    clean = {str(k): v for k, v in sorted(filters.items()) if v not in (None, "", [], ())}
    described = ", ".join(f"{k}={v}" for k, v in clean.items()) or "no filters"
    return audit_record(
        actor=actor,
        action=EXPORT,
        object_type="export",
        object_id=table,
        object_repr=table,
        after={"table": table, "filters": clean, "scope": rows_of},
        summary=f"Downloaded {table} ({described})" + (f" for {rows_of}" if rows_of else ""),
    )


def row_state(instance, fields: tuple[str, ...]) -> dict[str, Any]:
    """A row's fields as plain values; a relation as its id and its name, so the entry stays
    readable after the related row changes or goes."""
    state: dict[str, Any] = {}
    for name in fields:
        field = instance._meta.get_field(name)
        if field.is_relation:
            related_id = getattr(instance, field.attname)
            state[name] = None
            if related_id is not None:
                state[name] = {"id": related_id, "name": str(getattr(instance, name))}
        else:
            state[name] = getattr(instance, name)
    return _as_json(state)


ASSIGNMENT_FIELDS = (
    "page",
    "page_title",
    "person",
    "borough",
    "unit",
    "role",
    "due_date",
    "refresher_months",
)


def assignment_state(assignment) -> dict[str, Any]:
    return row_state(assignment, ASSIGNMENT_FIELDS)
