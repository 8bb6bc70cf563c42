from django.urls import path

from . import views

urlpatterns = [
    path("check/", views.draft_checker, name="draft_checker"),
]
