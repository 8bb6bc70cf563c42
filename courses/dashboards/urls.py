"""Dashboard and export addresses (included from `courses.urls`, namespace `courses`)."""

from django.urls import path

from . import views

urlpatterns = [
    path("training/dashboard/", views.overview, name="dashboard"),
    path("training/dashboard/people/", views.people, name="dashboard_people"),
    path("training/dashboard/overdue/", views.overdue, name="dashboard_overdue"),
    path("training/dashboard/trends/", views.trends, name="dashboard_trends"),
    path("training/dashboard/rules/", views.rules, name="dashboard_rules"),
    path("training/dashboard/export/<slug:table>.csv", views.export, name="dashboard_export"),
]
