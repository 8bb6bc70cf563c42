"""Each app declares what its roles need, in its own `role_permissions.py`; the organisation
app only gathers them and never names another app's permissions."""

import pytest
from django.contrib.auth.models import Group

from organisation import roles
from organisation.roles import app_declarations, declared, moderated_models

WAGTAIL_APPS = {"wagtailadmin", "wagtailcore", "wagtailimages", "wagtaildocs"}


def test_every_app_names_only_its_own_or_wagtails_permissions():
    modules = {module.__name__.split(".")[0]: module for module in app_declarations()}
    assert {"organisation", "home", "scenarios"} <= set(modules)
    for app, module in modules.items():
        for kind in ("ROLE_PERMISSIONS", "COLLECTION_PERMISSIONS"):
            for role, perms in getattr(module, kind, {}).items():
                assert role in roles.ROLES, (app, role)
                for perm in perms:
                    assert perm.split(".")[0] in {app} | WAGTAIL_APPS, (app, kind, perm)


def test_the_moderated_models_are_the_rulebook_the_templates_and_the_quizzes():
    assert set(moderated_models()) == {
        ("quizzes", "quiz"),
        ("scenarios", "topic"),
        ("scenarios", "greensource"),
        ("scenarios", "ruleparameters"),
        ("scenarios", "scenariotemplate"),
    }


@pytest.mark.django_db
def test_the_groups_get_what_the_apps_declare():
    wanted = declared("ROLE_PERMISSIONS")
    for name in roles.ROLES:
        group = Group.objects.get(name=name)
        have = {
            f"{app}.{code}"
            for app, code in group.permissions.values_list("content_type__app_label", "codename")
        }
        assert have == wanted.get(name, set()), name
    spoc = declared("ROLE_PERMISSIONS")[roles.BOROUGH_SPOC]
    assert "scenarios.change_scenariotemplate" in spoc
    assert "scenarios.publish_scenariotemplate" not in spoc  # DMC signs templates off
    assert "scenarios.publish_scenariotemplate" in declared("ROLE_PERMISSIONS")[roles.EDITOR]
