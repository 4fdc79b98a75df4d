from django.contrib import admin

from common.admin import TrackedAdmin, readonly_on_change

from . import services
from .models import Review, SourceDocument, UpdateRound


@admin.register(Review)
class ReviewAdmin(TrackedAdmin):
    list_display = ["title", "council", "committee", "recommended_date"]
    list_filter = ["council"]
    search_fields = ["title", "slug"]
    list_select_related = ["council", "committee"]

    def save_record(self, request, obj, form, *, change, reason):
        services.edit_review(review=obj, user=request.user, reason=reason)

    def delete_record(self, request, obj, *, reason):
        services.delete_review(review=obj, user=request.user, reason=reason)


@admin.register(UpdateRound)
class UpdateRoundAdmin(TrackedAdmin):
    list_display = ["review", "committee", "meeting_date"]
    list_filter = ["review__council"]
    list_select_related = ["review", "committee"]
    date_hierarchy = "meeting_date"
    # They name the round: its papers' addresses are by meeting date, and the
    # dashboards date its updates by it.
    get_readonly_fields = readonly_on_change("review", "committee", "meeting_date")

    def save_record(self, request, obj, form, *, change, reason):
        services.save_round(update_round=obj, user=request.user, reason=reason)

    def delete_record(self, request, obj, *, reason):
        services.delete_round(update_round=obj, user=request.user, reason=reason)


@admin.register(SourceDocument)
class SourceDocumentAdmin(TrackedAdmin):
    list_display = ["name", "council", "kind", "paper_date", "imported_at", "imported_by"]
    list_filter = ["council", "kind"]
    list_select_related = ["council", "imported_by"]
    search_fields = ["name", "title"]
    readonly_fields = ["checksum", "text", "imported_by", "imported_at", "layout"]
