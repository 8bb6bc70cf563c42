"""What each role may do with the rulebook, the scenario templates and the question bank.

- The rulebook: DMC editors publish; the Social Media Team drafts and submits for moderation.
- Scenario templates: trainers write them and submit them for DMC sign-off; only an approved
  (published) template feeds the bank. Which templates a trainer may change is decided per
  template by its owner (see `ownership.py`); these are the model-level permissions.
- Nobody edits the bank by hand: it is generated and re-graded by jobs.
"""

from organisation.roles import BOROUGH_SPOC, BOROUGH_SUPPORT, EDITOR, SOCIAL_MEDIA_TEAM

RULEBOOK_MODELS = ("topic", "greensource", "ruleparameters")
RULEBOOK_EDIT = {f"scenarios.{verb}_{m}" for m in RULEBOOK_MODELS for verb in ("add", "change")}
RULEBOOK_PUBLISH = RULEBOOK_EDIT | {
    f"scenarios.{verb}_{m}" for m in RULEBOOK_MODELS for verb in ("publish", "delete", "lock")
}
RULEBOOK_HISTORY = {"scenarios.view_rulebookversion"}

TEMPLATE_AUTHORING = {
    f"scenarios.{verb}_scenariotemplate" for verb in ("add", "change", "delete", "lock", "view")
}
FORCE_TEMPLATES = "scenarios.author_force_templates"
# DMC editors sign templates off: they may publish, unpublish and correct any of them.
TEMPLATE_SIGN_OFF = TEMPLATE_AUTHORING | {"scenarios.publish_scenariotemplate", FORCE_TEMPLATES}
BANK_VIEW = {f"scenarios.view_{m}" for m in ("bankquestion", "jobrun", "answerchange")}
TRAINER = TEMPLATE_AUTHORING | BANK_VIEW

ROLE_PERMISSIONS = {
    BOROUGH_SPOC: TRAINER,
    BOROUGH_SUPPORT: TRAINER,
    SOCIAL_MEDIA_TEAM: TRAINER | {FORCE_TEMPLATES} | RULEBOOK_EDIT | RULEBOOK_HISTORY,
    EDITOR: TEMPLATE_SIGN_OFF | BANK_VIEW | RULEBOOK_PUBLISH | RULEBOOK_HISTORY,
}

# Trainers may attach pictures to their templates.
TEMPLATE_MEDIA = {
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
}
COLLECTION_PERMISSIONS = dict.fromkeys((BOROUGH_SPOC, BOROUGH_SUPPORT), TEMPLATE_MEDIA)

MODERATED_MODELS = (*RULEBOOK_MODELS, "scenariotemplate")
