"""Scenario templates have owners, and go through DMC sign-off before they feed the bank.

A SPOC changes their own borough's templates, DMC Borough Support those of the boroughs it
supports, the Social Media Team the units' and the force's; everyone who authors may view and
copy the rest. Publishing needs a DMC editor's approval. Unpublishing or deleting a template
retires its questions and keeps them, with their history.
"""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from organisation.models import Borough, Unit
from scenarios.factories import ScenarioTemplateFactory
from scenarios.models import AnswerChange, BankQuestion, ScenarioTemplate

pytestmark = pytest.mark.django_db

URLS = "wagtailsnippets_scenarios_scenariotemplate"


def url(view, *args):
    return reverse(f"{URLS}:{view}", args=args)


def make_template(key, *, borough=None, unit=None, live=True):
    return ScenarioTemplateFactory(
        key=key,
        title=f"Template {key}",
        text="Officers in {ward} arrested a man after a burglary.",
        fixed_facts="topic: burglary",
        slots=[("ward", "Catford\nLee Green")],
        owner_borough=borough,
        owner_unit=unit,
        publish=live,
    )


def edit_form(template, **fields) -> dict:
    slots = list(template.slots.all())
    data = {
        "title": template.title,
        "key": template.key,
        "owner": fields.pop("owner", None) or _owner(template),
        "text": template.text,
        "fixed_facts": template.fixed_facts,
        "image": "",
        "image_kind": "none",
        "borough": "",
        "account": "",
        "tags": "",
        "difficulty": "1",
        "slots-TOTAL_FORMS": str(len(slots)),
        "slots-INITIAL_FORMS": str(len(slots)),
        "slots-MIN_NUM_FORMS": "0",
        "slots-MAX_NUM_FORMS": "1000",
    }
    for index, slot in enumerate(slots):
        data[f"slots-{index}-id"] = str(slot.pk)
        data[f"slots-{index}-name"] = slot.name
        data[f"slots-{index}-values"] = slot.values
        data[f"slots-{index}-ORDER"] = str(index + 1)
    data.update(fields)
    return data


def _owner(template):
    if template.owner_borough_id:
        return f"borough:{template.owner_borough_id}"
    if template.owner_unit_id:
        return f"unit:{template.owner_unit_id}"
    return "force"


@pytest.fixture
def places(demo_users):
    return {
        "lewisham": Borough.objects.get(slug="lewisham"),
        "croydon": Borough.objects.get(slug="croydon"),
        "greenwich": Borough.objects.get(slug="greenwich"),
        "unit": Unit.objects.get(slug="roads-and-transport-policing-command"),
    }


@pytest.fixture
def templates(places, run_queued_jobs):
    made = {
        "lewisham": make_template("lewisham-one", borough=places["lewisham"]),
        "croydon": make_template("croydon-one", borough=places["croydon"]),
        "greenwich": make_template("greenwich-one", borough=places["greenwich"]),
        "unit": make_template("unit-one", unit=places["unit"]),
        "force": make_template("force-one"),
    }
    run_queued_jobs()  # with a real Redis, the approvals' generation waits in the queue
    return made


# Who may change which: (username, owner) -> may change?
MAY_CHANGE = {
    ("spoc", "lewisham"): True,
    ("spoc", "croydon"): False,
    ("spoc", "greenwich"): False,
    ("spoc", "unit"): False,
    ("spoc", "force"): False,
    ("spoc-2", "lewisham"): False,
    ("spoc-2", "croydon"): True,
    ("borough-support", "lewisham"): True,
    ("borough-support", "greenwich"): True,
    ("borough-support", "croydon"): False,
    ("borough-support", "unit"): False,
    ("borough-support", "force"): False,
    ("social-media-team", "unit"): True,
    ("social-media-team", "force"): True,
    ("social-media-team", "lewisham"): False,
    ("editor", "croydon"): True,
    ("editor", "force"): True,
}


@pytest.mark.parametrize(("username", "owner"), sorted(MAY_CHANGE))
def test_who_may_change_which_template(client, templates, username, owner):
    template = templates[owner]
    client.force_login(get_user_model().objects.get(username=username))
    response = client.get(url("edit", template.pk))
    if MAY_CHANGE[(username, owner)]:
        assert response.status_code == 200
    else:
        # Someone else's template opens read-only, saying whose it is and how to copy it.
        assert response.status_code == 302
        assert response.url == url("inspect", template.pk)
        page = client.get(response.url).content.decode()
        assert template.owner_label in page
        assert url("copy", template.pk) in page
        before = template.title
        posted = client.post(url("edit", template.pk), edit_form(template, title="Hijacked"))
        assert posted.status_code == 302 and posted.url == url("inspect", template.pk)
        template.refresh_from_db()
        assert template.title == before
        refused = client.post(url("delete", template.pk))
        # Wagtail's admin answers a refusal by sending the person to its dashboard.
        assert refused.status_code == 302 and refused.url == reverse("wagtailadmin_home")
        assert ScenarioTemplate.objects.filter(pk=template.pk).exists()


def test_the_listing_offers_edit_only_on_ones_own_templates(client, templates):
    client.force_login(get_user_model().objects.get(username="spoc"))
    page = client.get(url("list")).content.decode()
    assert url("edit", templates["lewisham"].pk) in page
    assert url("edit", templates["croydon"].pk) not in page
    assert url("inspect", templates["croydon"].pk) in page
    assert url("delete", templates["croydon"].pk) not in page


def test_an_owner_is_one_the_author_may_give(client, templates, places):
    client.force_login(get_user_model().objects.get(username="spoc"))
    form = client.get(url("add")).content.decode()
    assert f'value="borough:{places["lewisham"].pk}" selected' in form
    assert f'value="borough:{places["croydon"].pk}"' not in form
    assert 'value="force"' not in form
    template = templates["lewisham"]
    response = client.post(
        url("edit", template.pk), edit_form(template, owner=f"borough:{places['croydon'].pk}")
    )
    assert response.status_code == 200  # refused, with the form again
    assert "Select a valid choice" in response.content.decode()
    template.refresh_from_db()
    assert template.owner_borough == places["lewisham"]


def test_trainers_submit_for_sign_off_and_only_an_approved_template_feeds_the_bank(
    client, templates, places, run_queued_jobs
):
    spoc = get_user_model().objects.get(username="spoc")
    client.force_login(spoc)
    data = edit_form(templates["lewisham"], key="new-lewisham", title="New one")
    data.update({f"slots-0-{k}": "" for k in ("id",)}, **{"slots-INITIAL_FORMS": "0"})
    data["action-publish"] = "action-publish"  # a trainer cannot publish...
    response = client.post(url("add"), data)
    new = ScenarioTemplate.objects.get(key="new-lewisham")
    assert not new.live
    assert not BankQuestion.objects.filter(template=new).exists()

    data = edit_form(new, title="New one, for sign-off")
    data["action-submit"] = "action-submit"  # ...they submit it for DMC sign-off
    response = client.post(url("edit", new.pk), data)
    assert response.status_code == 302
    new.refresh_from_db()
    assert not new.live
    state = new.current_workflow_task_state
    assert state is not None
    assert not BankQuestion.objects.filter(template=new).exists()

    # The submitter cannot approve their own template.
    approve = url("workflow_action", new.pk, "approve", state.pk)
    client.post(approve, {"comment": ""})
    new.refresh_from_db()
    assert not new.live

    client.force_login(get_user_model().objects.get(username="editor"))
    client.post(approve, {"comment": "Reads well."})
    run_queued_jobs()
    new.refresh_from_db()
    assert new.live
    assert new.title == "New one, for sign-off"
    assert BankQuestion.objects.filter(template=new, active=True).count() == 2


def test_a_copy_is_the_copiers_own_draft(client, templates, places):
    client.force_login(get_user_model().objects.get(username="spoc"))
    original = templates["croydon"]
    form = client.get(url("copy", original.pk)).content.decode()
    assert "Copy of Template croydon-one" in form
    assert "croydon-one-copy" in form
    data = edit_form(original, title="Copy of Template croydon-one", key="croydon-one-copy")
    data["owner"] = f"borough:{places['lewisham'].pk}"
    data["slots-INITIAL_FORMS"] = "0"
    data["slots-0-id"] = ""
    response = client.post(url("add"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    copy = ScenarioTemplate.objects.get(key="croydon-one-copy")
    assert copy.owner_borough == places["lewisham"]
    assert not copy.live
    assert [s.values for s in copy.slots.all()] == ["Catford\nLee Green"]
    original.refresh_from_db()
    assert original.owner_borough == places["croydon"]
    assert original.slots.count() == 1


def test_unpublishing_retires_questions_and_keeps_them(templates):
    template = templates["lewisham"]
    keys = set(BankQuestion.objects.filter(template=template).values_list("key", flat=True))
    assert keys
    template.unpublish()
    retired = BankQuestion.objects.filter(key__in=keys)
    assert retired.count() == len(keys)
    assert not retired.filter(active=True).exists()
    assert all(q.retired_at and "unpublished" in q.retired_reason for q in retired)


def test_deleting_a_template_keeps_its_questions_and_their_history(client, templates):
    template = templates["lewisham"]
    question = BankQuestion.objects.filter(template=template).first()
    AnswerChange.objects.create(
        question=question, from_version=1, to_version=2, old_rating="GREEN", new_rating="RED"
    )
    client.force_login(get_user_model().objects.get(username="spoc"))
    response = client.post(url("delete", template.pk))
    assert response.status_code == 302
    assert not ScenarioTemplate.objects.filter(pk=template.pk).exists()
    question.refresh_from_db()
    assert question.template is None
    assert question.template_key == "lewisham-one"
    assert not question.active and "deleted" in question.retired_reason
    assert question.changes.count() == 1


def test_an_officer_cannot_reach_templates(client, templates):
    client.force_login(get_user_model().objects.get(username="officer"))
    assert client.get(url("list")).status_code == 403
    assert client.get(url("inspect", templates["lewisham"].pk)).status_code == 403
