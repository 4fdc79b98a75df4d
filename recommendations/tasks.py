"""The recommendations app's background tasks, run by the worker (``manage.py db_worker``)."""

from django_tasks import task

from . import update_requests


@task()
def send_round_requests(round_id: int) -> str:
    """Ask each lead officer for what they owe a round that has just opened."""
    return update_requests.send_for_round(round_id)
