from django.contrib import admin

from common.admin import TrackedAdmin, readonly_on_change

from . import services
from .models import CabinetResponse, EvidenceLink, ProgressUpdate, Recommendation, Theme


def _fields(form, exclude=()):
    return {name: value for name, value in form.cleaned_data.items() if name not in exclude}


@admin.register(Recommendation)
class RecommendationAdmin(TrackedAdmin):
    list_display = ["position", "reference", "review", "title"]
    list_filter = ["review__council"]
    list_select_related = ["review"]
    search_fields = ["text", "title"]
    raw_id_fields = ["review", "lead_officer", "source_document"]
    exclude = ["version"]

    def save_record(self, request, obj, form, *, change, reason):
        fields = _fields(form, exclude=["review", "themes"])
        themes = form.cleaned_data.get("themes")
        if change:
            saved = services.edit_recommendation(
                recommendation=obj,
                user=request.user,
                version=obj.version,
                reason=reason,
                themes=themes,
                **fields,
            )
        else:
            saved = services.add_recommendation(review=obj.review, user=request.user, reason=reason, **fields)
            if themes:
                saved = services.edit_recommendation(
                    recommendation=saved,
                    user=request.user,
                    version=saved.version,
                    reason=reason,
                    themes=themes,
                )
        obj.pk, obj.version = saved.pk, saved.version

    def save_related(self, request, form, formsets, change):
        pass  # the themes were set with the recommendation, in one history row

    def delete_record(self, request, obj, *, reason):
        services.delete_recommendation(recommendation=obj, user=request.user, reason=reason)


@admin.register(CabinetResponse)
class CabinetResponseAdmin(TrackedAdmin):
    list_display = ["recommendation", "decision", "decision_wording", "response_date"]
    list_filter = ["decision", "recommendation__review__council"]
    list_select_related = ["recommendation__review"]
    raw_id_fields = ["recommendation", "source_document"]
    exclude = ["version"]
    get_readonly_fields = readonly_on_change("recommendation")

    def save_record(self, request, obj, form, *, change, reason):
        saved = services.save_response(
            recommendation=obj.recommendation,
            user=request.user,
            version=obj.version if change else None,
            reason=reason,
            **_fields(form, exclude=["recommendation"]),
        )
        obj.pk, obj.version = saved.pk, saved.version

    def delete_record(self, request, obj, *, reason):
        services.delete_response(response=obj, user=request.user, reason=reason)


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(TrackedAdmin):
    list_display = ["recommendation", "status", "update_date", "round"]
    list_filter = ["status", "recommendation__review__council"]
    list_select_related = ["recommendation__review", "round__committee"]
    raw_id_fields = ["recommendation", "round", "author", "source_document"]
    exclude = ["version"]
    get_readonly_fields = readonly_on_change("recommendation")

    def save_record(self, request, obj, form, *, change, reason):
        if change:
            saved = services.edit_update(
                update=obj, user=request.user, version=obj.version, reason=reason, **_fields(form)
            )
        else:
            fields = _fields(form, exclude=["recommendation"])
            saved = services.record_update(
                recommendation=obj.recommendation, user=request.user, reason=reason, **fields
            )
        obj.pk, obj.version = saved.pk, saved.version

    def delete_record(self, request, obj, *, reason):
        services.delete_update(update=obj, user=request.user, reason=reason)


@admin.register(EvidenceLink)
class EvidenceLinkAdmin(TrackedAdmin):
    list_display = ["recommendation", "source_document"]
    raw_id_fields = ["recommendation", "source_document"]


@admin.register(Theme)
class ThemeAdmin(TrackedAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
