"""The project draws a select's options itself (templates/django/forms/widgets/select.html): the markup
must be Django's own, option for option."""

from django import forms
from django.forms.renderers import DjangoTemplates
from django.test.html import parse_html

from common.forms import GovukRenderer

CHOICES = [
    ("", "Any council"),
    ("oxford", "Oxford City Council"),
    ("quotes", 'Say "yes" & <mean> it'),
    ("Group", [(1, "One"), (2, "Two")]),
]


def drawn(widget, value, renderer):
    return parse_html(widget.render("council", value, attrs={"id": "id_council"}, renderer=renderer))


def test_a_select_is_drawn_as_django_draws_it():
    for widget, value in [
        (forms.Select(choices=CHOICES), "oxford"),
        (forms.Select(choices=CHOICES), None),
        (forms.Select(choices=CHOICES, attrs={"class": "govuk-select", "disabled": True}), 2),
        (forms.SelectMultiple(choices=CHOICES), ["quotes", 1]),
    ]:
        ours = drawn(widget, value, GovukRenderer())
        assert ours == drawn(widget, value, DjangoTemplates()), widget
        assert "selected" in str(ours) or value is None
