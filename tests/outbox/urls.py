"""The project's URLs with django-rq's dashboard guarded as `outbox.urls` does it (until
config/urls.py includes it itself)."""

from django.urls import include, path

from config.urls import urlpatterns as project

urlpatterns = [path("django-rq/", include("outbox.urls"))] + [
    p for p in project if "django-rq" not in str(p.pattern)
]
