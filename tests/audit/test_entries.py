"""The audit entry itself: written once, never changed or removed, one INSERT per entry, and
gone with the change it records when that change rolls back."""

import pytest
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction

from audit.models import EXPORT, ROLES_CHANGE, AuditEntry, AuditEntryChanged
from audit.services import audit_export, audit_record
from organisation.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry():
    actor = UserFactory(username="writer")
    return audit_record(
        actor=actor,
        action=ROLES_CHANGE,
        object_type="auth.user",
        object_id=7,
        object_repr="someone",
        before=["Officer"],
        after=["Borough SPOC"],
        summary="Changed the roles of someone",
    )


def test_an_entry_names_who_what_and_when(entry):
    entry = AuditEntry.objects.get(pk=entry.pk)
    assert (entry.actor.username, entry.actor_name) == ("writer", "writer")
    assert (entry.object_type, entry.object_id, entry.object_repr) == ("auth.user", "7", "someone")
    assert (entry.before, entry.after) == (["Officer"], ["Borough SPOC"])
    assert entry.at is not None


def test_saving_an_existing_entry_again_is_refused(entry):
    entry.summary = "rewritten"
    with pytest.raises(AuditEntryChanged):
        entry.save()
    assert AuditEntry.objects.get(pk=entry.pk).summary == "Changed the roles of someone"


def test_a_new_object_with_an_existing_pk_cannot_overwrite_it(entry):
    forged = AuditEntry(pk=entry.pk, action=EXPORT, summary="forged")
    with pytest.raises(IntegrityError), transaction.atomic():
        forged.save()
    assert AuditEntry.objects.get(pk=entry.pk).summary == "Changed the roles of someone"


def test_deleting_an_entry_is_refused(entry):
    with pytest.raises(AuditEntryChanged):
        entry.delete()
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


def test_queryset_update_and_delete_are_refused(entry):
    with pytest.raises(AuditEntryChanged):
        AuditEntry.objects.filter(pk=entry.pk).update(summary="rewritten")
    with pytest.raises(AuditEntryChanged):
        AuditEntry.objects.filter(pk=entry.pk).delete()
    with pytest.raises(AuditEntryChanged):
        AuditEntry.objects.bulk_update([entry], ["summary"])
    assert AuditEntry.objects.get(pk=entry.pk).summary == "Changed the roles of someone"


def test_removing_the_person_keeps_what_they_did(entry):
    get_user_model().objects.filter(username="writer").delete()
    kept = AuditEntry.objects.get(pk=entry.pk)
    assert kept.actor is None and kept.actor_name == "writer"


def test_one_entry_is_one_insert(django_assert_num_queries):
    actor = UserFactory(username="counted")
    audit_record(actor=actor, action=EXPORT, object_type="export", summary="warm-up")
    with django_assert_num_queries(1):
        audit_record(actor=actor, action=EXPORT, object_type="export", summary="x")
    with django_assert_num_queries(1):
        audit_export(actor=actor, table="overdue", filters={"period": "90d", "team": ""})


def test_an_entry_in_a_rolled_back_transaction_is_gone():
    class Boom(Exception):
        pass

    with pytest.raises(Boom), transaction.atomic():
        audit_record(actor=None, action=EXPORT, summary="never happened")
        raise Boom
    assert not AuditEntry.objects.filter(summary="never happened").exists()


def test_the_system_is_named_when_nobody_acted():
    entry = audit_record(actor=None, action=EXPORT, summary="by a job")
    assert entry.actor is None and entry.actor_name == ""
    assert "by system" in str(entry)


def test_an_export_entry_names_the_table_and_filters_not_the_data():
    entry = audit_export(
        actor=None, table="overdue", filters={"period": "90d", "team": ""}, rows_of="Lewisham"
    )
    assert entry.after == {"table": "overdue", "filters": {"period": "90d"}, "scope": "Lewisham"}
    assert entry.summary == "Downloaded overdue (period=90d) for Lewisham"
