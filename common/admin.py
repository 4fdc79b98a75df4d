"""The Django admin for tracked records: every save and deletion there leaves history with who and why."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .history import delete_with_history, save_with_history


def admin_reason(request, form=None, *, change=True, deleting=False) -> str:
    """Why the record changed, as its history row will say: done in the admin, and what."""
    match = request.resolver_match
    if deleting:
        return "Deleted in the administration site"
    if match and match.url_name and match.url_name.endswith("_simple_history"):
        return "Reverted in the administration site to an earlier version"
    if not change:
        return "Added in the administration site"
    changed = [str(form.fields[name].label or name).lower() for name in form.changed_data] if form else []
    return "Changed in the administration site" + (f": {', '.join(changed)}" if changed else "")


class TrackedAdmin(SimpleHistoryAdmin):
    """Saves and deletes through ``save_record`` and ``delete_record``: models with a service override them.

    Bulk deletion from the list is done record by record, so that each
    deletion goes through ``delete_record`` too.
    """

    def save_model(self, request, obj, form, change):
        self.save_record(request, obj, form, change=change, reason=admin_reason(request, form, change=change))

    def delete_model(self, request, obj):
        self.delete_record(request, obj, reason=admin_reason(request, deleting=True))

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)

    def save_record(self, request, obj, form, *, change, reason):
        save_with_history(obj, user=request.user, reason=reason)

    def delete_record(self, request, obj, *, reason):
        delete_with_history(obj, user=request.user, reason=reason)


def readonly_on_change(*names):
    """``get_readonly_fields`` that keeps these fields fixed once the record exists."""

    def get_readonly_fields(self, request, obj=None):
        return (*admin.ModelAdmin.get_readonly_fields(self, request, obj), *(names if obj else ()))

    return get_readonly_fields
