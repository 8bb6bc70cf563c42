"""Security headers on a site page, a JSON answer under /api/ and an admin page; the Content
Security Policy allows nothing inline on the site, and the admin gets its own."""

import pytest

STRICT = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "object-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}


def policy(response) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in header.split(";") if part.strip())


@pytest.fixture
def responses(client, guidance):
    return {
        "site page": client.get("/guidance/"),
        "api": client.post("/api/rag/check", "{}", content_type="application/json"),
        # Refused before any view, by the API's own middleware.
        "api refusal": client.post(
            "/api/rag/check", "{}", content_type="application/json", CONTENT_LENGTH="many"
        ),
        "admin page": client.get("/admin/login/"),
    }


def test_the_three_kinds_of_answer_are_what_they_seem(responses):
    assert responses["site page"].status_code == 200
    assert responses["api"].status_code == 401
    assert responses["api"]["Content-Type"] == "application/json"
    assert responses["api refusal"].status_code == 400
    assert responses["admin page"].status_code == 200


@pytest.mark.parametrize("kind", ["site page", "api", "api refusal", "admin page"])
def test_every_answer_sends_the_security_headers(responses, kind):
    response = responses[kind]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "unsafe-inline" not in policy(response).get("script-src", "") or kind == "admin page"


@pytest.mark.parametrize("kind", ["site page", "api", "api refusal"])
def test_the_site_policy_allows_nothing_inline(responses, kind):
    directives = policy(responses[kind])
    for name, value in STRICT.items():
        assert directives[name] == value, name
    assert "unsafe" not in responses[kind]["Content-Security-Policy"]


def test_the_admin_has_its_own_looser_policy(responses):
    directives = policy(responses["admin page"])
    assert directives["script-src"] == "'self' 'unsafe-inline'"
    assert directives["style-src"] == "'self' 'unsafe-inline'"
    assert directives["frame-ancestors"] == "'self'"  # page previews
    assert directives["object-src"] == "'none'"


def test_hsts_is_sent_over_https_with_the_production_values(client, guidance, settings):
    # The values production sets (tests/config/test_settings.py checks it sets them).
    settings.SECURE_HSTS_SECONDS = 365 * 24 * 60 * 60
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True
    response = client.get("/guidance/", secure=True)
    assert response["Strict-Transport-Security"] == ("max-age=31536000; includeSubDomains; preload")
