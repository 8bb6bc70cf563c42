"""The admin screens of the rulebook, the scenario templates and the bank (Wagtail viewsets,
registered in `scenarios/wagtail_hooks.py`)."""
