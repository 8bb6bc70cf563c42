"""Settings shared by every environment. Safe by default: DEBUG off, no secret in code.

Everything that differs between machines comes from the environment:
DJANGO_SECRET_KEY, DJANGO_DEBUG, DJANGO_ALLOWED_HOSTS, DATABASE_URL, REDIS_URL,
WAGTAILADMIN_BASE_URL, DJANGO_TRUST_X_FORWARDED_PROTO, DJANGO_TRUST_X_FORWARDED_FOR.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", False)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "organisation",
    "scenarios",
    "quizzes",
    "courses",
    "api",
    "audit",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "outbox",  # before django_rq: its `rqcron` replaces django-rq's (jobs through the outbox)
    "django_rq",
    "axes",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    # The security headers first, so every answer carries them, the API's own refusals too.
    "django.middleware.security.SecurityMiddleware",
    # django-csp's, with the admin's own policy (ADMIN_CONTENT_SECURITY_POLICY below).
    "organisation.middleware.ContentSecurityPolicyMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Then, so every refusal under /api/ (from any middleware, view or handler) becomes JSON.
    "api.middleware.ApiErrorsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Before the token middleware: only a signed-in session has a lifetime to keep.
    "organisation.middleware.SessionLifetimeMiddleware",
    # After the session user is known: a bearer token replaces it, on /api/ only.
    "api.middleware.ApiTokenMiddleware",
    "organisation.middleware.StaffOnlyAdminMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into its page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
# JSON under /api/, Django's usual page elsewhere.
CSRF_FAILURE_VIEW = "api.views.csrf_failure"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "organisation.context_processors.person",
                "courses.context_processors.training",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

# SQLite in the project folder unless DATABASE_URL points elsewhere (PostgreSQL in CI).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Readers never wait for a writer (WAL), a commit does not wait for the disk twice, and a
    # write transaction takes its lock at the start instead of failing half-way ("database is
    # locked") when two requests write at once.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "courses:landing"
LOGOUT_REDIRECT_URL = "/"
AUTHENTICATION_BACKENDS = [
    # First: refuses a locked-out username and address before any password is checked.
    "organisation.middleware.SignInThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Sign-in throttling (django-axes), shared by /accounts/login/ and the admin's login: five
# wrong passwords for one username from one address lock that pair out for 15 minutes after
# the last try; a successful sign-in clears the count.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "organisation.views.signin_locked_out"
# The client's address: REMOTE_ADDR, or behind a proxy that appends to X-Forwarded-For
# (DJANGO_TRUST_X_FORWARDED_FOR=true) the address that proxy saw. Never a client's own claim.
TRUST_X_FORWARDED_FOR = env_bool("DJANGO_TRUST_X_FORWARDED_FOR", False)
AXES_CLIENT_IP_CALLABLE = "organisation.middleware.client_ip"

# Sessions end after 2 hours without a request, and 12 hours after signing in whatever
# happens. The idle clock is the session's expiry, pushed forward at most every 5 minutes
# (SessionLifetimeMiddleware) rather than by a database write on every request.
SESSION_COOKIE_AGE = 2 * 60 * 60
SESSION_REFRESH_INTERVAL = 5 * 60
SESSION_ABSOLUTE_AGE = 12 * 60 * 60
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# Readable by scripts on purpose: the draft checker and quiz send it as X-CSRFToken.
CSRF_COOKIE_HTTPONLY = False
CSRF_COOKIE_SAMESITE = "Lax"

# Headers on every response (HSTS and Secure cookies: production, which is served over HTTPS).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content Security Policy (django-csp 4): the site's own pages load scripts, styles, images and
# fonts from this origin only, with nothing inline.
_SELF, _NONE = "'self'", "'none'"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [_SELF],
        "script-src": [_SELF],
        "style-src": [_SELF],
        "img-src": [_SELF, "data:"],
        "font-src": [_SELF],
        "connect-src": [_SELF],
        "object-src": [_NONE],
        "base-uri": [_NONE],
        "form-action": [_SELF],
        "frame-ancestors": [_NONE],
    }
}
# The Wagtail admin (and Django's admin and django-rq's pages, which share its prefixes):
# Wagtail 8 still writes inline styles and some inline scripts (date pickers, panels), and
# shows its page previews in a frame of its own.
ADMIN_URL_PREFIXES = ("/admin/", "/django-admin/", "/django-rq/")
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [_SELF, "'unsafe-inline'"],
        "style-src": [_SELF, "'unsafe-inline'"],
        "img-src": [_SELF, "data:", "blob:"],
        "frame-ancestors": [_SELF],
    }
}

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = BASE_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Jobs: a real Redis when REDIS_URL is set (run `manage.py rqworker`); otherwise jobs run
# in-process on an in-memory fakeredis, so the default set-up still does everything. Jobs go
# through the outbox app (kept in the database while Redis is down) and travel as JSON, never
# pickle: the queues and the workers (RQ["WORKER_CLASS"]) both use RQ's JSON serializer.
REDIS_URL = os.environ.get("REDIS_URL", "")
RQ_SERIALIZER = "rq.serializers.JSONSerializer"
RQ = {"WORKER_CLASS": "outbox.workers.JSONWorker"}
if REDIS_URL:
    # A Redis that does not answer fails fast: the request goes on, the job waits in the outbox.
    _redis_url = REDIS_URL
    if "socket_connect_timeout" not in _redis_url:
        _redis_url += ("&" if "?" in _redis_url else "?") + "socket_connect_timeout=3"
    RQ_QUEUES = {
        "default": {"URL": _redis_url, "DEFAULT_TIMEOUT": 600, "SERIALIZER": RQ_SERIALIZER}
    }
else:
    import fakeredis

    _fake_redis = fakeredis.FakeRedis(server=fakeredis.FakeServer())
    RQ_QUEUES = {
        "default": {
            "HOST": "localhost",
            "PORT": 6379,
            "DB": 0,
            "ASYNC": False,
            "DEFAULT_TIMEOUT": 600,
            "SERIALIZER": RQ_SERIALIZER,
            "REDIS_CLIENT_KWARGS": {"connection_pool": _fake_redis.connection_pool},
        }
    }

# The trainer dashboards' overview counts every training record in scope (a third of a second
# for the whole force): its figures are kept this long, shared by the web workers through
# Redis when there is one. 0: counted afresh on every request.
DASHBOARD_FIGURES_SECONDS = int(os.environ.get("DASHBOARD_FIGURES_SECONDS", "60"))
# The draft checker's topic model retrains (as a job) whenever the question bank changes.
TOPIC_MODEL_TRAINS_ON_BANK_CHANGE = True
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "dashboards": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": _redis_url,
            "KEY_PREFIX": "media-awareness",
            "OPTIONS": {"socket_timeout": 1},
        }
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "dashboards"}
    ),
}

# Questions re-graded per transaction: a killed worker loses at most one chunk of work.
BANK_REGRADE_CHUNK = int(os.environ.get("BANK_REGRADE_CHUNK", "2000"))

WAGTAIL_SITE_NAME = "Media awareness"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Pictures only, and no larger than 5 MB: enough for a social media post.
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 5 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
# A damaged picture is refused in words (home/image_forms.py), not with a server error.
WAGTAILIMAGES_IMAGE_FORM_BASE = "home.image_forms.PictureForm"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAIL_MODERATION_ENABLED = True
# No avatars fetched from gravatar.com: the admin names nobody to an outside service.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_WORKFLOW_ENABLED = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}

# Demo users and the made-up force: off unless the development or test settings turn them on.
DEMO_USERS_ALLOWED = False
