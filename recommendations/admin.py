from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import CabinetResponse, EvidenceLink, ProgressUpdate, Recommendation


@admin.register(Recommendation)
class RecommendationAdmin(SimpleHistoryAdmin):
    list_display = ["number", "review", "title"]
    list_filter = ["review__council"]
    list_select_related = ["review"]
    search_fields = ["text", "title"]
    raw_id_fields = ["review", "lead_officer", "source_document"]


@admin.register(CabinetResponse)
class CabinetResponseAdmin(SimpleHistoryAdmin):
    list_display = ["recommendation", "decision", "decision_wording", "response_date"]
    list_filter = ["decision", "recommendation__review__council"]
    list_select_related = ["recommendation__review"]
    raw_id_fields = ["recommendation", "source_document"]


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(SimpleHistoryAdmin):
    list_display = ["recommendation", "status", "update_date", "round"]
    list_filter = ["status", "recommendation__review__council"]
    list_select_related = ["recommendation__review", "round__committee"]
    raw_id_fields = ["recommendation", "round", "author", "source_document"]


@admin.register(EvidenceLink)
class EvidenceLinkAdmin(SimpleHistoryAdmin):
    list_display = ["recommendation", "source_document"]
    raw_id_fields = ["recommendation", "source_document"]
