"""The work done by the task worker, not in the request that caused it."""

from django_tasks import task

from . import services


@task()
def fan_out(event_id: int) -> int:
    """Tell the followers of one event (see services.fan_out): how many were told."""
    return services.fan_out(event_id=event_id)


@task()
def send_as_it_happens(user_id: int, council_id: int) -> int:
    """E-mail one person what is waiting for them from one council (see services.send_as_it_happens)."""
    return services.send_as_it_happens(user_id=user_id, council_id=council_id)
