import re

from common.forms import DateField, GovukForm

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
        super().__init__(data if any(k.startswith("as_at") for k in data) or self.bad_link else None)

    def clean(self):
        if self.bad_link:
            self.add_error("as_at", "Enter the date as a day, month and year, for example 16 1 2024")
        return super().clean()

    @property
    def date(self):
        """The date asked for, or None (none asked for, or not a real date)."""
        return self.cleaned_data.get("as_at") if self.is_bound and self.is_valid() else None
