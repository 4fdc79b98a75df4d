from django.apps import AppConfig


class RecommendationsConfig(AppConfig):
    name = "recommendations"

    def ready(self):
        from councils import versions
        from councils.signals import member_removed
        from reviews.signals import reviews_changed

        from . import models, services

        # A cached page of a council goes stale with any change to its recommendations and what hangs off
        # them; a theme may show on any council's pages.
        versions.track(models.Theme, None)
        versions.track(models.Recommendation, "review.council_id")
        for model in (
            models.CabinetResponse,
            models.ProgressUpdate,
            models.TargetDate,
            models.ExtensionRequest,
            models.SignOff,
            models.UpdateAssessment,
            models.EvidenceFile,
            models.Escalation,
            models.EvidenceLink,
        ):
            versions.track(model, "recommendation.review.council_id")

        def release_leads(sender, council, person, user, **kwargs):
            services.release_lead_officer(council=council, officer=person, user=user)

        member_removed.connect(release_leads, dispatch_uid="recommendations-release-leads", weak=False)

        def refresh_summaries(sender, review_ids, **kwargs):
            services.refresh_summaries(review_ids=review_ids)

        reviews_changed.connect(refresh_summaries, dispatch_uid="recommendations-summaries", weak=False)
