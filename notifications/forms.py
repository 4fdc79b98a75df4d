from django import forms

from common.forms import GovukForm, Radios

from .models import Preference


class FollowForm(GovukForm):
    """A follow button's choice: to follow the thing, or to stop."""

    following = forms.TypedChoiceField(
        choices=[("yes", "Follow"), ("no", "Unfollow")],
        coerce=lambda value: value == "yes",
        error_messages={
            "required": "Choose whether to follow it",
            "invalid_choice": "Choose whether to follow it",
        },
    )
    next = forms.CharField(required=False, widget=forms.HiddenInput)


class PreferenceForm(GovukForm):
    email = forms.ChoiceField(
        label="When should we e-mail you about what you follow?",
        choices=Preference.Email.choices,
        widget=Radios(
            hints={
                Preference.Email.IMMEDIATE: "An e-mail for each change, soon after it is made.",
                Preference.Email.DIGEST: "One e-mail a day for each council, listing the day's changes.",
                Preference.Email.NEVER: "You will still see every change on your notifications page.",
            }
        ),
        error_messages={
            "required": "Select when to e-mail you",
            "invalid_choice": "Select when to e-mail you",
        },
    )
