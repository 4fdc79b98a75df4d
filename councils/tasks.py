"""The council app's background tasks, run by the worker (``manage.py db_worker``)."""

from django_tasks import task

from . import mail


@task()
def deliver_email(email_id: int) -> str:
    """Send one e-mail from the outbox (see councils.mail.deliver)."""
    return mail.deliver(email_id)
