"""What each role may do with quizzes: the Social Media Team writes them and submits them for
DMC sign-off; DMC editors publish; trainers see them, to assign the modules they belong to."""

from organisation.roles import BOROUGH_SPOC, BOROUGH_SUPPORT, EDITOR, SOCIAL_MEDIA_TEAM

QUIZ_VIEW = {"quizzes.view_quiz"}
QUIZ_EDIT = QUIZ_VIEW | {f"quizzes.{verb}_quiz" for verb in ("add", "change", "lock")}
QUIZ_PUBLISH = QUIZ_EDIT | {f"quizzes.{verb}_quiz" for verb in ("publish", "delete", "unlock")}

ROLE_PERMISSIONS = {
    BOROUGH_SPOC: QUIZ_VIEW,
    BOROUGH_SUPPORT: QUIZ_VIEW,
    SOCIAL_MEDIA_TEAM: QUIZ_EDIT,
    EDITOR: QUIZ_PUBLISH,
}
MODERATED_MODELS = ("quiz",)
