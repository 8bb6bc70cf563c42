# The demo course, as the course tests build it.
from tests.courses.conftest import training  # noqa: F401
