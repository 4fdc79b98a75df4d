from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "reviews"

    def ready(self):
        from councils.signals import settings_changed

        from . import services

        def move_deadlines(sender, council, user, changed, **kwargs):
            if "response_period_months" in changed:
                services.move_response_deadlines(council=council, user=user)

        settings_changed.connect(move_deadlines, dispatch_uid="reviews-move-response-deadlines", weak=False)
