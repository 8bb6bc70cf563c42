from axes.helpers import get_client_username, get_cool_off
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader


@login_required
def me(request):
    profile = getattr(request.user, "profile", None)
    return render(request, "organisation/me.html", {"profile": profile})


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def permission_denied(request, exception=None):
    # Says whose page it is and where to go instead, in the site's own layout.
    return render(request, "403.html", status=403)


def server_error(request):
    # No context processors: the error may come from them, or from the database.
    return HttpResponseServerError(loader.get_template("500.html").render())


def signin_locked_out(request, original_response=None, credentials=None):
    """django-axes' lockout answer (AXES_LOCKOUT_CALLABLE), on both sign-in pages: what
    happened and how long to wait, in the site's own layout."""
    context = {
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "username": get_client_username(request, credentials) or "",
        "minutes": int(get_cool_off(request).total_seconds() // 60),
    }
    return render(request, "registration/locked_out.html", context, status=429)
