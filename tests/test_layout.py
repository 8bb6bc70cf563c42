"""How the test suite is laid out."""

from pathlib import Path

TESTS = Path(__file__).resolve().parent


def test_every_folder_of_tests_is_a_package():
    """Without an __init__.py, two test files of the same name in different folders clash."""
    missing = [
        str(folder.relative_to(TESTS))
        for folder in [TESTS, *TESTS.rglob("*")]
        if folder.is_dir() and any(folder.glob("*.py")) and not (folder / "__init__.py").exists()
    ]
    assert not missing, f"add an __init__.py to: {', '.join(missing)}"
