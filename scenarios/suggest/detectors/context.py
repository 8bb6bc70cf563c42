"""Detectors for the ordinary facts of the RAG table: already public, killed or seriously
injured, breaking, and of interest beyond local media."""

from __future__ import annotations

from scenarios.suggest.detection import NO, Detection, find, find_all, q, says, without


def detect_in_public_domain(text: str) -> Detection:
    """Reported, announced or appealed already. A clear "not released yet" wins over a "yes"."""
    no = find("public_domain", "no", text)
    if no:
        return Detection(False, True, says(no))
    yes = find("public_domain", "yes", text)
    if yes:
        return Detection(True, True, says(yes))
    return NO


def detect_ksi(text: str) -> Detection:
    """Killed or seriously injured in a road traffic collision (DfT definitions)."""
    slight = find_all("ksi", "no", text)
    serious = list(without(find_all("ksi", "yes", text), slight))
    if not serious:
        if slight:
            return Detection(False, True, f"{says(slight[0])}: slight injuries")
        return NO
    collision = find("ksi", "collision", text)
    if not collision:
        return Detection(False, True, f"{says(serious[0])}; not a road traffic collision")
    return Detection(True, True, f"{says(serious[0])}; collision: {q(collision.group(0))}")


def detect_breaking(text: str) -> Detection:
    """Unfolding now. A past-tense marker ("yesterday's incident", "now reopened") turns off
    the weaker cues such as "avoid the area", but not "BREAKING" or "right now"."""
    routine = find_all("breaking", "routine", text)
    live = list(without(find_all("breaking", "yes", text), routine))
    if not live:
        return NO
    strong = list(without(find_all("breaking", "strong", text), routine))
    if strong:
        return Detection(True, True, says(strong[0]))
    past = find("breaking", "past", text)
    if past:
        return Detection(False, True, f"{says(live[0])} but {says(past)}")
    return Detection(True, True, says(live[0]))


def detect_wider_interest(text: str) -> Detection:
    """National media, celebrity, virality or a long sentence: beyond local papers."""
    local = find_all("wider_interest", "local", text)
    wide = list(without(find_all("wider_interest", "yes", text), local))
    if wide:
        return Detection(True, True, says(wide[0]))
    return NO
