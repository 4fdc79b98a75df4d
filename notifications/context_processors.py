from functools import cache

from .models import Notification


def unread(request):
    """The header's unread count, asked only if a page shows it (one indexed query)."""

    @cache
    def count():
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return 0
        return Notification.objects.visible_to(user).unread().count()

    return {"unread_notifications": count}
