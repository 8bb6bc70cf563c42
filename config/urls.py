from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from organisation import views as organisation_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("django-admin/", admin.site.urls),
    path("documents/", include(wagtaildocs_urls)),
    # django-rq's dashboard, every view guarded, and a 503 naming waiting jobs while Redis is down.
    path("django-rq/", include("outbox.urls")),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/me/", organisation_views.me, name="me"),
    # /api/… (JSON only) and the token pages under /accounts/tokens/.
    path("", include("api.urls")),
    path("", include("scenarios.urls")),
    path("", include("quizzes.urls")),
    path("", include("courses.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]

handler403 = "organisation.views.permission_denied"
handler404 = "organisation.views.page_not_found"
handler500 = "organisation.views.server_error"
