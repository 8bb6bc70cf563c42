from django.shortcuts import render

from .roles import ADMIN_ACCESS

GUARDED_PREFIXES = ("/admin/", "/django-rq/")


class StaffOnlyAdminMiddleware:
    """Officers who open the admin get a plain refusal page, not the admin's login loop."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and request.path.startswith(GUARDED_PREFIXES)
            and not user.has_perm(ADMIN_ACCESS)
        ):
            return render(request, "403_admin.html", status=403)
        return self.get_response(request)
