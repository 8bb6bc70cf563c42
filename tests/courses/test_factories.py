"""`quizzes.factories`: the quizzes the demo courses and the tests make."""

import pytest

from quizzes.factories import FixedQuestionFactory, QuizFactory
from quizzes.models import Quiz
from quizzes.models.quiz import parse_choices

pytestmark = pytest.mark.django_db


def test_a_quiz_is_published_with_its_topics_and_questions_in_the_revision():
    quiz = QuizFactory(
        topics=["court-result", "appeal"],
        rules=["court-sentencing-window"],
        fixed_questions=[
            {"text": "Q?", "choices": "* Yes\nNo", "explanation": "Because.", "guidance_url": ""}
        ],
    )
    assert quiz.live and quiz.live_revision is not None
    assert sorted(quiz.topics.values_list("slug", flat=True)) == ["appeal", "court-result"]
    content = quiz.live_revision.content
    assert [q["text"] for q in content["fixed_questions"]] == ["Q?"]
    assert quiz.fixed_questions.get().text == "Q?"


def test_a_draft_quiz_is_not_live():
    quiz = QuizFactory(publish=False)
    assert not Quiz.objects.get(pk=quiz.pk).live
    assert quiz.live_revision is None


def test_a_fixed_question_on_its_own_has_one_right_choice():
    question = FixedQuestionFactory()
    choices, correct = parse_choices(question.choices)
    assert choices[correct] == "DMC's 24-hour Press Bureau"
    question.full_clean()


def test_an_unknown_topic_is_an_error():
    with pytest.raises(ValueError, match="No topic 'no-such-topic'"):
        QuizFactory(topics=["no-such-topic"])
