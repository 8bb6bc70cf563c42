"""The JSON a command reads from FILE or standard input ("-" or none), or what is wrong with it.

Shared by ``rag_check`` and ``suggest_facts``, so both say the same things about the same bad
input."""

import json
import sys


class JsonInputError(ValueError):
    """Input that cannot be read as JSON; the message says why, without a stack trace."""


def read_json(path: str | None, *, what: str):
    """The decoded JSON of ``path`` (standard input for None or "-"); ``what`` names what the
    input should be ("facts", "drafts") in the message for input nested too deeply."""
    try:
        if path and path != "-":
            with open(path, encoding="utf-8") as handle:
                raw = handle.read()
        else:
            raw = sys.stdin.read()
    except OSError as exc:
        raise JsonInputError(f"cannot read {path}: {exc.strerror}.") from None
    except UnicodeDecodeError:
        raise JsonInputError("input is not UTF-8 text.") from None
    try:
        return json.loads(raw)
    except ValueError as exc:
        raise JsonInputError(f"input is not valid JSON ({exc}).") from None
    except RecursionError:
        raise JsonInputError(f"input is nested too deeply to be {what}.") from None
