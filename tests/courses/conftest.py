from types import SimpleNamespace

import pytest

from courses.loader import load_courses
from courses.models import CourseIndexPage, CoursePage, ModulePage

# The quizzes' small bank and officer, for tests of what marking feeds (the rule tallies).
from tests.quizzes.conftest import officer, small_bank  # noqa: F401


@pytest.fixture
def training(guidance):
    """The training index and the demo course, as `load_courses` builds them, with its three
    modules by key: rag-table, court-and-images, roles-and-contacts."""
    load_courses()
    course = CoursePage.objects.get(source_key="borough-essentials")
    modules = {
        module.source_key.split("/")[1]: module
        for module in ModulePage.objects.child_of(course).order_by("path")
    }
    return SimpleNamespace(index=CourseIndexPage.objects.get(), course=course, modules=modules)
