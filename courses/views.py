"""Courses' own views, outside the pages: the Next button that records a lesson as read."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from .models import ModulePage
from .services import lesson_view_record


@login_required
@require_POST
def lesson_read(request, module_id: int, key: str):
    """Record the lesson as read, then go on to the next one, or back to the module."""
    module = get_object_or_404(ModulePage.objects.live(), pk=module_id)
    if module.find_lesson(key) is None:
        raise Http404("This module has no such lesson.")
    lesson_view_record(user=request.user, module=module, lesson_key=key)
    following = module.lesson_after(key)
    if following is not None:
        return redirect(module.lesson_url(following, request))
    messages.success(request, "You have read every lesson of this module.")
    return redirect(module.get_url(request))
