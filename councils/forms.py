from django import forms
from django.contrib.auth.forms import AuthenticationForm

from common.forms import ErrorStateMixin

from .models import Membership


class SignInForm(AuthenticationForm):
    """Django's sign-in form, with errors in GOV.UK's voice."""

    error_messages = {
        "invalid_login": "Enter a correct username and password. Both are case-sensitive.",
        "inactive": "This account cannot sign in. Ask your council's scrutiny team.",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].error_messages["required"] = "Enter your username"
        self.fields["password"].error_messages["required"] = "Enter your password"


class AddPersonForm(ErrorStateMixin, forms.Form):
    email = forms.EmailField(
        label="E-mail address",
        max_length=254,
        error_messages={
            "required": "Enter their e-mail address",
            "invalid": "Enter an e-mail address in the correct format, like name@example.gov.uk",
        },
    )
    role = forms.ChoiceField(
        choices=Membership.Role.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select a role", "invalid_choice": "Select a role"},
    )

    def role_options(self):
        hints = {
            Membership.Role.MEMBER: "Reads everything of the council; changes nothing.",
            Membership.Role.OFFICER: "Records cabinet responses and progress, assigns lead officers.",
            Membership.Role.ADMIN: "As an officer, and imports papers, runs update rounds and manages people.",
        }
        value = self["role"].value()
        return [
            {"value": role.value, "label": role.label, "hint": hints[role], "checked": value == role.value}
            for role in Membership.Role
        ]


class RoleForm(forms.Form):
    role = forms.ChoiceField(
        choices=Membership.Role.choices, error_messages={"invalid_choice": "Select a role"}
    )
