"""Refreshers after a rule change, and xAPI statements (included from `courses.urls`)."""

from django.urls import path

from . import refresher_views as views

urlpatterns = [
    path("training/refreshers/", views.my_refreshers, name="refreshers"),
    path("training/refreshers/people/", views.people_refreshers, name="refreshers_people"),
    path("training/refreshers/<slug:rule>/start/", views.refresher_start, name="refresher_start"),
    path("training/xapi/statements/", views.my_statements, name="xapi_statements"),
    path("training/xapi/statements/export/", views.statements_export, name="xapi_export"),
]
