"""The scenario generator: template validation, expansion, questions, near misses, pools.

Pure Python: no database, no Django. Run with
``.venv/bin/python -m pytest -p no:django tests/scenarios/test_generator*.py``.
"""

from __future__ import annotations

import dataclasses
import json
import random
import re

import pytest

import scenarios.generator
from scenarios.generator import (
    NEAR_MISS_KINDS,
    Question,
    SlotValue,
    TemplateError,
    TemplateSpec,
    build_question,
    coverage_of,
    expand,
    find_near_miss_pairs,
    full_coverage_size,
    generate,
    near_miss_keys,
    select_pool,
    validate_template,
)
from scenarios.rules.engine import evaluate
from scenarios.rules.initial import initial_rulebook
from scenarios.rules.types import (
    ACTIONS,
    AMBER,
    FACT_FIELDS,
    GREEN,
    RATINGS,
    RED,
    V2_FACT_FIELDS,
)


def v(text: str, **facts) -> SlotValue:
    return SlotValue(text, facts)


WARDS = ("Camden Town", "Brixton Hill", "Peckham Rye")

# A small, realistic set of templates: green, amber and red topics, a KSI collision, court
# results 7 and 8 days after sentencing, amber in and out of the public domain, a suspect
# image with and without authorised release, and contract v2's traps: a wanted appeal left up
# after the arrest, a named caution, an unproven allegation, a suspect's ethnicity and a
# missing person's custody photo.
TEMPLATES = (
    TemplateSpec(
        key="arrest",
        title="Arrest for a local crime",
        text="Officers in {ward} arrested a {age}-year-old man after {offence}. Thanks to "
        "everyone who called us.",
        slots={
            "ward": WARDS,
            "age": ("19", "34"),
            "offence": (
                v("a burglary on Rye Lane", topic="burglary"),
                v("a car was broken into outside the station", topic="car-crime"),
                v("graffiti was sprayed on the bus shelter", topic="criminal-damage"),
            ),
        },
        fixed_facts={},
        account="@MPSCamden",
        tags=("arrest", "green"),
    ),
    TemplateSpec(
        key="collision",
        title="Road traffic collision",
        text="A car and a cyclist collided on {road} this morning; {injury}. The road is open.",
        slots={
            "road": ("Camden Road", "Coldharbour Lane"),
            "injury": (
                v("the cyclist was treated for minor cuts", ksi=False),
                v("the cyclist was seriously injured", ksi=True),
            ),
        },
        fixed_facts={"topic": "road-traffic-collision", "in_public_domain": True},
        tags=("ksi",),
        difficulty=2,
    ),
    TemplateSpec(
        key="court",
        title="Court result",
        text="{name} was jailed for six years at {court} Crown Court {when} for a string of "
        "burglaries.",
        slots={
            "name": ("Daniel Price", "Aisha Khan"),
            "court": ("Snaresbrook", "Southwark"),
            "when": (
                v("today", days_since_sentencing=0),
                v("a week ago today", days_since_sentencing=7),
                v("eight days ago", days_since_sentencing=8),
            ),
        },
        fixed_facts={"topic": "court-result", "in_public_domain": True},
        tags=("court",),
        difficulty=3,
    ),
    TemplateSpec(
        key="missing",
        title="Missing person",
        text="Have you seen {name}? She was last seen in {place} on Friday. {publicity}",
        slots={
            "name": ("Maya, 15,", "Grace, 82,"),
            "place": ("Peckham Rye", "Camden Market"),
            "publicity": (
                v("Her family appealed for help on BBC London last night.", in_public_domain=True),
                v("Nothing has been released to the media yet.", in_public_domain=False),
            ),
        },
        fixed_facts={"topic": "missing-person"},
        tags=("public-domain",),
        difficulty=2,
    ),
    TemplateSpec(
        key="wanted",
        title="Wanted suspect",
        text="Do you recognise this man? We want to speak to him about {offence} in {area}. "
        "{authorisation}",
        slots={
            "offence": ("a robbery", "an assault"),
            "area": ("Brixton", "Camden"),
            "authorisation": (
                v("The SIO has authorised release of this image.", image_release_authorised=True),
                v(
                    "The image is a CCTV still nobody has signed off.",
                    image_release_authorised=False,
                ),
            ),
        },
        fixed_facts={"topic": "wanted-suspect", "in_public_domain": True},
        image_kind="suspect",
        tags=("image",),
        difficulty=3,
    ),
    TemplateSpec(
        key="internal",
        title="Internal news",
        text="Update for {ward}: {subject}.",
        slots={
            "ward": WARDS,
            "subject": (
                v("the borough's overtime budget is being cut by 10%", topic="budget-financial"),
                v("two officers have been suspended", topic="staff-disciplinary"),
                v(
                    "the national threat level has been raised to severe",
                    topic="terror-threat-level",
                ),
            ),
        },
        fixed_facts={"in_public_domain": True},
        tags=("red",),
    ),
    TemplateSpec(
        key="meeting",
        title="Ward panel meeting",
        text="Join your {ward} ward panel at {venue} on {day} at 7pm to tell us your priorities.",
        slots={
            "ward": WARDS,
            "venue": ("the library", "St Giles church hall"),
            "day": ("Monday", "Thursday"),
        },
        fixed_facts={"topic": "community-meeting"},
        image_kind="general",
    ),
    TemplateSpec(
        key="retweet",
        title="Retweet",
        text="RT {source}: {message}",
        slots={
            "source": (
                v("@metpoliceuk", source="metpoliceuk"),
                v("@SouthwarkCouncil", source="local-council"),
                v("@LondonGossipNews", source="londongossipnews"),
            ),
            "message": ("Lock your bikes, thefts are up this month.", "Free bike marking Sat."),
        },
        fixed_facts={"topic": "retweet"},
    ),
    TemplateSpec(
        key="charge",
        title="Charge details",
        text="{name}, {age}, of {area}, has been {status} burglary.",
        slots={
            "name": ("Tom Reid", "Leah Grant"),
            "age": ("22", "41"),
            "area": ("Brixton",),
            "status": (
                v("charged with"),
                v("arrested on suspicion of", names_suspect_before_charge=True),
            ),
        },
        fixed_facts={"topic": "charge-details", "in_public_domain": True},
    ),
    TemplateSpec(
        key="wanted-update",
        title="Wanted appeal, before and after the arrest",
        text="WANTED: this man, for {offence}. [Custody image: release authorised] {status}",
        slots={
            "offence": ("failing to appear at court", "a robbery on Rye Lane"),
            "status": (
                v("He is still wanted: call 101."),
                v("UPDATE: arrested yesterday, thanks for sharing.", wanted_person_arrested=True),
            ),
        },
        fixed_facts={
            "topic": "wanted-suspect",
            "in_public_domain": True,
            "image": "custody",
            "image_release_authorised": True,
        },
    ),
    TemplateSpec(
        key="cautioned",
        title="Criminal damage: cautioned",
        text="{who} was given a caution for damaging the bus shelter on {road}.",
        slots={
            "who": (
                v("Dave Green, 34, of Camden Road,", names_cautioned_person=True),
                v("A 34-year-old local man"),
            ),
            "road": ("Camden Road", "Coldharbour Lane"),
        },
        fixed_facts={"topic": "criminal-damage"},
    ),
    TemplateSpec(
        key="allegation",
        title="Second-hand phones",
        text="Buying a second-hand phone in {ward}? {claim}",
        slots={
            "ward": WARDS,
            "claim": (
                v("The phone shop by the station sells stolen phones.", unproven_allegation=True),
                v("Check it hasn't been reported stolen before you pay."),
            ),
        },
        fixed_facts={"topic": "crime-prevention"},
    ),
    TemplateSpec(
        key="description",
        title="Arrest with a description",
        text="Officers arrested {who} after a burglary in {ward}.",
        slots={
            "who": (
                v("a 27-year-old man"),
                v("a 27-year-old white man", gives_ethnicity_or_nationality=True),
            ),
            "ward": WARDS,
        },
        fixed_facts={"topic": "burglary"},
    ),
    TemplateSpec(
        key="missing-photo",
        title="Missing person's photo",
        text="MISSING: {name}, last seen in {place}. {photo}",
        slots={
            "name": ("Ryan, 23,", "Grace, 82,"),
            "place": ("Peckham Rye", "Camden Market"),
            "photo": (
                v("Family photo attached.", image="general"),
                v("Custody photo attached.", image="custody"),
            ),
        },
        fixed_facts={"topic": "missing-person", "in_public_domain": True},
    ),
)
BY_KEY = {spec.key: spec for spec in TEMPLATES}


@pytest.fixture(scope="module")
def rulebook():
    return initial_rulebook()


@pytest.fixture(scope="module")
def bank(rulebook):
    return generate(TEMPLATES, rulebook, per_template_limit=500, rng=random.Random(1))


def spec_with(base: str = "arrest", **changes) -> TemplateSpec:
    return dataclasses.replace(BY_KEY[base], **changes)


# --------------------------------------------------------------------------- validation


def test_every_realistic_template_is_valid(rulebook):
    for spec in TEMPLATES:
        assert validate_template(spec, rulebook) == {}, spec.key


def test_unclosed_brace_is_reported_on_the_text(rulebook):
    errors = validate_template(
        spec_with(text="Officers in {ward arrested {offence} {age}"), rulebook
    )
    assert list(errors) == ["text"]
    assert "never closed" in errors["text"][0] or "inside another slot" in errors["text"][0]


def test_brace_left_open_at_the_end_is_reported(rulebook):
    errors = validate_template(spec_with(text="{ward} {age} {offence} {"), rulebook)
    assert "never closed" in errors["text"][0]
    assert "{{" in errors["text"][0]  # tells the trainer how to write a literal brace


def test_unmatched_closing_brace_is_reported(rulebook):
    errors = validate_template(spec_with(text="{ward} {age}} {offence}"), rulebook)
    assert list(errors) == ["text"]
    assert "} at character" in errors["text"][0]
    assert "no {" in errors["text"][0]


def test_empty_braces_are_reported(rulebook):
    errors = validate_template(spec_with(text="{ward} {age} {offence} {}"), rulebook)
    assert list(errors) == ["text"]
    assert "empty pair of braces" in errors["text"][0]


@pytest.mark.parametrize("bad", ["Ward", "ward.name", "0", "ward[0]", "new ward", "élan"])
def test_bad_slot_name_in_text_is_named(rulebook, bad):
    errors = validate_template(spec_with(text=f"{{ward}} {{age}} {{offence}} {{{bad}}}"), rulebook)
    assert list(errors) == ["text"]
    assert f"{{{bad}}}" in errors["text"][0]
    assert "not a valid slot name" in errors["text"][0]


def test_formatting_after_a_slot_name_is_rejected(rulebook):
    errors = validate_template(spec_with(text="{ward} {age:03d} {offence}"), rulebook)
    assert list(errors) == ["text"]
    assert "{age}" in errors["text"][0]


def test_slot_used_but_not_defined_is_named(rulebook):
    errors = validate_template(spec_with(text="{ward} {age} {offence} on {street}"), rulebook)
    assert list(errors) == ["text"]
    assert "{street}" in errors["text"][0]
    assert 'no slot named "street"' in errors["text"][0]


def test_slot_defined_but_unused_is_named(rulebook):
    spec = spec_with(slots={**BY_KEY["arrest"].slots, "street": ("Rye Lane",)})
    errors = validate_template(spec, rulebook)
    assert list(errors) == ["slots.street"]
    assert '"street"' in errors["slots.street"][0]
    assert "never uses it" in errors["slots.street"][0]


def test_bad_slot_name_in_slots_is_named(rulebook):
    spec = spec_with(slots={**BY_KEY["arrest"].slots, "Street": ("Rye Lane",)})
    errors = validate_template(spec, rulebook)
    assert '"Street" is not a valid slot name' in errors["slots.Street"][0]


def test_slot_without_values_is_reported(rulebook):
    spec = spec_with(slots={**BY_KEY["arrest"].slots, "age": ()})
    errors = validate_template(spec, rulebook)
    assert list(errors) == ["slots.age"]
    assert 'slot "age" has no values' in errors["slots.age"][0]


@pytest.mark.parametrize("blank", ["", "   ", "\n"])
def test_blank_slot_value_is_reported(rulebook, blank):
    spec = spec_with(slots={**BY_KEY["arrest"].slots, "age": ("19", blank)})
    errors = validate_template(spec, rulebook)
    assert list(errors) == ["slots.age"]
    assert 'Value 2 of slot "age" is blank' in errors["slots.age"][0]


def test_slot_value_with_a_bad_fact_names_the_value_and_field(rulebook):
    slots = dict(BY_KEY["collision"].slots)
    slots["injury"] = (v("minor cuts", ksi=False), v("seriously injured", ksi="yes"))
    errors = validate_template(spec_with("collision", slots=slots), rulebook)
    assert list(errors) == ["slots.injury"]
    (message,) = errors["slots.injury"]
    assert 'Value 2 of slot "injury" ("seriously injured")' in message
    assert '"ksi"' in message and "true or false" in message


def test_unknown_topic_in_a_slot_value_lists_the_valid_topics(rulebook):
    slots = dict(BY_KEY["arrest"].slots)
    slots["offence"] = (v("a burglary", topic="burglry"), v("graffiti", topic="criminal-damage"))
    errors = validate_template(spec_with(slots=slots), rulebook)
    assert list(errors) == ["slots.offence"]
    (message,) = errors["slots.offence"]
    assert '"topic"' in message and '"burglry"' in message
    assert "burglary" in message and "road-traffic-collision" in message


def test_unknown_fixed_fact_lists_the_valid_fields(rulebook):
    spec = spec_with("collision", fixed_facts={"topic": "road-traffic-collision", "victim_age": 9})
    errors = validate_template(spec, rulebook)
    assert set(errors) >= {"fixed_facts"}
    message = errors["fixed_facts"][0]
    assert '"victim_age"' in message
    assert all(name in message for name in FACT_FIELDS)


def test_bad_fixed_fact_value_is_reported_once(rulebook):
    spec = spec_with("collision", fixed_facts={"topic": "road-traffic-collision", "breaking": 1})
    errors = validate_template(spec, rulebook)
    assert errors["fixed_facts"][0].startswith('Fixed fact "breaking"')
    assert "true or false" in errors["fixed_facts"][0]
    assert "slots.injury" not in errors  # the slot values are fine: not blamed for it
    # ... and since every combination carries it, nothing valid can come out.
    assert "cannot produce any question" in errors["slots"][0]


def test_no_topic_anywhere_is_reported(rulebook):
    errors = validate_template(spec_with("collision", fixed_facts={"ksi": False}), rulebook)
    assert list(errors) == ["fixed_facts"]
    assert 'No topic is set: set "topic"' in errors["fixed_facts"][0]
    assert "burglary" in errors["fixed_facts"][0]


def test_combinations_without_a_topic_are_reported(rulebook):
    slots = dict(BY_KEY["arrest"].slots)
    slots["offence"] = (v("a burglary", topic="burglary"), v("a disturbance"))
    errors = validate_template(spec_with(slots=slots), rulebook)
    assert list(errors) == ["slots"]
    assert "set no topic" in errors["slots"][0]
    assert '{offence} is "a disturbance"' in errors["slots"][0]


def test_template_whose_every_combination_is_invalid(rulebook):
    slots = dict(BY_KEY["collision"].slots)
    slots["injury"] = (v("minor cuts", ksi=0), v("seriously injured", ksi=1))
    errors = validate_template(spec_with("collision", slots=slots), rulebook)
    assert len(errors["slots.injury"]) == 2
    assert "None of the 4 combinations" in errors["slots"][0]


def test_bad_image_kind_is_reported(rulebook):
    errors = validate_template(spec_with("meeting", image_kind="selfie"), rulebook)
    assert list(errors) == ["image_kind"]
    assert '"selfie"' in errors["image_kind"][0] and '"suspect"' in errors["image_kind"][0]


def test_empty_text_is_reported(rulebook):
    spec = TemplateSpec(key="e", title="e", text="  ", fixed_facts={"topic": "burglary"})
    assert "text" in validate_template(spec, rulebook)


def test_literal_braces_render_as_braces(rulebook):
    spec = TemplateSpec(
        key="hashtag",
        title="Hashtag",
        text="Use {{{tag}}} and {{not a slot}}",
        slots={"tag": ("#SaferCamden",)},
        fixed_facts={"topic": "crime-prevention"},
    )
    assert validate_template(spec, rulebook) == {}
    (scenario,) = expand(spec, rulebook, rng=0)
    assert scenario.text == "Use {#SaferCamden} and {not a slot}"


def test_slot_values_with_braces_are_not_reinterpreted(rulebook):
    spec = TemplateSpec(
        key="braces",
        title="Braces",
        text="Note: {note}",
        slots={"note": ("{ward} {0} }{",)},
        fixed_facts={"topic": "local-good-news"},
    )
    assert expand(spec, rulebook, rng=0)[0].text == "Note: {ward} {0} }{"


def test_expand_refuses_text_it_cannot_render(rulebook):
    with pytest.raises(TemplateError) as raised:
        expand(spec_with(text="{ward} {age} {offence} {street}"), rulebook, rng=0)
    assert "street" in str(raised.value)
    assert "text" in raised.value.errors


# --------------------------------------------------------------------------- expansion


def test_every_combination_in_a_stable_order(rulebook):
    scenarios = expand(BY_KEY["arrest"], rulebook, rng=random.Random(5))
    assert len(scenarios) == 3 * 2 * 3
    choices = [tuple(index for _, index in s.slot_choices) for s in scenarios]
    assert choices == sorted(choices)  # itertools.product order: the last slot varies fastest
    assert len(set(choices)) == len(choices)
    first = scenarios[0]
    assert first.text == (
        "Officers in Camden Town arrested a 19-year-old man after a burglary on Rye Lane. "
        "Thanks to everyone who called us."
    )
    assert first.slot_choices == (("ward", 0), ("age", 0), ("offence", 0))
    assert first.facts.topic == "burglary"
    assert {s.facts.topic for s in scenarios} == {"burglary", "car-crime", "criminal-damage"}


def big_spec(slots: int, values: int) -> TemplateSpec:
    names = [f"s{i}" for i in range(slots)]
    return TemplateSpec(
        key=f"big-{slots}-{values}",
        title="Big",
        text=" ".join(f"{{{name}}}" for name in names),
        slots={name: tuple(f"{name}v{j}" for j in range(values)) for name in names},
        fixed_facts={"topic": "local-good-news"},
    )


def test_a_sample_when_there_are_too_many_combinations(rulebook):
    spec = big_spec(6, 10)  # a million combinations
    scenarios = expand(spec, rulebook, limit=50, rng=random.Random(3))
    assert len(scenarios) == 50
    assert len({s.text for s in scenarios}) == 50
    assert len({s.slot_choices for s in scenarios}) == 50


def test_a_sample_from_an_astronomical_product_is_quick(rulebook):
    spec = big_spec(40, 10)  # 10**40 combinations: never materialised
    scenarios = expand(spec, rulebook, limit=25, rng=random.Random(3))
    assert len({s.text for s in scenarios}) == 25


def test_sampling_is_deterministic_for_a_seed(rulebook):
    spec = big_spec(4, 10)
    first = [s.text for s in expand(spec, rulebook, limit=30, rng=random.Random(11))]
    again = [s.text for s in expand(spec, rulebook, limit=30, rng=random.Random(11))]
    seeded = [s.text for s in expand(spec, rulebook, limit=30, rng=11)]
    other = [s.text for s in expand(spec, rulebook, limit=30, rng=random.Random(12))]
    assert first == again == seeded
    assert first != other


def test_the_global_random_state_is_never_used(rulebook):
    state = random.getstate()
    expand(big_spec(4, 10), rulebook, limit=30, rng=random.Random(1))
    generate(TEMPLATES, rulebook, per_template_limit=5, rng=7)
    assert random.getstate() == state


def test_full_expansions_do_not_depend_on_the_seed(rulebook):
    one = [q.key for q in generate(TEMPLATES, rulebook, per_template_limit=500, rng=1)]
    two = [q.key for q in generate(TEMPLATES, rulebook, per_template_limit=500, rng=2)]
    assert one == two


def test_generate_samples_per_template_deterministically(rulebook):
    one = generate(TEMPLATES, rulebook, per_template_limit=4, rng=random.Random(9))
    two = generate(TEMPLATES, rulebook, per_template_limit=4, rng=random.Random(9))
    other = generate(TEMPLATES, rulebook, per_template_limit=4, rng=random.Random(10))
    assert [q.key for q in one] == [q.key for q in two]
    assert [q.key for q in one] != [q.key for q in other]
    counts = {}
    for question in one:
        counts[question.template_key] = counts.get(question.template_key, 0) + 1
    assert max(counts.values()) <= 4


def test_combinations_with_facts_the_contract_rejects_are_skipped(rulebook):
    slots = dict(BY_KEY["collision"].slots)
    slots["injury"] = (v("minor cuts", ksi=False), v("seriously injured", ksi="yes"))
    scenarios = expand(spec_with("collision", slots=slots), rulebook, rng=0)
    assert len(scenarios) == 2
    assert all(not s.facts.ksi for s in scenarios)


def test_later_slots_override_fixed_facts_and_earlier_slots(rulebook):
    spec = TemplateSpec(
        key="override",
        title="Override",
        text="{first} {second}",
        slots={
            "first": (v("one", topic="burglary", in_public_domain=False),),
            "second": (v("two", topic="missing-person"),),
        },
        fixed_facts={"topic": "assault", "in_public_domain": True},
    )
    (scenario,) = expand(spec, rulebook, rng=0)
    assert scenario.facts.topic == "missing-person"
    assert scenario.facts.in_public_domain is False
    assert scenario.verdict.rating == RED


def test_image_kind_sets_the_image_fact_unless_the_facts_do(rulebook):
    wanted = expand(BY_KEY["wanted"], rulebook, rng=0)
    assert {s.facts.image for s in wanted} == {"suspect"}
    meeting = expand(BY_KEY["meeting"], rulebook, rng=0)
    assert {s.facts.image for s in meeting} == {"general"}
    assert {s.facts.image for s in expand(BY_KEY["arrest"], rulebook, rng=0)} == {"none"}
    spec = spec_with("wanted", fixed_facts={**BY_KEY["wanted"].fixed_facts, "image": "general"})
    assert {s.facts.image for s in expand(spec, rulebook, rng=0)} == {"general"}


def test_duplicate_posts_are_removed(rulebook):
    spec = spec_with(slots={**BY_KEY["arrest"].slots, "ward": ("Camden Town", "Camden Town")})
    scenarios = expand(spec, rulebook, rng=0)
    assert len(scenarios) == 2 * 3
    pairs = [(s.text, s.facts) for s in scenarios]
    assert len(set(pairs)) == len(pairs)


def test_same_text_with_different_facts_is_kept(rulebook):
    spec = TemplateSpec(
        key="same-text",
        title="Same text",
        text="Officers are at {place}.",
        slots={"place": (v("the scene", topic="burglary"), v("the scene", topic="asbo"))},
    )
    assert len(expand(spec, rulebook, rng=0)) == 2


def test_generate_removes_duplicates_across_templates(rulebook, bank):
    twice = generate(TEMPLATES + TEMPLATES, rulebook, per_template_limit=500, rng=1)
    assert [q.key for q in twice] == [q.key for q in bank]
    assert len({q.key for q in bank}) == len(bank)


def test_hostile_text_passes_through_unchanged(rulebook):
    hostile = "<script>alert(1)</script>"
    spec = TemplateSpec(
        key="hostile",
        title=hostile,
        text=hostile + ' {name} <img src=x onerror="alert(2)"> & \u202e \x00',
        slots={"name": (hostile, 'O\'Brien "Bob"')},
        fixed_facts={"topic": "local-good-news"},
        account=hostile,
    )
    assert validate_template(spec, rulebook) == {}
    questions = generate([spec], rulebook, rng=0)
    assert questions[0].text == (
        hostile + " " + hostile + ' <img src=x onerror="alert(2)"> & \u202e \x00'
    )
    assert questions[1].text.startswith(hostile + ' O\'Brien "Bob"')
    assert json.loads(json.dumps(questions[0].as_dict()))["text"] == questions[0].text


# --------------------------------------------------------------------------- questions


def test_every_question_is_graded_by_the_engine(rulebook, bank):
    for question in bank:
        verdict = evaluate(question.facts, rulebook)
        assert question.rating == verdict.rating
        assert question.reasons == verdict.reasons
        assert question.contact == verdict.contact
        assert question.correct_answer == ACTIONS[question.rating]
        assert question.answers == tuple((rating, ACTIONS[rating]) for rating in RATINGS)
        assert question.topic == question.facts.topic
        assert question.rulebook_version == rulebook.version


def test_the_bank_reaches_every_rating(bank):
    assert {q.rating for q in bank} == set(RATINGS)


def test_known_verdicts_of_the_bank(bank):
    def rating(template: str, text_part: str) -> set[str]:
        return {q.rating for q in bank if q.template_key == template and text_part in q.text}

    assert rating("collision", "minor cuts") == {GREEN}
    assert rating("collision", "seriously injured") == {AMBER}
    assert rating("court", "a week ago today") == {AMBER}
    assert rating("court", "eight days ago") == {RED}
    assert rating("missing", "BBC London") == {AMBER}
    assert rating("missing", "Nothing has been released") == {RED}
    assert rating("wanted", "authorised release") == {AMBER}
    assert rating("wanted", "nobody has signed off") == {RED}
    assert rating("retweet", "@metpoliceuk") == {GREEN}
    assert rating("retweet", "@LondonGossipNews") == {AMBER}
    assert rating("charge", "arrested on suspicion") == {RED}
    assert rating("internal", "") == {RED}
    assert rating("meeting", "") == {GREEN}


def test_explanation_comes_from_the_reasons(bank):
    for question in bank:
        assert question.explanation.startswith(question.correct_answer)
        for reason in question.reasons:
            assert reason.summary.strip() in question.explanation
    court = next(q for q in bank if "eight days ago" in q.text)
    assert court.explanation.startswith("Do not post, contact DMC. ")
    assert "court-sentencing-window" in court.rules


def test_question_keys_are_stable_hashes(rulebook, bank):
    assert all(re.fullmatch(r"[0-9a-f]{16}", q.key) for q in bank)
    again = generate(TEMPLATES, rulebook, per_template_limit=500, rng=99)
    assert [q.key for q in again] == [q.key for q in bank]
    spec = BY_KEY["collision"]
    scenario = expand(spec, rulebook, rng=0)[1]
    question = build_question(scenario, spec)
    assert question == next(q for q in bank if q.key == question.key)


def test_the_key_depends_on_template_text_and_facts(rulebook):
    spec = BY_KEY["collision"]
    scenario = expand(spec, rulebook, rng=0)[0]
    key = build_question(scenario, spec).key
    moved = dataclasses.replace(scenario, template_key="other")
    retexted = dataclasses.replace(scenario, text=scenario.text + "!")
    refacted = dataclasses.replace(scenario, facts=dataclasses.replace(scenario.facts, ksi=True))
    keys = {build_question(s, spec).key for s in (moved, retexted, refacted)}
    assert key not in keys and len(keys) == 3


def test_question_as_dict_is_json_ready(bank):
    question = next(q for q in bank if q.template_key == "wanted" and q.rating == RED)
    data = json.loads(json.dumps(question.as_dict()))
    assert data["text"] == question.text
    # Contract v2 facts are left out at their defaults (so v1 questions keep their keys).
    assert list(data["facts"]) == [name for name in FACT_FIELDS if name not in V2_FACT_FIELDS]
    assert data["facts"]["image"] == "suspect"
    assert data["facts"]["image_release_authorised"] is False
    assert data["rating"] == RED
    assert data["correct_answer"] == "Do not post, contact DMC"
    assert data["answers"] == [
        {"rating": "GREEN", "action": "Go for it!"},
        {"rating": "AMBER", "action": "Ask DMC before posting"},
        {"rating": "RED", "action": "Do not post, contact DMC"},
    ]
    assert data["explanation"] == question.explanation
    keys = {"rule", "summary", "guidance_url", "decides"}
    assert all(set(reason) == keys for reason in data["reasons"])
    assert "suspect-image-unauthorised" in [reason["rule"] for reason in data["reasons"]]
    assert data["rulebook_version"] == 1
    assert data["template"] == "wanted"
    assert data["tags"] == ["image"]
    assert data["difficulty"] == 3
    assert data["key"] == question.key


def test_question_carries_the_template_metadata(bank):
    arrest = next(q for q in bank if q.template_key == "arrest")
    assert arrest.account == "@MPSCamden"
    assert arrest.tags == ("arrest", "green")
    assert arrest.image_kind == "none"
    assert next(q for q in bank if q.template_key == "meeting").image_kind == "general"


# --------------------------------------------------------------------------- near misses


def pairs_by_kind(bank, rulebook):
    found: dict[str, list[tuple[Question, Question]]] = {kind: [] for kind in NEAR_MISS_KINDS}
    for kind, a, b in find_near_miss_pairs(bank, rulebook):
        found[kind].append((a, b))
    return found


def differing_fields(a: Question, b: Question) -> set[str]:
    return {name for name in FACT_FIELDS if getattr(a.facts, name) != getattr(b.facts, name)}


def test_ksi_near_misses(rulebook, bank):
    pairs = pairs_by_kind(bank, rulebook)["ksi"]
    assert len(pairs) == 2  # one per road
    for a, b in pairs:
        assert differing_fields(a, b) == {"ksi"}
        assert (a.facts.ksi, b.facts.ksi) == (False, True)
        assert (a.rating, b.rating) == (GREEN, AMBER)
        assert dict(a.slot_choices)["road"] == dict(b.slot_choices)["road"]


def test_sentencing_near_misses(rulebook, bank):
    pairs = pairs_by_kind(bank, rulebook)["sentencing"]
    assert len(pairs) == 4  # two names at two courts
    for a, b in pairs:
        assert differing_fields(a, b) == {"days_since_sentencing"}
        assert (a.facts.days_since_sentencing, b.facts.days_since_sentencing) == (7, 8)
        assert (a.rating, b.rating) == (AMBER, RED)
        # The tightest pairs: everything but the day is the same.
        assert a.text.replace("a week ago today", "eight days ago") == b.text


def test_public_domain_near_misses(rulebook, bank):
    pairs = pairs_by_kind(bank, rulebook)["public-domain"]
    assert {a.template_key for a, _ in pairs} == {"missing"}
    assert len(pairs) == 4
    for a, b in pairs:
        assert differing_fields(a, b) == {"in_public_domain"}
        assert (a.facts.in_public_domain, b.facts.in_public_domain) == (True, False)
        assert (a.rating, b.rating) == (AMBER, RED)


def test_image_authorisation_near_misses(rulebook, bank):
    pairs = pairs_by_kind(bank, rulebook)["image-authorisation"]
    assert len(pairs) == 4
    for a, b in pairs:
        assert differing_fields(a, b) == {"image_release_authorised"}
        assert a.facts.image == b.facts.image == "suspect"
        assert (a.rating, b.rating) == (AMBER, RED)


@pytest.mark.parametrize(
    ("kind", "template", "field", "ratings"),
    [
        ("arrest", "wanted-update", "wanted_person_arrested", (AMBER, RED)),
        ("caution", "cautioned", "names_cautioned_person", (GREEN, RED)),
        ("allegation", "allegation", "unproven_allegation", (GREEN, RED)),
        ("ethnicity", "description", "gives_ethnicity_or_nationality", (GREEN, AMBER)),
    ],
)
def test_flag_near_misses(rulebook, bank, kind, template, field, ratings):
    """Contract v2's flags: side 0 without the flag, side 1 with it, all else the same."""
    pairs = pairs_by_kind(bank, rulebook)[kind]
    assert pairs and {a.template_key for a, _ in pairs} == {template}
    for a, b in pairs:
        assert differing_fields(a, b) == {field}
        assert (getattr(a.facts, field), getattr(b.facts, field)) == (False, True)
        assert (a.rating, b.rating) == ratings


def test_custody_near_misses(rulebook, bank):
    pairs = pairs_by_kind(bank, rulebook)["custody"]
    assert len(pairs) == 4  # two people in two places
    for a, b in pairs:
        assert differing_fields(a, b) == {"image"}
        assert (a.facts.image, b.facts.image) == ("general", "custody")
        assert (a.rating, b.rating) == (AMBER, RED)
        assert a.template_key == "missing-photo"


def test_a_custody_image_pairs_on_its_authorisation_like_a_suspect_image(rulebook):
    """Away from missing people a custody photo counts as a suspect image; for a missing
    person it is red whether or not its release was authorised, so no pair."""
    spec = TemplateSpec(
        key="custody",
        title="Custody image",
        text="Wanted or missing: {topic}. {authorised}",
        slots={
            "topic": (v("wanted", topic="wanted-suspect"), v("missing", topic="missing-person")),
            "authorised": (
                v("Release authorised.", image_release_authorised=True),
                v("No release decision."),
            ),
        },
        fixed_facts={"in_public_domain": True, "image": "custody"},
    )
    questions = generate([spec], rulebook, rng=0)
    ((kind, a, b),) = find_near_miss_pairs(questions, rulebook)
    assert (kind, a.topic, a.rating, b.rating) == (
        "image-authorisation",
        "wanted-suspect",
        AMBER,
        RED,
    )


def test_a_custody_photo_beside_a_general_one_is_a_near_miss_only_where_ratings_differ(rulebook):
    # On a wanted appeal an authorised custody image is as amber as a general photo: no trap.
    spec = TemplateSpec(
        key="wanted-photo",
        title="Wanted photo",
        text="WANTED: {photo}",
        slots={
            "photo": (
                v("a photo of the scene", image="general"),
                v("his custody image, release authorised", image="custody"),
            )
        },
        fixed_facts={
            "topic": "wanted-suspect",
            "in_public_domain": True,
            "image_release_authorised": True,
        },
    )
    assert find_near_miss_pairs(generate([spec], rulebook, rng=0), rulebook) == []


def test_pairs_with_the_same_rating_are_not_near_misses(rulebook):
    # 8 vs 9 days: both RED, so not a trap; out of the public domain both are RED too.
    spec = TemplateSpec(
        key="late",
        title="Late",
        text="Sentenced {when}.",
        slots={
            "when": (
                v("8 days ago", days_since_sentencing=8),
                v("9 days ago", days_since_sentencing=9),
            )
        },
        fixed_facts={"topic": "court-result", "in_public_domain": True},
    )
    questions = generate([spec], rulebook, rng=0)
    assert find_near_miss_pairs(questions, rulebook) == []


def test_the_sentencing_window_comes_from_the_rulebook():
    rulebook = dataclasses.replace(initial_rulebook(), sentencing_window_days=14)
    spec = TemplateSpec(
        key="fortnight",
        title="Fortnight",
        text="Sentenced {when}.",
        slots={"when": tuple(v(f"{d} days ago", days_since_sentencing=d) for d in (7, 8, 14, 15))},
        fixed_facts={"topic": "court-result", "in_public_domain": True},
    )
    questions = generate([spec], rulebook, rng=0)
    ((kind, a, b),) = find_near_miss_pairs(questions, rulebook)
    assert kind == "sentencing"
    assert (a.facts.days_since_sentencing, b.facts.days_since_sentencing) == (14, 15)


def test_near_miss_keys_name_kind_group_and_side(bank):
    wanted = next(q for q in bank if q.template_key == "wanted")
    kinds = {kind: side for kind, _, side in near_miss_keys(wanted)}
    flags = {"arrest", "caution", "allegation", "ethnicity"}  # every question has a side
    assert set(kinds) == {"ksi", "public-domain", "image-authorisation"} | flags
    assert all(kinds[kind] == 0 for kind in flags)
    # The keys come in the kinds' order, which pools rely on.
    listed = [kind for kind, _, _ in near_miss_keys(wanted)]
    assert listed == [kind for kind in NEAR_MISS_KINDS if kind in kinds]
    photos = {q.facts.image: q for q in bank if q.template_key == "missing-photo"}
    for image, side in (("general", 0), ("custody", 1)):
        keys = {kind: s for kind, _, s in near_miss_keys(photos[image])}
        assert keys["custody"] == side
    arrested = next(q for q in bank if q.facts.wanted_person_arrested)
    assert {kind: s for kind, _, s in near_miss_keys(arrested)}["arrest"] == 1
    court = next(q for q in bank if "eight days ago" in q.text)
    keys = {kind: (base, side) for kind, base, side in near_miss_keys(court)}
    assert keys["sentencing"][1] == 1
    assert "image-authorisation" not in keys
    week = next(
        q
        for q in bank
        if "a week ago today" in q.text and q.slot_choices[:2] == court.slot_choices[:2]
    )
    assert {k: b for k, (b, _) in keys.items()}["sentencing"] == next(
        base for kind, base, _ in near_miss_keys(week) if kind == "sentencing"
    )


def test_near_miss_pairs_are_disjoint_within_a_kind(rulebook, bank):
    for kind, pairs in pairs_by_kind(bank, rulebook).items():
        members = [q.key for pair in pairs for q in pair]
        assert len(members) == len(set(members)), kind


# --------------------------------------------------------------------------- coverage and pools


def test_coverage_of_the_bank_against_the_rulebook(rulebook, bank):
    coverage = coverage_of(bank, rulebook)
    assert coverage.total == len(bank)
    assert sum(coverage.ratings.values()) == len(bank)
    assert coverage.missing_ratings == ()
    assert coverage.missing_pairs == ()
    assert "burglary" in coverage.topics and "assault" in coverage.missing_topics
    assert "not-covered" in coverage.missing_rules
    assert coverage.near_miss_pairs == {
        "ksi": 2,
        "sentencing": 4,
        "public-domain": 4,
        "image-authorisation": 4,
        "arrest": 2,
        "caution": 2,
        "allegation": 3,
        "ethnicity": 3,
        "custody": 4,
    }
    data = json.loads(json.dumps(coverage.as_dict()))
    assert data["complete"] is False and "assault" in data["missing_topics"]


def test_a_full_coverage_pool(rulebook, bank):
    size = full_coverage_size(bank, rulebook)
    assert size < len(bank)
    pool = select_pool(bank, size=size, seed=4, rulebook=rulebook)
    assert len(pool.questions) == size
    assert pool.coverage.complete, pool.coverage.as_dict()
    assert {kind for kind, _, _ in pool.pairs} == set(NEAR_MISS_KINDS)
    bank_cov = coverage_of(bank, rulebook)
    assert set(pool.coverage.topics) == set(bank_cov.topics)
    assert set(pool.coverage.rules) == set(bank_cov.rules)
    position = {q.key: i for i, q in enumerate(pool.questions)}
    for _, a, b in pool.pairs:
        assert abs(position[a] - position[b]) == 1
    data = json.loads(json.dumps(pool.as_dict()))
    assert len(data["questions"]) == size and data["coverage"]["complete"] is True


def test_a_small_pool_covers_ratings_first_and_reports_what_is_missing(rulebook, bank):
    pool = select_pool(bank, size=3, seed=1, rulebook=rulebook)
    assert len(pool.questions) == 3
    assert pool.coverage.missing_ratings == ()
    assert pool.coverage.missing_topics  # three questions cannot reach every topic
    assert pool.coverage.missing_rules
    empty = select_pool(bank, size=0, seed=1, rulebook=rulebook)
    assert empty.questions == () and empty.coverage.missing_ratings == tuple(RATINGS)


def test_a_pool_larger_than_the_bank_is_the_whole_bank(rulebook, bank):
    pool = select_pool(bank, size=10_000, seed=2, rulebook=rulebook)
    assert sorted(q.key for q in pool.questions) == sorted(q.key for q in bank)
    assert pool.coverage.complete


def test_pools_are_deterministic_and_independent_of_the_bank_order(rulebook, bank):
    shuffled = list(bank)
    random.Random(0).shuffle(shuffled)
    one = select_pool(bank, size=20, seed=8, rulebook=rulebook)
    two = select_pool(shuffled, size=20, seed=8, rulebook=rulebook)
    other = select_pool(bank, size=20, seed=9, rulebook=rulebook)
    assert one.keys == two.keys
    assert one.pairs == two.pairs
    assert one.keys != other.keys


def test_the_package_exports_what_the_project_imports():
    """The generator is a package of small modules; callers import only from the package."""
    used = {
        "Question",
        "SlotValue",
        "TemplateError",
        "TemplateSpec",
        "coverage_of",
        "explanation_of",
        "generate",
        "select_pool",
        "validate_template",
    }
    assert used <= set(scenarios.generator.__all__)
    assert all(hasattr(scenarios.generator, name) for name in scenarios.generator.__all__)
