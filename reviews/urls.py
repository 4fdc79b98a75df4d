from django.urls import path

from . import views

app_name = "reviews"

urlpatterns = [
    path("<slug:council_slug>/reviews/<slug:slug>/", views.detail, name="detail"),
    path("<slug:council_slug>/papers/<int:pk>/", views.document, name="document"),
]
