from django.urls import include, path

from . import views

app_name = "reviews"

urlpatterns = [
    path("<slug:council_slug>/reviews/<slug:slug>/", views.detail, name="detail"),
    path("<slug:council_slug>/papers/<int:pk>/", views.document, name="document"),
    # The committee papers rebuilt from the data (reviews/papers/).
    path("<slug:council_slug>/reviews/<slug:slug>/", include("reviews.papers.urls")),
]
