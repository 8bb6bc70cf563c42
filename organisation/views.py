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
