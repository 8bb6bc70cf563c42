"""How answers are marked, weighted by risk. Pure: no Django.

A "would you post this?" question is worth 3 points. The right rating earns all 3. Being more
cautious than needed costs a point per step (answering "Do not post" to a green item earns 1):
the officer asked DMC for nothing. Being less cautious earns nothing, and answering "Go for it!"
to a red item is the **dangerous mistake**: it is counted apart, and a quiz may fail on one.
A multiple-choice question is worth 3 points, all or nothing. Who to contact, when asked, is
scored apart and does not change the points.
"""

from __future__ import annotations

from dataclasses import dataclass

SEVERITY = {"GREEN": 0, "AMBER": 1, "RED": 2}
RATINGS = tuple(SEVERITY)
CONTACT_CHOICES = ("dmc", "press-bureau")
MAX_POINTS = 3


@dataclass(frozen=True)
class Mark:
    points: int
    max_points: int
    correct: bool
    dangerous: bool = False
    contact_correct: bool | None = None  # None: the contact was not asked or not marked


def mark_rating(
    truth: str,
    answer: str | None,
    *,
    truth_contact: str = "none",
    contact: str | None = None,
    ask_contact: bool = False,
) -> Mark:
    """Mark one rating (and, when asked, the contact) against the verdict."""
    contact_correct = None
    if ask_contact and truth != "GREEN":
        contact_correct = contact == truth_contact
    if not answer:
        return Mark(0, MAX_POINTS, False, False, contact_correct)
    gap = SEVERITY[answer] - SEVERITY[truth]
    if gap == 0:
        return Mark(MAX_POINTS, MAX_POINTS, True, False, contact_correct)
    if gap > 0:  # more cautious than needed
        return Mark(MAX_POINTS - gap, MAX_POINTS, False, False, contact_correct)
    return Mark(0, MAX_POINTS, False, truth == "RED" and answer == "GREEN", contact_correct)


def mark_choice(correct: int, answer: int | None) -> Mark:
    right = answer is not None and answer == correct
    return Mark(MAX_POINTS if right else 0, MAX_POINTS, right)


@dataclass(frozen=True)
class Result:
    points: int
    max_points: int
    score: int  # per cent, rounded down so a pass is never rounded into being
    dangerous_mistakes: int
    contacts_right: int
    contacts_asked: int
    passed: bool


def result_of(marks: list[Mark], *, pass_mark: int, fail_on_dangerous: bool) -> Result:
    points = sum(m.points for m in marks)
    max_points = sum(m.max_points for m in marks)
    score = (100 * points) // max_points if max_points else 0
    dangerous = sum(1 for m in marks if m.dangerous)
    asked = [m.contact_correct for m in marks if m.contact_correct is not None]
    passed = score >= pass_mark and not (fail_on_dangerous and dangerous)
    return Result(points, max_points, score, dangerous, sum(asked), len(asked), passed)
