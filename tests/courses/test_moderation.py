"""Course pages sit under the site root, so the guidance's page permissions and the "DMC
sign-off" workflow cover them too: the Social Media Team edits and submits, DMC editors
publish."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import WorkflowState

from organisation.roles import WORKFLOW_NAME

pytestmark = pytest.mark.django_db


def person(username):
    return get_user_model().objects.get(username=username)


def test_the_social_media_team_can_edit_but_not_publish_a_module(training, demo_users):
    module = training.modules["rag-table"]
    smt = module.permissions_for_user(person("social-media-team"))
    editor = module.permissions_for_user(person("editor"))
    officer = module.permissions_for_user(person("officer"))
    assert smt.can_edit() and not smt.can_publish()
    assert editor.can_edit() and editor.can_publish()
    assert not officer.can_edit()
    assert module.get_workflow().name == WORKFLOW_NAME


def test_a_submitted_module_changes_only_when_an_editor_approves(training, signed_in):
    module = training.modules["rag-table"]
    smt_user = person("social-media-team")
    module.summary = "Submitted for approval."
    module.save_revision(user=smt_user)
    state = module.get_workflow().start(module, smt_user)
    module.refresh_from_db()
    assert module.summary != "Submitted for approval."

    approve = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[module.pk, "approve", state.current_task_state.pk],
    )
    signed_in("social-media-team").post(approve, {"comment": "Mine, approved by me"})
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS

    signed_in("editor").post(approve, {"comment": "Fine."})
    state.refresh_from_db()
    module.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert module.summary == "Submitted for approval."
