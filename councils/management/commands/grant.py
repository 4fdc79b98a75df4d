from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from common.history import command_user
from councils import services
from councils.models import Council, Role


class Command(BaseCommand):
    help = (
        "Give a person a role in a council (officer, member or admin), or change the role "
        "they have there. With --create, make the person first and print a one-time password. "
        "The history records --by (a username), or the system user “command-line”."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--council", required=True, metavar="SLUG")
        parser.add_argument("--role", required=True, choices=Role.values)
        parser.add_argument("--create", action="store_true", help="create the user if there is none")
        parser.add_argument("--email", default="", help="e-mail address for a user made with --create")
        parser.add_argument("--by", metavar="USERNAME", help="who is granting it, as the history records")

    def handle(self, *args, username, council, role, create, email, by, **options):
        council_obj = Council.objects.filter(slug=council).first()
        if council_obj is None:
            raise CommandError(f"There is no council with the slug “{council}”.")
        User = get_user_model()
        acting = None
        if by:
            acting = User.objects.filter(username=by).first()
            if acting is None:
                raise CommandError(f"There is no user named “{by}” to record as granting it.")
        with transaction.atomic():
            acting = acting or command_user()
            person = User.objects.filter(username=username).first()
            password = None
            if person is None:
                if not create:
                    raise CommandError(f"There is no user named “{username}”. Add --create to make one.")
                person, password = services.new_account(username=username, email=email)
            _, changed = services.grant(council=council_obj, person=person, role=role, user=acting)
        state = "is now" if changed else "was already"
        self.stdout.write(
            self.style.SUCCESS(f"{username} {state} {Role(role).label.lower()} of {council_obj}.")
        )
        if password:
            self.stdout.write(
                f"Created the user {username}. One-time password: {password}\n"
                "Give it to them privately; they should change it when they first sign in."
            )
