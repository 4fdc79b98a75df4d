from django.apps import AppConfig


class RecommendationsConfig(AppConfig):
    name = "recommendations"

    def ready(self):
        from councils.signals import member_removed
        from reviews.signals import reviews_changed

        from . import services

        def release_leads(sender, council, person, user, **kwargs):
            services.release_lead_officer(council=council, officer=person, user=user)

        member_removed.connect(release_leads, dispatch_uid="recommendations-release-leads", weak=False)

        def refresh_summaries(sender, review_ids, **kwargs):
            services.refresh_summaries(review_ids=review_ids)

        reviews_changed.connect(refresh_summaries, dispatch_uid="recommendations-summaries", weak=False)
