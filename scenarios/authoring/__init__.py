"""The plain-text formats trainers write templates in. Pure: no Django.

- ``fields``: the admin form's fields (fixed facts as ``name: value`` pairs; slot values one
  per line, with facts after ``=>``);
- ``template_file``: a whole template as one plain-text file, built from those same fields;
- ``library``: a directory of template files (the starter library is one).
"""

from scenarios.authoring.fields import (
    ARROW,
    FormatError,
    format_facts,
    format_slot_values,
    parse_facts_text,
    parse_slot_values,
)
from scenarios.authoring.library import read_library
from scenarios.authoring.template_file import format_template_file, parse_template_file

__all__ = [
    "ARROW",
    "FormatError",
    "format_facts",
    "format_slot_values",
    "format_template_file",
    "parse_facts_text",
    "parse_slot_values",
    "parse_template_file",
    "read_library",
]
