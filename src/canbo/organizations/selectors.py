"""Reads on the organization tree that need its history: the tree as of a date, ancestors, restructurings."""

import datetime as dt

from django.db.models import BigIntegerField, Case, Exists, F, OuterRef, Q, QuerySet, Subquery, When

from .models import OrgUnit, OrgUnitVersion, RestructuringEvent
from .paths import path_ids


def _versions_on(day: dt.date) -> QuerySet:
    return OrgUnitVersion.objects.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day)).filter(
        Q(valid_to__isnull=True) | Q(valid_to__gt=day)
    )


def units_as_of(day: dt.date, qs: QuerySet | None = None) -> QuerySet:
    """Units that existed on `day`, annotated with `name_as_of` and `parent_as_of_id` on that day."""
    qs = OrgUnit.objects.all() if qs is None else qs
    version = _versions_on(day).filter(unit=OuterRef("pk")).order_by("-valid_from")
    # Units without versions (made before history was kept) fall back to their current state; a version's
    # empty parent means a top-level unit on that day, so Coalesce would be wrong here.
    has_history = Exists(OrgUnitVersion.objects.filter(unit=OuterRef("pk")))
    return qs.as_of(day).annotate(
        name_as_of=Case(When(has_history, then=Subquery(version.values("name")[:1])), default=F("name")),
        parent_as_of_id=Case(
            When(has_history, then=Subquery(version.values("parent_id")[:1])),
            default=F("parent_id"),
            output_field=BigIntegerField(),
        ),
    )


def children_as_of(unit: OrgUnit, day: dt.date) -> QuerySet:
    """Units whose parent on `day` was `unit` (and that existed then), whatever their parent is now."""
    under = _versions_on(day).filter(parent=unit).values("unit_id")
    without_history = Q(parent=unit) & ~Exists(OrgUnitVersion.objects.filter(unit=OuterRef("pk")))
    return units_as_of(day).filter(Q(pk__in=under) | without_history).order_by("kind", "name")


def unit_version_on(unit: OrgUnit, day: dt.date) -> OrgUnitVersion | None:
    """The unit's name, kind and parent on `day`, or None if it did not exist then.

    A unit without versions gets an unsaved one from its current state.
    """
    if not unit.existed_on(day):
        return None
    version = (
        _versions_on(day).filter(unit=unit).select_related("parent", "event").order_by("-valid_from").first()
    )
    if version is None and not unit.versions.exists():
        version = OrgUnitVersion(
            unit=unit,
            name=unit.name,
            kind=unit.kind,
            parent_id=unit.parent_id,
            valid_from=unit.valid_from,
            valid_to=unit.valid_to,
        )
    return version


def ancestors(unit: OrgUnit) -> list[OrgUnit]:
    """The current ancestors of `unit`, root first, in one query from its path."""
    ids = path_ids(unit.path)[:-1]
    if not ids:
        return []
    return list(OrgUnit.objects.filter(pk__in=ids).order_by("depth"))


def restructuring_history(unit: OrgUnit) -> QuerySet:
    """Restructuring events in which `unit` ended, started or changed, newest first."""
    through_sources = RestructuringEvent.sources.through.objects.filter(orgunit=unit)
    through_targets = RestructuringEvent.targets.through.objects.filter(orgunit=unit)
    return (
        RestructuringEvent.objects.filter(
            Q(pk__in=through_sources.values("restructuringevent_id"))
            | Q(pk__in=through_targets.values("restructuringevent_id"))
        )
        .select_related("decision")
        .prefetch_related("sources", "targets")
        .order_by("-date", "-pk")
    )
