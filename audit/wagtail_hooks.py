"""The audit log in the admin: a list with filters (action, who, date) and an inspect view
with the before and after. No add, edit or delete views exist: their addresses are not even
routed, and the permission policy refuses those actions too."""

import json

import django_filters
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .models import ACTION_CHOICES, AuditEntry
from .role_permissions import VIEW_AUDIT_LOG

READ_ONLY_URLS = {"index", "index_results", "inspect"}


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Only "view", even for administrators (who otherwise hold every permission)."""

    def user_has_permission(self, user, action):
        return action == "view" and user.is_active and user.has_perm(VIEW_AUDIT_LOG)

    def user_has_any_permission(self, user, actions):
        return "view" in actions and self.user_has_permission(user, "view")

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        if "view" not in actions:
            return super().users_with_any_permission([])
        return super().users_with_any_permission(["view"])


class AuditFilterSet(WagtailFilterSet):
    action = django_filters.ChoiceFilter(choices=ACTION_CHOICES, label="Action")
    who = django_filters.CharFilter(
        field_name="actor_name", lookup_expr="icontains", label="Who (username)"
    )
    at = django_filters.DateFromToRangeFilter(
        label="Date", widget=DateRangePickerWidget, field_name="at__date"
    )

    class Meta:
        model = AuditEntry
        fields = ["action", "who", "at"]


def _pretty(value) -> str:
    if value is None:
        return "—"
    return format_html(
        '<pre class="audit-json">{}</pre>', json.dumps(value, indent=2, ensure_ascii=False)
    )


class AuditInspectView(InspectView):
    def get_before_display_value(self):
        return _pretty(self.object.before)

    def get_after_display_value(self):
        return _pretty(self.object.after)

    def get_actor_name_display_value(self):
        return self.object.actor_name or "the system"


class AuditLogViewSet(ModelViewSet):
    model = AuditEntry
    icon = "history"
    menu_label = "Audit log"
    menu_order = 900
    add_to_admin_menu = True
    inspect_view_enabled = True
    inspect_view_class = AuditInspectView
    inspect_view_fields = [
        "at",
        "actor_name",
        "action",
        "object_type",
        "object_id",
        "object_repr",
        "summary",
        "before",
        "after",
    ]
    list_display = [
        DateColumn("at", label="When"),
        Column("actor_name", label="Who"),
        Column("action", label="Action", accessor="get_action_display"),
        Column("object_repr", label="Object"),
        Column("summary", label="What"),
    ]
    filterset_class = AuditFilterSet
    search_fields = ["summary", "object_repr", "actor_name"]
    list_per_page = 50
    list_export = []
    copy_view_enabled = False
    # Required by ModelViewSet, though no form view is routed.
    form_fields = ["summary"]

    def get_queryset(self, request):
        return AuditEntry.objects.all()

    def get_urlpatterns(self):
        return [p for p in super().get_urlpatterns() if p.name in READ_ONLY_URLS]


register_permission_policy(AuditEntry, ReadOnlyPolicy(AuditEntry))
audit_log_viewset = AuditLogViewSet("audit")


@hooks.register("register_admin_viewset")
def register_audit_log():
    return audit_log_viewset
