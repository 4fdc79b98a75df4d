import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.contrib.postgres.aggregates import BoolOr
from django.contrib.postgres.search import SearchQuery, SearchVector, SearchVectorExact
from django.db import connection
from django.db.models import BooleanField, F, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone
from django.utils.functional import cached_property

from common.forms import Checkboxes, GovukForm, NativeDateInput, SearchInput
from councils.models import Committee, Council
from reviews.models import Review

from . import summaries
from .models import (
    DECISION_KEYS,
    STATUS_KEYS,
    CabinetResponse,
    ProgressUpdate,
    Recommendation,
    Standing,
    Theme,
)

# Beyond this many councils, reviews, committees and officers are listed for the chosen council only.
NARROW_ABOVE = 10
# The filters so narrowed, and how each reaches its council.
NARROWED = {"review": "council", "committee": "council", "lead_officer": "memberships__council"}
# The follow-through filters, ticked to keep only those flagged (``filter_flag``).
FLAGS = [
    "overdue", "slipped", "update_late", "stalled", "awaiting_sign_off", "signed_off", "sent_back",
    "escalated", "response_late",
]  # fmt: skip


def search(queryset, words, *, by_ids=False, is_common=None):
    """Recommendations whose text, response comment or any update mentions the words.

    PostgreSQL's full-text search (English stemming, so "refuge" finds
    "refuges"), through the GIN indexes of migration 0002; plain containment
    on SQLite. On PostgreSQL each part is a subquery of ids the database works
    out once: as three alternatives (``pk IN a OR pk IN b OR pk IN c``) a page
    walks the list's order and stops at 50; ``by_ids`` makes them one union
    (``found_ids``), which the database joins to only the recommendations
    found, to count them without reading every other one. The same rows
    either way. Common words (``common``; ``is_common`` if known) are asked of each recommendation
    instead.
    """
    if connection.vendor == "postgresql":
        if common(words) if is_common is None else is_common:
            return queryset.filter(_mentions(words))
        parts = _found_parts(words)
        if by_ids:
            return queryset.filter(pk__in=found_ids(words))
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


def _found_parts(words):
    query = SearchQuery(words, search_type="websearch", config="english")

    def matching(model, field, id_field):
        document = SearchVector(field, config="english")
        return (
            model.objects.annotate(document=document)
            .filter(document=query)
            .order_by()
            .values_list(id_field, flat=True)
        )

    return [
        matching(Recommendation, "text", "pk"),
        matching(CabinetResponse, "comment", "recommendation_id"),
        matching(ProgressUpdate, "text", "recommendation_id"),
    ]


# Words the database expects in more places than a quarter of the recommendations (like "council") are
# common ones, where gathering every id found would read most of the tables: those are found by reading the
# list in its order and asking of each recommendation whether it mentions them, and counted up to a point.
COMMON_SHARE = 0.25
COMMON_AT_LEAST = 20_000
# How many recommendations a common search counts up to: beyond it, the list says "more than".
COMMON_COUNTED_UP_TO = 1000


def common(words) -> bool:
    """Whether the database expects the words in more texts, comments and updates than COMMON_SHARE of the
    recommendations (and COMMON_AT_LEAST), from the statistics ANALYZE keeps of the search indexes: a
    plan, not a search (a millisecond or two). PostgreSQL only.

    A search of only words to leave out ("-council", or "-council or young") is common too: the
    indexes cannot find what a text lacks (``querytree`` leaves nothing of it to look up), and most
    recommendations lack any given word somewhere.
    """
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reltuples, querytree(websearch_to_tsquery('english', %s)) = 'T' FROM pg_class"
            " WHERE oid = %s::regclass",
            [words, Recommendation._meta.db_table],
        )
        recommendations, nothing_to_look_up = cursor.fetchone()
        if nothing_to_look_up:
            return True
        sql, params = found_ids(words).query.sql_with_params()
        cursor.execute("EXPLAIN (FORMAT JSON) " + sql, params)
        (plan,) = cursor.fetchone()
    expected = (plan[0] if isinstance(plan, list) else plan)["Plan"]["Plan Rows"]
    return expected > max(COMMON_AT_LEAST, COMMON_SHARE * recommendations)


def _mentions(words) -> Q:
    """The words in the recommendation's text, its response's comment or any of its updates, asked of each
    recommendation (the ``search`` of common words).

    The text and the comment are asked of the row and its joined response; the updates by an aggregate
    of that recommendation's own, through their index. None is an EXISTS: the database may answer those
    by first gathering every match in the table (a "hashed" subplan), which is what a common word's
    search must not do.
    """
    query = SearchQuery(words, search_type="websearch", config="english")

    def mentioned(field):
        return SearchVectorExact(SearchVector(field, config="english"), query)

    in_updates = (
        ProgressUpdate.objects.filter(recommendation=OuterRef("pk"))
        .order_by()
        .values("recommendation")
        .annotate(mentions=BoolOr(mentioned("text")))
        .values("mentions")
    )
    return (
        Q(mentioned("text"))
        | Q(mentioned("cabinet_response__comment"))
        | Q(Subquery(in_updates, output_field=BooleanField()))
    )


class CountedUpTo:
    """``results`` as a paginator reads them, counted up to ``limit``: ``more`` says there are more."""

    def __init__(self, results, limit):
        self.results, self.limit = results, limit

    @cached_property
    def total(self):
        return self.results.order_by()[: self.limit + 1].count()

    @property
    def more(self):
        return self.total > self.limit

    def count(self):
        return min(self.total, self.limit)

    def __getitem__(self, index):
        return self.results[index]


def found_ids(words) -> QuerySet:
    """The ids of the recommendations whose text, response comment or updates mention the words, each once:
    one union of what the three GIN indexes find (PostgreSQL only)."""
    first, *others = _found_parts(words)
    return first.union(*others)


class Counted:
    """``results`` as a paginator reads them (``count()`` and slices), counted by ``counted``: a query of
    the same rows that the database counts faster, or the number already known."""

    def __init__(self, results, counted):
        self.results, self.counted = results, counted

    @cached_property
    def total(self):
        return self.counted if isinstance(self.counted, int) else self.counted.count()

    def count(self):
        return self.total

    def __getitem__(self, index):
        return self.results[index]


class StableOrdering(django_filters.OrderingFilter):
    """Sorts by the column chosen, then by pk the same way round, so that no recommendation is on two
    pages and none is missed when many share a value; "Last updated" counts none as the earliest, on
    either database, so that newest first is exactly oldest first reversed.

    Each order is one an index holds, so a page reads only its rows, not every match sorted: decision
    and status by the recommendation's standing row (the same keys, kept with the records), joined as
    an inner join so its index can lead; number by ``recommendation_position``; council and review by
    the council's name and ``review_title``, whose rows the database then sorts by pk one name at a
    time (an incremental sort) until the page is full.
    """

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
            if field.startswith("standing__"):
                qs = qs.filter(standing__isnull=False)  # every recommendation has one
        return qs.order_by(*terms, "-pk" if descending else "pk")


class ByLastUpdated:
    """The results sorted by "Last updated" then pk, as a paginator reads them (``count()`` and slices).

    The same order as ``StableOrdering``'s, in two parts: those never dated,
    by pk, and those dated, by date then pk; oldest first the undated come
    first, newest first last. Each part is a query the database answers from
    an index (the dated by ``latest_progress_date_pk``, the undated by
    ``standing_undated``), reading only the
    page asked for: sorting by a column of the outer-joined latest progress
    made it sort every row to take 50. The first part is counted only for a
    page after the first that holds none of it.
    ``counted``, if given, is a query of the same rows that counts faster (see
    ``search``), or their number.
    """

    def __init__(self, results, *, descending, counted=None):
        self.results = results
        if isinstance(counted, CountedUpTo):
            self.counted: Counted | CountedUpTo = counted
        else:
            self.counted = Counted(results, results if counted is None else counted)
        # By the standing row, the same date, whose partial index lists the undated by pk.
        undated = results.filter(standing__isnull=False, standing__last_updated_date__isnull=True)
        undated = undated.order_by("-pk" if descending else "pk")
        # Filtered on the joined row's own column, so the join is an inner one the index can lead.
        dated = results.filter(latest_progress__last_updated_date__isnull=False)
        dated = dated.order_by(
            *(["-last_updated_date", "-pk"] if descending else ["last_updated_date", "pk"])
        )
        self.parts = [dated, undated] if descending else [undated, dated]
        self.undated_first = not descending

    def count(self):
        return self.counted.count()

    @property
    def more(self):
        """Whether there are more than those counted (a common search's)."""
        return isinstance(self.counted, CountedUpTo) and self.counted.more

    def _first_size(self):
        """How many the first part holds: counted in the query that counts the results faster (the
        standing rows hold the latest update's date too)."""
        query = self.counted_query()
        if query.query.combinator:  # the search's union of ids
            query = Standing.objects.filter(recommendation_id__in=query)
        if self.undated_first:
            return query.filter(last_updated_date__isnull=True).count()
        if query.model is Standing:
            return query.filter(last_updated_date__isnull=False).count()
        return query.filter(latest_progress__last_updated_date__isnull=False).count()

    def counted_query(self):
        counted = getattr(self.counted, "counted", None)
        return counted if isinstance(counted, QuerySet) else self.results

    def __getitem__(self, index):
        if not isinstance(index, slice) or index.step is not None:
            raise TypeError("ByLastUpdated is read a page at a time, by a slice.")
        start, stop = index.start or 0, index.stop if index.stop is not None else self.count()
        first, second = self.parts
        rows = list(first[start:stop])
        if len(rows) == stop - start:
            return rows
        # The first part ends on this page, after the rows found; or before it, where none were found.
        size = start + len(rows) if rows or not start else self._first_size()
        return rows + list(second[max(start - size, 0) : stop - size])


# The longest search read, and the most words it may leave out: PostgreSQL cannot read more than 32
# negations in a row ("tsquery stack too small"), and any more in all is no one's search.
SEARCH_LENGTH = 300
LEFT_OUT_AT_MOST = 32


class SearchWordsField(forms.CharField):
    """Words to search for, of a length and a number of words left out ("-word") the database can read."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", SEARCH_LENGTH)
        super().__init__(*args, **kwargs)
        self.error_messages["max_length"] = f"Search must be {SEARCH_LENGTH} characters or fewer"

    def validate(self, value):
        super().validate(value)
        if value.count("-") > LEFT_OUT_AT_MOST:
            raise forms.ValidationError(
                f'Search can leave out at most {LEFT_OUT_AT_MOST} words (a "-" leaves out the word after it)'
            )


class SearchWordsFilter(django_filters.CharFilter):
    field_class = SearchWordsField


class RecommendationFilter(django_filters.FilterSet):
    q = SearchWordsFilter(
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
            ("standing__decision_key", "decision"),
            ("standing__status_key", "status"),
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
        self._common: dict[str, bool] = {}
        councils = Council.objects.for_user(user)
        self.filters["council"].queryset = councils
        self.filters["theme"].queryset = Theme.objects.used_in(None if user.is_superuser else councils)
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
        if not value.strip():
            return queryset
        return search(queryset, value, by_ids=self.counting, is_common=self.common(value))

    def common(self, words) -> bool:
        """``common(words)``, asked of the database once a request."""
        if connection.vendor != "postgresql":
            return False
        if words not in self._common:
            self._common[words] = common(words)
        return self._common[words]

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
        index (ByLastUpdated), and counted the fastest way the filters chosen allow (``counted``)."""
        if not self.is_valid():
            return results
        words = self.form.cleaned_data.get("q", "").strip()
        counted = (
            CountedUpTo(results, COMMON_COUNTED_UP_TO) if words and self.common(words) else self.counted()
        )
        if counted is None:
            counted = results
            if connection.vendor == "postgresql" and words:
                # The search as one union of ids, which the database joins to only the recommendations found.
                self.counting = True
                try:
                    counted = self.filter_queryset(self.queryset.all())
                finally:
                    self.counting = False
        sort = self.form.cleaned_data.get("sort")
        if sort in (["updated"], ["-updated"]):
            return ByLastUpdated(results, descending=sort[0] == "-updated", counted=counted)
        if isinstance(counted, CountedUpTo):
            return counted
        return results if counted is results else Counted(results, counted)

    def counted(self) -> int | QuerySet | None:
        """How many recommendations the filters chosen match, where that is quicker to find than by counting
        the list's own query; None where it is not.

        Without words to search for, from the dashboards' summary rows where they count by the filters
        chosen: the council or review; decisions and statuses; and at most one follow-through flag
        (``summaries.count``). With words, on PostgreSQL, as a query of the standing rows of the
        recommendations the search's union of ids finds (``search``), where the other filters are ones
        the standing rows hold: one narrow table, joined to nothing.
        """
        if not self.is_valid():
            return None
        data = self.form.cleaned_data
        chosen = {
            name
            for name, value in data.items()
            if name != "sort"
            and value not in (None, "", [], False)
            and not (name == "q" and not value.strip())
        }
        flags = [self.filters[name].field_name for name in chosen if name in FLAGS]
        scoped = {"council", "review", "decision", "status"}
        if "q" in chosen:
            measured = [flag for flag in flags if flag in summaries.MEASURED]
            if connection.vendor != "postgresql" or chosen - {"q", *scoped, *FLAGS} or flags != measured:
                return None
            if self.common(data["q"]):
                return None
            return self._standing_matches(data, measured)
        if chosen - {*scoped, *FLAGS} or len(flags) > 1:
            return None
        return summaries.count(
            self._summary(data),
            decisions=data.get("decision") or (),
            statuses=data.get("status") or (),
            flag=flags[0] if flags else None,
        )

    def _summary(self, data) -> dict:
        """The tally rows of the scope chosen: the review, the council, or every council the person sees."""
        council, review = data.get("council"), data.get("review")
        if review is not None:
            summary = summaries.of_review(review)
            if council is not None:
                summary["council"] = council  # a review of another council: none
            return summary
        if council is not None:
            return summaries.of_council(council)
        if self.user.is_superuser:
            return summaries.everywhere()
        return summaries.of_councils(Council.objects.for_user(self.user))

    def _standing_matches(self, data, measured) -> QuerySet:
        found = found_ids(data["q"])
        council, review = data.get("council"), data.get("review")
        everything = not (council or review or data.get("decision") or data.get("status") or measured)
        if self.user.is_superuser and everything:
            return found  # every one found is listed: the union counted, joined to nothing
        standing = Standing.objects.filter(recommendation_id__in=found)
        if review is not None:
            standing = standing.filter(review_id=review.pk)
        if council is not None:
            standing = standing.filter(council_id=council.pk)
        if council is None and review is None and not self.user.is_superuser:
            standing = standing.filter(council_id__in=Council.objects.for_user(self.user).values("pk"))
        if data.get("decision"):
            standing = standing.filter(decision_key__in=data["decision"])
        if data.get("status"):
            standing = standing.filter(status_key__in=data["status"])
        for flag in measured:
            standing = standing.filter(**{f"is_{flag}": True})
        return standing

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
