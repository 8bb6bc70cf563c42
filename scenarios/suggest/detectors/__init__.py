"""One detector per fact: ``detect_<fact>(text) -> Detection``. Pure functions of the text.

``FLAG_DETECTORS`` maps each boolean fact to its detector, ``VALUE_DETECTORS`` the facts whose
value is a string (``image``, ``source``). ``RED_OVERRIDE_FLAGS`` are the facts that make a post
RED whatever its topic; a suggestion never clears one of them on a weak cue.
"""

from collections.abc import Mapping
from datetime import date
from functools import lru_cache
from types import MappingProxyType

from scenarios.suggest.dates import days_since_sentencing
from scenarios.suggest.detection import Detection
from scenarios.suggest.detectors.allegation import detect_unproven_allegation
from scenarios.suggest.detectors.context import (
    detect_breaking,
    detect_in_public_domain,
    detect_ksi,
    detect_wider_interest,
)
from scenarios.suggest.detectors.media import (
    detect_image,
    detect_image_release_authorised,
    detect_source,
)
from scenarios.suggest.detectors.suspects import (
    detect_gives_ethnicity_or_nationality,
    detect_names_cautioned_person,
    detect_names_suspect_before_charge,
    detect_prejudicial_content,
    detect_wanted_person_arrested,
)
from scenarios.suggest.detectors.victims import (
    detect_identifies_child_in_proceedings,
    detect_identifies_sexual_offence_victim,
)

RED_OVERRIDE_FLAGS = (
    "identifies_sexual_offence_victim",
    "identifies_child_in_proceedings",
    "names_suspect_before_charge",
    "prejudicial_content",
    "unproven_allegation",
    "wanted_person_arrested",
    "names_cautioned_person",
)

FLAG_DETECTORS = {
    "in_public_domain": detect_in_public_domain,
    "ksi": detect_ksi,
    "wider_interest": detect_wider_interest,
    "breaking": detect_breaking,
    "image_release_authorised": detect_image_release_authorised,
    "identifies_sexual_offence_victim": detect_identifies_sexual_offence_victim,
    "identifies_child_in_proceedings": detect_identifies_child_in_proceedings,
    "names_suspect_before_charge": detect_names_suspect_before_charge,
    "prejudicial_content": detect_prejudicial_content,
    "unproven_allegation": detect_unproven_allegation,
    "wanted_person_arrested": detect_wanted_person_arrested,
    "names_cautioned_person": detect_names_cautioned_person,
    "gives_ethnicity_or_nationality": detect_gives_ethnicity_or_nationality,
}

VALUE_DETECTORS = {"image": detect_image, "source": detect_source}


# Texts whose answers are kept. Training passes over every labelled draft once per fold, in
# order: a cache smaller than the drafts evicts each one just before it is asked again, so it
# must hold them all (8,294 drafts made training 2.5 times slower at 8,192). A test keeps a
# margin above the drafts.
CACHED_TEXTS = 16_384


@lru_cache(maxsize=CACHED_TEXTS)
def flag_detections(text: str) -> Mapping[str, Detection]:
    """Every flag detector's answer for ``text``. Kept per text: a suggestion, the flag
    reader's features and its training each ask for the same answers."""
    return MappingProxyType({flag: detect(text) for flag, detect in FLAG_DETECTORS.items()})


# Touches every cue list, name list and detector, so all patterns are compiled.
_WARM_UP_TEXT = (
    "RT @metpoliceuk: John Smith, 32, of Ash Road was arrested yesterday and cautioned. "
    "A 15-year-old from Hill School was charged with sexual assault and appears at youth court. "
    "WANTED: do you know this white man? [CCTV image attached: release authorised by the SIO] "
    "He has now been arrested. Kebab King on Rye Lane is selling stolen phones, as reported by "
    "the BBC. A cyclist died in a collision; avoid the area. Jailed on 19 November. "
    "met.police.uk"
)


def warm_up() -> None:
    """Compile every pattern now rather than in the first suggestion (some 60 ms)."""
    for detect in (*FLAG_DETECTORS.values(), *VALUE_DETECTORS.values()):
        detect(_WARM_UP_TEXT)
    days_since_sentencing(_WARM_UP_TEXT, date(2026, 11, 20))


__all__ = [
    "FLAG_DETECTORS",
    "RED_OVERRIDE_FLAGS",
    "VALUE_DETECTORS",
    "warm_up",
    "detect_breaking",
    "detect_gives_ethnicity_or_nationality",
    "detect_identifies_child_in_proceedings",
    "detect_identifies_sexual_offence_victim",
    "detect_image",
    "detect_image_release_authorised",
    "detect_in_public_domain",
    "detect_ksi",
    "detect_names_cautioned_person",
    "detect_names_suspect_before_charge",
    "detect_prejudicial_content",
    "detect_source",
    "detect_unproven_allegation",
    "detect_wanted_person_arrested",
    "detect_wider_interest",
]
