from django.urls import path

from . import views

app_name = "notifications"

recommendation = "councils/<slug:council_slug>/reviews/<slug:review_slug>/recommendations/<int:position>/"

urlpatterns = [
    path("notifications/", views.notification_list, name="list"),
    path("notifications/preferences/", views.preferences, name="preferences"),
    path("notifications/following/", views.following, name="following"),
    path("notifications/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path(recommendation + "follow/", views.follow_recommendation, name="follow-recommendation"),
    path(
        "councils/<slug:council_slug>/reviews/<slug:slug>/follow/", views.follow_review, name="follow-review"
    ),
    path("councils/<slug:slug>/follow/", views.follow_council, name="follow-council"),
    path("themes/<slug:slug>/follow/", views.follow_theme, name="follow-theme"),
]
