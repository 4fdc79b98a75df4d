import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from common.history import save_with_history
from councils.models import Council, Membership


class Command(BaseCommand):
    help = (
        "Give a person a role in a council (officer, member or admin), or change the role "
        "they have there. With --create, make the person first and print a one-time password."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--council", required=True, metavar="SLUG")
        parser.add_argument("--role", required=True, choices=[role.value for role in Membership.Role])
        parser.add_argument("--create", action="store_true", help="create the user if there is none")
        parser.add_argument("--email", default="", help="e-mail address for a user made with --create")

    def handle(self, *args, username, council, role, create, email, **options):
        council_obj = Council.objects.filter(slug=council).first()
        if council_obj is None:
            raise CommandError(f"There is no council with the slug “{council}”.")
        User = get_user_model()
        with transaction.atomic():
            user = User.objects.filter(username=username).first()
            password = None
            if user is None:
                if not create:
                    raise CommandError(f"There is no user named “{username}”. Add --create to make one.")
                password = secrets.token_urlsafe(12)
                user = User.objects.create_user(username=username, email=email, password=password)
            membership = Membership.objects.filter(user=user, council=council_obj).first()
            reason = f"Granted {role} by the grant command"
            if membership is None:
                save_with_history(
                    Membership(user=user, council=council_obj, role=role), user=None, reason=reason
                )
                state = "is now"
            elif membership.role != role:
                membership.role = role
                save_with_history(membership, user=None, reason=reason)
                state = "is now"
            else:
                state = "was already"
        label = Membership.Role(role).label.lower()
        self.stdout.write(self.style.SUCCESS(f"{username} {state} {label} of {council_obj}."))
        if password:
            self.stdout.write(
                f"Created the user {username}. One-time password: {password}\n"
                "Give it to them privately; they should change it when they first sign in."
            )
