import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(args, **env):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    environment.update(env)
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run(
        ["-c", "import django; django.setup()"],
        DJANGO_SETTINGS_MODULE="config.settings.production",
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_production_passes_the_deploy_check():
    result = run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        DJANGO_SETTINGS_MODULE="config.settings.production",
        DJANGO_SECRET_KEY="x" * 20 + "a-long-random-test-value-9f8e7d6c5b4a3210",
        DJANGO_ALLOWED_HOSTS="media.example.police.uk",
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_base_settings_are_safe_by_default():
    result = run(
        ["-c", "from config.settings import base; print(base.DEBUG, repr(base.SECRET_KEY))"],
    )
    assert result.stdout.strip() == "False ''"


def test_a_bad_debug_value_is_named():
    result = run(["-c", "import config.settings.base"], DJANGO_DEBUG="maybe")
    assert result.returncode != 0
    assert "DJANGO_DEBUG must be true or false" in result.stderr
