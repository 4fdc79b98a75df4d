from django.urls import path

from . import views

app_name = "importing"

urlpatterns = [
    path("<slug:council_slug>/import/", views.upload, name="upload"),
    path("<slug:council_slug>/import/<int:pk>/", views.check, name="check"),
]
