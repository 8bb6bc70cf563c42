"""Entries that follow model signals, so the apps that make the changes need not know about
the audit log: publishing (Wagtail's `published`/`unpublished`), rulebook versions, people's
roles and borough or unit, assignments changed or removed, answers a re-grade changed.

Each entry is written inside the signal, so in the transaction of the change it records.

Who acted: inside the admin, Wagtail's log context names the person (`acting_user`).
"""

from . import assignments, people, publishing  # noqa: F401  (connects the receivers)
