"""Factories for quizzes. The tests and the demo courses (`courses.loader`) share them.

    QuizFactory(title="Court cases", question_count=8, topics=["court-result"],
                rules=["court-sentencing-window"], fail_on_dangerous=True,
                fixed_questions=[{"text": "...", "choices": "* Right\\nWrong",
                                  "explanation": "...", "guidance_url": "/guidance/..."}])

A quiz is published by default (a revision, then live), as the start view needs; pass
``publish=False`` for a draft that was never published. ``topics`` are slugs or ``Topic`` rows;
``fixed_questions`` are dicts of ``FixedQuestion`` fields (or unsaved ``FixedQuestion``s), saved
with the quiz and kept in its revision.
"""

import factory
from factory.django import DjangoModelFactory

from scenarios.models import Topic

from .models import FixedQuestion, Quiz
from .models.quiz import ASSESSED


class FixedQuestionFactory(DjangoModelFactory):
    """One question written by hand. On its own it is added to a new quiz of its own; to add it
    to a quiz that is already published, prefer ``QuizFactory(fixed_questions=[...])`` so the
    published revision holds it too."""

    class Meta:
        model = FixedQuestion

    quiz = factory.SubFactory("quizzes.factories.QuizFactory", question_count=0)
    text = "Who do you call at 2 am about a breaking major incident?"
    choices = (
        "* DMC's 24-hour Press Bureau\n"
        "Your borough SPOC\n"
        "DMC Borough Support\n"
        "Nobody: post it yourself"
    )
    explanation = "Breaking and major incidents go to the Press Bureau, day and night."
    guidance_url = "/guidance/roles/#press-bureau"
    sort_order = factory.Sequence(lambda n: n)


class QuizFactory(DjangoModelFactory):
    class Meta:
        model = Quiz
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Quiz {n}")
    mode = ASSESSED
    question_count = 10
    tags = ""
    rules = factory.LazyFunction(list)
    pass_mark = 80
    attempts_allowed = 0
    time_limit_minutes = None
    shuffle = True
    ask_contact = False
    fail_on_dangerous = False
    topics = ()
    fixed_questions = ()

    @classmethod
    def _adjust_kwargs(cls, **kwargs):
        kwargs["topics"] = [topic_of(topic) for topic in kwargs["topics"]]
        kwargs["fixed_questions"] = [
            question
            if isinstance(question, FixedQuestion)
            else FixedQuestion(sort_order=order, **question)
            for order, question in enumerate(kwargs["fixed_questions"])
        ]
        return kwargs

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        # A ClusterableModel keeps its topics and questions in memory until saved: one save
        # writes the quiz and its children together.
        quiz = model_class(*args, **kwargs)
        quiz.save()
        return quiz

    @factory.post_generation
    def publish(self, create, extracted, **kwargs):
        if not create:
            return
        if extracted is False:
            self.live = False
            self.save(update_fields=["live"])
        else:
            self.save_revision().publish()
            # Publishing saves a copy made from the revision: catch up with it.
            self.refresh_from_db()


def topic_of(topic) -> Topic:
    if isinstance(topic, Topic):
        return topic
    found = Topic.objects.filter(slug=topic).first()
    if found is None:
        raise ValueError(f"No topic {topic!r} in the rulebook.")
    return found
