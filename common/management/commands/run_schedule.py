from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.module_loading import import_string


class Command(BaseCommand):
    help = (
        "Run the scheduled work (settings.SCHEDULED_JOBS: update requests and reminders, daily digests, "
        "e-mail left unsent), each job queuing its e-mails for the task worker. Meant for cron or a "
        "systemd timer every 15 minutes or so; safe to run twice, or from two machines at once: each job "
        "records what it did and does nothing it has done already."
    )

    def add_arguments(self, parser):
        parser.add_argument("--only", metavar="JOB", help="run only the job whose name ends with this")

    def handle(self, *args, only, **options):
        jobs = settings.SCHEDULED_JOBS
        if only:
            jobs = [path for path in jobs if path.endswith(only)]
            if not jobs:
                raise CommandError(
                    f"No scheduled job is called {only}. The jobs are: {', '.join(settings.SCHEDULED_JOBS)}."
                )
        now = timezone.now()
        for path in jobs:
            job = import_string(path)
            self.stdout.write(f"{path}: {job(now)}")
