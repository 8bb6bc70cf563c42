"""Trainers author scenario templates in the Wagtail admin (scenarios/models.py, forms.py).

Every test goes through the real admin views as a Borough SPOC: a valid template publishes; a
broken one comes back with the problem on the field at fault and nothing saved. Run with
``.venv/bin/python -m pytest -p no:cacheprovider tests/scenarios/test_template_authoring.py -q``.
"""

from __future__ import annotations

import html as html_lib
import json
import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from scenarios.authoring import read_library
from scenarios.factories import ScenarioTemplateFactory
from scenarios.generator import validate_template
from scenarios.jobs import bank_generate
from scenarios.library_loader import STARTER_LIBRARY, load_starter_library
from scenarios.models import BankQuestion, ScenarioTemplate, TemplateSlot
from scenarios.rulebook import published_rulebook

pytestmark = pytest.mark.django_db

SNIPPETS = "/admin/snippets/scenarios/scenariotemplate/"
ADD_URL = f"{SNIPPETS}add/"
PREVIEW_URL = f"{SNIPPETS}preview/"
BANK_LIST_URL = "/admin/snippets/scenarios/bankquestion/"

WARD = ("ward", "Lewisham\nCatford")
OFFENCE = (
    "offence",
    "a burglary on the high street => topic: burglary\n"
    "a crash that left a cyclist seriously injured => topic: road-traffic-collision, ksi: true",
)
VALID_TEXT = "Officers in {ward} arrested a man after {offence}."

HOSTILE_SCRIPT = "<script>alert(1)</script>"
HOSTILE_IMG = "<img src=x onerror=alert(1)>"


def template_form(*, slots=(WARD, OFFENCE), action="action-submit", **fields) -> dict:
    """The add form's POST data, as the browser sends it (unchecked DELETE boxes are absent)."""
    data = {
        "title": "An arrest in the ward",
        "key": "arrest-in-ward",
        "text": VALID_TEXT,
        "fixed_facts": "",
        "image": "",
        "image_kind": "none",
        "borough": "",
        "account": "@MPSLewisham",
        "tags": "arrest, lewisham",
        "difficulty": "2",
        "slots-TOTAL_FORMS": str(len(slots)),
        "slots-INITIAL_FORMS": "0",
        "slots-MIN_NUM_FORMS": "0",
        "slots-MAX_NUM_FORMS": "1000",
    }
    for index, (name, values) in enumerate(slots):
        data[f"slots-{index}-id"] = ""
        data[f"slots-{index}-name"] = name
        data[f"slots-{index}-values"] = values
        data[f"slots-{index}-ORDER"] = str(index + 1)
    if action:
        data[action] = action
    data.update(fields)
    return data


def error_block_id(field: str) -> str:
    """The id of the error block Wagtail renders above a field of the template form.

    ``field`` is "text", "fixed_facts", or "slots-<n>-name" / "slots-<n>-values"."""
    if field.startswith("slots-"):
        _, index, name = field.split("-", 2)
        return f"panel-child-slots-{index}-child-{name}-errors"
    return f"panel-child-{field}-errors"


def field_errors(page: str, field: str) -> str:
    """The text of the error block above one field, unescaped, whitespace collapsed."""
    block_id = error_block_id(field)
    match = re.search(
        rf'<div class="w-field__errors" data-field-errors id="{re.escape(block_id)}">(.*?)</div>',
        page,
        re.S,
    )
    assert match, f"no error block for {field!r} on the page"
    return " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", match.group(1))).split())


def all_field_errors(page: str) -> dict[str, str]:
    """Every non-empty field error block on the page, by block id."""
    found = {}
    for block_id, body in re.findall(
        r'<div class="w-field__errors" data-field-errors id="([^"]+)">(.*?)</div>', page, re.S
    ):
        text = " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", body)).split())
        if text:
            found[block_id] = text
    return found


@pytest.fixture
def spoc(signed_in):
    return signed_in("spoc")


def post_invalid(client, data, *, at_fault: str | None) -> str:
    """POST a template the form must refuse: 200, the form again with errors on the one field
    at fault (and no other field; none for a problem with the template as a whole), nothing
    saved."""
    before = ScenarioTemplate.objects.count()
    slots_before = TemplateSlot.objects.count()
    response = client.post(ADD_URL, data)
    assert response.status_code == 200, response.content[:3000]
    assert ScenarioTemplate.objects.count() == before
    assert TemplateSlot.objects.count() == slots_before
    assert not ScenarioTemplate.objects.filter(key=data["key"]).exists()
    page = response.content.decode()
    assert 'name="text"' in page  # the form is shown again
    assert "could not be created due to errors" in page
    expected = {error_block_id(at_fault)} if at_fault else set()
    assert set(all_field_errors(page)) == expected
    return page


# --------------------------------------------------------------------------- the add form


def test_the_add_form_has_the_slots_inline_formset(spoc):
    response = spoc.get(ADD_URL)
    assert response.status_code == 200
    page = response.content.decode()
    for name in (
        "title",
        "key",
        "text",
        "fixed_facts",
        "image_kind",
        "tags",
        "difficulty",
        "slots-TOTAL_FORMS",
        "slots-INITIAL_FORMS",
        "slots-MIN_NUM_FORMS",
        "slots-MAX_NUM_FORMS",
        "slots-__prefix__-name",
        "slots-__prefix__-values",
        "slots-__prefix__-ORDER",
        "slots-__prefix__-DELETE",
        "slots-__prefix__-id",
        "action-submit",
    ):
        assert f'name="{name}"' in page, name
    # A trainer submits for DMC sign-off; only DMC editors publish.
    assert 'name="action-publish"' not in page
    assert f'data-w-preview-url-value="{PREVIEW_URL}"' in page


def approve(template):
    """A DMC editor signs the template off, through the workflow."""
    editor = get_user_model().objects.get(username="editor")
    state = template.current_workflow_task_state
    assert state is not None, "the template was not submitted for sign-off"
    state.task.specific.on_action(state, editor, "approve")
    template.refresh_from_db()
    return template


def test_submitting_a_valid_template_for_sign_off(spoc):
    response = spoc.post(ADD_URL, template_form(fixed_facts="in_public_domain: false"))
    assert response.status_code == 302, all_field_errors(response.content.decode())
    template = ScenarioTemplate.objects.get(key="arrest-in-ward")
    assert not template.live
    template = approve(template)
    assert template.live
    assert not template.has_unpublished_changes
    assert template.live_revision is not None
    assert template.latest_revision.user.username == "spoc"
    assert template.text == VALID_TEXT
    assert template.difficulty == 2
    assert template.account == "@MPSLewisham"
    assert [(slot.name, slot.values) for slot in template.slots.all()] == [WARD, OFFENCE]
    assert sorted(tag.name for tag in template.tags.all()) == ["arrest", "lewisham"]

    spec = template.to_spec()
    assert validate_template(spec, published_rulebook()) == {}
    assert set(spec.slots) == {"ward", "offence"}
    assert dict(spec.fixed_facts) == {"in_public_domain": False}
    assert [dict(v.facts) for v in spec.slots["offence"]] == [
        {"topic": "burglary"},
        {"topic": "road-traffic-collision", "ksi": True},
    ]
    assert spec.tags == ("arrest", "lewisham")


def test_saving_a_draft_is_not_live(spoc):
    response = spoc.post(ADD_URL, template_form(action=None))
    assert response.status_code == 302
    template = ScenarioTemplate.objects.get(key="arrest-in-ward")
    assert not template.live


# --------------------------------------------------------------------------- errors on fields


def test_a_slot_the_text_uses_but_nobody_defined(spoc):
    text = "Officers in {ward} arrested a man after {offence} on {street}."
    page = post_invalid(spoc, template_form(text=text), at_fault="text")
    assert field_errors(page, "text") == (
        'The text uses the slot {street}, but there is no slot named "street": add it to the '
        "slots or fix the name in the text."
    )


def test_a_slot_defined_but_never_used(spoc):
    slots = (WARD, ("street", "the high street"), OFFENCE)
    page = post_invalid(spoc, template_form(slots=slots), at_fault="slots-1-values")
    assert field_errors(page, "slots-1-values") == (
        'The slot "street" is defined but the text never uses it: put {street} in the text or '
        "remove the slot."
    )


@pytest.mark.parametrize("values", ["", "\n   \n\t\n"], ids=["empty", "blank-lines"])
def test_a_slot_with_no_values(spoc, values):
    slots = (("ward", values), OFFENCE)
    page = post_invalid(spoc, template_form(slots=slots), at_fault="slots-0-values")
    errors = field_errors(page, "slots-0-values")
    assert "This field is required." in errors
    assert 'The slot "ward" has no values: give it at least one.' in errors


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "Officers arrested a man after {offence} in {ward",
            "The text has a { at character 44 that is never closed with } "
            '(near "... after {offence} in {ward"). Write {{ or }} for a literal brace.',
        ),
        (
            "Officers in ward} arrested a man after {offence}.",
            "The text has a } at character 17 with no { before it "
            '(near "Officers in ward} arrested a man afte..."). '
            "Write {{ or }} for a literal brace.",
        ),
        (
            "Officers in {} arrested a man after {offence}. {ward}",
            "The text has an empty pair of braces {}: put a slot name inside, such as {ward}, "
            "or write {{ and }} for literal braces.",
        ),
    ],
    ids=["unclosed", "unopened", "empty"],
)
def test_broken_braces_in_the_text(spoc, text, message):
    # Only the text is at fault: no slot is blamed for being unused.
    page = post_invalid(spoc, template_form(text=text), at_fault="text")
    assert field_errors(page, "text") == message


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("{ward!} after {offence}", "The braces in the text could not be read"),
        ("{0} {ward} after {offence}", '"{0}" is not a valid slot name'),
        ("{ward.x} after {offence}", '"{ward.x}" is not a valid slot name'),
        ("{ward:>3} after {offence}", 'The slot {ward} has formatting ":>3" after its name'),
        ("{ward!r} after {offence}", 'The slot {ward} has formatting "!r" after its name'),
        ("{ward}}{offence}", "The text has a } at character 7 with no { before it"),
    ],
)
def test_other_unreadable_slots_are_errors_on_the_text(spoc, text, fragment):
    page = post_invalid(spoc, template_form(text=text), at_fault="text")
    assert fragment in field_errors(page, "text")


def test_doubled_braces_are_literal_braces(spoc):
    text = "{{Appeal}} Officers in {ward} arrested a man after {offence}."
    assert spoc.post(ADD_URL, template_form(text=text)).status_code == 302
    template = approve(ScenarioTemplate.objects.get(key="arrest-in-ward"))
    assert validate_template(template.to_spec(), published_rulebook()) == {}
    assert bank_generate()["templates"] == 1
    assert BankQuestion.objects.count() == 4
    texts = BankQuestion.objects.values_list("text", flat=True)
    assert all(text.startswith("{Appeal} Officers in ") for text in texts)


def test_a_fixed_fact_the_rag_contract_rejects(spoc):
    data = template_form(slots=(WARD, ("offence", "a bike theft")), fixed_facts="topic: bike-theft")
    page = post_invalid(spoc, data, at_fault="fixed_facts")
    valid = ", ".join(sorted(published_rulebook().topics))
    assert "burglary, car-crime" in valid
    assert field_errors(page, "fixed_facts") == (
        f'Fixed fact "topic": unknown topic "bike-theft"; valid topics are: {valid}.'
    )


def test_a_slot_value_fact_the_rag_contract_rejects(spoc):
    data = template_form(
        slots=(WARD, ("offence", "x => ksi: maybe")), fixed_facts="topic: road-traffic-collision"
    )
    page = post_invalid(spoc, data, at_fault="slots-1-values")
    assert field_errors(page, "slots-1-values") == (
        'Value 1 of slot "offence" ("x") sets facts the rulebook rejects: "ksi" must be true or '
        'false (a JSON boolean, not a number or a string); got "maybe".'
    )
    # The template as a whole cannot produce a question: said above the form.
    assert "None of the 2 combinations of slot values gives facts the rulebook accepts" in (
        html_lib.unescape(page)
    )


def test_a_template_with_no_topic_anywhere(spoc):
    data = template_form(slots=(WARD, ("offence", "a burglary\na robbery")), fixed_facts="")
    page = post_invalid(spoc, data, at_fault="fixed_facts")
    valid = ", ".join(sorted(published_rulebook().topics))
    assert field_errors(page, "fixed_facts") == (
        'No topic is set: set "topic" in the fixed facts or in the facts of a slot\'s values. '
        f"Valid topics are: {valid}."
    )


def test_combinations_without_a_topic_are_reported_for_the_template(spoc):
    slots = (WARD, ("offence", "a burglary => topic: burglary\na robbery"))
    page = html_lib.unescape(post_invalid(spoc, template_form(slots=slots), at_fault=None))
    assert (
        'Some combinations set no topic (for example when {ward} is "Lewisham", {offence} is '
        '"a robbery"): set "topic" in the fixed facts, or in every value of one slot.'
    ) in page


def test_a_bad_slot_name(spoc):
    slots = (("Ward!", "Lewisham"), OFFENCE)
    page = post_invalid(spoc, template_form(slots=slots), at_fault="slots-0-name")
    assert field_errors(page, "slots-0-name") == (
        "Lower-case letters, digits and underscores, starting with a letter."
    )


def test_a_duplicate_slot_name(spoc):
    slots = (WARD, OFFENCE, ("ward", "Deptford"))
    page = post_invalid(spoc, template_form(slots=slots), at_fault="slots-2-name")
    assert field_errors(page, "slots-2-name") == "There is already a slot called “ward”."


def test_malformed_fixed_facts(spoc):
    page = post_invalid(spoc, template_form(fixed_facts="topic burglary"), at_fault="fixed_facts")
    assert field_errors(page, "fixed_facts") == (
        "“topic burglary” needs a colon: write it as name: value."
    )


def test_malformed_slot_value_facts_name_the_line(spoc):
    slots = (WARD, ("offence", "a burglary => topic: burglary\n\n=> topic: x"))
    page = post_invalid(spoc, template_form(slots=slots), at_fault="slots-1-values")
    assert field_errors(page, "slots-1-values") == "Line 3: the value has no words before “=>”."


def edit_form(template, *, delete=(), extra=(), **fields) -> dict:
    """The edit form's POST data for a saved template: its slots, some marked deleted."""
    slots = list(template.slots.all())
    data = template_form(slots=[(s.name, s.values) for s in slots] + list(extra), **fields)
    data["slots-INITIAL_FORMS"] = str(len(slots))
    for index, slot in enumerate(slots):
        data[f"slots-{index}-id"] = str(slot.pk)
        if slot.name in delete:
            data[f"slots-{index}-DELETE"] = "on"
    return data


def test_editing_a_template_deletes_and_adds_slots(spoc):
    assert spoc.post(ADD_URL, template_form()).status_code == 302
    template = approve(ScenarioTemplate.objects.get(key="arrest-in-ward"))
    url = f"{SNIPPETS}edit/{template.pk}/"

    # Deleting a slot the text still uses is an error on the text; nothing changes.
    response = spoc.post(url, edit_form(template, delete=["ward"]))
    assert response.status_code == 200
    page = response.content.decode()
    assert set(all_field_errors(page)) == {error_block_id("text")}
    assert 'no slot named "ward"' in field_errors(page, "text")
    assert TemplateSlot.objects.filter(template=template).count() == 2

    # Replacing it with a new slot the text uses can be submitted, and once approved is live.
    text = "Officers in {borough} arrested a man after {offence}."
    data = edit_form(template, delete=["ward"], extra=[("borough", "Lewisham")], text=text)
    response = spoc.post(url, data)
    assert response.status_code == 302, all_field_errors(response.content.decode())
    template = approve(template)
    assert template.text == text and template.live and not template.has_unpublished_changes
    # The form posts no order for the slots, so they may share one: compare as a set.
    assert {slot.name for slot in template.slots.all()} == {"offence", "borough"}
    assert validate_template(template.to_spec(), published_rulebook()) == {}


# --------------------------------------------------------------------------- who may author


def test_an_officer_cannot_open_the_add_view(signed_in):
    officer = signed_in("officer")
    for response in (officer.get(ADD_URL), officer.post(ADD_URL, template_form())):
        assert response.status_code == 403
        assert "403_admin.html" in [t.name for t in response.templates]
    assert not ScenarioTemplate.objects.exists()


# --------------------------------------------------------------------------- preview


def preview_page(client, data, url=PREVIEW_URL) -> str:
    """Wagtail's preview: POST the form data (stored), then GET the rendered preview."""
    response = client.post(url, data)
    assert response.status_code == 200
    assert response.json() == {"is_valid": True, "is_available": True}
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_preview_lists_the_questions_with_their_ratings(spoc):
    page = preview_page(spoc, template_form())
    assert "An arrest in the ward" in page
    assert "4 questions; the first 4 are shown." in page
    items = re.findall(r'<li class="verdict verdict-([A-Z]+)">(.*?)</li>', page, re.S)
    assert len(items) == 4
    by_text = {}
    for rating, body in items:
        text = html_lib.unescape(re.search(r'class="draft-preview">(.*?)</p>', body).group(1))
        badge = re.search(r'rag-badge-([a-z]+)">([A-Za-z]+)</span>', body)
        assert badge.groups() == (rating.lower(), rating.title())
        by_text[text] = rating
    assert by_text == {
        "Officers in Lewisham arrested a man after a burglary on the high street.": "GREEN",
        "Officers in Catford arrested a man after a burglary on the high street.": "GREEN",
        "Officers in Lewisham arrested a man after a crash that left a cyclist seriously "
        "injured.": "RED",
        "Officers in Catford arrested a man after a crash that left a cyclist seriously "
        "injured.": "RED",
    }
    assert not ScenarioTemplate.objects.exists()  # previewing saves nothing


def test_the_preview_of_a_saved_template_uses_the_edited_form(spoc):
    assert spoc.post(ADD_URL, template_form()).status_code == 302
    template = ScenarioTemplate.objects.get(key="arrest-in-ward")
    edit = spoc.get(f"{SNIPPETS}edit/{template.pk}/").content.decode()
    url = re.search(r'data-w-preview-url-value="([^"]+)"', edit).group(1)
    assert url == f"{SNIPPETS}preview/{template.pk}/"
    page = preview_page(spoc, template_form(slots=(("ward", "Deptford"), OFFENCE)), url=url)
    assert "2 questions; the first 2 are shown." in page
    assert "Officers in Deptford arrested" in page
    assert "Officers in Lewisham" not in page


def serve_preview(rf, template) -> str:
    request = rf.get("/")
    request.user = get_user_model().objects.get(username="spoc")
    response = template.serve_preview(request, template.default_preview_mode)
    assert response.status_code == 200
    return response.render().content.decode()


def unsaved_template(*, slots=(WARD, OFFENCE), **fields) -> ScenarioTemplate:
    # No fixed facts unless given: the slot values carry the topic, or say it is missing.
    defaults = {"key": "unsaved", "title": "Unsaved", "text": VALID_TEXT, "fixed_facts": ""}
    return ScenarioTemplateFactory.build(slots=slots, **{**defaults, **fields})


def test_serve_preview_renders_the_questions_with_ratings(rf, demo_users):
    page = serve_preview(rf, unsaved_template())
    assert "<h1>Unsaved</h1>" in page
    assert "4 questions; the first 4 are shown." in page
    assert page.count('<li class="verdict verdict-GREEN">') == 2
    assert page.count('<li class="verdict verdict-RED">') == 2
    assert page.count('<span class="rag-badge rag-badge-green">Green</span>') == 2
    assert page.count('<span class="rag-badge rag-badge-red">Red</span>') == 2


def test_serve_preview_of_a_template_that_cannot_generate_says_why(rf, demo_users):
    page = html_lib.unescape(serve_preview(rf, unsaved_template(slots=(WARD, ("offence", "x")))))
    assert "This template cannot generate questions yet" in page
    assert 'fixed_facts: No topic is set: set "topic" in the fixed facts' in page
    assert 'class="verdict' not in page


# --------------------------------------------------------------------------- hostile text


HOSTILE = {
    "title": "Hostile",
    "key": "hostile",
    "text": f"{HOSTILE_SCRIPT} {{ward}}",
    "fixed_facts": "topic: burglary",
    "slots": (("ward", f"Lewisham\n{HOSTILE_IMG}"),),
}


def assert_escaped(page: str) -> None:
    assert HOSTILE_SCRIPT not in page
    assert HOSTILE_IMG not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


def test_hostile_text_is_escaped_in_the_preview(spoc):
    page = preview_page(spoc, template_form(**HOSTILE))
    questions = re.findall(r'class="draft-preview">(.*?)</p>', page, re.S)
    assert len(questions) == 2
    assert_escaped(page)


def test_hostile_text_is_escaped_in_the_bank_listing_and_plain_in_the_command(
    spoc, run_queued_jobs
):
    response = spoc.post(ADD_URL, template_form(**HOSTILE))
    assert response.status_code == 302, all_field_errors(response.content.decode())
    assert not BankQuestion.objects.exists()  # nothing reaches the bank before sign-off
    approve(ScenarioTemplate.objects.get(key=HOSTILE["key"]))
    run_queued_jobs()
    assert BankQuestion.objects.count() == 2  # approval fed the bank
    assert bank_generate() == {"templates": 1, "created": 0}
    assert set(BankQuestion.objects.values_list("text", flat=True)) == {
        f"{HOSTILE_SCRIPT} Lewisham",
        f"{HOSTILE_SCRIPT} {HOSTILE_IMG}",
    }

    listing = spoc.get(BANK_LIST_URL)
    assert listing.status_code == 200
    assert_escaped(listing.content.decode())
    hostile = BankQuestion.objects.get(text__contains="<img")
    inspect = spoc.get(f"{BANK_LIST_URL}inspect/{hostile.pk}/")
    assert inspect.status_code == 200
    page = inspect.content.decode()
    assert HOSTILE_SCRIPT not in page and HOSTILE_IMG not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page

    out = StringIO()
    call_command("generate_scenarios", "--count", "5", "--seed", "1", stdout=out)
    text = out.getvalue()
    assert f"{HOSTILE_SCRIPT} Lewisham" in text
    assert f"{HOSTILE_SCRIPT} {HOSTILE_IMG}" in text
    assert "&lt;" not in text and "&gt;" not in text and "&amp;" not in text

    out = StringIO()
    call_command("generate_scenarios", "--count", "5", "--seed", "1", "--json", stdout=out)
    questions = json.loads(out.getvalue())
    assert {q["text"] for q in questions} == {
        f"{HOSTILE_SCRIPT} Lewisham",
        f"{HOSTILE_SCRIPT} {HOSTILE_IMG}",
    }
    assert "&lt;" not in out.getvalue()


# --------------------------------------------------------------------------- the starter library


def test_load_starter_library_is_idempotent_and_keeps_trainer_edits(demo_users):
    first = load_starter_library()
    expected = len(read_library(STARTER_LIBRARY))
    assert first == {"created": expected, "kept": 0}
    assert first["created"] >= 40
    templates = ScenarioTemplate.objects.all()
    assert templates.count() == expected
    assert all(t.live and t.live_revision_id for t in templates)
    assert all(t.owner is None for t in templates)  # the force's own (DMC's)
    rulebook = published_rulebook()
    for template in templates.prefetch_related("slots", "tags"):
        assert validate_template(template.to_spec(), rulebook) == {}, template.key

    assert load_starter_library() == {"created": 0, "kept": expected}
    assert ScenarioTemplate.objects.count() == expected

    # A trainer edits one template; another is deleted.
    spoc_user = get_user_model().objects.get(username="spoc")
    edited, removed = ScenarioTemplate.objects.order_by("key")[:2]
    edited.title = "Edited by a trainer"
    edited.save_revision(user=spoc_user).publish()
    removed_key = removed.key
    removed.delete()

    assert load_starter_library() == {"created": 1, "kept": expected - 1}
    edited.refresh_from_db()
    assert edited.title == "Edited by a trainer"
    assert edited.live and edited.latest_revision.user == spoc_user
    assert ScenarioTemplate.objects.filter(key=removed_key, live=True).exists()
    assert ScenarioTemplate.objects.count() == expected
