from django.urls import path

from . import views

app_name = "recommendations"

urlpatterns = [
    path(
        "<slug:council_slug>/reviews/<slug:review_slug>/recommendations/<int:number>/",
        views.detail,
        name="detail",
    ),
]
