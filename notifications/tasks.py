"""The work done by the task worker, not in the request that caused it."""

from django_tasks import task

from . import services


@task()
def fan_out(event_id: int) -> int:
    """Tell the followers of one event (see services.fan_out): how many were told."""
    return services.fan_out(event_id=event_id)
