"""Detectors for what goes with a post: the picture, whether a suspect image's release was
authorised, and whose post or site a retweet or link shares."""

from __future__ import annotations

import re

from scenarios.suggest.detection import NO, Detection, find, q, says
from scenarios.suggest.lexicon import cue_list, words

_RETWEET = re.compile(
    r"(?<!\w)(?:RT|QT|retweet(?:ing|ed)?|reposting|sharing|via)\s*:?\s*(?:from\s+|of\s+)?@(\w+)",
    re.IGNORECASE,
)
_URL = re.compile(
    r"(?:https?://)?(?:www\.)?((?:[a-z0-9-]+\.)+(?:uk|com|org|net|london|info|co|io))(/\S*)?",
    re.IGNORECASE,
)


def detect_image(text: str) -> Detection:
    """ "none", "general", "suspect" or "custody": custody beats suspect beats general."""
    attached = find("image", "attached", text)
    custody = find("image", "custody", text)
    if custody:
        return Detection("custody", True, says(custody))
    if not attached:
        return Detection("none", True, "")
    general = find("image", "general", text)
    suspect = find("image", "suspect", text)
    if suspect and not general:
        if suspect.span() == attached.span():  # "keeping his photo up": one cue says both
            return Detection("suspect", True, says(suspect))
        return Detection("suspect", True, f"{says(attached)}; {says(suspect)}")
    if suspect:
        # "family photo" beside "suspect": the cautious reading is a suspect image.
        return Detection("suspect", False, f"{says(attached)}; {says(suspect)}; {says(general)}")
    return Detection("general", True, says(attached))


def detect_image_release_authorised(text: str) -> Detection:
    no = find("authorised", "no", text)
    if no:
        return Detection(False, True, says(no))
    yes = find("authorised", "yes", text)
    if yes:
        return Detection(True, True, says(yes))
    return NO


def _classify_handle(handle: str) -> str:
    slug = handle.lower()
    if slug in cue_list("source", "met_central"):
        return slug
    if any(word in slug for word in cue_list("source", "council_handle_words")):
        return "local-council"
    if any(word in slug for word in cue_list("source", "community_handle_words")):
        return "community-group"
    return slug


def _classify_site(domain: str) -> str:
    domain = domain.lower().removeprefix("www.")
    if domain in cue_list("source", "mps_sites"):
        return "mps-website"
    boroughs = {b.lower().replace(" ", "") for b in words("places", "boroughs")}
    name = domain.split(".")[0]
    if domain.endswith(".gov.uk") and (
        name in boroughs or "council" in name or name.startswith(("lb", "rb", "royal"))
    ):
        return "local-council"
    if any(
        domain == site or domain.endswith("." + site)
        for site in cue_list("source", "partner_sites")
    ):
        return "partner-website"
    return re.sub(r"[^a-z0-9-]+", "-", name).strip("-") or "unknown"


def detect_source(text: str) -> Detection:
    """Whose post a retweet shares (by handle) or whose site a link points to (by domain)."""
    retweet = _RETWEET.search(text)
    if retweet:
        source = _classify_handle(retweet.group(1))
        return Detection(source, True, f"{says(retweet)}: {source}")
    url = _URL.search(text)
    if url:
        source = _classify_site(url.group(1))
        return Detection(source, True, f"links to {q(url.group(0))}: {source}")
    return Detection(None, True, "")
