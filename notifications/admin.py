"""The notifications' tables in the admin, to look at: people change their follows and preferences on
their own pages (through the services), and the events and notifications are the tracker's own record."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Digest, Event, Follow, Notification, Preference


class ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Follow)
class FollowAdmin(ReadOnly, SimpleHistoryAdmin):
    list_display = ["user", "recommendation", "review", "theme", "council", "is_following"]
    list_filter = ["is_following"]
    search_fields = ["user__username"]


@admin.register(Preference)
class PreferenceAdmin(ReadOnly, SimpleHistoryAdmin):
    list_display = ["user", "email"]
    list_filter = ["email"]
    search_fields = ["user__username"]


@admin.register(Event)
class EventAdmin(ReadOnly):
    list_display = ["created_at", "kind", "council", "summary", "fanned_out_at"]
    list_filter = ["kind", "council"]
    list_select_related = ["council"]


@admin.register(Notification)
class NotificationAdmin(ReadOnly):
    list_display = ["created_at", "user", "council", "delivery", "read_at"]
    list_filter = ["delivery", "council"]
    list_select_related = ["user", "council"]
    raw_id_fields = ["event", "digest"]


@admin.register(Digest)
class DigestAdmin(ReadOnly):
    list_display = ["digest_date", "user", "council"]
    list_select_related = ["user", "council"]
