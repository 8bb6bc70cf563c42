from django.urls import path

from . import views

urlpatterns = [
    path("api/rag/check", views.rag_check_api, name="rag_check_api"),
    path("check/", views.draft_checker, name="draft_checker"),
]
