from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "reviews"

    def ready(self):
        from councils import versions
        from councils.signals import settings_changed

        from . import services
        from .models import Review, SourceDocument, UpdateRound

        # A cached page of a council goes stale with any change to its reviews, rounds and papers.
        versions.track(Review, "council_id")
        versions.track(SourceDocument, "council_id")
        versions.track(UpdateRound, "review.council_id")

        def move_deadlines(sender, council, user, changed, **kwargs):
            if "response_period_months" in changed:
                services.move_response_deadlines(council=council, user=user)

        settings_changed.connect(move_deadlines, dispatch_uid="reviews-move-response-deadlines", weak=False)
