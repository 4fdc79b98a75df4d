from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path, reverse_lazy

from councils import services as council_services
from councils import views as council_views
from councils.forms import AdminSignInForm, PasswordChangeForm, PasswordResetForm, SetPasswordForm
from recommendations import views as recommendation_views

# Django's own password pages with ours as their forms and templates (templates/registration/).
password_urls = [
    path(
        "password/change/",
        auth_views.PasswordChangeView.as_view(
            form_class=PasswordChangeForm, success_url=reverse_lazy("password-change-done")
        ),
        name="password-change",
    ),
    path("password/change/done/", auth_views.PasswordChangeDoneView.as_view(), name="password-change-done"),
    path(
        "password/reset/",
        auth_views.PasswordResetView.as_view(
            form_class=PasswordResetForm,
            success_url=reverse_lazy("password-reset-done"),
            subject_template_name="emails/password_reset_subject.txt",
            email_template_name="emails/password_reset.txt",
            extra_email_context={"site_url": settings.SITE_URL, "days": council_services.link_days()},
        ),
        name="password-reset",
    ),
    path("password/reset/sent/", auth_views.PasswordResetDoneView.as_view(), name="password-reset-done"),
    # Where invitations and reset e-mails lead (councils.services.password_link).
    path(
        "password/set/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            form_class=SetPasswordForm, success_url=reverse_lazy("password-reset-complete")
        ),
        name="password-reset-confirm",
    ),
    path(
        "password/set/done/", auth_views.PasswordResetCompleteView.as_view(), name="password-reset-complete"
    ),
]

# The admin's sign-in asks for no code, so it refuses anyone who needs one (they sign in on ours).
admin.site.login_form = AdminSignInForm

urlpatterns = [
    # The dashboards: every council this person may see, and one council.
    path("", recommendation_views.home, name="home"),
    path("councils/<slug:slug>/", recommendation_views.council, name="council"),
    path("login/", council_views.SignInView.as_view(), name="login"),
    path("login/code/", council_views.two_factor_sign_in, name="two-factor-sign-in"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("two-factor/", council_views.two_factor, name="two-factor"),
    path("two-factor/set-up/", council_views.two_factor_set_up, name="two-factor-set-up"),
    *password_urls,
    path("my-recommendations/", recommendation_views.mine, name="my-recommendations"),
    path("councils/", include("councils.urls")),
    path("councils/", include("reviews.urls")),
    path("councils/", include("importing.urls")),
    path("councils/<slug:council_slug>/reviews/<slug:slug>/", include("papers.urls")),
    path("", include("recommendations.urls")),
    path("", include("notifications.urls")),
    path("admin/", admin.site.urls),
]
