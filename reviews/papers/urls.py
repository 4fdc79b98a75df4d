"""The committee papers of a review and its rounds, under councils/<council>/reviews/<review>/.

Included from reviews/urls.py, so the names are reversed as "reviews:<name>".
"""

import datetime

from django.urls import path, register_converter

from . import views


class IsoDateConverter:
    regex = r"\d{4}-\d{2}-\d{2}"

    def to_python(self, value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            raise ValueError(value) from None

    def to_url(self, value):
        return value.isoformat() if isinstance(value, datetime.date) else value


register_converter(IsoDateConverter, "isodate")

urlpatterns = [
    path("papers/cabinet-response/", views.cabinet_response, name="paper-cabinet-response"),
    path(
        "papers/cabinet-response.docx",
        views.cabinet_response,
        {"output": "docx"},
        name="paper-cabinet-response-docx",
    ),
    path(
        "papers/cabinet-response.csv",
        views.cabinet_response,
        {"output": "csv"},
        name="paper-cabinet-response-csv",
    ),
    path("rounds/<isodate:meeting_date>/", views.round_detail, name="round"),
    path("rounds/<isodate:meeting_date>/update-report/", views.update_report, name="paper-update-report"),
    path(
        "rounds/<isodate:meeting_date>/update-report.docx",
        views.update_report,
        {"output": "docx"},
        name="paper-update-report-docx",
    ),
    path(
        "rounds/<isodate:meeting_date>/update-report.csv",
        views.update_report,
        {"output": "csv"},
        name="paper-update-report-csv",
    ),
    path("rounds/<isodate:meeting_date>/update-table/", views.update_table, name="paper-update-table"),
    path(
        "rounds/<isodate:meeting_date>/update-table.docx",
        views.update_table,
        {"output": "docx"},
        name="paper-update-table-docx",
    ),
    path(
        "rounds/<isodate:meeting_date>/update-table.csv",
        views.update_table,
        {"output": "csv"},
        name="paper-update-table-csv",
    ),
]
