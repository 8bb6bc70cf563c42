#!/usr/bin/env python
import os
import socket
import sys
from pathlib import Path

# `make setup` writes this file, holding the machine's host name, on a developer's machine.
DEV_MARKER = Path(__file__).resolve().parent / ".dev-machine"


def default_settings() -> str:
    """Development settings only where `make setup` marked this checkout; production elsewhere.

    Forgetting DJANGO_SETTINGS_MODULE on a server must never mean DEBUG and demo users, so the
    safe choice is the default. The host name guards against a checkout copied to a server
    with its marker.
    """
    if not DEV_MARKER.exists():
        return "config.settings.production"
    marked = DEV_MARKER.read_text().strip()
    if marked == socket.gethostname():
        return "config.settings.dev"
    sys.stderr.write(
        f"manage.py: {DEV_MARKER.name} was written on {marked!r}, not on this machine "
        f"({socket.gethostname()!r}), so the production settings apply. On a developer's "
        "machine, run `make setup` again.\n"
    )
    return "config.settings.production"


if __name__ == "__main__":
    if not os.environ.get("DJANGO_SETTINGS_MODULE"):
        os.environ["DJANGO_SETTINGS_MODULE"] = default_settings()
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
