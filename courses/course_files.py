"""The demo courses as data: `content/index.toml` for the training index, and one TOML file per
course (the header of `1-borough-essentials.toml` explains the format). This reads them into
plain values for `loader.py`; a file that cannot be read is an error naming the file and the
problem. Guidance pages and quiz topics are looked up by the loader, not here."""

from __future__ import annotations

import tomllib
import uuid
from dataclasses import dataclass
from pathlib import Path

from scenarios.rules import RULE_IDS

CONTENT_DIR = Path(__file__).resolve().parent / "content"
INDEX_FILE = "index.toml"
# Lesson block ids come from the keys, so a reload (or another database) gives a lesson the same
# id, and the records of who read it stay attached.
LESSON_IDS = uuid.UUID("5f0d7c2e-9b1a-4c55-8d6e-2a7b3c9e1f40")
QUIZ_FIELDS = {
    "title": str,
    "mode": str,
    "question_count": int,
    "tags": str,
    "rules": list,
    "pass_mark": int,
    "attempts_allowed": int,
    "time_limit_minutes": int,
    "shuffle": bool,
    "ask_contact": bool,
    "fail_on_dangerous": bool,
}


class CourseFileError(ValueError):
    pass


@dataclass(frozen=True)
class GuidanceRef:
    source_key: str  # the guidance page's data file slug (`GuidancePage.source_key`)
    anchor: str  # empty: the whole page


@dataclass(frozen=True)
class CourseContent:
    index: dict
    courses: list[dict]


def lesson_id(course_key: str, module_key: str, lesson_key: str) -> str:
    return str(uuid.uuid5(LESSON_IDS, f"{course_key}/{module_key}/{lesson_key}"))


def guidance_ref(url: str) -> GuidanceRef:
    """ "/guidance/rag/#about" -> GuidanceRef("rag", "about")."""
    path, _, anchor = url.partition("#")
    parts = [part for part in path.split("/") if part]
    if len(parts) != 2 or parts[0] != "guidance":
        raise CourseFileError(f"{url!r} is not a guidance link like /guidance/rag/#about")
    return GuidanceRef(parts[1], anchor)


def _content(item: dict) -> dict:
    kind = item.get("type")
    if kind == "text":
        return {"type": "text", "value": item["html"].strip()}
    if kind == "callout":
        value = {"kind": item["kind"], "heading": item["heading"], "text": item["html"].strip()}
        return {"type": "callout", "value": value}
    raise CourseFileError(f"unknown content type {kind!r}")


def _lesson(data: dict) -> dict:
    if "guidance" in data:
        return {
            "type": "guidance_section",
            "key": data["key"],
            "title": data.get("title", ""),
            "guidance": guidance_ref(data["guidance"]),
        }
    return {
        "type": "content",
        "key": data["key"],
        "title": data["title"],
        "content": [_content(item) for item in data.get("content", [])],
    }


def _quiz(data: dict, default_title: str) -> dict:
    unknown = set(data) - set(QUIZ_FIELDS) - {"topics", "question"}
    if unknown:
        raise CourseFileError(f"unknown quiz fields {sorted(unknown)}")
    quiz = {"title": default_title}
    for name, kind in QUIZ_FIELDS.items():
        if name in data:
            if not isinstance(data[name], kind):
                raise CourseFileError(f"quiz field {name!r} should be a {kind.__name__}")
            quiz[name] = data[name]
    bad_rules = [rule for rule in quiz.get("rules", []) if rule not in RULE_IDS]
    if bad_rules:
        raise CourseFileError(f"unknown rules {bad_rules}; the rules are {', '.join(RULE_IDS)}")
    quiz["topics"] = list(data.get("topics", []))
    quiz["fixed_questions"] = [
        {
            "text": question["text"].strip(),
            "choices": question["choices"].strip(),
            "explanation": question["explanation"].strip(),
            "guidance_url": question.get("guidance_url", ""),
        }
        for question in data.get("question", [])
    ]
    return quiz


def _module(course_key: str, data: dict) -> dict:
    lessons = [_lesson(lesson) for lesson in data.get("lesson", [])]
    keys = [lesson["key"] for lesson in lessons]
    if len(set(keys)) != len(keys):
        raise CourseFileError(f"module {data['key']!r}: each lesson needs its own key")
    for lesson in lessons:
        lesson["id"] = lesson_id(course_key, data["key"], lesson["key"])
    return {
        "key": data["key"],
        "title": data["title"],
        "slug": data["slug"],
        "summary": data["summary"].strip(),
        "estimated_minutes": data["estimated_minutes"],
        "lessons": lessons,
        "quiz": _quiz(data["quiz"], data["title"]) if "quiz" in data else None,
    }


def _course(path: Path) -> dict:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        return {
            "key": data["key"],
            "title": data["title"],
            "slug": data["slug"],
            "summary": data["summary"].strip(),
            "intro": data.get("intro", "").strip(),
            "audience": data.get("audience", "").strip(),
            "modules": [_module(data["key"], module) for module in data.get("module", [])],
        }
    except (tomllib.TOMLDecodeError, KeyError, TypeError, CourseFileError) as exc:
        raise CourseFileError(f"{path.name}: {type(exc).__name__}: {exc}") from None


def read_courses(directory: Path = CONTENT_DIR) -> CourseContent:
    """Courses in file-name order (the files are numbered), which is their order on the site."""
    try:
        data = tomllib.loads((directory / INDEX_FILE).read_text(encoding="utf-8"))
        index = {k: data[k].strip() for k in ("title", "slug", "intro")}
    except (OSError, tomllib.TOMLDecodeError, KeyError) as exc:
        raise CourseFileError(f"{INDEX_FILE}: {type(exc).__name__}: {exc}") from None
    paths = [path for path in sorted(directory.glob("*.toml")) if path.name != INDEX_FILE]
    return CourseContent(index=index, courses=[_course(path) for path in paths])
