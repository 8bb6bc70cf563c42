"""The admin's forms for what trainers and DMC author: scenario templates and topics."""

from __future__ import annotations

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm

from scenarios.authoring import FormatError, parse_facts_text, parse_slot_values
from scenarios.generator import TemplateSpec, validate_template
from scenarios.guidance import live_sections
from scenarios.ownership import default_owner, owner_choices, owner_key, set_owner
from scenarios.rulebook import published_rulebook


class ScenarioTemplateForm(WagtailAdminModelForm):
    """Checks a template the way the generator will use it, and puts each problem on the
    field at fault: the post text, a slot's values, or the fixed facts. The owner offered
    are only those the author may give it."""

    owner = forms.ChoiceField(
        label="Owner",
        required=False,  # left out: the template keeps its owner, or gets the author's own
        help_text="Who may change this template. Others can view and copy it.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        self.fields["owner"].choices = owner_choices(user, self.instance)
        if self.instance.pk:
            self.initial["owner"] = owner_key(self.instance)
        else:
            self.initial.setdefault("owner", default_owner(user))

    def clean_owner(self):
        chosen = self.cleaned_data.get("owner")
        if chosen:
            return chosen
        if self.instance.pk:
            return owner_key(self.instance)
        fallback = default_owner(self.for_user)
        if fallback is None:
            raise forms.ValidationError("You cannot own templates: ask a DMC editor.")
        return fallback

    def save(self, commit=True):
        set_owner(self.instance, self.cleaned_data["owner"])
        return super().save(commit=commit)

    def _slot_forms(self) -> tuple[dict, dict, bool]:
        """The slots as the formset holds them: name -> values, name -> form, complete?"""
        slots, slot_forms, complete = {}, {}, True
        formset = self.formsets.get("slots")
        if formset is None:
            return slots, slot_forms, complete
        formset.is_valid()  # clean the slot forms so their values can be read here
        for form in formset.forms:
            data = getattr(form, "cleaned_data", None) or {}
            if data.get("DELETE") or not data.get("name"):
                complete = complete and not form.errors
                continue
            name = data["name"]
            if name in slot_forms:
                form.add_error("name", f"There is already a slot called “{name}”.")
                complete = False
                continue
            slot_forms[name] = form
            try:
                slots[name] = tuple(parse_slot_values(data.get("values", "")))
            except FormatError as exc:
                form.add_error("values", str(exc))
                complete = False
        return slots, slot_forms, complete

    def clean(self):
        cleaned = super().clean()
        complete = True
        try:
            fixed = parse_facts_text(cleaned.get("fixed_facts", ""))
        except FormatError as exc:
            self.add_error("fixed_facts", str(exc))
            complete = False
        slots, slot_forms, slots_complete = self._slot_forms()
        if cleaned.get("image") and cleaned.get("image_kind") == "none":
            self.add_error(
                "image_kind",
                "Say what the picture shows: a general photo, a suspect or a custody photograph.",
            )
        if not (complete and slots_complete) or "text" not in cleaned:
            return cleaned
        spec = TemplateSpec(
            key=cleaned.get("key") or "draft",
            title=cleaned.get("title") or "",
            text=cleaned["text"],
            slots=slots,
            fixed_facts=fixed,
            image_kind=cleaned.get("image_kind") or "none",
        )
        for field, messages in validate_template(spec, published_rulebook()).items():
            for message in messages:
                slot = field.removeprefix("slots.")
                if field.startswith("slots.") and slot in slot_forms:
                    slot_forms[slot].add_error("values", message)
                elif field in self.fields:
                    self.add_error(field, message)
                else:
                    self.add_error(None, message)
        return cleaned


class TopicForm(WagtailAdminModelForm):
    """A topic links to a section of the guidance that exists: the choices are the sections
    of the live guidance pages."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        sections = live_sections()
        choices = [
            (url, f"{section.page_title} › {section.heading}  ({url})")
            for url, section in sections.items()
        ]
        current = self.initial.get("guidance_url") or self.instance.guidance_url
        if current and current not in sections:
            choices.insert(0, (current, f"{current} (no longer on any live guidance page)"))
        self.fields["guidance_url"] = forms.ChoiceField(
            label="Guidance section",
            choices=[("", "Choose the section that explains this row")] + choices,
            help_text="Where “Read the guidance” links for this topic lead.",
        )
        self._sections = sections

    def clean_guidance_url(self):
        url = self.cleaned_data["guidance_url"]
        if url not in self._sections:
            raise forms.ValidationError(
                f"{url} is not a section of a live guidance page: choose one from the list."
            )
        return url
