from django import forms

from api.models import ApiToken


class TokenForm(forms.Form):
    # The service checks the name (empty, too long) so its messages are the ones shown;
    # maxlength only stops a browser typing past the limit.
    name = forms.CharField(
        label="Token name",
        required=False,
        help_text="Say what will use it, such as the scheduling tool's name.",
        widget=forms.TextInput(attrs={"maxlength": ApiToken.NAME_MAX, "autocomplete": "off"}),
    )
