"""The pure core (the RAG engine, the generator, the starter library and the authoring
formats) imports nothing but the standard library and itself: no Django."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RULES = ROOT / "scenarios" / "rules"
PURE_FILES = [ROOT / "scenarios" / name for name in ("generator.py", "library.py", "authoring.py")]
PURE_MODULES = sorted(RULES.rglob("*.py")) + PURE_FILES
ALLOWED_PREFIX = "scenarios.rules"
PURE_PREFIXES = (ALLOWED_PREFIX, "scenarios.generator", "scenarios.library", "scenarios.authoring")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(path: Path) -> list[tuple[int, str]]:
    """(line, absolute module name) of every import in ``path``, relative ones resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module
            found.append((node.lineno, target))
        elif isinstance(node, ast.Call) and getattr(
            node.func, "attr", getattr(node.func, "id", None)
        ) in ("import_module", "__import__"):
            found.append((node.lineno, "<dynamic import>"))
    return found


def allowed(module: str) -> bool:
    top = module.split(".")[0]
    if any(module == prefix or module.startswith(prefix + ".") for prefix in PURE_PREFIXES):
        return True
    return top in sys.stdlib_module_names


def test_there_are_modules_to_check():
    names = {path.name for path in PURE_MODULES}
    assert {"__init__.py", "types.py", "engine.py", "validate.py", "initial.py"} <= names


@pytest.mark.parametrize("path", PURE_MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_pure_modules_import_only_the_stdlib_and_the_pure_core(path):
    bad = [
        f"{path.relative_to(ROOT)}:{line} imports {module}"
        for line, module in imported_modules(path)
        if not allowed(module)
    ]
    assert not bad, "\n".join(bad)


def test_the_checker_itself_catches_django():
    assert not allowed("django.db")
    assert not allowed("wagtail")
    assert not allowed("scenarios.models")
    assert allowed("scenarios.rules.types")
    assert allowed("json")


def test_importing_the_engine_loads_no_third_party_module():
    code = (
        "import sys\n"
        "before = set(sys.modules)\n"
        "import scenarios.rules, scenarios.rules.engine, scenarios.rules.validate\n"
        "import scenarios.rules.initial\n"
        "new = sorted(set(sys.modules) - before)\n"
        "print('\\n'.join(new))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    loaded = result.stdout.split()
    assert "scenarios.rules.engine" in loaded
    assert "django" not in loaded
    assert "wagtail" not in loaded
    third_party = [
        name
        for name in loaded
        if name.split(".")[0] not in sys.stdlib_module_names
        and name not in ("scenarios", ALLOWED_PREFIX)
        and not name.startswith(ALLOWED_PREFIX + ".")
    ]
    assert not third_party
