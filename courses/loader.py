"""Builds the training index, the demo courses, their modules and the modules' quizzes from the
data files in `content/` (see `course_files.py`), idempotently. Run after the guidance: lessons
point at its sections.

As with the guidance (`home/loader.py`): a page or quiz is created when missing, and brought
up to date only while no person has edited it. The first revision an editor saves makes it
theirs, and the loader leaves it alone; a module a person has edited keeps its quiz as it is.
"""

from __future__ import annotations

import json

from django.db import transaction

from home.models import GuidancePage, HomePage
from home.page_loading import edited_by_a_person, publish, update_live_page
from quizzes.factories import QuizFactory, topic_of
from quizzes.models import FixedQuestion, Quiz

from .blocks import LessonsBlock, anchor_message
from .course_files import CourseFileError, lesson_id, read_courses
from .models import CourseIndexPage, CoursePage, ModulePage


def _same_lessons(current, wanted: list) -> bool:
    block = LessonsBlock()
    prepared = block.get_prep_value(block.to_python(wanted))
    return json.dumps(current.get_prep_value(), sort_keys=True) == json.dumps(
        prepared, sort_keys=True
    )


def _update(page, fields: dict) -> bool:
    return update_live_page(page, fields, same={"lessons": _same_lessons})


def _lessons_json(course_key: str, module: dict, guidance: dict[str, GuidancePage]) -> list:
    where = f"module {module['key']!r}"
    lessons = []
    for lesson in module["lessons"]:
        if lesson["type"] == "guidance_section":
            ref = lesson["guidance"]
            page = guidance.get(ref.source_key)
            if page is None:
                raise CourseFileError(
                    f"{where}, lesson {lesson['key']!r}: no live guidance page "
                    f"{ref.source_key!r}; load the guidance first."
                )
            if ref.anchor and ref.anchor not in page.anchors():
                raise CourseFileError(
                    f"{where}, lesson {lesson['key']!r}: "
                    + anchor_message(page, ref.anchor, page.anchors())
                )
            value = {"title": lesson["title"], "page": page.pk, "anchor": ref.anchor}
        else:
            content = [
                # Fixed ids inside the lesson too, so an unchanged lesson compares equal.
                {**item, "id": lesson_id(course_key, module["key"], f"{lesson['key']}/{n}")}
                for n, item in enumerate(lesson["content"])
            ]
            value = {"title": lesson["title"], "content": content}
        lessons.append({"type": lesson["type"], "id": lesson["id"], "value": value})
    return lessons


def _quiz_state(quiz: Quiz) -> dict:
    return {
        "fields": {name: getattr(quiz, name) for name in _scalar_names()},
        "topics": sorted(quiz.topics.values_list("slug", flat=True)),
        "fixed_questions": [
            {k: getattr(q, k) for k in ("text", "choices", "explanation", "guidance_url")}
            for q in quiz.fixed_questions.order_by("sort_order", "pk")
        ],
    }


def _scalar_names() -> list[str]:
    return [
        "title",
        "mode",
        "question_count",
        "tags",
        "rules",
        "pass_mark",
        "attempts_allowed",
        "time_limit_minutes",
        "shuffle",
        "ask_contact",
        "fail_on_dangerous",
    ]


def _wanted_quiz_state(spec: dict) -> dict:
    defaults = {f.name: f.get_default() for f in Quiz._meta.fields if f.name in _scalar_names()}
    return {
        "fields": {name: spec.get(name, defaults[name]) for name in _scalar_names()},
        "topics": sorted(spec["topics"]),
        "fixed_questions": spec["fixed_questions"],
    }


def _sync_quiz(quiz: Quiz | None, spec: dict) -> tuple[Quiz, str]:
    """The module's quiz, created or brought up to date: (quiz, "created"/"updated"/"kept")."""
    wanted = _wanted_quiz_state(spec)
    if quiz is None:
        quiz = QuizFactory(
            **wanted["fields"],
            topics=wanted["topics"],
            fixed_questions=wanted["fixed_questions"],
        )
        return quiz, "created"
    if not quiz.live or edited_by_a_person(quiz) or _quiz_state(quiz) == wanted:
        return quiz, "kept"
    for name, value in wanted["fields"].items():
        setattr(quiz, name, value)
    quiz.topics = [topic_of(slug) for slug in wanted["topics"]]
    quiz.fixed_questions = [
        FixedQuestion(sort_order=n, **question)
        for n, question in enumerate(wanted["fixed_questions"])
    ]
    publish(quiz)
    return quiz, "updated"


@transaction.atomic
def load_courses() -> dict[str, int]:
    content = read_courses()
    counts = dict.fromkeys(
        ("created", "updated", "kept", "quizzes_created", "quizzes_updated", "quizzes_kept"), 0
    )

    def note(created: bool, updated: bool, prefix: str = ""):
        key = "created" if created else "updated" if updated else "kept"
        counts[prefix + key] += 1

    home = HomePage.objects.first()
    if home is None:
        raise CourseFileError("There is no home page: load the guidance first.")
    guidance = {p.source_key: p for p in GuidancePage.objects.live() if p.source_key}

    index = CourseIndexPage.objects.first()
    if index is None:
        index = CourseIndexPage(**content.index)
        home.add_child(instance=index)
        publish(index)
        note(True, False)
    else:
        note(False, _update(index, {"intro": content.index["intro"]}))

    for spec in content.courses:
        fields = {k: spec[k] for k in ("title", "summary", "intro", "audience")}
        course = CoursePage.objects.filter(source_key=spec["key"]).first()
        if course is None:
            course = CoursePage(source_key=spec["key"], slug=spec["slug"], **fields)
            index.add_child(instance=course)
            publish(course)
            note(True, False)
        else:
            note(False, _update(course, fields))
        for module_spec in spec["modules"]:
            _load_module(course, spec["key"], module_spec, guidance, note)
    return counts


def _load_module(course: CoursePage, course_key: str, spec: dict, guidance, note) -> None:
    source_key = f"{course_key}/{spec['key']}"
    fields = {
        "title": spec["title"],
        "summary": spec["summary"],
        "estimated_minutes": spec["estimated_minutes"],
        "lessons": _lessons_json(course_key, spec, guidance),
    }
    module = ModulePage.objects.filter(source_key=source_key).first()
    if module is not None and (not module.live or edited_by_a_person(module)):
        note(False, False)  # theirs now, quiz and all
        return
    quiz = module.quiz if module is not None else None
    if spec["quiz"] is not None:
        quiz, done = _sync_quiz(quiz, spec["quiz"])
        note(done == "created", done == "updated", "quizzes_")
        fields["quiz"] = quiz
    if module is None:
        lessons = fields.pop("lessons")
        module = ModulePage(source_key=source_key, slug=spec["slug"], **fields)
        module.lessons = json.dumps(lessons)
        course.add_child(instance=module)
        publish(module)
        note(True, False)
    else:
        note(False, _update(module, fields))
