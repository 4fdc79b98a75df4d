"""URL converters the apps share: registered once, when this module is first imported."""

import datetime

from django.urls import register_converter


class IsoDateConverter:
    """A date in a URL as YYYY-MM-DD (a round's meeting date)."""

    regex = r"\d{4}-\d{2}-\d{2}"

    def to_python(self, value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            raise ValueError(value) from None

    def to_url(self, value):
        return value.isoformat() if isinstance(value, datetime.date) else value


register_converter(IsoDateConverter, "isodate")
