"""Guidance changes go through Wagtail's moderation: the Social Media Team submits, a DMC
editor approves, and only then does the page change."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import WorkflowState

pytestmark = pytest.mark.django_db


def test_a_submitted_change_is_published_only_when_an_editor_approves(signed_in, guidance):
    page = guidance["media-law"]
    smt_user = get_user_model().objects.get(username="social-media-team")
    smt = signed_in("social-media-team")
    # What the editor's "Submit for moderation" does: a draft revision, then the workflow.
    page.summary = "Submitted for approval."
    page.save_revision(user=smt_user)
    state = page.get_workflow().start(page, smt_user)
    page.refresh_from_db()
    assert page.summary != "Submitted for approval."  # the live page is unchanged
    assert "Submitted for approval." not in smt.get(page.url).content.decode()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS

    approve = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[page.pk, "approve", state.current_task_state.pk],
    )
    smt.post(approve, {"comment": "Approving my own change"})
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS  # not theirs to approve

    response = signed_in("editor").post(approve, {"comment": "Fine."})
    assert response.status_code in (200, 302)
    state.refresh_from_db()
    page.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert page.summary == "Submitted for approval."
    assert page.revisions.filter(user=smt_user).exists()  # history is kept
