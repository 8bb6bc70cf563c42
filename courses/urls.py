from django.urls import path

from . import views

app_name = "courses"
urlpatterns = [
    path("lessons/<int:module_id>/<str:key>/read/", views.lesson_read, name="lesson_read"),
]
