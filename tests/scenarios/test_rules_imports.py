"""The pure core (the RAG engine, the generator and the authoring formats) imports nothing but
the standard library and itself: no Django.

The pure core is found by its packages, not by a list of files: every module under them is
checked, so a module added to one is checked without anyone remembering to list it."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PURE_PACKAGES = ("scenarios.rules", "scenarios.generator", "scenarios.authoring")
PURE_MODULES = sorted(
    path for package in PURE_PACKAGES for path in (ROOT / package.replace(".", "/")).rglob("*.py")
)


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
    if any(module == prefix or module.startswith(prefix + ".") for prefix in PURE_PACKAGES):
        return True
    return top in sys.stdlib_module_names


def test_there_are_modules_to_check():
    names = {module_name(path) for path in PURE_MODULES}
    assert set(PURE_PACKAGES) <= names
    expected = {
        "scenarios.rules.types",
        "scenarios.rules.engine",
        "scenarios.rules.validate",
        "scenarios.rules.initial",
        "scenarios.generator.spec",
        "scenarios.generator.validation",
        "scenarios.generator.pools",
        "scenarios.authoring.fields",
        "scenarios.authoring.template_file",
        "scenarios.authoring.library",
    }
    assert expected <= names


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
    assert not allowed("scenarios.library_loader")
    assert not allowed("scenarios.rulesbook")  # a prefix of a name is not the package
    assert allowed("scenarios.rules.types")
    assert allowed("scenarios.generator")
    assert allowed("scenarios.authoring.fields")
    assert allowed("json")


@pytest.mark.parametrize("package", PURE_PACKAGES)
def test_importing_the_pure_core_loads_no_third_party_module(package):
    """Importing each pure package, and every module in it, in a fresh interpreter."""
    modules = sorted(
        module_name(path) for path in PURE_MODULES if module_name(path).startswith(package)
    )
    code = (
        "import importlib, sys\n"
        "before = set(sys.modules)\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
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
    assert package in loaded
    assert "django" not in loaded
    assert "wagtail" not in loaded
    third_party = [
        name
        for name in loaded
        if name.split(".")[0] not in sys.stdlib_module_names
        and name != "scenarios"
        and not any(name == p or name.startswith(p + ".") for p in PURE_PACKAGES)
    ]
    assert not third_party
