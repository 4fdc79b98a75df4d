from django.apps import AppConfig


class CouncilsConfig(AppConfig):
    name = "councils"
