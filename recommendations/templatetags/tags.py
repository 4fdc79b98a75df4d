"""Decisions and statuses as GOV.UK tags: the words, with the colour the model gives them."""

from django import template

from recommendations.models import Forecast, ProgressUpdate

register = template.Library()


@register.inclusion_tag("includes/tag.html")
def status_tag(status, wording="", empty="No status given"):
    """A status (a ProgressUpdate.Status value, or "" where none was given) in the council's words."""
    if not status:
        return {"label": wording or empty, "colour": "grey"}
    status = ProgressUpdate.Status(status)
    return {"label": wording or status.label, "colour": status.tag_colour}


@register.inclusion_tag("includes/tag.html")
def decision_tag(response):
    """A cabinet response's decision in the council's words, or that there is none yet."""
    if not response:  # None, or the empty string a template gives for a missing response
        return {"label": "No response yet", "colour": "grey"}
    return {"label": response.wording, "colour": response.tag_colour}


@register.inclusion_tag("includes/tag.html")
def forecast_tag(forecast):
    """An officer's forecast (a Forecast value) against the target date, in words."""
    forecast = Forecast(forecast)
    return {"label": forecast.label, "colour": forecast.tag_colour}
