"""`make loadtest`: the site served as in production on a realistic force, driven by Locust.

state.py prepares and inspects the load database (Django, development settings, run as its own
process); users.py holds the Locust users of each scenario; run.py drives them headless and
report.py writes docs/performance.md."""
