# The demo course and the quizzes' small bank, as the course and quiz tests build them.
from tests.courses.conftest import training  # noqa: F401
from tests.quizzes.conftest import small_bank  # noqa: F401
