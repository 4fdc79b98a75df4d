import datetime
from itertools import chain

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Case, Count, F, OuterRef, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_http_methods, require_safe

from common.exports import csv_lines
from common.limits import TooSlow, time_limit
from councils import versions
from councils.access import get_council_for_user
from councils.models import Council, EscalationStep
from reviews.models import Review, UpdateRound

from . import dashboard, figures, services, summaries
from .access import get_recommendation_for_user
from .filters import RecommendationFilter
from .forms import CabinetResponseForm, LeadOfficerForm, ProgressUpdateForm, ThemesForm
from .history import history_of
from .models import (
    DECISION_KEYS,
    STATUS_KEYS,
    CabinetResponse,
    ProgressUpdate,
    Recommendation,
    SignOff,
    escalatable_condition,
    overdue_condition,
    sent_back_condition,
    slipped_condition,
)
from .responses import standing as response_standing
from .responses import with_response

# The fields of a record that its form edits.
UPDATE_FIELDS = ("status", "outcome_reason", "forecast", "text", "update_date", "round", "evidence")
RESPONSE_FIELDS = (
    "decision",
    "decision_wording",
    "comment",
    "responder_name",
    "responder_role",
    "response_date",
)


def _reviews_with_counts(reviews):
    """The reviews with how many recommendations each has, how many were agreed, and its rounds: each count a
    subquery of its own review's rows (joined together, every recommendation would meet every round)."""

    def counted(queryset):
        rows = queryset.filter(review=OuterRef("pk")).order_by().values("review").annotate(n=Count("pk"))
        return Coalesce(Subquery(rows.values("n")), 0)

    agreed = Recommendation.objects.filter(cabinet_response__decision=CabinetResponse.Decision.AGREE)
    return (
        with_response(reviews.select_related("council", "committee"))
        .annotate(
            recommendation_count=counted(Recommendation.objects.all()),
            agreed_count=counted(agreed),
            round_count=counted(UpdateRound.objects.all()),
        )
        .order_by("council__name", F("recommended_date").desc(nulls_last=True), "title")
    )


# The home dashboard shows the figures committees are judged by for up to this many councils.
FIGURES_INLINE_UP_TO = 10


@require_safe
def home(request):
    """The dashboard across every council this person may see, and those councils."""
    councils = Council.objects.for_user(request.user).order_by("name")
    recommendations = Recommendation.objects.for_user(request.user)
    figures_url = reverse("recommendations:figures")
    # A superuser's page shows every council; anyone else's, their own (which are part of the key).
    changes, council_ids = versions.key_for_person(request.user)

    def figures_inline():
        # Across many councils (a superuser's), they are worked out on their own page, a link away.
        many = len(council_ids) if council_ids is not None else Council.objects.count()
        return (
            None if many > FIGURES_INLINE_UP_TO else figures.build(recommendations, scope={}, url=figures_url)
        )

    # All but the heading is cached (see the template) until one of the councils' data changes: each part
    # is worked out only if the page is not in the cache.
    context = {
        "has_councils": councils.exists() if council_ids is None else bool(council_ids),
        "today": timezone.localdate(),
        "changes": changes,
        "councils": councils.annotate(review_count=Count("reviews")),
        "dashboard": SimpleLazyObject(
            lambda: dashboard.build(
                recommendations,
                scope={},
                summary=summaries.everywhere() if council_ids is None else summaries.of_councils(council_ids),
            )
        ),
        "figures_url": figures_url,
        "figures": SimpleLazyObject(figures_inline),
    }
    return render(request, "recommendations/home.html", context)


@require_safe
def council(request, slug):
    """A council's page: its dashboard and its reviews, newest first."""
    council, role = get_council_for_user(request.user, slug)
    today = timezone.localdate()

    def reviews():
        reviews = list(_reviews_with_counts(council.reviews.all()))
        for review in reviews:
            review.response = response_standing(review, today)
        return reviews

    # What follows the heading is cached (see the template) until the council's data changes: each part is
    # worked out only if the page is not in the cache.
    context = {
        "council": council,
        "today": today,
        "changes": versions.key_read_with(council, council.pk),
        "can_manage": role.can_manage,
        "reviews": SimpleLazyObject(reviews),
        "dashboard": SimpleLazyObject(
            lambda: dashboard.build(
                Recommendation.objects.filter(review__council=council),
                scope={"council": slug},
                summary=summaries.of_council(council),
            )
        ),
        "figures": SimpleLazyObject(
            lambda: figures.build(
                Recommendation.objects.filter(review__council=council),
                scope={"council": slug},
                url=reverse("recommendations:council-figures", args=[slug]),
            )
        ),
    }
    return render(request, "recommendations/council.html", context)


@require_safe
def detail(request, council_slug, review_slug, position):
    """A recommendation's page: all below the heading and the follow button is cached (see the template)
    per role until its council's data changes, and worked out only if it is not in the cache."""
    recommendation, role = get_recommendation_for_user(request.user, council_slug, review_slug, position)
    review = recommendation.review
    today = timezone.localdate()
    context = {
        "recommendation": recommendation,
        "review": review,
        "role": role,
        "today": today,
        "changes": versions.key_read_with(recommendation, review.council_id),
        "can_edit": role.can_edit,
        "can_manage": role.can_manage,
        "page": SimpleLazyObject(lambda: _page(recommendation, today)),
    }
    return render(request, "recommendations/detail.html", context)


def _page(recommendation, today):
    """What the page shows of the recommendation, the same for everyone who may see it: a fixed number of
    queries, however much hangs off it."""
    standing = _standing(recommendation, today)
    extensions = list(recommendation.extension_requests.select_related("requested_by", "decided_by"))
    page = {
        "response": getattr(recommendation, "cabinet_response", None),
        "updates": recommendation.updates.select_related("round__committee", "author")
        .prefetch_related("files", "assessments__recorded_by")
        .order_by(F("update_date").desc(nulls_last=True), "-id"),
        "evidence": recommendation.evidence_links.select_related("source_document").defer(
            "source_document__text", "source_document__data"
        ),
        "themes": list(recommendation.themes.all()),
        "history": history_of(recommendation),
        "targets": recommendation.targets.select_related("recorded_by"),
        "extensions": extensions,
        "pending_extension": next((e for e in extensions if e.is_pending), None),
        "standing": standing,
    }
    page.update(_completion(recommendation, getattr(standing, "latest_progress", None)))
    page.update(_ladder(recommendation, standing))
    return page


def _completion(recommendation, latest):
    """The officer's report beside the committee's assessment of it."""
    reported = latest is not None and latest.status in ProgressUpdate.Status.finished()
    assessment = latest.assessment if latest is not None else ""
    return {
        "latest": latest,
        "awaiting_sign_off": reported and not assessment,
        "is_signed_off": reported and assessment == SignOff.Outcome.SIGNED_OFF,
        "sign_offs": list(recommendation.sign_offs.select_related("recorded_by")),
    }


def _ladder(recommendation, standing):
    """The council's escalation ladder for it: each step, and the escalation that took it (or None)."""
    taken = {e.step_id: e for e in recommendation.escalations.select_related("step", "recorded_by")}
    steps = list(EscalationStep.objects.filter(council_id=recommendation.review.council_id, retired=False))
    ladder = [(step, taken.pop(step.pk, None)) for step in steps]
    # Steps taken before the council took them off its ladder stay, first.
    ladder[:0] = [(escalation.step, escalation) for escalation in taken.values()]
    next_step = next((step for step, escalation in ladder if escalation is None), None)
    return {"ladder": ladder, "next_step": next_step, "escalatable": standing.is_escalatable}


def _standing(recommendation, today):
    """It with the flags its page shows, by the models' rules (overdue, slipped, escalatable) as of today,
    and its latest progress: one query, and only the conditions it needs (each costs time to build)."""

    def flag(condition):
        return Case(When(condition, then=Value(True)), default=Value(False))

    return (
        Recommendation.objects.filter(pk=recommendation.pk)
        .select_related("latest_progress")
        .annotate(
            is_overdue=flag(overdue_condition(today)),
            is_slipped=flag(slipped_condition(today)),
            is_escalatable=flag(escalatable_condition(today)),
        )
        .get()
    )


@require_http_methods(["GET", "POST"])
def add_update(request, council_slug, review_slug, position):
    recommendation, _ = get_recommendation_for_user(
        request.user, council_slug, review_slug, position, edit=True
    )
    review = recommendation.review
    # The round it owes an update for (the soonest due), if any: the officer's update is most likely for it.
    owed = Recommendation.objects.filter(pk=recommendation.pk).with_owed_round().values("owed_round_id")
    form = ProgressUpdateForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
        review=review,
        initial={"round": owed[0]["owed_round_id"]},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with transaction.atomic():
            update = services.record_update(
                recommendation=recommendation,
                user=request.user,
                **{name: data[name] for name in UPDATE_FIELDS},
            )
            _attach(request, update, data["evidence_files"])
        messages.success(request, f"Your update on recommendation {recommendation.label} has been saved.")
        return redirect(recommendation)
    return render(
        request,
        "recommendations/update_form.html",
        {"form": form, "recommendation": recommendation, "review": review},
    )


def _attach(request, update, files):
    for name, content in files:
        services.attach_evidence(update=update, user=request.user, name=name, data=content)


@require_http_methods(["GET", "POST"])
def edit_update(request, council_slug, review_slug, position, pk):
    recommendation, _ = get_recommendation_for_user(
        request.user, council_slug, review_slug, position, edit=True
    )
    update = get_object_or_404(recommendation.updates.select_related("round"), pk=pk)
    initial = {name: getattr(update, name) for name in (*UPDATE_FIELDS, "version")}
    form = ProgressUpdateForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
        review=recommendation.review,
        initial=initial,
    )
    context = {
        "form": form,
        "recommendation": recommendation,
        "review": recommendation.review,
        "update": update,
    }
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        fields = {name: data[name] for name in UPDATE_FIELDS}
        try:
            with transaction.atomic():
                services.edit_update(update=update, user=request.user, version=data["version"], **fields)
                _attach(request, update, data["evidence_files"])
        except services.StaleEdit as stale:
            retry = ProgressUpdateForm(
                _at_version(request.POST, stale.current.version), review=recommendation.review
            )
            return _stale(request, context, stale.current, fields, retry)
        messages.success(request, f"The update on recommendation {recommendation.label} has been changed.")
        return redirect(recommendation)
    return render(request, "recommendations/update_form.html", context)


@require_http_methods(["GET", "POST"])
def edit_response(request, council_slug, review_slug, position):
    recommendation, _ = get_recommendation_for_user(
        request.user, council_slug, review_slug, position, edit=True
    )
    response = getattr(recommendation, "cabinet_response", None)
    initial = {name: getattr(response, name) for name in (*RESPONSE_FIELDS, "version")} if response else {}
    form = CabinetResponseForm(
        request.POST if request.method == "POST" else None, initial=initial, changing=response is not None
    )
    context = {
        "form": form,
        "recommendation": recommendation,
        "review": recommendation.review,
        "response": response,
    }
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        fields = {name: data[name] for name in RESPONSE_FIELDS}
        try:
            services.save_response(
                recommendation=recommendation,
                user=request.user,
                version=data["version"],
                reason=data.get("reason", ""),
                **fields,
            )
        except services.StaleEdit as stale:
            version = getattr(stale.current, "version", None) if stale.current != recommendation else ""
            retry = CabinetResponseForm(
                _at_version(request.POST, version), changing=isinstance(stale.current, CabinetResponse)
            )
            return _stale(request, context, stale.current, fields, retry)
        messages.success(
            request, f"The cabinet response to recommendation {recommendation.label} has been saved."
        )
        return redirect(recommendation)
    return render(request, "recommendations/response_form.html", context)


def _stale(request, context, current, yours, retry):
    """Someone saved first: show both versions, and let the person re-apply theirs."""
    rows = [
        {
            "label": retry.fields[name].label,
            "theirs": getattr(current, name, ""),
            "yours": value,
            "differs": getattr(current, name, "") != value,
        }
        for name, value in yours.items()
    ]
    last = current.history.select_related("history_user").first()
    who = last.history_user if last else None
    context = {
        **context,
        "rows": rows,
        "last": last,
        "last_by": (who.get_full_name() or who.username) if who else "Someone",
        "form": retry,
    }
    return render(request, "recommendations/stale.html", context, status=409)


def _at_version(data, version):
    """The submitted values, set to re-apply over ``version``."""
    data = data.copy()
    data["version"] = version
    return data


@require_http_methods(["GET", "POST"])
def assign_lead(request, council_slug, review_slug, position):
    recommendation, _ = get_recommendation_for_user(
        request.user, council_slug, review_slug, position, edit=True
    )
    council = recommendation.review.council
    form = LeadOfficerForm(
        request.POST if request.method == "POST" else None,
        council=council,
        initial={"lead_officer": recommendation.lead_officer, "version": recommendation.version},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.assign_lead_officer(
                recommendation=recommendation,
                user=request.user,
                officer=form.cleaned_data["lead_officer"],
                version=form.cleaned_data["version"],
            )
        except services.StaleEdit:
            messages.error(
                request,
                "Someone else changed this recommendation first. Check the lead officer and try again.",
            )
            return redirect("recommendations:lead-officer", council_slug, review_slug, position)
        messages.success(
            request, f"The lead officer of recommendation {recommendation.label} has been saved."
        )
        return redirect(recommendation)
    return render(
        request,
        "recommendations/lead_officer_form.html",
        {"form": form, "recommendation": recommendation, "review": recommendation.review},
    )


@require_http_methods(["GET", "POST"])
def edit_themes(request, council_slug, review_slug, position):
    recommendation, _ = get_recommendation_for_user(
        request.user, council_slug, review_slug, position, edit=True
    )
    initial = {"themes": list(recommendation.themes.all()), "version": recommendation.version}
    form = ThemesForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        council=recommendation.review.council,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.set_themes(
                recommendation=recommendation,
                user=request.user,
                themes=form.cleaned_data["themes"],
                new_names=form.cleaned_data["new_themes"],
                version=form.cleaned_data["version"],
            )
        except services.StaleEdit:
            messages.error(
                request, "Someone else changed this recommendation first. Check its themes and try again."
            )
            return redirect("recommendations:themes", council_slug, review_slug, position)
        messages.success(request, f"The themes of recommendation {recommendation.label} have been saved.")
        return redirect(recommendation)
    return render(
        request,
        "recommendations/themes_form.html",
        {"form": form, "recommendation": recommendation, "review": recommendation.review},
    )


@require_safe
def mine(request):
    """The recommendations this person leads: those the committee sent back first, then those owing an
    update for an open round."""
    recommendations = list(
        Recommendation.objects.for_user(request.user)
        .filter(lead_officer=request.user)
        .select_related("review__council", "cabinet_response")
        .with_progress()
        .with_owed_round()
        .annotate(is_sent_back=Case(When(sent_back_condition(), then=Value(True)), default=Value(False)))
    )
    rounds = UpdateRound.objects.in_bulk({r.owed_round_id for r in recommendations if r.owed_round_id})
    groups: dict[Review, list[Recommendation]] = {}
    for recommendation in sorted(
        recommendations,
        key=lambda r: (
            not r.is_sent_back,
            not r.owed_round_id,
            r.last_updated_date or datetime.date.min,
            r.review.title,
            r.position,
        ),
    ):
        recommendation.due_round = rounds.get(recommendation.owed_round_id)
        recommendation.is_due = recommendation.due_round is not None
        groups.setdefault(recommendation.review, []).append(recommendation)
    # Each council they lead in has an update pack, with rows where they owe an update (due for a
    # round, or sent back: the pack's rules).
    owing = {r.review.council_id for r in recommendations if r.owed_round_id or r.is_sent_back}
    councils = sorted({r.review.council for r in recommendations}, key=lambda council: council.name)
    packs = [(council, council.pk in owing) for council in councils]
    return render(request, "recommendations/mine.html", {"groups": groups, "packs": packs})


PAGE_SIZE = 50
CSV_COLUMNS = [
    "Council",
    "Review",
    "Reference",
    "Title",
    "Recommendation",
    "Decision",
    "Status",
    "Last updated",
    "Lead officer",
    "Link",
]


@require_safe
def list_recommendations(request):
    """Recommendations across the councils this person may see, filtered, sorted, paged."""
    recommendations = (
        Recommendation.objects.for_user(request.user)
        .with_standing()
        .select_related("review__council", "cabinet_response", "lead_officer")
    )
    filters = RecommendationFilter(request.GET, queryset=recommendations, user=request.user)
    results = filters.qs if filters.is_valid() else recommendations.none()
    filters.narrow()
    if request.GET.get("format") == "csv":
        return _csv(request, results)
    query = request.GET.copy()
    query.pop("page", None)
    # The page below the heading is cached (see the template) per set of councils and query until one
    # of the councils' data changes: counted and read only if it is not in the cache.
    context = {
        "today": timezone.localdate(),
        "changes": versions.key_for_person(request.user)[0],
        "asked": request.GET.urlencode(),
        "filters": filters,
        "page": SimpleLazyObject(
            lambda: Paginator(filters.pages(results), PAGE_SIZE).get_page(request.GET.get("page"))
        ),
        "query": query.urlencode(),
        "csv_query": _with(query, format="csv"),
        "applied": _applied(filters),
    }
    # A search's cost is its words': one the database cannot answer in time is said so, not left to
    # the server's own timeout. Other lists have no limit (0).
    searched = filters.is_valid() and filters.form.cleaned_data.get("q", "").strip()
    try:
        with time_limit(settings.SEARCH_TIME_LIMIT_MS if searched else 0):
            return render(request, "recommendations/list.html", context)
    except TooSlow:
        filters.form.add_error("q", SEARCH_TOO_SLOW)
        context.update(
            asked=f"{context['asked']}&too-slow",
            page=Paginator(recommendations.none(), PAGE_SIZE).get_page(1),
            applied=[],
        )
        return render(request, "recommendations/list.html", context)


SEARCH_TOO_SLOW = (
    "This search would take too long to answer. Add another word, or choose a council or a review, "
    "to narrow it"
)


def _with(query, **values):
    query = query.copy()
    for name, value in values.items():
        query[name] = value
    return query.urlencode()


def _applied(filters):
    """The filters in use, each with the link that removes it."""
    if not filters.is_valid():
        return []
    applied = []
    for name, value in filters.form.cleaned_data.items():
        if name == "sort" or value in (None, "", [], False):
            continue
        field = filters.form.fields[name]
        values = value if isinstance(value, list) else [value]
        for item in values:
            remaining = filters.data.copy()
            if isinstance(value, list):
                remaining.setlist(name, [v for v in filters.data.getlist(name) if v != item])
            else:
                remaining.pop(name, None)
            remaining.pop("page", None)
            label = (
                dict(field.choices).get(item, item)
                if hasattr(field, "choices") and isinstance(value, list)
                else item
            )
            applied.append({"field": field.label or name, "value": label, "remove": remaining.urlencode()})
    return applied


def _csv(request, results):
    labels = dict(DECISION_KEYS), dict(STATUS_KEYS)
    rows = (_csv_row(request, r, *labels) for r in results.iterator(chunk_size=2000))
    response = StreamingHttpResponse(
        csv_lines(chain([CSV_COLUMNS], rows)), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="recommendations-{timezone.localdate():%Y-%m-%d}.csv"'
    )
    return response


def _csv_row(request, recommendation, decision_labels, status_labels):
    review = recommendation.review
    lead = recommendation.lead_officer
    return [
        review.council.name,
        review.title,
        recommendation.reference or recommendation.position,
        recommendation.title,
        recommendation.text,
        decision_labels[recommendation.decision_key],
        status_labels[recommendation.status_key],
        recommendation.last_updated_date or "",
        (lead.get_full_name() or lead.username) if lead else "",
        request.build_absolute_uri(recommendation.get_absolute_url()),
    ]
