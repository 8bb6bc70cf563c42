"""Production: refuses to start half-configured; `check --deploy --fail-level WARNING` is clean.

manage.py falls back to these settings wherever `make setup` has not marked a developer's
machine, so every refusal below also says how to get the development settings instead.
"""

import os
import sys

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_bool

_DEVELOPING = (
    "On a developer's machine, run `make run` instead: it sets up the development settings."
)

DEBUG = False
if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY is not set. Production will not start without a secret key; "
        "generate one with: python -c 'import secrets; print(secrets.token_urlsafe(50))'. "
        + _DEVELOPING
    )
if not ALLOWED_HOSTS:  # noqa: F405
    raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS is empty: list the host names to serve.")

# Links in emails (moderation, reminders) must lead to this site, not to a developer's machine.
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "").rstrip("/")
if not WAGTAILADMIN_BASE_URL.startswith(("https://", "http://")):
    raise ImproperlyConfigured(
        "WAGTAILADMIN_BASE_URL must be the site's address as people reach it, such as "
        "https://media.example.police.uk: emails link to it. " + _DEVELOPING
    )

# Jobs: a real queue. In-process jobs would re-grade the whole question bank inside the web
# request that publishes a rulebook, so they are an explicit choice, announced at every start.
JOBS_IN_PROCESS = env_bool("DJANGO_JOBS_IN_PROCESS", False)
if not REDIS_URL and not JOBS_IN_PROCESS:  # noqa: F405
    raise ImproperlyConfigured(
        "REDIS_URL is not set. Production runs its jobs on Redis with RQ workers: set "
        "REDIS_URL (such as redis://127.0.0.1:6379/0) and start `manage.py rqworker`. For a "
        "small site without Redis, set DJANGO_JOBS_IN_PROCESS=true to run jobs inside web "
        "requests instead. " + _DEVELOPING
    )
if not REDIS_URL:  # noqa: F405
    sys.stderr.write(
        "WARNING: DJANGO_JOBS_IN_PROCESS=true and no REDIS_URL: jobs run inside web requests "
        "(publishing a rulebook re-grades the whole question bank before the page answers), "
        "and the system's cron must run `manage.py expire_attempts` and `send_reminders`. "
        "Set REDIS_URL and run a worker for anything but a small site.\n"
    )

STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}

# Trust the proxy's word that a request came over HTTPS only when there is such a proxy:
# otherwise any client could send the header and pass as secure.
if env_bool("DJANGO_TRUST_X_FORWARDED_PROTO", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# Email (moderation, reminders, digests) through the force's SMTP relay.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
LOGGING["root"]["level"] = os.environ.get("DJANGO_LOG_LEVEL", "INFO")  # noqa: F405
DEMO_USERS_ALLOWED = False
