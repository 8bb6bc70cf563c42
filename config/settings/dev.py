"""Local development: DEBUG on, and a per-checkout secret kept outside git."""

import secrets

from .base import *  # noqa: F403
from .base import BASE_DIR, env_bool

DEBUG = env_bool("DJANGO_DEBUG", True)

if not SECRET_KEY:  # noqa: F405
    # A random key made once per checkout; never committed (.gitignore).
    _key_file = BASE_DIR / ".dev-secret-key"
    if not _key_file.exists():
        _key_file.write_text(secrets.token_urlsafe(50))
    SECRET_KEY = _key_file.read_text().strip()

ALLOWED_HOSTS = ["*"] if DEBUG else ALLOWED_HOSTS  # noqa: F405
# Serve static files from the apps directly; no collectstatic needed outside production.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# Emails (training reminders) are printed to the console, never sent, in development.
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# load_demo and build_force: only here (with DEBUG on) and in the tests.
DEMO_USERS_ALLOWED = True
