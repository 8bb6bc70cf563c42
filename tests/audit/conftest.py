# The demo course's modules and the quizzes' small bank, shared with those apps' tests.
from tests.courses.conftest import training  # noqa: F401
from tests.quizzes.conftest import small_bank  # noqa: F401
