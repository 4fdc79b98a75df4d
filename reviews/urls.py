from django.urls import include, path

from . import views

app_name = "reviews"

urlpatterns = [
    path("<slug:council_slug>/reviews/<slug:slug>/", views.detail, name="detail"),
    path("<slug:council_slug>/papers/<int:pk>/", views.document, name="document"),
    path("<slug:council_slug>/import/", views.import_paper, name="import"),
    path("<slug:council_slug>/import/confirm/", views.confirm_import, name="confirm-import"),
    path("<slug:council_slug>/reviews/<slug:slug>/rounds/new/", views.open_round, name="open-round"),
    path(
        "<slug:council_slug>/reviews/<slug:slug>/rounds/<int:pk>/progress/",
        views.round_progress,
        name="round-progress",
    ),
    path(
        "<slug:council_slug>/reviews/<slug:slug>/rounds/<int:pk>/close/",
        views.close_round,
        name="close-round",
    ),
    # The committee papers rebuilt from the data (reviews/papers/).
    path("<slug:council_slug>/reviews/<slug:slug>/", include("reviews.papers.urls")),
]
