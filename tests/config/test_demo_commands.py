"""Demo users and the made-up force need both: settings that allow them, and DEBUG on (a
developer's machine) or the test settings. A server with DEMO_USERS_ALLOWED set by mistake
still refuses."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command


@pytest.mark.parametrize("command", ["load_demo", "build_force"])
def test_allowed_demo_users_alone_are_not_enough(command, settings, db):
    settings.DEMO_USERS_ALLOWED = True
    settings.DEBUG = False
    settings.TESTING = False
    with pytest.raises(CommandError, match="not in these settings|, not with"):
        call_command(command)
    assert not get_user_model().objects.exists()


@pytest.mark.parametrize("command", ["load_demo", "build_force"])
def test_debug_alone_is_not_enough(command, settings, db):
    settings.DEMO_USERS_ALLOWED = False
    settings.DEBUG = True
    with pytest.raises(CommandError, match="make run|config.settings.dev"):
        call_command(command)
    assert not get_user_model().objects.exists()
