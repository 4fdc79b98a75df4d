from django.urls import path

from . import views

app_name = "councils"

urlpatterns = [
    path("<slug:slug>/people/", views.people, name="people"),
    path("<slug:slug>/people/<int:pk>/", views.change_role, name="change-role"),
    path("<slug:slug>/people/<int:pk>/invitation/", views.resend_invitation, name="resend-invitation"),
    path("<slug:slug>/settings/", views.council_settings, name="settings"),
]
