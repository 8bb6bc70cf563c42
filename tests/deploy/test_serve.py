"""`scripts/serve.sh` for real: production settings, PostgreSQL and Redis, gunicorn, an RQ
worker and the cron. It starts on a database of its own, a superuser signs in through the
login form over (proxied) HTTPS, the answers carry the production headers and cookies, and
stopping the process group leaves no process behind."""

import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import time
from http.cookies import SimpleCookie
from pathlib import Path

import psycopg
import pytest

pytestmark = [pytest.mark.real_services]

ROOT = Path(__file__).resolve().parents[2]
POSTGRES = os.environ.get("SERVE_TEST_POSTGRES", "postgres://postgres@127.0.0.1:5432")
# Named after the suite's own database, so two runs on one server never share it.
SUITE_DATABASE = os.environ.get("DATABASE_URL", "postgres:///media_awareness")
DATABASE = SUITE_DATABASE.rsplit("/", 1)[-1] + "_serve"
USERNAME, PASSWORD = "serve-admin", "a-long-password-for-the-serve-test-4821"
STARTUP_SECONDS = 600  # migrations and loaders on a fresh database, on a busy machine


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def database():
    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{DATABASE}"')
    yield f"{POSTGRES}/{DATABASE}"
    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')


@pytest.fixture
def environment(database):
    if not os.environ.get("REDIS_URL"):
        pytest.fail("the real-services run sets REDIS_URL")
    port = free_port()
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "WAGTAIL", "PYTEST")) and k != "DATABASE_URL"
    }
    env.update(
        DATABASE_URL=database,
        DJANGO_SECRET_KEY="serve-test-" + "k" * 50,
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        WAGTAILADMIN_BASE_URL=f"https://127.0.0.1:{port}",
        # The test plays the HTTPS proxy: it says so in X-Forwarded-Proto on every request.
        DJANGO_TRUST_X_FORWARDED_PROTO="true",
        PORT=str(port),
        WEB_CONCURRENCY="2",
    )
    return env


class Browser:
    """Just enough of one: cookies (Secure ones too: the proxy in front speaks HTTPS)."""

    def __init__(self, port: int):
        self.port = port
        self.cookies = SimpleCookie()

    def request(self, method, path, body=None, headers=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        sent = {"X-Forwarded-Proto": "https", **(headers or {})}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={m.value}" for k, m in self.cookies.items())
        connection.request(method, path, body=body, headers=sent)
        response = connection.getresponse()
        response.text = response.read().decode()
        for header in response.headers.get_all("Set-Cookie") or []:
            self.cookies.load(header)
        connection.close()
        return response


def wait_until_serving(server, browser):
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        assert server.poll() is None, "serve.sh exited before serving"
        try:
            if browser.request("GET", "/accounts/login/").status == 200:
                return
        except OSError:
            pass
        time.sleep(2)
    pytest.fail(f"serve.sh was not serving after {STARTUP_SECONDS} s")


def group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def cookie_attributes(response, name: str) -> str:
    for header in response.headers.get_all("Set-Cookie") or []:
        if header.startswith(f"{name}="):
            return header
    raise AssertionError(f"no {name} cookie set")


def test_serve_starts_signs_in_and_stops_cleanly(environment, tmp_path):
    log = (tmp_path / "serve.log").open("wb")
    server = subprocess.Popen(
        ["bash", "scripts/serve.sh"],
        cwd=ROOT,
        env=environment,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group: gunicorn, the worker, the cron
    )
    pgid = server.pid
    browser = Browser(int(environment["PORT"]))
    try:
        wait_until_serving(server, browser)
        subprocess.run(
            [sys.executable, "manage.py", "createsuperuser", "--noinput"]
            + ["--username", USERNAME, "--email", "serve@example.police.uk"],
            cwd=ROOT,
            env={
                **environment,
                "DJANGO_SETTINGS_MODULE": "config.settings.production",
                "DJANGO_SUPERUSER_PASSWORD": PASSWORD,
            },
            check=True,
            capture_output=True,
            timeout=300,
        )

        form = browser.request("GET", "/accounts/login/")
        csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
        assert "Secure" in cookie_attributes(form, "csrftoken")
        origin = f"https://127.0.0.1:{browser.port}"
        body = f"csrfmiddlewaretoken={csrf}&username={USERNAME}&password={PASSWORD}&next=/"
        signed_in = browser.request(
            "POST",
            "/accounts/login/",
            body=body,
            headers={"Content-Type": "application/x-www-form-urlencoded", "Origin": origin},
        )
        assert signed_in.status == 302, signed_in.text[:2000]
        session = cookie_attributes(signed_in, "sessionid")
        assert "Secure" in session and "HttpOnly" in session and "SameSite=Lax" in session

        me = browser.request("GET", "/accounts/me/")
        assert me.status == 200
        assert USERNAME in me.text

        # The production headers, on a site page, a JSON answer and an admin page.
        answers = {
            "site": me,
            "api": browser.request("POST", "/api/rag/check", body="{}"),
            "admin": browser.request("GET", "/admin/"),
        }
        assert answers["api"].status == 403  # a session without a CSRF token: JSON refusal
        assert answers["admin"].status == 200
        for name, answer in answers.items():
            headers = answer.headers
            assert headers["Strict-Transport-Security"].startswith("max-age=31536000"), name
            assert headers["X-Content-Type-Options"] == "nosniff", name
            assert headers["X-Frame-Options"] == "DENY", name
            assert headers["Referrer-Policy"] == "same-origin", name
            assert headers["Cross-Origin-Opener-Policy"] == "same-origin", name
            assert "default-src 'self'" in headers["Content-Security-Policy"], name
        assert "unsafe-inline" not in answers["site"].headers["Content-Security-Policy"]
        # Without the proxy's word, plain HTTP is sent to HTTPS.
        plain = http.client.HTTPConnection("127.0.0.1", browser.port, timeout=60)
        plain.request("GET", "/guidance/")
        redirect = plain.getresponse()
        assert redirect.status == 301
        assert redirect.headers["Location"].startswith("https://")
    finally:
        if server.poll() is None:
            os.killpg(pgid, signal.SIGTERM)
        try:
            server.wait(timeout=60)
        finally:
            deadline = time.monotonic() + 30
            while group_alive(pgid) and time.monotonic() < deadline:
                time.sleep(0.5)
            leftover = group_alive(pgid)
            if leftover:
                os.killpg(pgid, signal.SIGKILL)
            log.close()
    assert server.returncode == 0, (tmp_path / "serve.log").read_text()[-3000:]
    assert not leftover, "processes of serve.sh outlived it"
