from django.urls import include, path

from . import views

app_name = "courses"
urlpatterns = [
    path("lessons/<int:module_id>/<str:key>/read/", views.lesson_read, name="lesson_read"),
    path("", include("courses.learner_urls")),
    path("", include("courses.dashboards.urls")),
    path("", include("courses.refresher_urls")),
]
