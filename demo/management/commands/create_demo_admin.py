from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

USERNAME = "admin"
PASSWORD = "scrutiny-demo"


class Command(BaseCommand):
    help = (
        f"Create the demo superuser “{USERNAME}” (password “{PASSWORD}”) for a local demo. "
        "Refuses to run unless DEBUG is on, so a real installation never has it."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("The demo admin is only for a local demo: set DEBUG=true to create it.")
        user, created = get_user_model().objects.get_or_create(
            username=USERNAME, defaults={"is_staff": True, "is_superuser": True, "first_name": "Demo admin"}
        )
        if created:
            user.set_password(PASSWORD)
            user.save()
        state = "Created" if created else "There is already"
        self.stdout.write(
            self.style.SUCCESS(
                f"{state} a demo admin: sign in as “{USERNAME}” with the password “{PASSWORD}”."
            )
        )
