from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from councils.forms import SignInForm
from recommendations import views as recommendation_views

urlpatterns = [
    # The dashboards: every council this person may see, and one council.
    path("", recommendation_views.home, name="home"),
    path("councils/<slug:slug>/", recommendation_views.council, name="council"),
    path("login/", auth_views.LoginView.as_view(authentication_form=SignInForm), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("my-recommendations/", recommendation_views.mine, name="my-recommendations"),
    path("councils/", include("councils.urls")),
    path("councils/", include("reviews.urls")),
    path("councils/", include("importing.urls")),
    path("councils/<slug:council_slug>/reviews/<slug:slug>/", include("papers.urls")),
    path("", include("recommendations.urls")),
    path("admin/", admin.site.urls),
]
