"""The admin's image upload form: a damaged picture is a form error, never a server error.

Wagtail reads a picture's size only after recognising its header, so a file with a valid PNG
header and broken data raises OSError from Pillow deep in the field's checks (a 500).
"""

from django.core.exceptions import ValidationError
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm


class PictureField(WagtailImageField):
    def check_image_pixel_size(self, f):
        try:
            super().check_image_pixel_size(f)
        except (OSError, ValueError, SyntaxError) as exc:
            raise ValidationError(
                "This picture is damaged and cannot be read. Save it again from an image "
                "editor, as JPEG, PNG, GIF or WebP, and upload that copy.",
                code="invalid_image",
            ) from exc


class PictureForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        # Wagtail builds this field itself (get_image_form's formfield callback); give it the
        # one check it lacks without redeclaring its label, help text and widget.
        if type(field) is WagtailImageField:
            field.__class__ = PictureField
