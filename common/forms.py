"""GOV.UK form fields, drawn by Django's form renderer.

A page writes ``{{ form.field.as_field_group }}``: the renderer draws the
field's form group (label or legend, hint, error message, character count)
from ``templates/forms/field.html``, and the widget from Django's templates or
ours in ``templates/forms/widgets/``. ``GovukBoundField`` gives each input its
GOV.UK class, and its error class when the field has an error, so no page
writes GOV.UK markup for a field by hand.
"""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.forms.boundfield import BoundField
from django.forms.renderers import TemplatesSetting
from django.utils import timezone


class GovukRenderer(TemplatesSetting):
    """Django's renderer from the project's templates, with the GOV.UK form group for every field."""

    field_template_name = "forms/field.html"


def _govuk_class(widget):
    """The GOV.UK class of an input of this kind; its error modifier adds "--error"."""
    if isinstance(widget, forms.CheckboxInput):
        return None  # drawn as a GOV.UK checkbox item
    if isinstance(widget, forms.Textarea):
        return "govuk-textarea"
    if isinstance(widget, forms.Select) and not isinstance(widget, forms.RadioSelect):
        return "govuk-select"
    if isinstance(widget, forms.FileInput):
        return "govuk-file-upload"
    if isinstance(widget, forms.widgets.Input):
        return "govuk-input"
    return None


class GovukBoundField(BoundField):
    """A field whose widget carries its GOV.UK classes, and the error state the templates need."""

    @property
    def character_count(self):
        """The limit a textarea counts its characters against, or None."""
        if self.widget_type == "textarea":
            return getattr(self.field, "max_length", None)
        return None

    def build_widget_attrs(self, attrs, widget=None):
        widget = widget or self.field.widget
        attrs = super().build_widget_attrs(attrs, widget)
        if widget.is_hidden:
            return attrs
        kind = self.widget_type
        base = _govuk_class(widget)
        # Ours, then the widget's own (a width, say), then any given here.
        classes = [widget.attrs.get("class", ""), attrs.get("class", "")]
        if base:
            classes.insert(0, base)
            if self.errors:
                classes.append(f"{base}--error")
        elif kind == "date" and self.errors:
            classes.append("govuk-input--error")  # the date template adds it to each box
        elif kind == "checkbox":
            classes.insert(0, "govuk-checkboxes__input")
        if kind == "password":
            classes.append("govuk-password-input__input govuk-js-password-input-input")
        if self.character_count:
            # GOV.UK's character count lets people type past the limit and says by how much.
            widget.attrs.pop("maxlength", None)  # this form's own copy of the widget
            classes.append("govuk-js-character-count")
            attrs["aria-describedby"] = " ".join(
                filter(None, [attrs.get("aria-describedby"), f"{self.auto_id}-info"])
            )
        if any(classes):
            attrs["class"] = " ".join(filter(None, classes))
        return attrs


class GovukForm(forms.Form):
    bound_field_class = GovukBoundField


class Radios(forms.RadioSelect):
    """GOV.UK radios; ``hints`` gives an option's hint by its value."""

    template_name = "forms/widgets/radios.html"

    def __init__(self, attrs=None, choices=(), hints=None):
        super().__init__(attrs, choices)
        self.hints = hints or {}

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        option["hint"] = self.hints.get(str(value), "")
        return option


class Checkboxes(forms.CheckboxSelectMultiple):
    """GOV.UK checkboxes, small as filters use them."""

    template_name = "forms/widgets/checkboxes.html"


class SearchInput(forms.TextInput):
    input_type = "search"


class NativeDateInput(forms.DateInput):
    """The browser's own date picker, for filters that need no GOV.UK date input."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class PasswordInput(forms.PasswordInput):
    """GOV.UK's password input, with its "Show" button."""

    template_name = "forms/widgets/password.html"


class DateInput(forms.MultiWidget):
    """Day, month and year boxes, as the GOV.UK date input pattern has them."""

    template_name = "forms/widgets/date_input.html"

    def __init__(self, attrs=None):
        box = {"inputmode": "numeric"}
        super().__init__([forms.TextInput(box), forms.TextInput(box), forms.TextInput(box)], attrs)

    def decompress(self, value):
        if isinstance(value, datetime.date):
            return [value.day, value.month, value.year]
        return [None, None, None]


# The years a date in this service can fall in: scrutiny papers go back decades, plans a few years on.
EARLIEST_YEAR, LATEST_YEAR = 1980, 2100


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
        if not EARLIEST_YEAR <= date.year <= LATEST_YEAR:
            raise ValidationError(f"Year must be between {EARLIEST_YEAR} and {LATEST_YEAR}")
        if self.not_future and date > timezone.localdate():
            raise ValidationError(f"{self.name.capitalize()} must be today or in the past")
        return date
