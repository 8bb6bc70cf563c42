"""django-rq's dashboard with every view guarded: while Redis is down it answers 503, saying so
and how many jobs wait in the outbox, rather than a 500. Include it in place of django_rq.urls:
`path("django-rq/", include("outbox.urls"))`."""

from functools import wraps

from django.http import HttpResponse
from django.urls import URLPattern
from django.utils.html import format_html
from django_rq.urls import get_admin_urlpatterns, get_api_urlpatterns

from .models import QueuedJob
from .services import REDIS_DOWN

app_name = "django_rq"  # the dashboard's templates reverse "django_rq:..."


def redis_guarded(view):
    @wraps(view)
    def guarded(request, *args, **kwargs):
        try:
            response = view(request, *args, **kwargs)
            if hasattr(response, "render") and not response.is_rendered:
                response.render()  # a lazy template would reach Redis only here
            return response
        except REDIS_DOWN:
            waiting = QueuedJob.objects.filter(state=QueuedJob.PENDING).count()
            body = format_html(
                "<!doctype html><html lang='en'><title>Job queue unavailable</title>"
                "<main><h1>The job queue is not answering</h1><p>Redis cannot be reached. "
                "Nothing is lost: {} waiting in the outbox, handed over when it is "
                "back (<code>manage.py relay_jobs</code>).</p></main></html>",
                f"{waiting} job" if waiting == 1 else f"{waiting} jobs",
            )
            return HttpResponse(body, status=503)

    return guarded


urlpatterns = [
    URLPattern(p.pattern, redis_guarded(p.callback), p.default_args, p.name)
    for p in get_api_urlpatterns() + get_admin_urlpatterns()
]
