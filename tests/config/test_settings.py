"""Which settings apply where, and what production refuses: each in a fresh process, with an
environment of our choosing (none of the suite's DJANGO_ variables leak in)."""

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# What a real deployment sets (no database or Redis is reached by these checks).
PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "DJANGO_SECRET_KEY": "x" * 20 + "a-long-random-test-value-9f8e7d6c5b4a3210",
    "DJANGO_ALLOWED_HOSTS": "media.example.police.uk",
    "WAGTAILADMIN_BASE_URL": "https://media.example.police.uk",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}
PRINT_SETTINGS = (
    "import django; django.setup(); from django.conf import settings as s; print({name}, sep='|')"
)


def clean_environment(**env):
    environment = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "WAGTAIL")) and k not in {"REDIS_URL", "DATABASE_URL"}
    }
    environment.update(env)
    return environment


def run(args, cwd=ROOT, **env):
    return subprocess.run(
        [sys.executable, *args],
        cwd=cwd,
        env=clean_environment(**env),
        capture_output=True,
        text=True,
        timeout=120,
    )


def production(*names, **env):
    code = PRINT_SETTINGS.format(name=", ".join(f"s.{n}" for n in names))
    return run(["-c", code], **{**PRODUCTION, **env})


def test_production_refuses_to_start_without_a_secret_key_and_says_how_to_develop():
    result = run(
        ["-c", "import django; django.setup()"],
        DJANGO_SETTINGS_MODULE="config.settings.production",
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr
    assert "make run" in result.stderr


def test_production_refuses_to_start_without_its_own_address():
    result = production("WAGTAILADMIN_BASE_URL", WAGTAILADMIN_BASE_URL="")
    assert result.returncode != 0
    assert "WAGTAILADMIN_BASE_URL must be the site's address" in result.stderr
    result = production("WAGTAILADMIN_BASE_URL", WAGTAILADMIN_BASE_URL="media.example")
    assert "WAGTAILADMIN_BASE_URL must be the site's address" in result.stderr
    result = production(
        "WAGTAILADMIN_BASE_URL", WAGTAILADMIN_BASE_URL="https://media.example.police.uk/"
    )
    assert result.stdout.strip() == "https://media.example.police.uk"


def test_production_refuses_to_start_without_redis_unless_told_to_run_jobs_in_process():
    refused = production("REDIS_URL", REDIS_URL="")
    assert refused.returncode != 0
    assert "REDIS_URL is not set" in refused.stderr
    assert "DJANGO_JOBS_IN_PROCESS=true" in refused.stderr

    chosen = production(
        "RQ_QUEUES['default'].get('ASYNC')", REDIS_URL="", **{"DJANGO_JOBS_IN_PROCESS": "true"}
    )
    assert chosen.returncode == 0, chosen.stderr
    assert chosen.stdout.strip() == "False"  # jobs run in the request
    assert "WARNING: DJANGO_JOBS_IN_PROCESS=true" in chosen.stderr

    with_redis = production("REDIS_URL")
    assert with_redis.returncode == 0, with_redis.stderr
    assert "WARNING" not in with_redis.stderr


def test_the_proxy_header_is_trusted_only_when_the_environment_says_so():
    code = PRINT_SETTINGS.format(name="getattr(s, 'SECURE_PROXY_SSL_HEADER', None)")
    assert run(["-c", code], **PRODUCTION).stdout.strip() == "None"
    trusted = run(["-c", code], **PRODUCTION, DJANGO_TRUST_X_FORWARDED_PROTO="true")
    assert trusted.stdout.strip() == "('HTTP_X_FORWARDED_PROTO', 'https')"


def test_production_cookies_are_secure_http_only_for_the_session_and_same_site():
    result = production(
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "SESSION_COOKIE_HTTPONLY",
        "SESSION_COOKIE_SAMESITE",
        "CSRF_COOKIE_SAMESITE",
        "SECURE_HSTS_SECONDS",
        "DEBUG",
        "DEMO_USERS_ALLOWED",
    )
    assert result.stdout.strip().split("|") == [
        "True",
        "True",
        "True",
        "Lax",
        "Lax",
        str(365 * 24 * 60 * 60),
        "False",
        "False",
    ]


def test_production_passes_the_deploy_check_at_warning_level():
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_the_deploy_check_fails_when_https_is_turned_off():
    # The check itself is live: the same run with the redirect off is refused.
    result = run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        **PRODUCTION,
        DJANGO_SECURE_SSL_REDIRECT="false",
    )
    assert result.returncode != 0
    assert "security.W008" in result.stderr


def test_base_settings_are_safe_by_default():
    result = run(
        [
            "-c",
            "from config.settings import base; "
            "print(base.DEBUG, repr(base.SECRET_KEY), base.DEMO_USERS_ALLOWED)",
        ],
    )
    assert result.stdout.strip() == "False '' False"


def test_a_bad_debug_value_is_named():
    result = run(["-c", "import config.settings.base"], DJANGO_DEBUG="maybe")
    assert result.returncode != 0
    assert "DJANGO_DEBUG must be true or false" in result.stderr


@pytest.fixture
def checkout_copy(tmp_path):
    """manage.py alone in a folder of its own, so the marker under test is not this checkout's."""
    shutil.copy(ROOT / "manage.py", tmp_path / "manage.py")
    return tmp_path


def which_settings(folder: Path, **env):
    return run(
        [
            str(folder / "manage.py"),
            "shell",
            "--verbosity=0",
            "-c",
            "from django.conf import settings; print(settings.SETTINGS_MODULE, settings.DEBUG)",
        ],
        cwd=folder,
        PYTHONPATH=str(ROOT),
        **env,
    )


def test_manage_py_uses_production_settings_on_an_unmarked_machine(checkout_copy):
    result = which_settings(checkout_copy)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr
    assert "make run" in result.stderr
    # Fully configured, it runs with production settings.
    result = which_settings(checkout_copy, **{**PRODUCTION, "DJANGO_SETTINGS_MODULE": ""})
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["config.settings.production", "False"]


def test_manage_py_uses_development_settings_where_make_setup_marked_this_machine(checkout_copy):
    (checkout_copy / ".dev-machine").write_text(socket.gethostname() + "\n")
    result = which_settings(checkout_copy)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["config.settings.dev", "True"]
    # The environment still wins.
    result = which_settings(checkout_copy, **PRODUCTION)
    assert result.stdout.split() == ["config.settings.production", "False"]


def test_a_marker_copied_from_another_machine_means_production(checkout_copy):
    (checkout_copy / ".dev-machine").write_text("a-developers-laptop\n")
    result = which_settings(checkout_copy)
    assert result.returncode != 0
    assert "was written on 'a-developers-laptop', not on this machine" in result.stderr
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


@pytest.mark.parametrize("command", ["load_demo", "build_force"])
def test_production_refuses_demo_users_and_the_made_up_force(command, tmp_path):
    result = run(
        ["manage.py", command],
        **PRODUCTION,
        DATABASE_URL=f"sqlite:///{tmp_path / 'never-made.sqlite3'}",
    )
    assert result.returncode == 1
    assert "not in these settings (config.settings.production)" in result.stderr or (
        "not with config.settings.production" in result.stderr
    )
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "never-made.sqlite3").exists() or (
        (tmp_path / "never-made.sqlite3").stat().st_size == 0
    )
