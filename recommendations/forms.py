from typing import cast

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.utils import timezone

from common.forms import Checkboxes, DateField, GovukForm, Radios
from councils.models import Membership
from reviews.models import UpdateRound

from .models import CabinetResponse, EvidenceFile, ProgressUpdate, Theme
from .services import RefusedChange, check_evidence_file

STATUS_HINTS = {
    ProgressUpdate.Status.NOT_STARTED: "Nothing has been done yet.",
    ProgressUpdate.Status.IN_PROGRESS: "Work has begun but is not finished.",
    ProgressUpdate.Status.COMPLETED: "The recommendation has been carried out. The committee will be asked to sign it off.",
    ProgressUpdate.Status.ALTERNATIVE_ACTION: "Something else was done to the same end. Say what, and why, below.",
    ProgressUpdate.Status.OVERTAKEN: "Events have made it unnecessary or impossible. Say what happened below.",
    ProgressUpdate.Status.NOT_TAKEN_FORWARD: "It will not be carried out. Say why below.",
}
FORECAST_HINTS = {
    ProgressUpdate.Forecast.ON_TRACK: "It will be done by its target date.",
    ProgressUpdate.Forecast.AT_RISK: "It may miss its target date.",
    ProgressUpdate.Forecast.OFF_TRACK: "It will miss its target date.",
}
MAX_UPDATE_LENGTH = 10000
MAX_REASON_LENGTH = 2000
MAX_EVIDENCE_FILES = 5


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class EvidenceFilesField(forms.FileField):
    """Files kept as evidence, each checked by EvidenceFile's rules (type, size, contents)."""

    def __init__(self, **kwargs):
        kinds = ", ".join(sorted(EvidenceFile.KINDS))
        kwargs.setdefault("label", "Attach evidence files (optional)")
        kwargs.setdefault(
            "help_text",
            f"Up to {MAX_EVIDENCE_FILES} files, each smaller than {EvidenceFile.MAX_SIZE // (1024 * 1024)} MB: {kinds}.",
        )
        kwargs.setdefault("widget", MultipleFileInput)
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        uploads = [upload for upload in (data if isinstance(data, list | tuple) else [data]) if upload]
        if len(uploads) > MAX_EVIDENCE_FILES:
            raise forms.ValidationError(f"Attach {MAX_EVIDENCE_FILES} files or fewer at once")
        checked = []
        for upload in uploads:
            if upload.size > EvidenceFile.MAX_SIZE:
                raise forms.ValidationError(
                    f"{upload.name} is too big: each file must be smaller than {EvidenceFile.MAX_SIZE // (1024 * 1024)} MB"
                )
            content = upload.read()
            try:
                check_evidence_file(upload.name or "", content)
            except RefusedChange as refused:
                raise forms.ValidationError(str(refused)) from None
            checked.append((upload.name or "", content))
        return checked


class ProgressUpdateForm(GovukForm):
    status = forms.ChoiceField(
        choices=ProgressUpdate.Status.choices,
        widget=Radios(hints=STATUS_HINTS),
        error_messages={"required": "Select a status", "invalid_choice": "Select a status"},
    )
    text = forms.CharField(
        label="Update",
        max_length=MAX_UPDATE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={
            "required": "Enter the update",
            "max_length": f"The update must be {MAX_UPDATE_LENGTH:,} characters or fewer",
        },
    )
    outcome_reason = forms.CharField(
        label="Why it closes this way (for the last three statuses)",
        help_text="Needed for Alternative action taken, Overtaken by events and Will not be implemented.",
        max_length=MAX_REASON_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"max_length": f"The reason must be {MAX_REASON_LENGTH:,} characters or fewer"},
    )
    forecast = forms.ChoiceField(
        label="Will it be done by its target date? (optional)",
        choices=ProgressUpdate.Forecast.choices,
        widget=Radios(hints=FORECAST_HINTS),
        required=False,
        error_messages={"invalid_choice": "Select whether it is on track, at risk or off track"},
    )
    update_date = DateField(name="the date of the update", not_future=True, label="Date of the update")
    round: "forms.ModelChoiceField[UpdateRound]" = forms.ModelChoiceField(
        queryset=None,
        required=False,
        empty_label="Not for a round",
        label="Update round (optional)",
        error_messages={"invalid_choice": "Select an update round from the list"},
    )
    evidence = forms.CharField(
        label="Link or reference to evidence (optional)",
        max_length=500,
        required=False,
        error_messages={"max_length": "The evidence link or reference must be 500 characters or fewer"},
    )
    evidence_files = EvidenceFilesField()
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, review, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("update_date", timezone.localdate())
        super().__init__(*args, **kwargs)
        round_field = cast("forms.ModelChoiceField[UpdateRound]", self.fields["round"])
        round_field.queryset = review.rounds.open().select_related("committee")
        cast(forms.CharField, self.fields["text"]).strip = True

    def clean(self):
        data = super().clean()
        assert data is not None  # Form.clean returns the cleaned data
        status = data.get("status")
        if (
            status in ProgressUpdate.Status.closing()
            and not data.get("outcome_reason")
            and "outcome_reason" not in self.errors
        ):
            label = ProgressUpdate.Status(status).label
            self.add_error("outcome_reason", f"Enter why it closes as “{label}”")
        if status not in ProgressUpdate.Status.closing():
            data["outcome_reason"] = ""  # a reason belongs only to a closing outcome
        return data


class CabinetResponseForm(GovukForm):
    decision = forms.ChoiceField(
        choices=CabinetResponse.Decision.choices,
        widget=Radios,
        error_messages={"required": "Select a decision", "invalid_choice": "Select a decision"},
    )
    decision_wording = forms.CharField(
        label="The council's word for the decision (optional)",
        help_text="For example “Agree”, “Accepted” or “Partially accepted”. Left empty, the decision is shown.",
        max_length=100,
        required=False,
    )
    comment = forms.CharField(label="Comment", widget=forms.Textarea(attrs={"rows": 8}), required=False)
    responder_name = forms.CharField(label="Responded by (optional)", max_length=200, required=False)
    responder_role = forms.CharField(label="Their role (optional)", max_length=300, required=False)
    response_date = DateField(
        name="the date of the response",
        not_future=True,
        required=False,
        label="Date of the response (optional)",
    )
    reason = forms.CharField(label="Why are you changing it? (optional)", max_length=200, required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, changing=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not changing:
            del self.fields["reason"]  # a first response has no "why change it"


class LeadOfficerForm(GovukForm):
    lead_officer: "forms.ModelChoiceField[User]" = forms.ModelChoiceField(
        queryset=None,
        required=False,
        empty_label="No lead officer",
        label="Lead officer",
        error_messages={"invalid_choice": "Select an officer of this council from the list"},
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, council, **kwargs):
        super().__init__(*args, **kwargs)
        officers = cast("forms.ModelChoiceField[User]", self.fields["lead_officer"])
        officers.queryset = (
            get_user_model()
            .objects.filter(
                memberships__council=council,
                memberships__role__in=[Membership.Role.OFFICER, Membership.Role.ADMIN],
                is_active=True,
            )
            .order_by("first_name", "last_name", "username")
        )
        # Replaces the field's method for this form only, which the stubs cannot express.
        officers.label_from_instance = lambda user: user.get_full_name() or user.username  # type: ignore[method-assign, assignment]


class ThemesForm(GovukForm):
    themes = forms.ModelMultipleChoiceField(
        queryset=Theme.objects.none(),
        required=False,
        widget=Checkboxes,
        label="Choose the themes",
        error_messages={"invalid_choice": "Select themes from the list"},
    )
    new_themes = forms.CharField(
        label="Add new themes (optional)",
        help_text="Separate themes with commas, for example “Refuges, Data sharing”.",
        max_length=300,
        required=False,
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, council, **kwargs):
        super().__init__(*args, **kwargs)
        # The themes this council uses: another council's are not offered, or named.
        field = cast("forms.ModelMultipleChoiceField[Theme]", self.fields["themes"])
        field.queryset = Theme.objects.used_in([council])

    def clean_new_themes(self):
        names = [name.strip() for name in self.cleaned_data["new_themes"].split(",") if name.strip()]
        for name in names:
            if len(name) > 100:
                raise forms.ValidationError("Each theme must be 100 characters or fewer")
        return names


MAX_REASON = 2000


def _reason_field(label, *, required=True, help_text=""):
    return forms.CharField(
        label=label,
        help_text=help_text,
        max_length=MAX_REASON,
        required=required,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": f"Enter {label[0].lower()}{label[1:]}".rstrip("?").replace(" (optional)", ""),
            "max_length": f"The reason must be {MAX_REASON:,} characters or fewer",
        },
    )


class TargetDateForm(GovukForm):
    """A recommendation's target date: the first one, or a revision with its reason."""

    date = DateField(name="the target date", label="Target date", help_text="For example, 31 3 2027")
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, revising, **kwargs):
        super().__init__(*args, **kwargs)
        self.revising = revising
        if revising:
            self.fields["reason"] = _reason_field("Why the target date is changing")
            self.fields["date"].label = "New target date"
            self.order_fields(["date", "reason", "version"])


class ExtensionRequestForm(GovukForm):
    """An officer's request to the committee for a later target date."""

    date = DateField(
        name="the new target date",
        label="New target date you are asking for",
        help_text="For example, 31 3 2027",
    )
    reason = _reason_field("Why more time is needed")


class ExtensionDecisionForm(GovukForm):
    """The committee's decision on an extension, recorded by a council admin."""

    decision = forms.ChoiceField(
        label="The committee's decision",
        choices=[
            ("approved", "Approved: the new date becomes the target"),
            ("declined", "Declined: the target stays"),
        ],
        widget=Radios,
        error_messages={
            "required": "Select the committee's decision",
            "invalid_choice": "Select the committee's decision",
        },
    )
    meeting_date = DateField(
        name="the date of the meeting", not_future=True, label="Date of the meeting that decided"
    )
    note = _reason_field("Note of the decision (optional)", required=False)
    version = forms.IntegerField(widget=forms.HiddenInput)


class SignOffForm(GovukForm):
    """The committee's assessment of an officer's report that a recommendation is complete."""

    decision = forms.ChoiceField(
        label="The committee's assessment",
        choices=[
            ("signed_off", "Signed off: the committee accepts that it is done"),
            ("not_accepted", "Not accepted: it stays open"),
        ],
        widget=Radios,
        error_messages={
            "required": "Select the committee's assessment",
            "invalid_choice": "Select the committee's assessment",
        },
    )
    meeting_date = DateField(name="the date of the meeting", not_future=True, label="Date of the meeting")
    minute_reference = forms.CharField(
        label="Minute reference (optional)",
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10"}),
        error_messages={"max_length": "The minute reference must be 100 characters or fewer"},
    )
    reason = _reason_field("Why it was not accepted (if not accepted)", required=False)
    update = forms.IntegerField(widget=forms.HiddenInput)

    def clean(self):
        data = super().clean()
        assert data is not None  # Form.clean returns the cleaned data
        if data.get("decision") == "not_accepted" and not data.get("reason") and "reason" not in self.errors:
            self.add_error("reason", "Enter why the committee did not accept it")
        return data


class ReopenForm(GovukForm):
    reason = _reason_field("Why it is being reopened")


class NotAdequateForm(GovukForm):
    comment = _reason_field("What the committee found lacking")
    update = forms.IntegerField(widget=forms.HiddenInput)


class EscalationForm(GovukForm):
    taken_on = DateField(name="the date the step was taken", not_future=True, label="When was it taken?")
    note = _reason_field("What was sent or decided")
    step = forms.IntegerField(widget=forms.HiddenInput)
