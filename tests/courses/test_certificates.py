"""Certificates: printable for the holder and the trainers who see them, 404 for everyone
else; checkable by anyone at /verify/, which shows only name, module, date and validity."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

from courses.learner_selectors import grouped_code, normalise_code
from courses.models import Certificate
from organisation.factories import ProfileFactory, UserFactory
from organisation.models import Borough

pytestmark = pytest.mark.django_db

CODE = "ABCDEFGHJK"
SCORE = 93


def person(username):
    return get_user_model().objects.get(username=username)


def certificate_for(user, *, code=CODE, expires_in=timedelta(days=300)):
    now = timezone.now()
    return Certificate.objects.create(
        person=user,
        module=None,
        module_title="The RAG table",
        code=code,
        score=SCORE,
        issued_at=now - timedelta(days=30),
        expires_at=now + expires_in,
    )


@pytest.fixture
def officers_certificate(demo_users):
    officer = person("officer")
    officer.first_name, officer.last_name = "Ada", "Okafor"
    officer.save()
    return certificate_for(officer)


def test_codes_ignore_case_spaces_and_hyphens():
    assert normalise_code(" abcde-fghjk ") == CODE
    assert normalise_code("AB CD E–FG HJK") == CODE
    assert grouped_code(CODE) == "ABCDE-FGHJK"


# --------------------------------------------------------------------------- the printable page


def test_the_holder_sees_everything_a_certificate_says(signed_in, officers_certificate):
    response = signed_in("officer").get(f"/certificates/{CODE}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert "Ada Okafor" in html and "The RAG table" in html
    assert f"{SCORE}%" in html
    issued = timezone.localtime(officers_certificate.issued_at)
    expires = timezone.localtime(officers_certificate.expires_at)
    assert f"{issued.day} {issued:%B %Y}" in html
    assert f"{expires.day} {expires:%B %Y}" in html
    assert "ABCDE-FGHJK" in html
    assert f"http://testserver/verify/{CODE}/" in html


def test_the_code_in_the_address_is_forgiving(signed_in, officers_certificate):
    assert signed_in("officer").get("/certificates/abcde-fghjk/").status_code == 200


def test_the_certificate_prints_without_the_site_menus():
    css = (Path(settings.BASE_DIR) / "static/css/site.css").read_text()
    print_rules = css[css.index("@media print") :]
    assert ".site-header" in print_rules and ".site-footer" in print_rules


@pytest.mark.parametrize("trainer", ["spoc", "borough-support", "social-media-team"])
def test_trainers_who_see_the_holder_see_it(signed_in, officers_certificate, trainer):
    assert signed_in(trainer).get(f"/certificates/{CODE}/").status_code == 200


def test_the_spoc_of_another_borough_gets_a_404(signed_in, officers_certificate):
    assert signed_in("spoc-2").get(f"/certificates/{CODE}/").status_code == 404


def test_other_officers_get_a_404(client, officers_certificate, demo_users):
    lewisham, croydon = (Borough.objects.get(slug=s) for s in ("lewisham", "croydon"))
    for borough in (lewisham, croydon):
        other = UserFactory(roles=["Officer"])
        ProfileFactory(user=other, borough=borough)
        client.force_login(other)
        assert client.get(f"/certificates/{CODE}/").status_code == 404


def test_an_unknown_code_is_the_same_404(signed_in, demo_users):
    assert signed_in("officer").get("/certificates/ZZZZZZZZZZ/").status_code == 404


def test_signed_out_visitors_are_asked_to_sign_in(client, officers_certificate):
    response = client.get(f"/certificates/{CODE}/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


# --------------------------------------------------------------------------- the public check


def test_anyone_can_check_a_certificate_and_sees_only_what_proves_it(client, officers_certificate):
    response = client.get(f"/verify/{CODE}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert "Ada Okafor" in html and "The RAG table" in html
    issued = timezone.localtime(officers_certificate.issued_at)
    assert f"{issued.day} {issued:%B %Y}" in html
    assert "genuine and still valid" in html
    # Never the score, the borough or the expiry date.
    assert str(SCORE) not in html
    assert "Lewisham" not in html
    expires = timezone.localtime(officers_certificate.expires_at)
    assert f"{expires.day} {expires:%B %Y}" not in html
    assert response["X-Robots-Tag"].startswith("noindex")


def test_signed_in_people_can_check_too(signed_in, officers_certificate):
    assert signed_in("spoc-2").get(f"/verify/{CODE}/").status_code == 200


def test_an_expired_certificate_says_so(client, demo_users):
    certificate_for(person("spoc"), code="ZXCVBNMLKJ", expires_in=timedelta(days=-1))
    html = client.get("/verify/ZXCVBNMLKJ/").content.decode()
    assert "no longer valid" in html and "still valid." not in html


def test_the_form_takes_messy_codes(client, officers_certificate):
    response = client.get("/verify/", {"code": "  abcde - fghjk "})
    assert response.status_code == 302
    assert response["Location"] == f"/verify/{CODE}/"
    assert client.get("/verify/abcde-fghjk/").status_code == 200


def test_the_form_page_has_a_labelled_field(client, db):
    html = client.get("/verify/").content.decode()
    assert '<label for="id_code">Certificate code</label>' in html
    assert "There is a problem" not in html


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Certificate code: This field is required."),
        ("  - ", "Certificate code: Enter the code printed on the certificate."),
        ("ABC/DEF!", "Certificate code: A certificate code has only letters and numbers"),
    ],
)
def test_the_form_explains_what_is_wrong(client, db, typed, message):
    response = client.get("/verify/", {"code": typed})
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html and message in html
    assert 'href="#id_code"' in html


def test_an_unknown_code_says_so_clearly(client, db):
    response = client.get("/verify/qqqqq-qqqqq/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "No certificate has this code" in html
    assert "QQQQQ-QQQQQ" in html  # shown as read, ready to correct
    assert 'value="QQQQQ-QQQQQ"' in html


def test_issued_dates_are_london_dates(client, demo_users):
    # 23:30 UTC on 30 June is 00:30 on 1 July in London (BST).
    issued = datetime(2026, 6, 30, 23, 30, tzinfo=UTC)
    Certificate.objects.create(
        person=person("officer"),
        module_title="Courts",
        code="PQRSTUVWXY",
        score=90,
        issued_at=issued,
        expires_at=issued + timedelta(days=3650),
    )
    assert "1 July 2026" in client.get("/verify/PQRSTUVWXY/").content.decode()
