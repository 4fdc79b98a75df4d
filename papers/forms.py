import re

from django import forms

from common.forms import DateField, GovukForm, Radios
from councils.models import PaperCover

from .build import Options

_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")


class AsAtForm(GovukForm):
    """The "as at" date of a paper: the GOV.UK date input, or ``?as_at=YYYY-MM-DD`` in a link."""

    as_at = DateField(
        name="the date to show the paper as at",
        not_future=True,
        required=False,
        label="Show the paper as it stood at the end of",
        help_text="For example, 16 1 2024",
    )

    # The query parameters that bind the form; without any, it shows what the paper applied.
    names: tuple[str, ...] = ("as_at",)

    def __init__(self, query):
        data = query.copy()
        self.bad_link = False
        given = data.pop("as_at", [""])[-1]
        if given:
            match = _ISO.match(given)
            if match:
                data["as_at_0"], data["as_at_1"], data["as_at_2"] = match[3], match[2], match[1]
            else:
                self.bad_link = True
        super().__init__(data if any(k.startswith(self.names) for k in data) or self.bad_link else None)

    def clean(self):
        if self.bad_link:
            self.add_error("as_at", "Enter the date as a day, month and year, for example 16 1 2024")
        return super().clean()

    @property
    def date(self):
        """The date asked for, or None (none asked for, or not a real date)."""
        return self.cleaned_data.get("as_at") if self.is_bound and self.is_valid() else None


YES_NO = [("yes", "Yes"), ("no", "No")]


class RoundPaperForm(AsAtForm):
    """A round's paper: its "as at" date, and what it covers (``?cover=open&response=yes`` in a link)."""

    cover = forms.ChoiceField(
        label="Recommendations to include",
        choices=PaperCover.choices,
        widget=Radios(
            hints={PaperCover.OPEN: "Leaves out those completed or not taken forward by the round before"}
        ),
        required=False,
        error_messages={"invalid_choice": "Select which recommendations to include"},
    )
    response = forms.ChoiceField(
        label="Show each recommendation's cabinet response",
        choices=YES_NO,
        widget=Radios(attrs={"class": "govuk-radios--inline"}),
        required=False,
        error_messages={"invalid_choice": "Select yes or no"},
    )

    def __init__(self, query, options=("cover", "response")):
        self.names = ("as_at", *options)
        super().__init__(query)
        for name in ("cover", "response"):
            if name not in options:
                del self.fields[name]

    @property
    def options(self):
        """The options chosen (None where not chosen, or not valid)."""
        if not self.is_bound or not self.is_valid():
            return Options()
        response = self.cleaned_data.get("response")
        return Options(
            cover=self.cleaned_data.get("cover") or None,
            show_response={"yes": True, "no": False}.get(response or ""),
        )
