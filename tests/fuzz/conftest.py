# The quizzes' small bank, quiz and officers, shared rather than built again here.
from tests.quizzes.conftest import officer, other_officer, small_bank  # noqa: F401
