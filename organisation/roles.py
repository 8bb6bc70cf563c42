"""The roles the guidance names, as Django groups, and the permissions each one needs.

Each app says what its roles need in its own `role_permissions.py` (`ROLE_PERMISSIONS`, and
optionally `PAGE_PERMISSIONS`, `COLLECTION_PERMISSIONS`, `MODERATED_MODELS`,
`MODERATED_PAGES`); `sync_roles()` gathers them from every installed app. It is idempotent and
runs after every migrate, so groups follow the code.
"""

from importlib import import_module

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.module_loading import module_has_submodule
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

OFFICER = "Officer"
BOROUGH_SPOC = "Borough SPOC"
BOROUGH_SUPPORT = "DMC Borough Support"
SOCIAL_MEDIA_TEAM = "DMC Social Media Team"
PRESS_BUREAU = "DMC Press Bureau"
EDITOR = "DMC Editor"

ROLES = (OFFICER, BOROUGH_SPOC, BOROUGH_SUPPORT, SOCIAL_MEDIA_TEAM, PRESS_BUREAU, EDITOR)
STAFF_ROLES = frozenset(ROLES) - {OFFICER}
TRAINERS = (BOROUGH_SPOC, BOROUGH_SUPPORT, SOCIAL_MEDIA_TEAM)

ADMIN_ACCESS = "wagtailadmin.access_admin"

WORKFLOW_NAME = "DMC sign-off"
TASK_NAME = "DMC editor approval"
PERMISSIONS_MODULE = "role_permissions"


def app_declarations() -> list:
    """Every installed app's `role_permissions` module, in INSTALLED_APPS order."""
    found = []
    for config in apps.get_app_configs():
        if module_has_submodule(config.module, PERMISSIONS_MODULE):
            found.append(import_module(f"{config.name}.{PERMISSIONS_MODULE}"))
    return found


def declared(name: str) -> dict[str, set[str]]:
    """One kind of declaration, merged over every app: role -> permission names."""
    merged: dict[str, set[str]] = {}
    for module in app_declarations():
        for role, perms in getattr(module, name, {}).items():
            merged.setdefault(role, set()).update(perms)
    return merged


def moderated_models() -> list[tuple[str, str]]:
    return [
        (module.__name__.split(".")[0], model)
        for module in app_declarations()
        for model in getattr(module, "MODERATED_MODELS", ())
    ]


def _permission(dotted: str) -> Permission:
    app_label, codename = dotted.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _sync_page_permissions(groups: dict[str, Group], root_page) -> None:
    for name, codenames in declared("PAGE_PERMISSIONS").items():
        wanted = Permission.objects.filter(
            content_type__app_label="wagtailcore", codename__in=codenames
        )
        GroupPagePermission.objects.filter(group=groups[name]).exclude(
            permission__in=wanted
        ).delete()
        for permission in wanted:
            GroupPagePermission.objects.get_or_create(
                group=groups[name], page=root_page, permission=permission
            )


def _sync_collection_permissions(groups: dict[str, Group], root_collection) -> None:
    wanted = declared("COLLECTION_PERMISSIONS")
    for name, group in groups.items():
        permissions = [_permission(p) for p in sorted(wanted.get(name, ()))]
        GroupCollectionPermission.objects.filter(group=group).exclude(
            permission__in=permissions
        ).delete()
        for permission in permissions:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission
            )


def _sync_workflow(groups: dict[str, Group], root_page) -> None:
    # Wagtail's own moderation: changes go to DMC editors for approval before publishing.
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.groups.set([groups[EDITOR]])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    if root_page and any(getattr(m, "MODERATED_PAGES", False) for m in app_declarations()):
        WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})
    for app_label, model in moderated_models():
        WorkflowContentType.objects.update_or_create(
            content_type=ContentType.objects.get_by_natural_key(app_label, model),
            defaults={"workflow": workflow},
        )


@transaction.atomic
def sync_roles() -> dict[str, Group]:
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in ROLES}
    wanted = declared("ROLE_PERMISSIONS")
    for name, group in groups.items():
        group.permissions.set([_permission(p) for p in sorted(wanted.get(name, ()))])
    root_page = Page.get_first_root_node()
    if root_page:
        _sync_page_permissions(groups, root_page)
    root_collection = Collection.get_first_root_node()
    if root_collection:
        _sync_collection_permissions(groups, root_collection)
    _sync_workflow(groups, root_page)
    return groups


def sync_roles_after_migrate(app_config, using="default", **kwargs):
    # post_migrate is sent once per app; wait for the last one, when every permission exists.
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
