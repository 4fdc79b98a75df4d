from django.urls import path

import common.converters  # noqa: F401 (registers "isodate")

from . import views

app_name = "reviews"

prefix = "<slug:council_slug>/reviews/<slug:slug>/"

urlpatterns = [
    path(prefix, views.detail, name="detail"),
    path("<slug:council_slug>/papers/<int:pk>/", views.document, name="document"),
    path("<slug:council_slug>/papers/<int:pk>/file/", views.document_file, name="document-file"),
    path(prefix + "rounds/new/", views.open_round, name="open-round"),
    path(prefix + "rounds/<int:pk>/progress/", views.round_progress, name="round-progress"),
    path(prefix + "rounds/<int:pk>/close/", views.close_round, name="close-round"),
    path(prefix + "rounds/<int:pk>/keep-open/", views.keep_round_open, name="keep-round-open"),
    path(prefix + "rounds/<isodate:meeting_date>/", views.round_detail, name="round"),
]
