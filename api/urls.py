"""Included at the site root: the JSON API under /api/, token pages under /accounts/tokens/."""

from django.urls import path, re_path

from . import views

urlpatterns = [
    path("api/rag/check", views.rag_check_api, name="rag_check_api"),
    path("api/rag/suggest", views.rag_suggest_api, name="rag_suggest_api"),
    # Every other address under /api/ is a JSON 404 (not Wagtail's page, nor a slash redirect).
    re_path(r"^api/(?P<rest>.*)$", views.api_not_found, name="api_not_found"),
    path("accounts/tokens/new/", views.token_new, name="api_token_new"),
    path(
        "accounts/tokens/<int:token_id>/revoke/",
        views.token_revoke_view,
        name="api_token_revoke",
    ),
]
