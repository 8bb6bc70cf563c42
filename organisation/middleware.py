"""Who may reach the admin, how long a sign-in lasts, sign-in throttling and the page policy."""

from axes.backends import AxesStandaloneBackend
from csp.middleware import CSPMiddleware
from csp.utils import default_config
from django.conf import settings
from django.contrib.auth import logout
from django.shortcuts import render
from django.utils import timezone

from .roles import ADMIN_ACCESS

GUARDED_PREFIXES = ("/admin/", "/django-rq/")

# Session keys, in seconds since the epoch.
SIGNED_IN_AT = "_signed_in_at"
REFRESHED_AT = "_session_refreshed_at"


class StaffOnlyAdminMiddleware:
    """Officers who open the admin get a plain refusal page, not the admin's login loop."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and request.path.startswith(GUARDED_PREFIXES)
            and not user.has_perm(ADMIN_ACCESS)
        ):
            return render(request, "403_admin.html", status=403)
        return self.get_response(request)


class SessionLifetimeMiddleware:
    """Ends a sign-in after SESSION_ABSOLUTE_AGE, and keeps an active one from idling out.

    The idle limit is the session's own expiry (SESSION_COOKIE_AGE), enforced by the session
    store. Saving the session pushes it forward; doing that at most once every
    SESSION_REFRESH_INTERVAL keeps a busy officer signed in without a write on every request.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            session = request.session
            now = int(timezone.now().timestamp())
            signed_in_at = session.setdefault(SIGNED_IN_AT, now)
            if now - signed_in_at >= settings.SESSION_ABSOLUTE_AGE:
                logout(request)  # the request goes on as anonymous: sign in again
            elif now - session.get(REFRESHED_AT, 0) >= settings.SESSION_REFRESH_INTERVAL:
                session[REFRESHED_AT] = now
        return self.get_response(request)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with ADMIN_CONTENT_SECURITY_POLICY under ADMIN_URL_PREFIXES.

    A view's own csp_override / csp_update still wins, as with django-csp alone.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if (
            not report_only
            and parts.config is None
            and request.path_info.startswith(settings.ADMIN_URL_PREFIXES)
        ):
            parts.config = default_config(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        return parts


class SignInThrottleBackend(AxesStandaloneBackend):
    """django-axes' lockout check, for sign-ins through a web page.

    Code that authenticates without a request (the test client's login(), a shell) has no
    client address to throttle by: it goes on to the next backend instead of failing.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def client_ip(request) -> str | None:
    """The address sign-in throttling counts by (AXES_CLIENT_IP_CALLABLE).

    REMOTE_ADDR, unless a proxy in front appends the address it saw to X-Forwarded-For
    (TRUST_X_FORWARDED_FOR): then its last entry, the one the client cannot forge.
    """
    if settings.TRUST_X_FORWARDED_FOR:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        last = forwarded.rsplit(",", 1)[-1].strip()
        if last:
            return last
    return request.META.get("REMOTE_ADDR")
