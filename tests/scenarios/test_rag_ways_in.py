"""The three ways into the engine share one vocabulary: command, JSON endpoint, checker page."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from scenarios.rules import initial_rulebook
from scenarios.rules.initial import DEFAULT_GUIDANCE_URLS

pytestmark = pytest.mark.django_db

CONTRACT_EXAMPLES = [
    ({"topic": "burglary"}, "GREEN"),
    ({"topic": "road-traffic-collision", "ksi": True, "in_public_domain": True}, "AMBER"),
    ({"topic": "missing-person", "in_public_domain": False}, "RED"),
    ({"topic": "court-result", "in_public_domain": True, "days_since_sentencing": 3}, "AMBER"),
    ({"topic": "retweet", "source": "metpoliceuk"}, "GREEN"),
    ({"topic": "terror-threat-level", "in_public_domain": True}, "RED"),
    # Contract v2
    ({"topic": "burglary", "gives_ethnicity_or_nationality": True}, "AMBER"),
    ({"topic": "retweet", "source": "community-group", "unproven_allegation": True}, "RED"),
    ({"topic": "missing-person", "in_public_domain": True, "image": "custody"}, "RED"),
    ({"topic": "wanted-suspect", "in_public_domain": True, "wanted_person_arrested": True}, "RED"),
    ({"topic": "criminal-damage", "names_cautioned_person": True}, "RED"),
]


def rag_check(stdin: str, *args, monkeypatch):
    """Run the command with stdin; return (exit code, stdout, stderr)."""
    monkeypatch.setattr("sys.stdin", StringIO(stdin))
    out, err = StringIO(), StringIO()
    try:
        call_command("rag_check", *args, stdout=out, stderr=err)
    except SystemExit as exit_:
        return exit_.code, out.getvalue(), err.getvalue()
    except CommandError as error:
        # manage.py prints the message on stderr and exits with error.returncode.
        return error.returncode, out.getvalue(), err.getvalue() + str(error)
    return 0, out.getvalue(), err.getvalue()


class TestCommand:
    def test_one_object_prints_one_verdict(self, monkeypatch):
        monkeypatch.setattr("sys.stdin", StringIO(json.dumps(CONTRACT_EXAMPLES[1][0])))
        out = StringIO()
        call_command("rag_check", stdout=out)
        verdict = json.loads(out.getvalue())
        assert verdict["rating"] == "AMBER"
        assert verdict["action"] == "Ask DMC before posting"
        assert verdict["contact"] == "dmc"
        assert {r["rule"] for r in verdict["reasons"]} >= {"ksi-collision"}

    def test_an_array_prints_verdicts_in_order(self, tmp_path):
        path = tmp_path / "facts.json"
        path.write_text(json.dumps([facts for facts, _ in CONTRACT_EXAMPLES]))
        out = StringIO()
        call_command("rag_check", str(path), stdout=out)
        ratings = [v["rating"] for v in json.loads(out.getvalue())]
        assert ratings == [rating for _, rating in CONTRACT_EXAMPLES]

    @pytest.mark.parametrize(
        ("stdin", "names"),
        [
            ("{not json", ["not valid JSON"]),
            ('{"topic": "burglary", "colour": "blue"}', ["colour", "valid fields are"]),
            ('{"topic": "bike-theft"}', ["bike-theft", "valid topics are", "burglary"]),
            ('{"topic": "burglary", "ksi": "yes"}', ["ksi", "true or false"]),
            (
                '{"topic": "court-result", "days_since_sentencing": -1}',
                ["days_since_sentencing", "0 or more"],
            ),
            ('[{"topic": "burglary"}, {"topic": "nope"}]', ["item 1", "topic"]),
            ('"burglary"', ["JSON object"]),
            ("[" * 100_000 + "]" * 100_000, ["nested too deeply"]),
        ],
    )
    def test_bad_input_exits_2_with_nothing_on_stdout(self, stdin, names, monkeypatch):
        code, out, err = rag_check(stdin, monkeypatch=monkeypatch)
        assert code == 2
        assert out == ""
        for name in names:
            assert name in err
        assert "Traceback" not in err

    def test_a_missing_file_is_named(self, monkeypatch):
        code, out, err = rag_check("", "no-such-file.json", monkeypatch=monkeypatch)
        assert code == 2
        assert "no-such-file.json" in err and out == ""

    def test_stdin_dash_reads_standard_input(self, monkeypatch):
        code, out, _ = rag_check('{"topic": "burglary"}', "-", monkeypatch=monkeypatch)
        assert code == 0
        assert json.loads(out)["rating"] == "GREEN"


class TestApi:
    url = "/api/rag/check"

    def post(self, client, body, content_type="application/json"):
        raw = body if isinstance(body, str | bytes) else json.dumps(body)
        return client.post(self.url, raw, content_type=content_type)

    def test_signed_out_is_refused_as_json(self, client):
        response = self.post(client, {"topic": "burglary"})
        assert response.status_code == 401
        assert "auth" in response.json()["errors"]

    @pytest.mark.parametrize(("facts", "rating"), CONTRACT_EXAMPLES)
    def test_contract_examples(self, signed_in, facts, rating):
        response = self.post(signed_in("officer"), facts)
        assert response.status_code == 200
        assert response.json()["rating"] == rating

    def test_an_array_gives_an_array(self, signed_in):
        response = self.post(signed_in("officer"), [f for f, _ in CONTRACT_EXAMPLES])
        assert [v["rating"] for v in response.json()] == [r for _, r in CONTRACT_EXAMPLES]

    @pytest.mark.parametrize(
        ("body", "field"),
        [
            ("{broken", "body"),
            (b"\xff\xfe", "body"),
            ({"topic": "burglary", "extra": 1}, "extra"),
            ({"topic": "unknown-topic"}, "topic"),
            ({"ksi": True}, "topic"),
            ({"topic": "burglary", "image": "selfie"}, "image"),
            ({"topic": "court-result", "days_since_sentencing": "3"}, "days_since_sentencing"),
            ([1, 2], "facts"),
            ("null", "facts"),
            ("[" * 100_000 + "]" * 100_000, "body"),
        ],
    )
    def test_bad_input_is_400_with_field_errors(self, signed_in, body, field):
        response = self.post(signed_in("officer"), body)
        assert response.status_code == 400
        assert field in response.json()["errors"]

    def test_get_is_not_allowed(self, signed_in):
        assert signed_in("officer").get(self.url).status_code == 405


class TestDraftChecker:
    url = "/check/"

    def test_needs_sign_in(self, client):
        response = client.get(self.url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]

    def test_first_step_asks_for_the_topic_only(self, signed_in):
        html = signed_in("officer").get(self.url).content.decode()
        assert "What is it about?" in html
        assert 'class="question" data-applies-to="road-traffic-collision" hidden' in html

    def test_choosing_a_topic_shows_only_its_questions(self, signed_in):
        response = signed_in("officer").post(self.url, {"topic": "court-result"})
        html = response.content.decode()
        assert response.context["verdict"] is None
        shown = {f.name for f, applies, *_ in response.context["questions"] if applies}
        assert "days_since_sentencing" in shown and "in_public_domain" in shown
        assert "ksi" not in shown and "source" not in shown
        assert 'name="questions_for" value="court-result"' in html

    @pytest.mark.parametrize(
        ("answers", "rating", "rule"),
        [
            ({"in_public_domain": "yes", "days_since_sentencing": "7"}, "AMBER", None),
            (
                {"in_public_domain": "yes", "days_since_sentencing": "8"},
                "RED",
                "court-sentencing-window",
            ),
            ({"in_public_domain": "no"}, "RED", "amber-not-public-domain"),
        ],
    )
    def test_answers_give_the_verdict_with_linked_reasons(self, signed_in, answers, rating, rule):
        data = {
            "topic": "court-result",
            "questions_for": "court-result",
            "image": "none",
            "wider_interest": "no",
            "breaking": "no",
            **answers,
        }
        response = signed_in("officer").post(self.url, data)
        verdict = response.context["verdict"]
        assert verdict.rating == rating
        html = response.content.decode()
        for reason in verdict.reasons:
            assert f'href="{reason.guidance_url}"' in html
        if rule:
            assert rule in {r.rule for r in verdict.reasons}

    def test_answers_to_questions_that_do_not_apply_are_ignored(self, signed_in):
        data = {
            "topic": "burglary",
            "questions_for": "burglary",
            "ksi": "yes",
            "days_since_sentencing": "30",
            "in_public_domain": "no",
        }
        verdict = signed_in("officer").post(self.url, data).context["verdict"]
        assert verdict.rating == "GREEN"

    def test_suspect_image_question(self, signed_in):
        data = {
            "topic": "wanted-suspect",
            "questions_for": "wanted-suspect",
            "in_public_domain": "yes",
            "image": "suspect",
            "image_release_authorised": "no",
        }
        client = signed_in("officer")
        assert client.post(self.url, data).context["verdict"].rating == "RED"
        data["image_release_authorised"] = "yes"
        assert client.post(self.url, data).context["verdict"].rating == "AMBER"

    def test_a_custody_photo_is_a_suspect_image_except_for_a_missing_person(self, signed_in):
        client = signed_in("officer")
        wanted = {
            "topic": "wanted-suspect",
            "questions_for": "wanted-suspect",
            "in_public_domain": "yes",
            "image": "custody",
            "image_release_authorised": "yes",
        }
        assert client.post(self.url, wanted).context["verdict"].rating == "AMBER"
        missing = {**wanted, "topic": "missing-person", "questions_for": "missing-person"}
        verdict = client.post(self.url, missing).context["verdict"]
        assert verdict.rating == "RED"
        assert verdict.reasons[0].rule == "custody-image-missing-person"

    @pytest.mark.parametrize(
        ("answer", "rule"),
        [
            ({"unproven_allegation": "on"}, "unproven-allegation"),
            ({"names_cautioned_person": "on"}, "names-cautioned-person"),
            ({"wanted_person_arrested": "on"}, "wanted-person-arrested"),
        ],
    )
    def test_v2_legal_ticks_make_any_post_red(self, signed_in, answer, rule):
        data = {"topic": "retweet", "questions_for": "retweet", "source": "metpoliceuk"}
        client = signed_in("officer")
        assert client.post(self.url, data).context["verdict"].rating == "GREEN"
        verdict = client.post(self.url, {**data, **answer}).context["verdict"]
        assert verdict.rating == "RED"
        assert verdict.reasons[0].rule == rule

    def test_ethnicity_or_nationality_makes_a_green_post_amber(self, signed_in):
        data = {"topic": "assault", "questions_for": "assault"}
        client = signed_in("officer")
        response = client.post(self.url, data)
        assert "Does it give a suspect&#x27;s ethnicity or nationality?" in (
            response.content.decode()
        )
        assert response.context["verdict"].rating == "GREEN"
        data["gives_ethnicity_or_nationality"] = "yes"
        verdict = client.post(self.url, data).context["verdict"]
        assert (verdict.rating, verdict.contact) == ("AMBER", "dmc")
        assert verdict.reasons[0].rule == "ethnicity-or-nationality"

    def test_a_retweet_from_another_account_needs_its_handle(self, signed_in):
        client = signed_in("officer")
        data = {"topic": "retweet", "questions_for": "retweet", "source": "other"}
        response = client.post(self.url, data)
        assert response.context["verdict"] is None
        assert "Give the account" in response.content.decode()
        data["other_source"] = "@SomeResidentsGroup"
        assert client.post(self.url, data).context["verdict"].rating == "AMBER"
        data["other_source"] = "https://www.some-site.example/page"  # a website works too
        assert client.post(self.url, data).context["verdict"].rating == "AMBER"
        data["other_source"] = "@@@"  # nothing left of it
        response = client.post(self.url, data)
        assert response.status_code == 200 and response.context["verdict"] is None
        assert "There is a problem" in response.content.decode()

    def test_bad_values_are_named_not_a_500(self, signed_in):
        client = signed_in("officer")
        for data in (
            {"topic": "no-such-topic"},
            {
                "topic": "court-result",
                "questions_for": "court-result",
                "days_since_sentencing": "-3",
            },
            {
                "topic": "court-result",
                "questions_for": "court-result",
                "days_since_sentencing": "soon",
            },
            {"topic": "burglary", "questions_for": "burglary", "image": "hologram"},
        ):
            response = client.post(self.url, data)
            assert response.status_code == 200
            assert "There is a problem" in response.content.decode()

    def test_hostile_draft_text_is_escaped(self, signed_in):
        hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>'
        data = {"topic": "burglary", "questions_for": "burglary", "draft": hostile}
        html = signed_in("officer").post(self.url, data).content.decode()
        assert "<script>alert" not in html and "<img src=x" not in html
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


def test_every_guidance_url_resolves_to_a_section_on_a_published_page(client, guidance):
    rulebook = initial_rulebook()
    urls = set(DEFAULT_GUIDANCE_URLS.values()) | {t.guidance_url for t in rulebook.topics.values()}
    for url in sorted(urls):
        path, _, anchor = url.partition("#")
        response = client.get(path)
        assert response.status_code == 200, url
        assert f'id="{anchor}"' in response.content.decode(), url
