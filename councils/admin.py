from django.contrib import admin

from common.admin import TrackedAdmin

from .models import Committee, Council, Membership, OutboundEmail


@admin.register(Council)
class CouncilAdmin(TrackedAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Committee)
class CommitteeAdmin(TrackedAdmin):
    list_display = ["name", "council"]
    list_filter = ["council"]
    search_fields = ["name"]


@admin.register(Membership)
class MembershipAdmin(TrackedAdmin):
    list_display = ["user", "council", "role"]
    list_filter = ["council", "role"]
    search_fields = ["user__username", "user__email"]
    autocomplete_fields = ["user", "council"]


@admin.register(OutboundEmail)
class OutboundEmailAdmin(admin.ModelAdmin):
    """The outbox, to read: what was sent, what is waiting, and what failed with the server's error."""

    list_display = ["created_at", "recipient", "subject", "kind", "status", "attempts", "sent_at"]
    list_filter = ["status", "kind", "council"]
    search_fields = ["recipient__username", "recipient__email", "subject"]
    date_hierarchy = "created_at"
    list_select_related = ["recipient"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
