"""The roles the guidance names, as Django groups, and the permissions each one needs.

`sync_roles()` is idempotent and runs after every migrate, so groups follow this file.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

OFFICER = "Officer"
BOROUGH_SPOC = "Borough SPOC"
BOROUGH_SUPPORT = "DMC Borough Support"
SOCIAL_MEDIA_TEAM = "DMC Social Media Team"
PRESS_BUREAU = "DMC Press Bureau"
EDITOR = "DMC Editor"

ROLES = (OFFICER, BOROUGH_SPOC, BOROUGH_SUPPORT, SOCIAL_MEDIA_TEAM, PRESS_BUREAU, EDITOR)
STAFF_ROLES = frozenset(ROLES) - {OFFICER}

ADMIN_ACCESS = "wagtailadmin.access_admin"
IMAGE_PERMISSIONS = ("add_image", "change_image", "choose_image")
DOCUMENT_PERMISSIONS = ("add_document", "change_document", "choose_document")

# The rulebook: DMC editors publish; the Social Media Team drafts and submits for moderation.
RULEBOOK_MODELS = ("topic", "greensource", "ruleparameters")
RULEBOOK_EDIT = {f"scenarios.{verb}_{m}" for m in RULEBOOK_MODELS for verb in ("add", "change")}
RULEBOOK_PUBLISH = RULEBOOK_EDIT | {
    f"scenarios.{verb}_{m}" for m in RULEBOOK_MODELS for verb in ("publish", "delete", "lock")
}
RULEBOOK_HISTORY = {"scenarios.view_rulebookversion"}
# Trainers author scenario templates and watch the bank; nobody edits the bank by hand.
SCENARIO_AUTHORING = {
    f"scenarios.{verb}_scenariotemplate" for verb in ("add", "change", "delete", "publish", "lock")
}
BANK_VIEW = {f"scenarios.view_{m}" for m in ("bankquestion", "jobrun", "answerchange")}
TRAINER = SCENARIO_AUTHORING | BANK_VIEW

# app_label.codename for model-level permissions of each role. Later features add theirs here.
MODEL_PERMISSIONS = {
    OFFICER: {"organisation.take_training"},
    BOROUGH_SPOC: {
        ADMIN_ACCESS,
        "organisation.take_training",
        "organisation.view_own_borough",
        "organisation.assign_training",
        *TRAINER,
    },
    BOROUGH_SUPPORT: {
        ADMIN_ACCESS,
        "organisation.take_training",
        "organisation.view_supported_boroughs",
        "organisation.assign_training",
        *TRAINER,
    },
    SOCIAL_MEDIA_TEAM: {
        ADMIN_ACCESS,
        "organisation.take_training",
        "organisation.view_units",
        "organisation.assign_training",
        *RULEBOOK_EDIT,
        *RULEBOOK_HISTORY,
        *TRAINER,
    },
    PRESS_BUREAU: {ADMIN_ACCESS, "organisation.take_training"},
    EDITOR: {
        ADMIN_ACCESS,
        "organisation.take_training",
        *RULEBOOK_PUBLISH,
        *RULEBOOK_HISTORY,
        *BANK_VIEW,
    },
}

# Wagtail page permissions, granted on the root page so they cover the whole guidance tree.
# The Social Media Team edits but publishes through moderation; DMC editors publish.
PAGE_PERMISSIONS = {
    SOCIAL_MEDIA_TEAM: ("add_page", "change_page"),
    EDITOR: ("add_page", "change_page", "publish_page", "lock_page", "unlock_page"),
}
# Guidance editors and the trainers who attach pictures to scenario templates.
MEDIA_ROLES = (SOCIAL_MEDIA_TEAM, EDITOR, BOROUGH_SPOC, BOROUGH_SUPPORT)

WORKFLOW_NAME = "DMC sign-off"
TASK_NAME = "DMC editor approval"


def _permission(dotted: str) -> Permission:
    app_label, codename = dotted.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


@transaction.atomic
def sync_roles() -> dict[str, Group]:
    from wagtail.models import (
        Collection,
        GroupApprovalTask,
        GroupCollectionPermission,
        GroupPagePermission,
        Page,
        Workflow,
        WorkflowContentType,
        WorkflowPage,
        WorkflowTask,
    )

    groups = {name: Group.objects.get_or_create(name=name)[0] for name in ROLES}
    for name, dotted in MODEL_PERMISSIONS.items():
        groups[name].permissions.set([_permission(p) for p in sorted(dotted)])

    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    for name, codenames in PAGE_PERMISSIONS.items():
        wanted = Permission.objects.filter(
            content_type__app_label="wagtailcore", codename__in=codenames
        )
        if root_page:
            GroupPagePermission.objects.filter(group=groups[name]).exclude(
                permission__in=wanted
            ).delete()
            for permission in wanted:
                GroupPagePermission.objects.get_or_create(
                    group=groups[name], page=root_page, permission=permission
                )
    if root_collection:
        media = Permission.objects.filter(
            content_type__app_label__in=["wagtailimages", "wagtaildocs"],
            codename__in=IMAGE_PERMISSIONS + DOCUMENT_PERMISSIONS,
        )
        for name in MEDIA_ROLES:
            for permission in media:
                GroupCollectionPermission.objects.get_or_create(
                    group=groups[name], collection=root_collection, permission=permission
                )

    # Wagtail's own moderation: edits go to DMC editors for approval before publishing.
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.groups.set([groups[EDITOR]])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    if root_page:
        WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})
    for model in RULEBOOK_MODELS:
        WorkflowContentType.objects.update_or_create(
            content_type=ContentType.objects.get_by_natural_key("scenarios", model),
            defaults={"workflow": workflow},
        )
    return groups


def sync_roles_after_migrate(app_config, using="default", **kwargs):
    # post_migrate is sent once per app; wait for the last one, when every permission exists.
    from django.apps import apps

    last = [c for c in apps.get_app_configs() if c.models_module is not None][-1]
    if app_config.label == last.label and using == "default":
        sync_roles()


def role_of(user) -> str:
    """The name shown in the header for a signed-in person."""
    if user.is_superuser:
        return "Administrator"
    names = {g.name for g in user.groups.all()}
    for name in reversed(ROLES):  # the most senior role first
        if name in names:
            return name
    return "No role yet"
