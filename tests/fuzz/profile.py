"""One Hypothesis profile for every fuzz test: a modest, fixed number of examples drawn the same
way on every run (derandomized), so CI is reproducible and the package runs in about a minute.
Applied as a decorator per test rather than in tests/conftest.py, so it touches no other test."""

from hypothesis import HealthCheck, settings

FUZZ = settings(
    max_examples=200,
    deadline=None,
    derandomize=True,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Tests that touch the database (each example a few queries and a transaction) run fewer.
FUZZ_DB = settings(
    FUZZ,
    max_examples=40,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)
