"""The rulebook DMC owns, the scenario templates trainers write, and the question bank."""

from .bank import AnswerChange, BankQuestion, JobRun
from .rulebook import (
    RATING_CHOICES,
    GreenSource,
    RulebookEntry,
    RulebookVersion,
    RuleParameters,
    Topic,
)
from .suggest import TopicModelFile
from .templates import (
    DIFFICULTY_CHOICES,
    IMAGE_KIND_CHOICES,
    ScenarioTemplate,
    ScenarioTemplateTag,
    TemplateSlot,
)

__all__ = [
    "DIFFICULTY_CHOICES",
    "IMAGE_KIND_CHOICES",
    "RATING_CHOICES",
    "AnswerChange",
    "BankQuestion",
    "GreenSource",
    "JobRun",
    "RuleParameters",
    "RulebookEntry",
    "RulebookVersion",
    "ScenarioTemplate",
    "ScenarioTemplateTag",
    "TemplateSlot",
    "Topic",
    "TopicModelFile",
]
