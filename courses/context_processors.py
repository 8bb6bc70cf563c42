from .dashboards.scope import is_trainer


def training(request):
    """Whether the main navigation offers the trainer's dashboard."""
    return {"is_trainer": is_trainer(getattr(request, "user", None))}
