"""Quizzes DMC sets in the admin, and the attempts officers make at them."""

from .attempt import Attempt, AttemptQuestion
from .quiz import FixedQuestion, Quiz

__all__ = ["Attempt", "AttemptQuestion", "FixedQuestion", "Quiz"]
