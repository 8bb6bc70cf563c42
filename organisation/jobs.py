"""Background jobs of the organisation app. Jobs are idempotent: run twice, same result."""

from .roles import sync_roles


def roles_sync() -> list[str]:
    """Bring the role groups and their permissions back in line with the code."""
    return sorted(sync_roles())
