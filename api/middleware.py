"""The /api/ prefix speaks JSON only, and accepts personal API tokens.

ApiErrorsMiddleware comes first in MIDDLEWARE, so it sees every response under /api/ (from
views, other middleware and Django's own error handlers) and turns any refusal that is not
already JSON into {"errors": {...}}. ApiTokenMiddleware comes after AuthenticationMiddleware:
it swaps the session user for a bearer token's user, and refuses requests with neither.
"""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse, JsonResponse

from api.services import token_authenticate

API_PREFIX = "/api/"
MAX_API_BODY = 1_000_000  # bytes; bigger batches belong to `manage.py rag_check`
BEARER_CHALLENGE = 'Bearer realm="api"'

# What a refusal that reached us without a JSON body says, by status.
GENERIC_ERRORS = {
    400: ("request", "Bad request."),
    401: ("auth", "Sign in, or send a personal API token as 'Authorization: Bearer <token>'."),
    403: ("permission", "You may not do that."),
    404: ("path", "There is no API endpoint at this address."),
    413: ("body", "The request body is too large."),
}
SERVER_ERROR = ("server", "Something went wrong on our side. Try again later.")
# Headers that describe the HTML body being replaced; every other header is kept (Allow...).
_BODY_HEADERS = {"content-type", "content-length", "content-language", "content-encoding"}


def is_api(request: HttpRequest) -> bool:
    return request.path_info.startswith(API_PREFIX)


def api_error(what: str, message: str, *, status: int, index: int | None = None) -> JsonResponse:
    body: dict = {"errors": {what: message}}
    if index is not None:
        body["index"] = index
    return JsonResponse(body, status=status)


def _body_limit() -> int:
    django_limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    return MAX_API_BODY if django_limit is None else min(MAX_API_BODY, django_limit)


def _too_large() -> JsonResponse:
    return api_error("body", f"Too large: send at most {_body_limit()} bytes.", status=413)


def _as_json(response: HttpResponse) -> HttpResponse:
    if response.status_code == 401 and not response.has_header("WWW-Authenticate"):
        response["WWW-Authenticate"] = BEARER_CHALLENGE
    content_type = response.get("Content-Type", "")
    if response.status_code < 400 or content_type.startswith("application/json"):
        return response
    if response.status_code == 405:
        allowed = response.get("Allow", "")
        what, message = "method", f"Use {allowed}." if allowed else "Method not allowed."
    elif response.status_code >= 500:
        what, message = SERVER_ERROR
    else:
        what, message = GENERIC_ERRORS.get(response.status_code, ("request", "Refused."))
    replacement = api_error(what, message, status=response.status_code)
    for header, value in response.items():
        if header.lower() not in _BODY_HEADERS:
            replacement[header] = value
    replacement.cookies = response.cookies
    return replacement


class ApiErrorsMiddleware:
    """Every refusal under /api/ is JSON: never Django's HTML pages, never a stack trace."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_api(request):
            return self.get_response(request)
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return api_error("request", "Content-Length must be a whole number.", status=400)
        # Refuse on the declared length, before reading a byte of the body.
        if length > MAX_API_BODY:
            return _too_large()
        try:
            # Read it here, once, so Django's own limit (RequestDataTooBig) is met here too,
            # and not later inside a middleware whose 400 page would be HTML.
            body = request.body
        except RequestDataTooBig:
            return _too_large()
        if len(body) > MAX_API_BODY:
            return _too_large()
        # get_response never raises: Django turns exceptions into (HTML) responses first.
        return _as_json(self.get_response(request))


class ApiTokenMiddleware:
    """Under /api/: a bearer token signs the request in as its owner, with no CSRF check
    (a browser never sends it by itself); a sent token must be valid; no one is anonymous."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_api(request):
            return self.get_response(request)
        scheme, _, raw = request.META.get("HTTP_AUTHORIZATION", "").partition(" ")
        if scheme.lower() == "bearer":
            user = token_authenticate(raw=raw.strip())
            if user is None:
                response = api_error(
                    "auth",
                    "This API token is not valid: it may have been revoked. "
                    "Create a new one on your account page.",
                    status=401,
                )
                response["WWW-Authenticate"] = f'{BEARER_CHALLENGE}, error="invalid_token"'
                return response
            request.user = user

            async def auser():
                return user

            request.auser = auser
            request._dont_enforce_csrf_checks = True
        elif not request.user.is_authenticated:
            # Before the CSRF check: with no one signed in there is no session to protect.
            return api_error("auth", GENERIC_ERRORS[401][1], status=401)
        return self.get_response(request)
