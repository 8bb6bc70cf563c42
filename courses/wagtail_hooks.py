"""Courses in the Wagtail admin: item analysis of the scenario templates (who gets which
template and rule right), linked from each template's inspect page."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from courses.dashboards import admin_views
from courses.dashboards.item_selectors import may_analyse


@hooks.register("register_admin_urls")
def item_analysis_urls():
    return [
        path("item-analysis/", admin_views.item_analysis, name="courses_item_analysis"),
        path(
            "item-analysis/templates/<int:pk>/",
            admin_views.template_item_analysis_view,
            name="courses_item_analysis_template",
        ),
    ]


class ItemAnalysisMenuItem(MenuItem):
    def is_shown(self, request):
        return may_analyse(request.user)


@hooks.register("register_admin_menu_item")
def item_analysis_menu_item():
    return ItemAnalysisMenuItem(
        "Item analysis", reverse("courses_item_analysis"), icon_name="clipboard-list", order=216
    )
