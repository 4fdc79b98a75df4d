"""Form pieces shared by the apps: the GOV.UK date input."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone


class DateInput(forms.MultiWidget):
    """Day, month and year boxes, as the GOV.UK date input pattern has them."""

    template_name = "forms/date_input.html"

    def __init__(self, attrs=None):
        box = {"inputmode": "numeric", "class": "govuk-input govuk-date-input__input"}
        super().__init__([forms.TextInput(box), forms.TextInput(box), forms.TextInput(box)], attrs)

    def decompress(self, value):
        if isinstance(value, datetime.date):
            return [value.day, value.month, value.year]
        return [None, None, None]


class DateField(forms.MultiValueField):
    """A date typed as day, month and year, with GOV.UK's error messages.

    ``name`` words the messages ("Enter the date of the update");
    ``not_future`` refuses dates after today.
    """

    widget = DateInput

    def __init__(self, *, name="the date", not_future=False, **kwargs):
        self.name = name
        self.not_future = not_future
        parts = (
            forms.CharField(required=False),
            forms.CharField(required=False),
            forms.CharField(required=False),
        )
        kwargs.setdefault("error_messages", {})
        kwargs["error_messages"].setdefault("required", f"Enter {name}")
        kwargs["error_messages"].setdefault("incomplete", f"Enter {name} as a day, month and year")
        super().__init__(parts, require_all_fields=False, **kwargs)

    def compress(self, values):
        if not values or not any(values):
            return None
        day, month, year = (value.strip() if value else "" for value in values)
        missing = [
            part
            for part, value in zip(("day", "month", "year"), (day, month, year), strict=True)
            if not value
        ]
        if missing:
            raise ValidationError(f"{self.name.capitalize()} must include a {' and '.join(missing)}")
        try:
            date = datetime.date(int(year), int(month), int(day))
        except ValueError:
            raise ValidationError(f"{self.name.capitalize()} must be a real date") from None
        if len(year) != 4:
            raise ValidationError("Year must include 4 numbers")
        if self.not_future and date > timezone.localdate():
            raise ValidationError(f"{self.name.capitalize()} must be today or in the past")
        return date


class ErrorStateMixin:
    """Mark the widgets of fields with errors, so templates draw them in red."""

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                self.fields[name].widget.attrs["has_error"] = True
