"""The initial rulebook, as plain data.

This is what DMC's guidance note says on day one. A Django data migration loads it into the
database (where DMC editors can change it); the tests and the benchmark use it directly through
``initial_rulebook()``. Plain dicts and tuples only, so a migration can copy it verbatim.
"""

from __future__ import annotations

from types import MappingProxyType

from scenarios.rules.types import AMBER, GREEN, RED, Rulebook, Topic

# Where each rating's row of the RAG table lives on the guidance page.
RATING_GUIDANCE_URLS = MappingProxyType(
    {
        GREEN: "/guidance/rag/#green",
        AMBER: "/guidance/rag/#amber",
        RED: "/guidance/rag/#red",
    }
)

# (slug, human name from the guidance note's table, rating, special flag or None)
_ROWS = (
    # GREEN: "Go for it!"
    ("local-good-news", "Local good news", GREEN, None),
    ("burglary", "Burglary", GREEN, None),
    ("assault", "Assault", GREEN, None),
    ("car-crime", "Car crime", GREEN, None),
    ("criminal-damage", "Criminal damage", GREEN, None),
    ("anti-social-behaviour", "Anti-social behaviour", GREEN, None),
    ("road-traffic-collision", "Road traffic collisions", GREEN, "amber_when_ksi"),
    ("crime-prevention", "Crime prevention", GREEN, None),
    ("community-meeting", "Street and community meetings", GREEN, None),
    ("retweet", "Retweets", GREEN, "checks_source"),
    ("link", "Links", GREEN, "checks_source"),
    # AMBER: "Ask DMC before posting", only if already in the public domain
    ("met-wide-operation", "Met-wide operations (e.g. raids, BigWings)", AMBER, None),
    ("engagement-campaign", "Engagement activities and campaigns", AMBER, None),
    ("court-result", "Court results", AMBER, "sentencing_window"),
    ("local-joint-initiative", "Local joint initiatives", AMBER, None),
    ("asbo", "ASBOs", AMBER, None),
    ("evacuation-emergency", "Evacuation or other emergency", AMBER, None),
    ("speeding-crackdown", "Speeding crackdowns", AMBER, None),
    ("wanted-suspect", "Wanted suspects", AMBER, None),
    ("missing-person", "Missing people", AMBER, "custody_image_last_resort"),
    ("charge-details", "Charge details", AMBER, None),
    ("appeal", "Local and pan-London appeals", AMBER, None),
    # RED: "Do not post, contact DMC"
    ("sco-investigation", "SCO investigations", RED, None),
    ("budget-financial", "Budgetary or financial matters", RED, None),
    ("political-government", "Political or government matters", RED, None),
    ("staff-disciplinary", "Staff or officer discipline", RED, None),
    ("force-sop", "Force SOPs (standard operating procedures)", RED, None),
    ("force-reputation", "Force reputation", RED, None),
    ("major-critical-incident", "Major or critical incidents", RED, "press_bureau"),
    ("escaped-prisoner", "Escaped prisoners", RED, None),
    ("terror-threat-level", "Any discussion of the terror threat level", RED, None),
    ("complaint-response", "Responding to complaints", RED, None),
)

_FLAGS = (
    "amber_when_ksi",
    "sentencing_window",
    "checks_source",
    "press_bureau",
    "custody_image_last_resort",
)

INITIAL_TOPICS: tuple[dict, ...] = tuple(
    {
        "slug": slug,
        "name": name,
        "rating": rating,
        "guidance_url": RATING_GUIDANCE_URLS[rating],
        **{flag: flag == special for flag in _FLAGS},
        "sort_order": (index + 1) * 10,
    }
    for index, (slug, name, rating, special) in enumerate(_ROWS)
)

# Accounts and sites whose content a borough may retweet or link to without asking.
INITIAL_GREEN_SOURCES = (
    "metpoliceuk",
    "metpolicevents",
    "local-council",
    "community-group",
    "mps-website",
    "partner-website",
)

SENTENCING_WINDOW_DAYS = 7

# rule id -> the guidance section the rule comes from. The topic rules (green-topic,
# amber-public-domain, red-topic) link to their topic's own guidance_url instead.
DEFAULT_GUIDANCE_URLS = MappingProxyType(
    {
        "amber-not-public-domain": "/guidance/rag/#red",
        "ksi-collision": "/guidance/rag/#amber",
        "court-sentencing-window": "/guidance/local-communication/#court-cases",
        "wider-interest": "/guidance/local-communication/#wider-interest",
        "breaking-press-bureau": "/guidance/roles/#press-bureau",
        "major-incident": "/guidance/roles/#press-bureau",
        "suspect-image-unauthorised": "/guidance/images/#suspect-images",
        "suspect-image-authorised": "/guidance/images/#suspect-images",
        "general-image": "/guidance/images/#general-photos",
        "sexual-offence-victim": "/guidance/media-law/#sexual-offences",
        "child-in-proceedings": "/guidance/media-law/#children",
        "named-before-charge": "/guidance/media-law/#naming-suspects",
        "prejudicial-content": "/guidance/media-law/#contempt",
        "unproven-allegation": "/guidance/media-law/#defamation",
        "names-cautioned-person": "/guidance/media-law/#cautions",
        "ethnicity-or-nationality": "/guidance/media-law/#ethnicity-nationality",
        "wanted-person-arrested": "/guidance/images/#after-arrest",
        "custody-image-missing-person": "/guidance/images/#missing-people",
        "source-green-listed": "/guidance/rag/#green",
        "source-not-green-listed": "/guidance/rag/#amber",
        "not-covered": "/guidance/rag/#amber",
    }
)


def initial_rulebook(version: int = 1) -> Rulebook:
    """The rulebook built from the data above (a fresh object on every call)."""
    topics = {
        row["slug"]: Topic(
            slug=row["slug"],
            name=row["name"],
            rating=row["rating"],
            guidance_url=row["guidance_url"],
            amber_when_ksi=row["amber_when_ksi"],
            sentencing_window=row["sentencing_window"],
            checks_source=row["checks_source"],
            press_bureau=row["press_bureau"],
            custody_image_last_resort=row["custody_image_last_resort"],
        )
        for row in sorted(INITIAL_TOPICS, key=lambda row: row["sort_order"])
    }
    return Rulebook(
        version=version,
        topics=MappingProxyType(topics),
        green_sources=frozenset(INITIAL_GREEN_SOURCES),
        sentencing_window_days=SENTENCING_WINDOW_DAYS,
        guidance_urls=MappingProxyType(dict(DEFAULT_GUIDANCE_URLS)),
    )
