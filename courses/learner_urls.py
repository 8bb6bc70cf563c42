"""My training, certificates, their public check, and assigning training (included from
`courses.urls`).

/training/mine/ and /training/assign/ sit under the Wagtail training index: a course given
the slug "mine" or "assign" would be hidden behind them."""

from django.urls import path

from . import learner_views as views

urlpatterns = [
    path("start/", views.landing, name="landing"),
    path("training/mine/", views.my_training, name="my_training"),
    path("training/assign/", views.assign, name="assign"),
    path("certificates/<str:code>/", views.certificate, name="certificate"),
    path("verify/", views.verify, name="verify"),
    path("verify/<str:code>/", views.verify_code, name="verify_code"),
]
