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


def server_error(request):
    # No context processors: the error may come from them, or from the database.
    return HttpResponseServerError(loader.get_template("500.html").render())
