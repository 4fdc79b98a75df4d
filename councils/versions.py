"""What a cached page depends on: a count of changes per council, bumped with every change.

The pages people read most (the dashboards, the review page) are cached in
Django's cache framework, under a key that names what the page shows (the
council or review, the person's role, today) and the change counts of the
councils it shows. Each app declares here, for each tracked model, how an
instance leads to its council (``track``); a save, a delete or a change of
links then bumps that council's count inside the writer's transaction. So:

- a change is never hidden by a cached page once it is committed (the count
  a reader sees moves with the data it reads);
- one council's change does not throw away another council's pages;
- a page is cached per council and role, never per person, and the view
  checks who may see it before it looks in the cache, so no cached page can
  show one council's data to another.

Bulk writers that skip ``save()`` call ``bump`` themselves.
"""

import operator
from collections.abc import Iterable
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import F, OuterRef, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

from .models import ChangeCount, Council


def bump(council_ids: Iterable[int] | None) -> None:
    """Count a change to each of these councils' data (``None``: every council's), in the caller's transaction."""
    if council_ids is None:
        # Councils written in bulk (the demo data) may have no count yet: they get one, as any bumped does.
        missing = Council.objects.exclude(pk__in=ChangeCount.objects.values("council_id")).values_list(
            "pk", flat=True
        )
        ChangeCount.objects.bulk_create([ChangeCount(council_id=i) for i in missing], ignore_conflicts=True)
        ChangeCount.objects.update(count=F("count") + 1)
        return
    ids = sorted({i for i in council_ids if i is not None})  # in one order, so two writers cannot deadlock
    if not ids:
        return
    ChangeCount.objects.bulk_create([ChangeCount(council_id=i) for i in ids], ignore_conflicts=True)
    ChangeCount.objects.filter(council_id__in=ids).update(count=F("count") + 1)


def with_change_count(rows: QuerySet, council_id: str) -> QuerySet:
    """These rows, each with the change count of its council (``council_id``, a path to its id): a page's
    key read in the same query as the object the page is of, for ``key_read_with``."""
    return rows.annotate(council_changes=_change_count(council_id))


def key_read_with(row: Any, council_id: int) -> str:
    """``key_of`` one council, from the count ``with_change_count`` read with this row."""
    return _key(council_id, row.council_changes)


def _change_count(council_id: str):
    return Coalesce(Subquery(ChangeCount.objects.filter(council_id=OuterRef(council_id)).values("count")), 0)


def _key(council_id: int, count: int) -> str:
    return f"{council_id}:{count}"


def key_of(councils: QuerySet | None) -> str:
    """The part of a cache key that changes whenever these councils' data does (``None``: every council).

    ``councils`` is a query of councils (those a person may see, or one); one query either way.
    """
    return key_and_councils(councils)[0]


def key_for_person(person) -> tuple[str, list[int] | None]:
    """``key_of`` the councils this person may see, and their ids (``None``: every council, a superuser's)."""
    return key_and_councils(None if person.is_superuser else Council.objects.for_user(person))


def key_and_councils(councils: QuerySet | None) -> tuple[str, list[int] | None]:
    """``key_of`` these councils, and their ids (``None`` for every council), from the same query."""
    if councils is None:
        return f"all:{ChangeCount.objects.aggregate(n=Sum('count'))['n'] or 0}", None
    rows = list(councils.order_by("pk").annotate(n=_change_count("pk")).values_list("pk", "n"))
    # The councils themselves are part of the key: another person's set with the same sum is another page.
    return ",".join(_key(pk, n) for pk, n in rows), [pk for pk, _ in rows]


# Each tracked model that leads to one council, with the path there (``track``).
_TRACKED: dict[Any, str] = {}


def track(model, path: str | None) -> None:
    """Bump a council's count whenever an instance of ``model`` is saved or deleted, or its links change.

    ``path`` leads from an instance to its council's id by attributes, as
    "review.council_id"; ``None`` means a change to it may show on any
    council's pages (a theme).
    """
    find = operator.attrgetter(path) if path else None
    uid = f"versions-{model._meta.label_lower}"
    if path:
        _TRACKED[model] = path

    def changed(sender, instance, **kwargs):
        if find is None:
            bump(None)
            return
        try:
            council_id = find(instance)
        except ObjectDoesNotExist:  # what led to its council is gone: any council's pages may show it
            bump(None)
            return
        bump([council_id])

    def links_changed(sender, instance, **kwargs):
        # Changed from the other side (a theme's recommendations): whose they are is not at hand.
        changed(sender, instance) if isinstance(instance, model) else bump(None)

    post_save.connect(changed, sender=model, dispatch_uid=uid + "-save", weak=False)
    post_delete.connect(changed, sender=model, dispatch_uid=uid + "-delete", weak=False)
    for field in model._meta.many_to_many:
        m2m_changed.connect(
            links_changed, sender=field.remote_field.through, dispatch_uid=f"{uid}-{field.name}", weak=False
        )


# A person's name and e-mail address show on their councils' pages (as lead officer, author, and so on).
SHOWN_FIELDS = {"first_name", "last_name", "email", "username"}


def _person_saving(sender, instance, update_fields=None, **kwargs):
    """Keep what pages show of the person as it was, to tell after the save whether any of it changed."""
    instance._shown_before = None
    if instance.pk is None or (update_fields is not None and not SHOWN_FIELDS & set(update_fields)):
        return  # new; or signing in (last_login), which changes nothing any page shows
    instance._shown_before = sender._default_manager.filter(pk=instance.pk).values(*SHOWN_FIELDS).first()


def _person_changed(sender, instance, created=False, **kwargs):
    before = getattr(instance, "_shown_before", None)
    if created or before is None or all(getattr(instance, name) == before[name] for name in before):
        return  # a new password, or a save that changed nothing shown
    bump(councils_naming(instance))


# Named in more rows of one table than this, a person is taken to show on every council's pages rather than
# their councils looked up (the demo data's writer: millions of history rows).
NAMED_OFTEN = 10_000


def councils_naming(person) -> set[int] | None:
    """The councils whose pages may show this person: those they belong to, and those whose tracked
    records, or those records' history, name them (a lead officer, who recorded a target, who changed
    what), since a superuser or a former member may be named by councils they do not belong to. None
    (every council) for someone named in more than NAMED_OFTEN rows of a table. Two queries per tracked
    model and its history, each by the person's own (indexed) key."""
    found = set(person.memberships.values_list("council_id", flat=True))
    user_model = get_user_model()
    for model, path in _TRACKED.items():
        history = getattr(model, "history", None)
        for each in (model, getattr(history, "model", None)):
            if each is None:
                continue
            for field in each._meta.concrete_fields:
                if not (field.is_relation and field.related_model is user_model):
                    continue
                rows = each._default_manager.filter(**{field.name: person}).order_by()
                if rows[: NAMED_OFTEN + 1].count() > NAMED_OFTEN:
                    return None
                found.update(rows.values_list(path.replace(".", "__"), flat=True).distinct())
    found.discard(None)
    return found


def track_people() -> None:
    people = get_user_model()
    pre_save.connect(_person_saving, sender=people, dispatch_uid="versions-people-before", weak=False)
    post_save.connect(_person_changed, sender=people, dispatch_uid="versions-people", weak=False)
