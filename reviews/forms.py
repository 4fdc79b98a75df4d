from typing import cast

from django import forms

from common.forms import DateField, GovukForm
from councils.models import Committee

from .models import UpdateRound


class OpenRoundForm(GovukForm):
    committee: "forms.ModelChoiceField[Committee]" = forms.ModelChoiceField(
        queryset=None,
        label="Committee the updates go to",
        empty_label="Select a committee",
        error_messages={
            "required": "Select a committee",
            "invalid_choice": "Select a committee from the list",
        },
    )
    meeting_date = DateField(name="the date of the meeting", label="Date of the meeting")
    due_date = DateField(name="the date updates are due", label="Date updates are due")
    title = forms.CharField(label="Title of the report (optional)", max_length=500, required=False)

    def __init__(self, *args, review, **kwargs):
        super().__init__(*args, **kwargs)
        self.review = review
        committee = cast("forms.ModelChoiceField[Committee]", self.fields["committee"])
        committee.queryset = Committee.objects.filter(council=review.council)

    def clean(self):
        data = super().clean()
        assert data is not None  # Form.clean returns the cleaned data
        meeting, due = data.get("meeting_date"), data.get("due_date")
        if meeting and due and due > meeting:
            self.add_error(
                "due_date", "The date updates are due must be on or before the date of the meeting"
            )
        committee = data.get("committee")
        if committee and meeting:
            exists = UpdateRound.objects.filter(review=self.review, committee=committee, meeting_date=meeting)
            if exists.exists():
                self.add_error("meeting_date", f"There is already a round for {committee} on that date")
        return data
