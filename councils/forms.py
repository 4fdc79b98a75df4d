from typing import Any

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm
from django.template.loader import render_to_string

from common.forms import GovukBoundField, GovukForm, PasswordInput, Radios

from . import services
from .mail import queue_email
from .models import RESPONSE_CHOICES, STALLED_CHOICES, PaperCover, Role, parse_days


class SignInForm(AuthenticationForm):
    """Django's sign-in form, with GOV.UK fields and errors in GOV.UK's voice."""

    bound_field_class = GovukBoundField
    error_messages = {
        "invalid_login": "Enter a correct username and password. Both are case-sensitive.",
        "inactive": "This account cannot sign in. Ask your council's scrutiny team.",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        username, password = self.fields["username"], self.fields["password"]
        username.error_messages["required"] = "Enter your username"
        password.error_messages["required"] = "Enter your password"
        username.widget.attrs.update(
            {"class": "govuk-input--width-20", "spellcheck": "false", "autocapitalize": "none"}
        )
        username.widget.attrs.pop("autofocus", None)
        password.widget = PasswordInput(
            attrs={
                "class": "govuk-input--width-20",
                "autocomplete": "current-password",
                "spellcheck": "false",
                "autocapitalize": "none",
            }
        )


class AdminSignInForm(AdminAuthenticationForm):
    """The admin's own sign-in form, which asks for no code: it refuses anyone who signs in with one.

    They sign in on the service's page, and the admin then opens for them.
    """

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        if services.two_factor_device(user) or services.must_use_two_factor(user):
            raise forms.ValidationError(
                "Your account uses two-factor sign-in: sign in on the service's sign-in page, "
                "then open the administration.",
                code="two_factor",
            )


class CodeForm(GovukForm):
    """The 6-digit code an authenticator app shows."""

    code = forms.CharField(
        label="Code from your authenticator app",
        help_text="The 6-digit code, like 123456. It changes every 30 seconds.",
        max_length=20,
        widget=forms.TextInput(
            attrs={
                "class": "govuk-input--width-5",
                "inputmode": "numeric",
                "autocomplete": "one-time-code",
                "spellcheck": "false",
            }
        ),
        error_messages={
            "required": "Enter the 6-digit code from your authenticator app",
            "max_length": "The code must be 6 numbers",
        },
    )

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split())
        if not (len(code) == 6 and code.isascii() and code.isdigit()):
            raise forms.ValidationError("The code must be 6 numbers")
        return code


def password_widget(autocomplete):
    """GOV.UK's password input, as wide as a password needs and left as typed."""
    return PasswordInput(
        attrs={
            "class": "govuk-input--width-20",
            "autocomplete": autocomplete,
            "spellcheck": "false",
            "autocapitalize": "none",
        }
    )


# What AUTH_PASSWORD_VALIDATORS ask, in one sentence (Django's own help is a list in HTML).
PASSWORD_HINT = (
    "Use at least 8 characters. Do not use a common password, only numbers, "
    "or anything like your name, username or e-mail address."
)


class NewPasswordMixin:
    """A new password typed twice, checked by AUTH_PASSWORD_VALIDATORS, in GOV.UK fields."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        first, second = self.fields["new_password1"], self.fields["new_password2"]  # type: ignore[attr-defined]
        first.label, first.help_text = "New password", PASSWORD_HINT
        second.label, second.help_text = "Confirm your new password", ""
        first.error_messages["required"] = "Enter a new password"
        second.error_messages["required"] = "Enter your new password again"
        first.widget = password_widget("new-password")
        second.widget = password_widget("new-password")

    def validate_password_for_user(self, user, password_field_name="new_password1"):
        # Django puts what the validators say beside the second box; GOV.UK puts an error beside
        # the box that holds what is wrong, the first.
        super().validate_password_for_user(user, "new_password1")  # type: ignore[misc]


MISMATCH = "The passwords do not match. Enter the same password twice."


class SetPasswordForm(NewPasswordMixin, auth_forms.SetPasswordForm):
    """The password of a person following an invitation or a reset link."""

    bound_field_class = GovukBoundField
    error_messages: dict[str, Any] = {"password_mismatch": MISMATCH}


class PasswordChangeForm(NewPasswordMixin, auth_forms.PasswordChangeForm):
    """A signed-in person's new password, with their current one to show it is them."""

    bound_field_class = GovukBoundField
    error_messages: dict[str, Any] = {
        "password_mismatch": MISMATCH,
        "password_incorrect": "Your current password is wrong. Enter it again.",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        current = self.fields["old_password"]
        current.label = "Current password"
        current.error_messages["required"] = "Enter your current password"
        current.widget = password_widget("current-password")


class PasswordResetForm(auth_forms.PasswordResetForm):
    """The e-mail address to send a link to set a new password to."""

    bound_field_class = GovukBoundField
    email = forms.EmailField(
        label="E-mail address",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={
            "required": "Enter your e-mail address",
            "invalid": "Enter an e-mail address in the correct format, like name@example.gov.uk",
        },
    )

    def get_users(self, email):
        """Everyone active with this address, the invited who never set a password included (Django
        leaves them out), so that an expired invitation can be replaced without asking an admin."""
        people = get_user_model()._default_manager.filter(email__iexact=email, is_active=True)
        return (person for person in people if person.email.casefold() == email.casefold())

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        """Queue the e-mail in the outbox for the worker, rather than send it inside the request."""
        subject = render_to_string(subject_template_name, context)
        template = email_template_name.removeprefix("emails/").removesuffix(".txt")
        queue_email(
            recipient=context["user"],
            subject=subject,
            template=template,
            context=context,
            kind="password reset",
        )


ROLE_HINTS = {
    Role.MEMBER: "Reads everything of the council; changes nothing.",
    Role.OFFICER: "Records cabinet responses and progress, assigns lead officers.",
    Role.ADMIN: "As an officer, and imports papers, runs update rounds and manages people.",
}


class AddPersonForm(GovukForm):
    email = forms.EmailField(
        label="E-mail address",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={
            "required": "Enter their e-mail address",
            "invalid": "Enter an e-mail address in the correct format, like name@example.gov.uk",
        },
    )
    role = forms.ChoiceField(
        choices=Role.choices,
        widget=Radios(hints=ROLE_HINTS),
        error_messages={"required": "Select a role", "invalid_choice": "Select a role"},
    )


class RoleForm(GovukForm):
    """A person's role, changed from the row of the People table that names them."""

    role = forms.ChoiceField(choices=Role.choices, error_messages={"invalid_choice": "Select a role"})

    def __init__(self, *args, membership=None, **kwargs):
        if membership is not None:
            kwargs.setdefault("initial", {"role": membership.role})
            kwargs.setdefault("auto_id", f"role-{membership.pk}-%s")
        super().__init__(*args, **kwargs)
        if membership is not None:
            person = membership.user
            self.fields["role"].label = f"Role of {person.get_full_name() or person.username}"
            self.fields["role"].hide_label = True  # type: ignore[attr-defined]  # read by forms/field.html


def days_field(label: str, help_text: str) -> forms.CharField:
    """A box for a few numbers of days, such as "7, 2" (the form's clean_<name> reads them)."""
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=False,
        max_length=40,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10", "spellcheck": "false"}),
        error_messages={"max_length": "Enter at most 40 characters"},
    )


class SettingsForm(GovukForm):
    """A council's settings: what the papers of the rounds it collects cover and show (unless a paper
    chooses otherwise), and when a recommendation counts as stalled."""

    cover = forms.ChoiceField(
        label="Which recommendations should a round's update report and update table include?",
        choices=PaperCover.choices,
        widget=Radios(
            hints={PaperCover.OPEN: "Leaves out those completed or not taken forward by the round before"}
        ),
        error_messages={
            "required": "Select which recommendations to include",
            "invalid_choice": "Select which recommendations to include",
        },
    )
    show_response = forms.TypedChoiceField(
        label="Should the update report show each recommendation's cabinet response?",
        choices=[("yes", "Yes"), ("no", "No")],
        coerce=lambda value: value == "yes",
        widget=Radios(attrs={"class": "govuk-radios--inline"}),
        error_messages={"required": "Select yes or no", "invalid_choice": "Select yes or no"},
    )
    stalled_after_months = forms.TypedChoiceField(
        label="After how long without an update is a recommendation stalled?",
        choices=[(months, f"{months} months") for months in STALLED_CHOICES],
        coerce=int,
        widget=forms.Select(attrs={"class": "govuk-!-width-one-third"}),
        error_messages={
            "required": "Select how many months",
            "invalid_choice": "Select how many months from the list",
        },
    )
    response_period_months = forms.TypedChoiceField(
        label="How long does the executive have to respond to a review's recommendations?",
        help_text="From the date the committee made them. The statutory period is two months.",
        choices=[(months, f"{months} month{'s' if months > 1 else ''}") for months in RESPONSE_CHOICES],
        coerce=int,
        widget=forms.Select(attrs={"class": "govuk-!-width-one-third"}),
        error_messages={
            "required": "Select how many months",
            "invalid_choice": "Select how many months from the list",
        },
    )
    reminder_days_before = days_field(
        "Remind lead officers this many days before an update is due (optional)",
        "Separate the numbers with commas, for example 7, 2. Each lead officer is asked for their "
        "updates when a round opens; these reminders follow, only to those who still owe one.",
    )
    reminder_days_after = days_field(
        "And this many days after it is due (optional)",
        "For example 1, 7. After the last reminder, what is still owed goes to the first step of the "
        "escalation ladder below, if there is one.",
    )
    escalation_steps = forms.CharField(
        label="Escalation ladder (optional)",
        help_text="One step a line, in the order they are taken. For example: Reminder to the lead officer; "
        "The chair writes to the director; The cabinet member is invited to the committee.",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"max_length": "The ladder must be 4,000 characters or fewer"},
    )

    def _days(self, name):
        try:
            return ", ".join(str(days) for days in parse_days(self.cleaned_data[name]))
        except ValueError as refused:
            raise forms.ValidationError(str(refused)) from None

    def clean_reminder_days_before(self):
        return self._days("reminder_days_before")

    def clean_reminder_days_after(self):
        return self._days("reminder_days_after")

    def clean_escalation_steps(self):
        try:
            return services.ladder_names(self.cleaned_data["escalation_steps"].splitlines())
        except ValueError as refused:
            raise forms.ValidationError(str(refused)) from None
