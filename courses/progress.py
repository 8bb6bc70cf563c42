"""A person's progress through modules, for the course page, in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass

from quizzes.selectors import passed_quiz_ids

__all__ = ["ModuleProgress", "passed_quiz_ids"]


@dataclass(frozen=True)
class ModuleProgress:
    read: int
    total: int
    has_quiz: bool
    quiz_passed: bool

    @property
    def all_read(self) -> bool:
        return self.total > 0 and self.read >= self.total
