"""Every URL pattern the project serves, found by walking the resolver, and the requests that
exercise them: each pattern's arguments filled from the security world (someone's attempt,
certificate, token, page, snippet), and each answer reduced to one outcome a table can name."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.conf import settings
from django.shortcuts import resolve_url
from django.test import Client
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse

# --------------------------------------------------------------------------- outcomes

OK = 200
LOGIN = "login"  # 302 to the site's sign-in page
ADMIN_LOGIN = "admin-login"  # 302 to Wagtail's admin sign-in page
DJANGO_LOGIN = "django-login"  # 302 to Django admin's sign-in page (django-rq's too)
WHOME = "whome"  # 302 to Wagtail's dashboard: how Wagtail refuses its own staff
REDIRECT = "redirect"  # 302 onwards, to content (a resumed attempt, a landing page)
ANY = "any"  # not asserted: a prefix rule's filler arguments name nothing real


@dataclass(frozen=True)
class Route:
    key: str  # the URL's name (namespaced), or its pattern when it has none
    pattern: str  # the whole pattern, prefixes included
    name: str | None
    groups: tuple[str, ...]  # named arguments
    positional: int  # unnamed regex groups
    callback: object = None

    @property
    def has_args(self) -> bool:
        return bool(self.groups or self.positional)


def _walk(patterns, prefix="", namespace="", groups=(), positional=0):
    for pattern in patterns:
        own = tuple(getattr(pattern.pattern, "converters", {}))
        regex = pattern.pattern.regex
        own += tuple(name for name in regex.groupindex if name not in own)
        extra = regex.groups - len(regex.groupindex)
        text = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = ":".join(filter(None, [namespace, pattern.namespace]))
            yield from _walk(pattern.url_patterns, text, inner, groups + own, positional + extra)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else pattern.name
            yield Route(
                name or text, text, name, groups + own, positional + extra, pattern.callback
            )


def all_routes() -> list[Route]:
    """Every pattern of config/urls.py, depth first, in resolution order."""
    return list(_walk(get_resolver().url_patterns))


def filler_url(route: Route) -> str | None:
    """The route's address with "1" for every argument: enough for a check that refuses
    before the view looks anything up. None when "1" does not fit the pattern."""
    if route.name is None:
        return None
    try:
        if route.positional:
            return reverse(route.name, args=["1"] * route.positional)
        return reverse(route.name, kwargs=dict.fromkeys(route.groups, "1"))
    except NoReverseMatch:
        return None


# --------------------------------------------------------------------------- requests


def client_for(viewer: str, users: dict, **kwargs) -> Client:
    client = Client(**kwargs)
    if viewer != "anonymous":
        client.force_login(users[viewer])
    return client


def outcome(response) -> int | str:
    """The answer as the tables spell it: a status, or where a redirect goes."""
    if response.status_code not in (301, 302):
        return response.status_code
    location = response["Location"]
    for token, sign_in in (
        (ADMIN_LOGIN, reverse("wagtailadmin_login")),
        (DJANGO_LOGIN, reverse("admin:login")),
        (LOGIN, resolve_url(settings.LOGIN_URL)),
    ):
        if location.startswith(sign_in + "?"):
            return token
    if location == reverse("wagtailadmin_home"):
        return WHOME
    return REDIRECT


def matches(expected, got) -> bool:
    return expected in (ANY, got) or (isinstance(expected, tuple) and got in expected)


URL_ARGUMENT = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Case:
    key: str  # the expectation's key: the route's, or "key[label]" for one of several
    url: str
    filler: bool = False  # arguments are "1": only the route's prefix rule applies


def cases_of(route: Route, world, fills: dict) -> list[Case]:
    if route.key in fills:
        return [
            Case(f"{route.key}[{label}]" if label else route.key, url)
            for label, url in fills[route.key](world)
        ]
    if not route.has_args:
        url = reverse(route.name) if route.name else "/" + route.pattern
        return [Case(route.key, url)]
    url = filler_url(route)
    if url is None and route.name is None and not set("^$()") & set(route.pattern):
        url = "/" + URL_ARGUMENT.sub("1", route.pattern)
    assert url is not None, f"{route.key}: add its arguments to fills.FILLS"
    return [Case(route.key, url, filler=True)]
