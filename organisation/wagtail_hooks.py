from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Profile


class ProfileViewSet(ModelViewSet):
    """Who belongs to which borough or unit, and which boroughs DMC Borough Support covers."""

    model = Profile
    icon = "user"
    menu_label = "People"
    add_to_admin_menu = True
    menu_order = 300
    form_fields = ["user", "borough", "unit", "supported_boroughs"]
    list_display = ["user", "borough", "unit"]
    list_filter = ["borough", "unit"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    panels = [
        FieldPanel("user"),
        FieldPanel("borough"),
        FieldPanel("unit"),
        FieldPanel("supported_boroughs"),
    ]

    def get_queryset(self, request):
        return Profile.objects.select_related("user", "borough", "unit")


@hooks.register("register_admin_viewset")
def register_people():
    return ProfileViewSet("people")
