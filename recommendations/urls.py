from django.urls import path

from . import completion_views, figures_views, responses_views, target_views, views

app_name = "recommendations"

prefix = "councils/<slug:council_slug>/reviews/<slug:review_slug>/recommendations/<int:position>/"

urlpatterns = [
    path("recommendations/", views.list_recommendations, name="list"),
    path("responses/", responses_views.responses, name="responses"),
    # The figures committees are judged by: across one's councils, for a council, for a review.
    path("figures/", figures_views.home, name="figures"),
    path("councils/<slug:slug>/figures/", figures_views.council, name="council-figures"),
    path(
        "councils/<slug:council_slug>/reviews/<slug:slug>/figures/",
        figures_views.review,
        name="review-figures",
    ),
    path(prefix, views.detail, name="detail"),
    path(prefix + "updates/new/", views.add_update, name="add-update"),
    path(prefix + "updates/<int:pk>/edit/", views.edit_update, name="edit-update"),
    path(prefix + "response/", views.edit_response, name="edit-response"),
    path(prefix + "lead-officer/", views.assign_lead, name="lead-officer"),
    path(prefix + "themes/", views.edit_themes, name="themes"),
    path(prefix + "target/", target_views.set_target, name="target"),
    path(prefix + "extensions/new/", target_views.request_extension, name="request-extension"),
    path(prefix + "extensions/<int:pk>/", target_views.decide_extension, name="decide-extension"),
    path(prefix + "sign-off/", completion_views.sign_off, name="sign-off"),
    path(prefix + "reopen/", completion_views.reopen, name="reopen"),
    path(prefix + "updates/<int:pk>/not-adequate/", completion_views.not_adequate, name="not-adequate"),
    path(prefix + "escalate/", completion_views.escalate, name="escalate"),
    path(prefix + "evidence/<int:pk>/", completion_views.evidence_file, name="evidence-file"),
]
