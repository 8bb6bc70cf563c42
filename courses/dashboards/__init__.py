"""Dashboards for trainers: completion, overdue people, trends, rules got wrong, item analysis,
and their CSV exports. Everything is scoped by `organisation.selectors`."""
