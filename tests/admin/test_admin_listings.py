"""Every admin listing a staff role can reach searches, filters and sorts without an error.

The listings are found from what is registered (snippet viewsets, model viewsets, the page
explorer, images and documents), not from a hand-kept list, so a new listing is covered."""

import pytest
from django.urls import NoReverseMatch, reverse
from wagtail.admin.viewsets import viewsets as admin_viewsets
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Page
from wagtail.snippets.models import get_snippet_models

from organisation.demo import DEMO_USERS
from organisation.roles import STAFF_ROLES

pytestmark = pytest.mark.django_db

STAFF = [demo.username for demo in DEMO_USERS if demo.role in STAFF_ROLES or demo.superuser]
# A slug, a word, and markup with SQL wildcards.
QUERIES = ["court-result", "burglary", "<script>%_"]


def model_listings():
    """(name, list URL, viewset) of every model listing the admin registers."""
    reverse("wagtailadmin_home")  # loads the admin's URLs, which registers its viewsets
    found = {}
    for model in get_snippet_models():
        viewset = model.snippet_viewset
        found[viewset.get_url_name("list")] = viewset
    for viewset in admin_viewsets.viewsets:
        if isinstance(viewset, ModelViewSet):
            found[viewset.get_url_name("index")] = viewset
    listings = []
    for name, viewset in sorted(found.items()):
        try:
            listings.append((name, reverse(name), viewset))
        except NoReverseMatch:  # a viewset without a listing of its own
            continue
    return listings


def sort_keys(viewset):
    keys = []
    declared = viewset.list_display
    for column in declared if isinstance(declared, (list, tuple)) else []:
        name = column if isinstance(column, str) else getattr(column, "sort_key", None)
        if name and name != "__str__":
            keys += [name, f"-{name}"]
    return keys


def filter_params(viewset):
    """One value for each filter: enough to combine every filter with a search."""
    params = []
    declared = viewset.list_filter
    if not isinstance(declared, (list, tuple, dict)):
        return params  # Wagtail's own viewsets leave it undefined
    for name in declared:
        field = viewset.model._meta.get_field(name)
        if field.is_relation:
            first = field.related_model.objects.order_by("pk").first()
            value = first.pk if first else 1
        elif field.choices:
            value = field.choices[0][0]
        elif field.get_internal_type() == "BooleanField":
            value = "true"
        else:
            value = 1
        params.append({name: value})
    return params


def other_listings():
    root = Page.get_first_root_node()
    urls = [reverse("wagtailadmin_pages:search"), reverse("wagtailadmin_explore", args=[root.pk])]
    return urls + [reverse("wagtailimages:index"), reverse("wagtaildocs:index")]


def test_the_listings_are_found():
    names = {name for name, _, _ in model_listings()}
    assert "wagtailsnippets_scenarios_topic:list" in names
    assert "wagtailsnippets_scenarios_scenariotemplate:list" in names
    assert any(name.startswith("people") for name in names)


def test_every_model_listing_searches_for_every_staff_role(client, demo_site):
    reached = {}
    for username in STAFF:
        client.force_login(demo_site[username])
        reached[username] = 0
        for name, url, _ in model_listings():
            first = client.get(url)
            if first.status_code != 200:
                assert first.status_code in (302, 403), (username, name, first.status_code)
                continue
            reached[username] += 1
            for q in QUERIES:
                response = client.get(url, {"q": q})
                assert response.status_code == 200, (username, name, q)
    # Trainers and DMC's editors work in these listings; the Press Bureau has none.
    for username in ("spoc", "borough-support", "social-media-team", "editor", "admin"):
        assert reached[username] >= 4, (username, reached)


def test_every_model_listing_filters_and_sorts_while_searching(client, demo_site):
    """As the administrator, who reaches every listing: each filter and each sortable column,
    with and without a search (a search with a filter or an order is where it used to break)."""
    client.force_login(demo_site["admin"])
    for name, url, viewset in model_listings():
        for params in filter_params(viewset):
            response = client.get(url, {"q": QUERIES[0], **params})
            assert response.status_code == 200, (name, params)
        for key in sort_keys(viewset):
            assert client.get(url, {"ordering": key}).status_code == 200, (name, key)
            response = client.get(url, {"ordering": key, "q": QUERIES[1]})
            assert response.status_code == 200, (name, key)


def test_page_image_and_document_listings_search_for_every_staff_role(client, demo_site):
    for username in STAFF:
        client.force_login(demo_site[username])
        for url in other_listings():
            if client.get(url).status_code != 200:
                continue
            for q in QUERIES:
                assert client.get(url, {"q": q}).status_code == 200, (username, url, q)


def test_searching_topics_and_templates_by_slug_and_key_finds_them(client, demo_site):
    client.force_login(demo_site["social-media-team"])
    topics = client.get(reverse("wagtailsnippets_scenarios_topic:list"), {"q": "court-result"})
    assert "Court results" in topics.content.decode()
    templates = client.get(
        reverse("wagtailsnippets_scenarios_scenariotemplate:list"),
        {"q": "burglary-arrest-update"},
    )
    assert "Burglary arrest: anonymised update" in templates.content.decode()
