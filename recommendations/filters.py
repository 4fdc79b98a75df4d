import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import Count, F, Q
from django.utils import timezone
from django.utils.functional import cached_property

from common.forms import Checkboxes, GovukForm, NativeDateInput, SearchInput
from councils.models import Committee, Council
from reviews.models import Review

from .models import DECISION_KEYS, STATUS_KEYS, CabinetResponse, ProgressUpdate, Recommendation, Theme

# Beyond this many councils, reviews, committees and officers are listed for the chosen council only.
NARROW_ABOVE = 10
# The filters so narrowed, and how each reaches its council.
NARROWED = {"review": "council", "committee": "council", "lead_officer": "memberships__council"}


def search(queryset, words, *, by_ids=False):
    """Recommendations whose text, response comment or any update mentions the words.

    PostgreSQL's full-text search (English stemming, so "refuge" finds
    "refuges"), through the GIN indexes of migration 0002; plain containment
    on SQLite. On PostgreSQL each part is a subquery of ids the database works
    out once: as three alternatives (``pk IN a OR pk IN b OR pk IN c``) a page
    walks the list's order and stops at 50; ``by_ids`` makes them one union,
    which the database joins to only the recommendations found, to count them
    without reading every other one. The same rows either way.
    """
    if connection.vendor == "postgresql":
        query = SearchQuery(words, search_type="websearch", config="english")

        def matching(model, field, id_field):
            document = SearchVector(field, config="english")
            return (
                model.objects.annotate(document=document)
                .filter(document=query)
                .order_by()
                .values_list(id_field, flat=True)
            )

        parts = [
            matching(Recommendation, "text", "pk"),
            matching(CabinetResponse, "comment", "recommendation_id"),
            matching(ProgressUpdate, "text", "recommendation_id"),
        ]
        if by_ids:
            return queryset.filter(pk__in=parts[0].union(*parts[1:]))
        return queryset.filter(Q(pk__in=parts[0]) | Q(pk__in=parts[1]) | Q(pk__in=parts[2]))
    matches = Q()
    for word in words.split():
        in_updates = (
            ProgressUpdate.objects.filter(text__icontains=word).order_by().values("recommendation_id")
        )
        matches &= (
            Q(text__icontains=word)
            | Q(title__icontains=word)
            | Q(cabinet_response__comment__icontains=word)
            | Q(pk__in=in_updates)
        )
    return queryset.filter(matches)


class Counted:
    """``results`` as a paginator reads them (``count()`` and slices), counted by ``counted``: a query
    of the same rows that the database counts faster."""

    def __init__(self, results, counted):
        self.results, self.counted = results, counted

    def count(self):
        return self.counted.count()

    def __getitem__(self, index):
        return self.results[index]


class StableOrdering(django_filters.OrderingFilter):
    """Sorts by the column chosen, then by pk the same way round, so that no recommendation is on two
    pages and none is missed when many share a value; "Last updated" counts none as the earliest, on
    either database, so that newest first is exactly oldest first reversed."""

    def filter(self, qs, value):
        if not value:
            return qs
        terms: list = []
        descending = False
        for param in value:
            descending = param.startswith("-")
            field = self.param_map[param.lstrip("-")]
            if field == "last_updated_date":
                date = F(field)
                terms.append(date.desc(nulls_last=True) if descending else date.asc(nulls_first=True))
            else:
                terms.append(f"-{field}" if descending else field)
        return qs.order_by(*terms, "-pk" if descending else "pk")


class ByLastUpdated:
    """The results sorted by "Last updated" then pk, as a paginator reads them (``count()`` and slices).

    The same order as ``StableOrdering``'s, in two parts: those never dated,
    by pk, and those dated, by date then pk; oldest first the undated come
    first, newest first last. Each part is a query the database answers from
    an index (the dated by ``latest_progress_date_pk``), reading only the
    page asked for: sorting by a column of the outer-joined latest progress
    made it sort every row to take 50. ``counted``, if given, is a query of
    the same rows that counts faster (see ``search``).
    """

    def __init__(self, results, *, descending, counted=None):
        self.results = results
        self.counted = results if counted is None else counted
        undated = results.filter(last_updated_date__isnull=True).order_by("-pk" if descending else "pk")
        # Filtered on the joined row's own column, so the join is an inner one the index can lead.
        dated = results.filter(latest_progress__last_updated_date__isnull=False)
        dated = dated.order_by(
            *(["-last_updated_date", "-pk"] if descending else ["last_updated_date", "pk"])
        )
        self.parts = [dated, undated] if descending else [undated, dated]
        self.undated_first = not descending

    @cached_property
    def sizes(self):
        counts = self.counted.aggregate(
            total=Count("pk"), undated=Count("pk", filter=Q(last_updated_date__isnull=True))
        )
        undated, dated = counts["undated"], counts["total"] - counts["undated"]
        return (undated, dated) if self.undated_first else (dated, undated)

    def count(self):
        return sum(self.sizes)

    def __getitem__(self, index):
        if not isinstance(index, slice) or index.step is not None:
            raise TypeError("ByLastUpdated is read a page at a time, by a slice.")
        start, stop = index.start or 0, index.stop if index.stop is not None else self.count()
        first, second = self.parts
        size = self.sizes[0]
        rows = list(first[start:stop]) if start < size else []
        if stop > size:
            rows += list(second[max(start - size, 0) : stop - size])
        return rows


class RecommendationFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label="Search the text, comments and updates", method="filter_words", widget=SearchInput
    )
    council = django_filters.ModelChoiceFilter(
        field_name="review__council",
        to_field_name="slug",
        queryset=Council.objects.none(),
        empty_label="Any council",
        label="Council",
    )
    review = django_filters.ModelChoiceFilter(
        to_field_name="slug", queryset=Review.objects.none(), empty_label="Any review", label="Review"
    )
    committee = django_filters.ModelChoiceFilter(
        field_name="review__committee",
        queryset=Committee.objects.none(),
        empty_label="Any committee",
        label="Committee",
    )
    decision = django_filters.MultipleChoiceFilter(
        choices=DECISION_KEYS,
        widget=Checkboxes,
        label="Cabinet decision",
        method="filter_decision",
    )
    status = django_filters.MultipleChoiceFilter(
        choices=STATUS_KEYS,
        widget=Checkboxes,
        label="Latest status",
        method="filter_status",
    )
    lead_officer = django_filters.ModelChoiceFilter(
        queryset=get_user_model().objects.none(), empty_label="Anyone", label="Lead officer"
    )
    theme = django_filters.ModelChoiceFilter(
        field_name="themes",
        to_field_name="slug",
        queryset=Theme.objects.none(),
        empty_label="Any theme",
        label="Theme",
    )
    no_update_since = django_filters.DateFilter(
        label="No update since",
        method="filter_no_update_since",
        widget=NativeDateInput(attrs={"class": "govuk-input--width-10"}),
        error_messages={"invalid": "Enter a real date"},
    )
    overdue = django_filters.BooleanFilter(
        field_name="is_overdue",
        widget=forms.CheckboxInput,
        label="Overdue (past its target date)",
        method="filter_flag",
    )
    slipped = django_filters.BooleanFilter(
        field_name="slipped", widget=forms.CheckboxInput, label="Target slipped", method="filter_flag"
    )
    update_late = django_filters.BooleanFilter(
        field_name="is_update_late",
        widget=forms.CheckboxInput,
        label="Update late for a round",
        method="filter_flag",
    )
    stalled = django_filters.BooleanFilter(
        field_name="is_stalled",
        widget=forms.CheckboxInput,
        label="Stalled (no recent update)",
        method="filter_flag",
    )
    forecast = django_filters.MultipleChoiceFilter(
        field_name="latest_progress__forecast",
        choices=ProgressUpdate.Forecast.choices,
        widget=Checkboxes,
        label="Forecast",
    )
    awaiting_sign_off = django_filters.BooleanFilter(
        field_name="awaiting_sign_off",
        widget=forms.CheckboxInput,
        label="Reported complete, awaiting sign-off",
        method="filter_flag",
    )
    signed_off = django_filters.BooleanFilter(
        field_name="signed_off", widget=forms.CheckboxInput, label="Signed off", method="filter_flag"
    )
    sent_back = django_filters.BooleanFilter(
        field_name="sent_back",
        widget=forms.CheckboxInput,
        label="Update sent back by the committee",
        method="filter_flag",
    )
    escalated = django_filters.BooleanFilter(
        field_name="escalated", widget=forms.CheckboxInput, label="Escalated", method="filter_flag"
    )
    response_late = django_filters.BooleanFilter(
        field_name="response_late",
        widget=forms.CheckboxInput,
        label="Response late (after the review's due date)",
        method="filter_flag",
    )
    sort = StableOrdering(
        fields=[
            ("review__council__name", "council"),
            ("review__title", "review"),
            ("position", "number"),
            ("decision_key", "decision"),
            ("status_key", "status"),
            ("last_updated_date", "updated"),
        ],
        field_labels={"updated": "Last updated"},
        empty_label="Council and review",
        label="Sort by",
    )

    class Meta:
        form = GovukForm

    def __init__(self, data=None, *args, user, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.user = user
        councils = Council.objects.for_user(user)
        self.filters["council"].queryset = councils
        self.filters["theme"].queryset = Theme.objects.used_in(councils)
        self.filters["review"].queryset = Review.objects.filter(council__in=councils).select_related(
            "council"
        )
        self.filters["committee"].queryset = Committee.objects.filter(council__in=councils).select_related(
            "council"
        )
        self.filters["lead_officer"].queryset = (
            get_user_model()
            .objects.filter(memberships__council__in=councils)
            .distinct()
            .order_by("first_name", "username")
        )

    # Set while ``pages`` builds the query that counts the results: the search is then a union of ids.
    counting = False

    def filter_words(self, queryset, name, value):
        return search(queryset, value, by_ids=self.counting) if value.strip() else queryset

    def filter_decision(self, queryset, name, value):
        # On the stored column, not the computed key, so the database can plan with it.
        return queryset.decided(value) if value else queryset

    def filter_status(self, queryset, name, value):
        return queryset.in_status(value) if value else queryset

    def filter_flag(self, queryset, name, value):
        """A ticked box keeps only those flagged (by the model's rule); an unticked one filters nothing."""
        if not value:
            return queryset
        today = timezone.localdate()
        rules = {
            "is_overdue": lambda: queryset.overdue(today),
            "slipped": lambda: queryset.slipped(today),
            "is_update_late": lambda: queryset.update_late(today),
            "is_stalled": lambda: queryset.stalled(today),
            "awaiting_sign_off": queryset.awaiting_sign_off,
            "signed_off": queryset.signed_off,
            "sent_back": queryset.sent_back,
            "escalated": queryset.escalated,
            "response_late": lambda: queryset.response_late(today),
        }
        return rules[name]()

    def filter_no_update_since(self, queryset, name, value):
        return queryset.filter(Q(last_updated_date__lt=value) | Q(last_updated_date__isnull=True))

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if not self.form.cleaned_data.get("sort"):
            # The order of the index on (review, position): a page needs no sort of them all.
            queryset = queryset.order_by("review_id", "position")
        return queryset

    def pages(self, results):
        """What the list's pages are cut from: ``results``, read a page at a time by "Last updated" from an
        index (ByLastUpdated), and on PostgreSQL counted by the search's union of ids where words are
        searched for (``search``)."""
        if not self.is_valid():
            return results
        counted = results
        if connection.vendor == "postgresql" and self.form.cleaned_data.get("q", "").strip():
            self.counting = True
            try:
                counted = self.filter_queryset(self.queryset.all())
            finally:
                self.counting = False
        sort = self.form.cleaned_data.get("sort")
        if sort in (["updated"], ["-updated"]):
            return ByLastUpdated(results, descending=sort[0] == "-updated", counted=counted)
        return results if counted is results else Counted(results, counted)

    @cached_property
    def chosen_council(self):
        data = self.form.cleaned_data if self.is_valid() else {}
        review = data.get("review")
        return data.get("council") or (review.council if review else None)

    @cached_property
    def waits_for_a_council(self):
        """Whether reviews, committees and officers are listed only once a council is chosen."""
        return self.chosen_council is None and Council.objects.for_user(self.user).count() > NARROW_ABOVE

    def narrow(self):
        """Offer only the review, committee and lead officer options worth drawing.

        All of them for someone in a few councils; otherwise those of the
        chosen council (or the chosen review's), so that a superuser is not
        sent thousands of options. Any council's are still accepted: only
        the options drawn are narrowed, not what the field allows.
        """
        data = self.form.cleaned_data if self.is_valid() else {}
        for name, via in NARROWED.items():
            field = self.form.fields[name]
            empty = ("", self.filters[name].extra["empty_label"])
            if self.waits_for_a_council:
                chosen = [(self.form[name].value(), str(data[name]))] if data.get(name) else []
                field.widget.choices = [empty, *chosen]
                continue
            queryset = self.filters[name].queryset
            if self.chosen_council is not None:
                queryset = queryset.filter(**{via: self.chosen_council})
            field.widget.choices = [empty] + [
                (str(field.prepare_value(item)), field.label_from_instance(item)) for item in queryset
            ]
        if self.waits_for_a_council:
            hint = "Choose a council, then apply the filters, to list its reviews, committees and officers"
            self.form["review"].help_text = hint
