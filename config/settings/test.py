"""The test suite: the base settings with a throwaway key and fast hashing."""

import secrets

from .base import *  # noqa: F403

SECRET_KEY = secrets.token_urlsafe(50)
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Run enqueued jobs at once, not at commit: pytest-django wraps each test in a transaction.
RQ = {**RQ, "COMMIT_MODE": "auto"}  # noqa: F405
MEDIA_ROOT = BASE_DIR / ".test-media"  # noqa: F405
# The demo users and the made-up force are the suite's fixtures; TESTING lets them load
# with DEBUG off.
DEMO_USERS_ALLOWED = True
TESTING = True
# Serve static files from the apps directly; no collectstatic needed outside production.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# Figures counted afresh on every request, in a cache of the test process's own (the tests of
# keeping them turn it on); never a Redis shared with other tests.
DASHBOARD_FIGURES_SECONDS = 0
# Most tests change the bank without using suggestions; those that do train the model, and
# tests/scenarios/test_draft_suggestions.py turns this on to test the training job itself.
TOPIC_MODEL_TRAINS_ON_BANK_CHANGE = False
CACHES = {
    **CACHES,  # noqa: F405
    "dashboards": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "d"},
}
