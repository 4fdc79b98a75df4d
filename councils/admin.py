from django.contrib import admin

from common.admin import TrackedAdmin

from .models import Committee, Council, Membership


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
