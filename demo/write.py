"""Writing demo data, and deleting it again: what the plan made, in chunks of councils, with history.

Rows are written straight into their tables with their history rows
(``rows.py``), each history row dated by its record's ``_history_date``; then
the dashboards' rows are refreshed through the recommendations services, as
their writers leave them. A record that changed after it was made (a
recommendation whose target moved, an extension the committee decided, a round
that closed) is written as it ends, with a history row for each version it went
through, as the services would have left it.
"""

import datetime
import random
from typing import Any

from django.contrib.auth import get_user_model
from django.db import connection, reset_queries, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from simple_history.utils import bulk_create_with_history

from councils.models import Committee, Council, EscalationStep, Membership
from recommendations import services
from recommendations.models import (
    CabinetResponse,
    DayTally,
    Escalation,
    EvidenceFile,
    EvidenceLink,
    ExtensionRequest,
    LatestProgress,
    ProgressUpdate,
    Recommendation,
    SignOff,
    Standing,
    Tally,
    TargetDate,
    Theme,
    UpdateAssessment,
)
from reviews.models import Review, SourceDocument, UpdateRound

from . import rows
from .plan import (
    LONDON,
    NAME_PREFIX,
    PREFIX,
    REASON_START,
    ROUND_DAYS,
    council_names,
    plan_council,
    reason_for,
)
from .rows import Planned
from .words import THEME_NAMES

# Rows per INSERT; a chunk of councils is written at a time so memory stays flat.
BATCH_SIZE = 2000
RECOMMENDATIONS_PER_CHUNK = 5000
# The statistics of the tables the counting reads are gathered when this many recommendations are written,
# then each time four times as many are.
ANALYSE_FIRST_AT = 5000


def existing_demo_councils():
    """Councils this command made: named as demo councils are, and created with its reason."""
    generated = Council.history.filter(history_type="+", history_change_reason__startswith=REASON_START)
    return Council.objects.filter(
        slug__startswith=PREFIX, name__startswith=NAME_PREFIX, pk__in=generated.values("id")
    )


def generate(*, sizes, seed, as_of, user, progress=None):
    """Create the demo data set for these sizes and seed, with history, in one transaction; return counts.

    ``progress(done, total)`` is called after each chunk of councils is written (by the stream's thread,
    on PostgreSQL).
    """
    reason = reason_for(seed)
    counts = dict.fromkeys(
        ["councils", "committees", "officers", "reviews", "rounds", "open rounds", "recommendations",
         "theme links", "responses", "updates", "escalation steps", "target dates", "extension requests",
         "sign-offs", "updates not adequate", "escalations", "history rows"], 0,
    )  # fmt: skip
    history = {"user": user, "reason": reason}
    names = council_names(random.Random(seed), sizes.councils)
    per_chunk = max(1, RECOMMENDATIONS_PER_CHUNK // (sizes.reviews * sizes.recommendations))
    analysed_at = ANALYSE_FIRST_AT
    with transaction.atomic():
        themes = _themes(as_of=as_of, sizes=sizes, counts=counts, **history)
        with rows.streaming(_written()) as stream:
            for start in range(0, sizes.councils, per_chunk):
                plans = [
                    plan_council(
                        index=i, place=place, name=name, slug=slug, seed=seed, sizes=sizes, as_of=as_of
                    )
                    for i, (place, name, slug) in enumerate(names[start : start + per_chunk], start=start)
                ]
                _write(plans, themes, counts, **history)
                # The dashboards' rows, from everything they count, as the services keep them.
                recommendations = Recommendation.objects.filter(
                    review__council__in=[p.council.id for p in plans]
                ).values("pk")
                if stream:
                    stream.call(services.summarise_new, recommendations)
                else:
                    services.summarise_new(recommendations)
                if stream and counts["recommendations"] >= analysed_at:
                    # The queries that count each chunk are planned from the tables' statistics, which
                    # autovacuum does not gather inside a transaction: without them, plans made for
                    # empty tables read more of the tables as they grow, and each chunk takes longer.
                    stream.call(_analyse, [model for model in _written() if model not in _histories()])
                    analysed_at *= 4
                reset_queries()  # with DEBUG on, Django keeps every query's SQL: megabytes a chunk here
                if progress:
                    done = min(start + per_chunk, sizes.councils)
                    # Once the chunk is written, not when it is given to be: the writing ends last.
                    stream.call(progress, done, sizes.councils) if stream else progress(done, sizes.councils)
    return counts


def _analyse(models):
    """Gather the planner's statistics of the tables written: from a sample, a second or two each time."""
    tables = ", ".join(sorted({connection.ops.quote_name(model._meta.db_table) for model in models}))
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {tables}")


def _histories():
    return {model.history.model for model in _tracked()}


def _tracked():
    return [
        Council, Membership, Committee, EscalationStep, Review, UpdateRound, Recommendation, CabinetResponse,
        TargetDate, ExtensionRequest, ProgressUpdate, SignOff, UpdateAssessment, Escalation,
    ]  # fmt: skip


def _written():
    """Every model whose table the demo data is written into, through the services too."""
    tracked: list[Any] = _tracked()
    through = Recommendation.themes.through
    links = Recommendation.history.model.themes.model
    summaries = [LatestProgress, Standing, Tally, DayTally]
    return [*tracked, *(m.history.model for m in tracked), through, links, get_user_model(), *summaries]


def _themes(*, as_of, sizes, counts, user, reason):
    """The themes by name: those that exist already are used as they are."""
    themes = {t.name: t for t in Theme.objects.filter(name__in=THEME_NAMES)}
    missing = [Theme(name=n, slug=slugify(n)) for n in THEME_NAMES if n not in themes]
    when = datetime.datetime.combine(
        as_of - datetime.timedelta(days=ROUND_DAYS * sizes.rounds + 400), datetime.time(9), tzinfo=LONDON
    )
    created = bulk_create_with_history(
        missing, Theme, default_user=user, default_change_reason=reason, default_date=when
    )
    counts["history rows"] += len(created)
    themes.update((t.name, t) for t in created)
    return themes


def _versions(records):
    """Each record's history, as (record as it was, "+" or "~", when): as made, then each change.

    A record's ``_earlier`` lists its earlier versions, oldest first, as
    (moment, {field: value}): the first is its "+" row, the rest and the
    record as it ends (dated by ``_history_date``) are "~" rows. All the "+"
    rows come first, as the records were made before any changed.
    """
    made, changed = [], []
    for record in records:
        earlier = getattr(record, "_earlier", ())
        versions = []
        for moment, fields in earlier:
            version = object.__new__(Planned)
            version.__dict__ = {**record.__dict__, **fields}
            versions.append((version, moment))
        versions.append((record, record._history_date))
        made.append((*versions[0][:1], "+", versions[0][1]))
        changed += [(version, "~", moment) for version, moment in versions[1:]]
    return made + changed


def _with_target_versions(recommendations):
    """Each recommendation as made (no target yet), then once per target date it was given, the last as it is."""
    for recommendation in recommendations:
        targets = recommendation._targets
        if not targets:
            continue
        earlier = [(recommendation._history_date, {"target_date": None, "version": 1})]
        earlier += [
            (moment, {"target_date": date, "version": i}) for i, (date, moment) in enumerate(targets[:-1], 2)
        ]
        recommendation._earlier = earlier
        recommendation._history_date = targets[-1][1]
        recommendation.version = len(targets) + 1
    return recommendations


def _write(plans, themes, counts, *, user, reason):
    def gather(name):
        return [obj for plan in plans for obj in getattr(plan, name)]

    def create(model, records, *, ids=False):
        """The records' rows and their history rows (given ``ids``, the history ids in order)."""
        rows.insert(model, records)
        versions = _versions(records)
        counts["history rows"] += len(versions)
        return rows.insert_history(model, versions, user=user, reason=reason, ids=ids)

    create(Council, [p.council for p in plans])
    officers = gather("officers")
    rows.insert(get_user_model(), officers)
    create(Membership, gather("memberships"))
    create(Committee, gather("committees"))
    create(EscalationStep, gather("escalation_steps"))
    create(Review, gather("reviews"))

    # Closing a round is a change of its own, recorded when it happened.
    rounds = gather("rounds")
    for update_round in rounds:
        if update_round._closes_at is not None:
            update_round._earlier = [(update_round._history_date, {"closed_at": None})]
            update_round.closed_at = update_round._history_date = update_round._closes_at
    create(UpdateRound, rounds)
    closed = sum(1 for r in rounds if r._closes_at is not None)

    recommendations = _with_target_versions(gather("recommendations"))
    rows.insert(Recommendation, recommendations)
    versions = _versions(recommendations)
    history_ids = rows.insert_history(Recommendation, versions, user=user, reason=reason, ids=True)
    counts["history rows"] += len(versions)
    _link_themes(plans, themes, [(v[0].id, h) for v, h in zip(versions, history_ids, strict=True)], counts)
    create(CabinetResponse, gather("responses"))
    create(TargetDate, gather("targets"))
    create(ExtensionRequest, gather("extension_requests"))
    create(ProgressUpdate, gather("updates"))
    # The committee's view of the updates, and escalation.
    create(SignOff, gather("sign_offs"))
    create(UpdateAssessment, gather("update_assessments"))
    create(Escalation, gather("escalations"))

    counts["councils"] += len(plans)
    counts["committees"] += sum(len(p.committees) for p in plans)
    counts["officers"] += len(officers)
    counts["reviews"] += sum(len(p.reviews) for p in plans)
    counts["rounds"] += len(rounds)
    counts["open rounds"] += len(rounds) - closed
    counts["recommendations"] += len(recommendations)
    counts["responses"] += sum(len(p.responses) for p in plans)
    counts["updates"] += sum(len(p.updates) for p in plans)
    for name, part in [
        ("escalation steps", "escalation_steps"),
        ("target dates", "targets"),
        ("extension requests", "extension_requests"),
        ("sign-offs", "sign_offs"),
        ("updates not adequate", "update_assessments"),
        ("escalations", "escalations"),
    ]:
        counts[name] += len(gather(part))


def _link_themes(plans, themes, history_rows, counts):
    """The through rows, and the same links in each of the recommendations' history rows.

    simple-history keeps a snapshot of a recommendation's themes with every
    history row of it (``HistoricalRecommendation_themes``); a recommendation
    made with its themes has them in its "+" row, as if saved with them, and
    in each later row (its target dates), as its themes did not change.
    ``history_rows`` are (recommendation id, history id) pairs.
    """
    through = Recommendation.themes.through
    links = [
        Planned(through, recommendation=recommendation, theme=themes[name])
        for plan in plans
        for recommendation, name in plan.theme_links
    ]
    rows.insert(through, links)
    rows_of: dict[int, list[int]] = {}
    for recommendation_id, history_id in history_rows:
        rows_of.setdefault(recommendation_id, []).append(history_id)
    link_history = Recommendation.history.model.themes.model
    snapshots = [
        (link.id, history_id, link.recommendation_id, link.theme_id)
        for link in links
        for history_id in rows_of[link.recommendation_id]
    ]
    rows.insert_rows(link_history, ["id", "history", "recommendation", "theme"], snapshots)
    counts["theme links"] += len(links)
    counts["history rows"] += len(snapshots)


# ---------------------------------------------------------------------------
# Removing
# ---------------------------------------------------------------------------


def demo_data_blockers():
    """Why the demo data cannot be removed, in plain English, or an empty string."""
    councils = existing_demo_councils()
    papers = SourceDocument.objects.filter(council__in=councils)
    if papers.exists():
        names = ", ".join(sorted({str(d.council) for d in papers.select_related("council")[:5]}))
        return (
            f"Papers have been imported into demo councils ({names}); the demo data cannot be replaced "
            "without losing them. Delete those papers first."
        )
    return ""


def remove(*, user, reason, progress=None):
    """Delete every demo council and what hangs off it, leaving a "-" history row for each, naming who and why.

    simple-history has no bulk delete helper, and deleting through the ORM
    writes the history one row at a time (minutes at full size, with no way
    to give a reason). So, model by model from the leaves up, the deletion
    history rows are bulk created as simple-history would write them, then
    the rows deleted by primary key.
    """
    councils = list(existing_demo_councils().order_by("pk").values_list("pk", flat=True))
    when = timezone.now()
    removed = 0
    with transaction.atomic():
        for start in range(0, len(councils), 20):
            chunk = councils[start : start + 20]
            officers = get_user_model().objects.filter(
                memberships__council__in=chunk, username__startswith=PREFIX
            )
            officer_ids = list(officers.values_list("pk", flat=True))
            # Not tracked: the links' history is the snapshot kept with each recommendation's history row.
            Recommendation.themes.through.objects.filter(recommendation__review__council__in=chunk).delete()
            recommendations = list(
                Recommendation.objects.filter(review__council__in=chunk).values_list("pk", flat=True)
            )
            # What refers to the updates, and to the council's escalation ladder, goes first.
            for follow_through in [
                Escalation,
                SignOff,
                UpdateAssessment,
                EvidenceFile,
                ExtensionRequest,
                TargetDate,
            ]:
                _delete_with_history(
                    follow_through._default_manager.filter(recommendation__in=recommendations),
                    user=user,
                    reason=reason,
                    when=when,
                )
            _delete_with_history(
                ProgressUpdate.objects.filter(recommendation__in=recommendations),
                user=user,
                reason=reason,
                when=when,
            )
            # The dashboards' rows go with the updates they were made from.
            services.refresh_latest_progress(recommendations)
            for queryset in [
                CabinetResponse.objects.filter(recommendation__review__council__in=chunk),
                EvidenceLink.objects.filter(recommendation__review__council__in=chunk),
                Recommendation.objects.filter(review__council__in=chunk),
            ]:
                _delete_with_history(queryset, user=user, reason=reason, when=when)
            # Their counts go from the summary while their councils are still there.
            services.refresh_summaries(recommendations)
            for queryset in [
                UpdateRound.objects.filter(review__council__in=chunk),
                Review.objects.filter(council__in=chunk),
                Committee.objects.filter(council__in=chunk),
                EscalationStep.objects.filter(council__in=chunk),
                Membership.objects.filter(council__in=chunk),
                Council.objects.filter(pk__in=chunk),
            ]:
                _delete_with_history(queryset, user=user, reason=reason, when=when)
            # The officers' accounts (not tracked) go too.
            get_user_model().objects.filter(pk__in=officer_ids).delete()
            removed += len(chunk)
            if progress:
                progress(removed, len(councils))
    return removed


def _delete_with_history(queryset, *, user, reason, when):
    history_model = queryset.model.history.model
    objs = list(queryset.order_by())
    history_model.objects.bulk_create(
        [
            history_model(
                history_date=when,
                history_type="-",
                history_user=user,
                history_change_reason=reason,
                **{f.attname: getattr(obj, f.attname) for f in history_model.tracked_fields},
            )
            for obj in objs
        ],
        batch_size=BATCH_SIZE,
    )
    _delete_rows(queryset.model, [obj.pk for obj in objs])


def _delete_rows(model, pks):
    """DELETE the rows by primary key, in batches, in plain SQL.

    Not through the ORM's collector: its signals would write each deletion's
    history a second time, row by row, and without the reason.
    """
    table, column = connection.ops.quote_name(model._meta.db_table), model._meta.pk.column
    with connection.cursor() as cursor:
        for start in range(0, len(pks), BATCH_SIZE):
            batch = pks[start : start + BATCH_SIZE]
            marks = ", ".join(["%s"] * len(batch))
            cursor.execute(
                f"DELETE FROM {table} WHERE {connection.ops.quote_name(column)} IN ({marks})", batch
            )


def clash():
    """Records that are not demo data but look like it (and would collide with it), in plain English, or ""."""
    demo = existing_demo_councils()
    council = (
        Council.objects.filter(Q(slug__startswith=PREFIX) | Q(name__startswith=NAME_PREFIX))
        .exclude(pk__in=demo)
        .first()
    )
    if council:
        return (
            f"The council “{council}” (slug “{council.slug}”) is not demo data, but its name or slug starts "
            f"as demo councils' do (“{NAME_PREFIX}”, “{PREFIX}”). Rename it first."
        )
    review = Review.objects.filter(slug__startswith=PREFIX).exclude(council__in=demo).first()
    if review:
        return f"The review “{review}” has a slug starting “{PREFIX}”, as demo reviews' do. Change its slug first."
    return ""
