"""Writing demo data, and deleting it again: what the plan made, in chunks of councils, with history.

Rows are written with simple-history's bulk helpers (progress updates through
the recommendations service that keeps the dashboards' latest-progress rows),
each history row dated by its instance's ``_history_date``. A record that
changed after it was made (a recommendation whose target moved, an extension
the committee decided) is written as it ends, with a history row for each
version it went through, as the services would have left it.
"""

import copy
import datetime
import random

from django.contrib.auth import get_user_model
from django.db import connection, reset_queries, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from councils.models import Committee, Council, EscalationStep, Membership
from recommendations import services
from recommendations.models import (
    CabinetResponse,
    Escalation,
    EvidenceFile,
    EvidenceLink,
    ExtensionRequest,
    ProgressUpdate,
    Recommendation,
    SignOff,
    TargetDate,
    Theme,
    UpdateAssessment,
)
from reviews.models import Review, SourceDocument, UpdateRound

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
from .words import THEME_NAMES

# Rows per INSERT; a chunk of councils is written at a time so memory stays flat.
BATCH_SIZE = 2000
RECOMMENDATIONS_PER_CHUNK = 5000


def existing_demo_councils():
    """Councils this command made: named as demo councils are, and created with its reason."""
    generated = Council.history.filter(history_type="+", history_change_reason__startswith=REASON_START)
    return Council.objects.filter(
        slug__startswith=PREFIX, name__startswith=NAME_PREFIX, pk__in=generated.values("id")
    )


def generate(*, sizes, seed, as_of, user, progress=None):
    """Create the demo data set for these sizes and seed, with history, in one transaction; return counts.

    ``progress(done, total)`` is called after each chunk of councils is written.
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
    with transaction.atomic():
        themes = _themes(as_of=as_of, sizes=sizes, counts=counts, **history)
        for start in range(0, sizes.councils, per_chunk):
            plans = [
                plan_council(index=i, place=place, name=name, slug=slug, seed=seed, sizes=sizes, as_of=as_of)
                for i, (place, name, slug) in enumerate(names[start : start + per_chunk], start=start)
            ]
            _write(plans, themes, counts, **history)
            reset_queries()  # with DEBUG on, Django keeps every query's SQL: megabytes a chunk here
            if progress:
                progress(min(start + per_chunk, sizes.councils), sizes.councils)
    return counts


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


def _create(objs, model, counts, *, user, reason):
    """Bulk create with a history row each (dated by each object's ``_history_date``)."""
    created = bulk_create_with_history(
        objs, model, batch_size=BATCH_SIZE, default_user=user, default_change_reason=reason
    )
    counts["history rows"] += len(created)
    return created


def _create_with_versions(objs, model, counts, *, user, reason):
    """Bulk create the records as they end, with a history row for each version they went through.

    An object's ``_earlier`` lists its earlier versions, oldest first, as
    (moment, {field: value}): the first is its "+" row, the rest and the
    record as it ends (dated by ``_history_date``) are "~" rows.
    """
    created = model._default_manager.bulk_create(objs, batch_size=BATCH_SIZE)
    made, changed = [], []
    for obj in created:
        versions = []
        for moment, fields in getattr(obj, "_earlier", ()):
            version = copy.copy(obj)
            version.__dict__.update(fields, _history_date=moment)
            versions.append(version)
        versions.append(obj)
        made.append(versions[0])
        changed += versions[1:]
    history = {"batch_size": BATCH_SIZE, "default_user": user, "default_change_reason": reason}
    rows = model.history.bulk_history_create(made, **history)
    rows += model.history.bulk_history_create(changed, update=True, **history)
    counts["history rows"] += len(rows)
    return created, rows


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
    history = {"user": user, "reason": reason}

    def gather(name):
        return [obj for plan in plans for obj in getattr(plan, name)]

    _create([p.council for p in plans], Council, counts, **history)
    officers = gather("officers")
    get_user_model().objects.bulk_create(officers, batch_size=BATCH_SIZE)
    _create(gather("memberships"), Membership, counts, **history)
    _create(gather("committees"), Committee, counts, **history)
    _create(gather("escalation_steps"), EscalationStep, counts, **history)
    _create(gather("reviews"), Review, counts, **history)

    rounds = gather("rounds")
    _create(rounds, UpdateRound, counts, **history)
    # Closing a round is a change of its own, recorded when it happened.
    closed = [r for r in rounds if r._closes_at is not None]
    for update_round in closed:
        update_round.closed_at = update_round._history_date = update_round._closes_at
    bulk_update_with_history(
        closed,
        UpdateRound,
        ["closed_at"],
        batch_size=BATCH_SIZE,
        default_user=user,
        default_change_reason=reason,
    )
    counts["history rows"] += len(closed)

    recommendations, records = _create_with_versions(
        _with_target_versions(gather("recommendations")), Recommendation, counts, **history
    )
    _link_themes(plans, themes, records, counts)
    _create(gather("responses"), CabinetResponse, counts, **history)
    _create(gather("targets"), TargetDate, counts, **history)
    _create_with_versions(gather("extension_requests"), ExtensionRequest, counts, **history)
    # The dashboards' summary is worked out once, when everything it counts is written.
    with services.summaries_refreshed_once():
        updates = services.add_updates(gather("updates"), **history)
        counts["history rows"] += len(updates)
        # The committee's view of the updates, then the dashboards' rows again, which carry it.
        _create(gather("sign_offs"), SignOff, counts, **history)
        _create(gather("update_assessments"), UpdateAssessment, counts, **history)
        services.refresh_latest_progress([r.pk for r in recommendations])
        _create(gather("escalations"), Escalation, counts, **history)
        services.refresh_summaries([r.pk for r in recommendations])

    counts["councils"] += len(plans)
    counts["committees"] += sum(len(p.committees) for p in plans)
    counts["officers"] += len(officers)
    counts["reviews"] += sum(len(p.reviews) for p in plans)
    counts["rounds"] += len(rounds)
    counts["open rounds"] += len(rounds) - len(closed)
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


def _link_themes(plans, themes, records, counts):
    """The through rows, and the same links in each of the recommendations' history rows.

    simple-history keeps a snapshot of a recommendation's themes with every
    history row of it (``HistoricalRecommendation_themes``); a recommendation
    made with its themes has them in its "+" row, as if saved with them, and
    in each later row (its target dates), as its themes did not change.
    """
    through = Recommendation.themes.through
    links = through.objects.bulk_create(
        [
            through(recommendation=recommendation, theme=themes[name])
            for plan in plans
            for recommendation, name in plan.theme_links
        ],
        batch_size=BATCH_SIZE,
    )
    rows_of: dict[int, list[int]] = {}
    for record in records:
        rows_of.setdefault(record.id, []).append(record.history_id)
    link_history = Recommendation.history.model.themes.model
    snapshots = link_history.objects.bulk_create(
        [
            link_history(
                id=link.pk,
                history_id=history_id,
                recommendation_id=link.recommendation_id,
                theme_id=link.theme_id,
            )
            for link in links
            for history_id in rows_of[link.recommendation_id]
        ],
        batch_size=BATCH_SIZE,
    )
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
