from django.urls import path

from . import views

app_name = "quizzes"
urlpatterns = [
    path("quizzes/<int:quiz_id>/start/", views.start, name="start"),
    path("attempts/<int:pk>/", views.attempt, name="attempt"),
    path("attempts/<int:pk>/questions/<int:position>/", views.question, name="question"),
    path("attempts/<int:pk>/submit/", views.submit, name="submit"),
    path("attempts/<int:pk>/review/", views.review, name="review"),
]
