"""The importer's background tasks, run by the worker (``manage.py db_worker``)."""

from django_tasks import task

from . import services


@task()
def import_held_paper(pending_id: int) -> str:
    """Import a large held upload its admin has checked (see services.import_queued)."""
    return services.import_queued(pending_id)
