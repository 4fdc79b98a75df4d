from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction

from common.history import command_user
from councils import services
from councils.models import Council, Role


class Command(BaseCommand):
    help = (
        "Give a person a role in a council (officer, member or admin), or change the role "
        "they have there. With --create, make the person first, with no password: they are e-mailed an invitation to "
        "set one (with --email), or the command prints the link for you to pass on privately. "
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
        if email:
            try:
                validate_email(email)
            except ValidationError:
                raise CommandError(f"“{email}” is not an e-mail address.") from None
        User = get_user_model()
        acting = None
        if by:
            acting = User.objects.filter(username=by).first()
            if acting is None:
                raise CommandError(f"There is no user named “{by}” to record as granting it.")
        with transaction.atomic():
            acting = acting or command_user()
            found = User.objects.filter(username=username).first()
            created = found is None
            if found is None:
                if not create:
                    raise CommandError(f"There is no user named “{username}”. Add --create to make one.")
                if len(username) > 150:
                    raise CommandError("A username must be 150 characters or fewer.")
                person = services.new_account(username=username, email=email)
            else:
                person = found
            _, changed = services.grant(council=council_obj, person=person, role=role, user=acting)
            if created and email:
                # In the transaction: if the e-mail cannot be sent, nobody is made.
                try:
                    services.invite(person=person, council=council_obj, invited_by=acting)
                except OSError as error:
                    raise CommandError(f"Could not send the invitation to {email}: {error}") from None
        state = "is now" if changed else "was already"
        self.stdout.write(
            self.style.SUCCESS(f"{username} {state} {Role(role).label.lower()} of {council_obj}.")
        )
        if created and email:
            self.stdout.write(f"Created the user {username} and sent an invitation to {email}.")
        elif created:
            self.stdout.write(
                f"Created the user {username}, who has no e-mail address. Give them this link, privately, "
                f"to set their password (it works once, for {services.link_days()} days):\n"
                f"{services.password_link(person)}"
            )
