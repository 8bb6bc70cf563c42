"""Scenario templates in the admin, scoped by owner: a trainer changes the templates they own
(see `scenarios.ownership`), views and copies the rest, and submits changes for DMC sign-off."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, LiveStatusTagColumn, UpdatedAtColumn
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet

from scenarios.admin_forms import ScenarioTemplateForm
from scenarios.authoring import FormatError, parse_facts_text
from scenarios.fact_display import facts_as_list
from scenarios.models import ScenarioTemplate, TemplateSlot
from scenarios.ownership import scope_of

COPY_SUFFIX = "-copy"


class OwnerCheckedMixin:
    """Checks an action against the template it is about, not only the model: a SPOC may
    change Lewisham's templates but not Croydon's."""

    def user_has_permission(self, permission):
        template = getattr(self, "object", None)
        if template is not None and getattr(template, "pk", None):
            return self.permission_policy.user_has_permission_for_instance(
                self.request.user, permission, template
            )
        return super().user_has_permission(permission)


class TemplateIndexView(snippet_views.IndexView):
    def _may(self, action, template) -> bool:
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, action, template
        )

    def get_edit_url(self, instance):
        return super().get_edit_url(instance) if self._may("change", instance) else None

    def get_delete_url(self, instance):
        return super().get_delete_url(instance) if self._may("delete", instance) else None


class TemplateEditView(OwnerCheckedMixin, snippet_views.EditView):
    def dispatch(self, request, *args, **kwargs):
        # Someone else's template: show it read-only, with the way to copy it.
        if not self.user_has_permission("change") and self.permission_policy.user_has_permission(
            request.user, "view"
        ):
            messages.info(
                request,
                f"“{self.object}” belongs to {self.object.owner_label}: you can view it and "
                "copy it, but not change it.",
            )
            return redirect(self.get_inspect_url())
        return super().dispatch(request, *args, **kwargs)


class TemplateCopyView(snippet_views.CopyView):
    """A copy starts as the copier's own draft: a new key, their owner, nothing published."""

    def get_initial_form_instance(self):
        original = self.get_object()
        copy = ScenarioTemplate(
            title=f"Copy of {original.title}"[:160],
            key=_free_key(original.key),
            text=original.text,
            fixed_facts=original.fixed_facts,
            image=original.image,
            image_kind=original.image_kind,
            borough=original.borough,
            account=original.account,
            difficulty=original.difficulty,
        )
        copy.slots = [
            TemplateSlot(name=slot.name, values=slot.values, sort_order=slot.sort_order)
            for slot in original.slots.all()
        ]
        copy.tags.set(list(original.tags.all()))
        return copy


def _free_key(key: str) -> str:
    base = (key + COPY_SUFFIX)[:76]
    candidate, n = base, 2
    while ScenarioTemplate.objects.filter(key=candidate).exists():
        candidate, n = f"{base}-{n}", n + 1
    return candidate


class TemplateDeleteView(OwnerCheckedMixin, snippet_views.DeleteView):
    pass


class TemplateUnpublishView(OwnerCheckedMixin, snippet_views.UnpublishView):
    pass


class TemplateLockView(OwnerCheckedMixin, snippet_views.LockView):
    pass


class TemplateUnlockView(OwnerCheckedMixin, snippet_views.UnlockView):
    pass


class TemplateUnscheduleView(OwnerCheckedMixin, snippet_views.RevisionsUnscheduleView):
    pass


class TemplateInspectView(snippet_views.InspectView):
    template_name = "scenarios/admin/template_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        template = self.object
        user = self.request.user
        context["template"] = template
        context["slots"] = template.slots.all()
        context["can_change"] = self.permission_policy.user_has_permission_for_instance(
            user, "change", template
        )
        context["copy_url"] = (
            reverse(ScenarioTemplate.snippet_viewset.get_url_name("copy"), args=[template.pk])
            if self.permission_policy.user_has_permission(user, "add")
            else None
        )
        context["questions"] = template.questions.filter(active=True).count()
        try:
            context["fixed_facts"] = facts_as_list(parse_facts_text(template.fixed_facts))
        except FormatError:
            context["fixed_facts"] = [("As written", template.fixed_facts)]
        return context


class OwnerColumn(Column):
    """The owner, and whether the person looking may change the template."""

    def get_value(self, instance):
        return instance.owner_label

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context.get("request")
        if request is not None and scope_of(request.user).covers(instance):
            context["value"] = f"{instance.owner_label} (you can change it)"
        return context


class ScenarioTemplateViewSet(SnippetViewSet):
    model = ScenarioTemplate
    icon = "clipboard-list"
    menu_label = "Scenario templates"
    list_display = [
        "title",
        "key",
        OwnerColumn("owner", label="Owner"),
        "difficulty",
        LiveStatusTagColumn(),
        UpdatedAtColumn(),
    ]
    list_filter = ["difficulty", "live", "image_kind", "owner_borough", "owner_unit"]
    search_fields = ["title", "text", "key"]
    search_backend_name = None  # the database's own search: keys and parts of words
    inspect_view_enabled = True
    index_view_class = TemplateIndexView
    edit_view_class = TemplateEditView
    copy_view_class = TemplateCopyView
    delete_view_class = TemplateDeleteView
    unpublish_view_class = TemplateUnpublishView
    lock_view_class = TemplateLockView
    unlock_view_class = TemplateUnlockView
    revisions_unschedule_view_class = TemplateUnscheduleView
    inspect_view_class = TemplateInspectView
    edit_handler = ObjectList(
        [
            FieldPanel("title"),
            FieldPanel("key"),
            FieldPanel("owner"),
            FieldPanel("text"),
            InlinePanel("slots", heading="Slots", label="Slot"),
            FieldPanel("fixed_facts"),
            MultiFieldPanel([FieldPanel("image"), FieldPanel("image_kind")], heading="Picture"),
            MultiFieldPanel([FieldPanel("borough"), FieldPanel("account")], heading="Account"),
            FieldPanel("tags"),
            FieldPanel("difficulty"),
        ],
        base_form_class=ScenarioTemplateForm,
    )
