from django.apps import AppConfig


class CouncilsConfig(AppConfig):
    name = "councils"

    def ready(self):
        from . import versions
        from .models import Committee, Council, EscalationStep, Membership

        versions.track(Council, "pk")
        for model in (Committee, EscalationStep, Membership):
            versions.track(model, "council_id")
        versions.track_people()
