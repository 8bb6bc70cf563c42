"""A library of templates: a directory of template files, one ``<key>.txt`` per template.
Pure: the directory is always passed in, nothing is read from a fixed place."""

from __future__ import annotations

from pathlib import Path

from scenarios.authoring.fields import FormatError
from scenarios.authoring.template_file import parse_template_file
from scenarios.generator import TemplateSpec


def read_library(directory: Path) -> tuple[TemplateSpec, ...]:
    """Every ``*.txt`` template file of ``directory``, in sorted file-name order.

    ``FormatError`` names the file (and the line) of the first problem. A file must be named
    after its template's key, which keeps keys unique and files easy to find.
    """
    specs = []
    for path in sorted(Path(directory).glob("*.txt"), key=lambda p: p.name):
        try:
            spec = parse_template_file(path.read_text(encoding="utf-8"))
        except FormatError as exc:
            raise FormatError(f"{path.name}: {exc}") from None
        if spec.key != path.stem:
            raise FormatError(
                f"{path.name}: the key is “{spec.key}”, so the file must be called {spec.key}.txt."
            )
        specs.append(spec)
    return tuple(specs)
