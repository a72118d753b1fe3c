"""Writes on the organization tree. Views, forms, imports and the demo go through these functions.

Every change keeps history: a unit's name, kind and parent live in OrgUnitVersion rows that do not overlap
(the old version ends on the day the new one starts), each restructuring is a RestructuringEvent, and OrgUnit
keeps the latest state with its derived fields (path, depth, territory, admin_level, search_text).
Periods are half-open: a unit exists from valid_from up to, not including, valid_to.
"""

import datetime as dt
import json
import re
from collections.abc import Iterable, Sequence

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import CharField, F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Cast, Coalesce, Concat, Substr
from django.utils.translation import gettext as _

from canbo.core.text import fold

from . import reference
from .models import (
    AdminLevel,
    Decision,
    OrgUnit,
    OrgUnitKind,
    OrgUnitVersion,
    Position,
    RestructuringEvent,
    RestructuringKind,
    Title,
)
from .models.units import KIND_LEVEL, TERRITORIAL_KINDS

# The two-level local government (Resolution 202/2025/QH15) took effect on this day.
DIVISIONS_VALID_FROM = dt.date(2025, 7, 1)
PROVINCE_DIVISION_KINDS = {"tỉnh": OrgUnitKind.PROVINCE, "thành phố trung ương": OrgUnitKind.CITY}
COMMUNE_DIVISION_KINDS = {
    "xã": OrgUnitKind.COMMUNE,
    "phường": OrgUnitKind.WARD,
    "đặc khu": OrgUnitKind.SPECIAL_ZONE,
}

# Which list of reference.STANDARD_BODIES a territorial kind takes.
BODY_LEVEL = {
    OrgUnitKind.PROVINCE: "province",
    OrgUnitKind.CITY: "province",
    OrgUnitKind.DISTRICT: "district",
    OrgUnitKind.COMMUNE: "commune",
    OrgUnitKind.WARD: "commune",
    OrgUnitKind.SPECIAL_ZONE: "commune",
}
# Code suffix of each standard body: "<locality code>-<suffix>".
BODY_SUFFIX = {
    OrgUnitKind.PARTY_COMMITTEE: "DU",
    OrgUnitKind.PEOPLES_COUNCIL: "HDND",
    OrgUnitKind.PEOPLES_COMMITTEE: "UBND",
    OrgUnitKind.FATHERLAND_FRONT: "MTTQ",
}

# Batch sizes keep bulk statements under SQLite's limit on query parameters.
_BATCH = 500
_CHUNK = 2000

# Division words that open a locality's name, longest first, and the name of its party committee.
_DIVISION_WORDS = ("thành phố", "thị trấn", "đặc khu", "thị xã", "phường", "huyện", "quận", "tỉnh", "xã")
_KIND_WORD = {
    OrgUnitKind.PROVINCE: "tỉnh",
    OrgUnitKind.CITY: "thành phố",
    OrgUnitKind.DISTRICT: "huyện",
    OrgUnitKind.COMMUNE: "xã",
    OrgUnitKind.WARD: "phường",
    OrgUnitKind.SPECIAL_ZONE: "đặc khu",
}
_PARTY_COMMITTEE_WORD = {
    "tỉnh": "Tỉnh ủy",
    "thành phố": "Thành ủy",
    "huyện": "Huyện ủy",
    "quận": "Quận ủy",
    "thị xã": "Thị ủy",
}
_NAMED_COMMITTEE = re.compile(r"^(Tỉnh|Huyện) ủy \{name\}$")


# -- small helpers ------------------------------------------------------------------------------------------


def _fmt(day: dt.date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else "…"


def _chunks(items: Sequence, size: int = _CHUNK):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())


def unit_search_text(name: str, short_name: str, code: str) -> str:
    """Folded name, short name and code, so that a search finds a unit by any of them without diacritics."""
    return " ".join(part for part in (fold(name), fold(short_name), (code or "").lower()) if part)[:255]


def _describe(unit: OrgUnit | None) -> dict | None:
    if unit is None:
        return None
    return {
        "id": unit.pk,
        "code": unit.code,
        "name": unit.name,
        "kind": unit.kind,
        "parent_id": unit.parent_id,
    }


def _level_for(kind: str, parent: OrgUnit | None) -> str:
    # A body takes its parent's level; a body with no parent at all is a central one.
    return KIND_LEVEL.get(kind) or (parent.admin_level if parent else AdminLevel.CENTRAL)


def _check_exists_on(unit: OrgUnit, day: dt.date, field: str = "date") -> None:
    if not unit.existed_on(day):
        raise ValidationError(
            {field: _("%(unit)s did not exist on %(date)s.") % {"unit": unit.name, "date": _fmt(day)}}
        )


def _check_can_end(unit: OrgUnit, day: dt.date) -> None:
    _check_exists_on(unit, day)
    if unit.valid_from is not None and day <= unit.valid_from:
        raise ValidationError(
            {
                "date": _("%(unit)s must end after it starts (%(date)s).")
                % {"unit": unit.name, "date": _fmt(unit.valid_from)}
            }
        )


def _alive_after(day: dt.date) -> Q:
    """Units still there on `day` or later."""
    return Q(valid_to__isnull=True) | Q(valid_to__gt=day)


def _record(
    kind: str, day: dt.date, decision: Decision | None, sources, targets, details: dict
) -> RestructuringEvent:
    event = RestructuringEvent.objects.create(kind=kind, date=day, decision=decision, details=details)
    event.sources.set([u.pk for u in sources])
    event.targets.set([u.pk for u in targets])
    return event


# -- versions -----------------------------------------------------------------------------------------------


def _baseline(unit: OrgUnit) -> OrgUnitVersion:
    # Units made before history was kept (or by plain fixtures) get a first version from their current state.
    return OrgUnitVersion(
        unit=unit,
        name=unit.name,
        kind=unit.kind,
        parent_id=unit.parent_id,
        valid_from=unit.valid_from,
        valid_to=unit.valid_to,
    )


def _latest_version(unit: OrgUnit) -> OrgUnitVersion:
    version = unit.versions.order_by(F("valid_from").desc(nulls_last=True), "-pk").first()
    if version is None:
        version = _baseline(unit)
        version.save()
    return version


def _ensure_versions(unit_ids: Sequence[int]) -> None:
    have = set()
    for chunk in _chunks(list(unit_ids)):
        have.update(
            OrgUnitVersion.objects.filter(unit_id__in=chunk).values_list("unit_id", flat=True).distinct()
        )
    missing = [pk for pk in unit_ids if pk not in have]
    if missing:
        units = OrgUnit.objects.filter(pk__in=missing)
        OrgUnitVersion.objects.bulk_create([_baseline(u) for u in units], batch_size=_BATCH)


def _change_version(unit: OrgUnit, day: dt.date, event: RestructuringEvent, **changes) -> OrgUnitVersion:
    """Close the version in effect and open one with `changes` from `day` on."""
    latest = _latest_version(unit)
    if (latest.valid_from is not None and day < latest.valid_from) or (
        latest.valid_to is not None and day >= latest.valid_to
    ):
        raise ValidationError(
            {
                "date": _("%(unit)s already has a change recorded on %(date)s; record changes in date order.")
                % {"unit": unit.name, "date": _fmt(latest.valid_from or latest.valid_to)}
            }
        )
    if latest.valid_from == day:
        # A second change on the same day amends that day's version rather than leave an empty period.
        for name, value in changes.items():
            setattr(latest, name, value)
        latest.event = latest.event or event
        latest.save()
        return latest
    new = OrgUnitVersion(
        unit=unit,
        name=latest.name,
        kind=latest.kind,
        parent_id=latest.parent_id,
        valid_from=day,
        valid_to=latest.valid_to,
        event=event,
    )
    for name, value in changes.items():
        setattr(new, name, value)
    latest.valid_to = day
    latest.save(update_fields=["valid_to"])
    new.save()
    return new


# -- creating units -----------------------------------------------------------------------------------------


def _validate_new(
    code: str, name: str, kind: str, parent: OrgUnit | None, valid_from: dt.date | None
) -> None:
    errors = {}
    if not code:
        errors["code"] = _("A unit needs a code.")
    elif len(code) > OrgUnit._meta.get_field("code").max_length:
        errors["code"] = _("The code %(code)s is too long.") % {"code": code}
    else:
        clash = OrgUnit.objects.filter(code=code).first()
        if clash is not None:
            errors["code"] = _("The code %(code)s is already used by %(unit)s.") % {
                "code": code,
                "unit": clash.name,
            }
    if not name:
        errors["name"] = _("A unit needs a name.")
    if kind not in OrgUnitKind.values:
        errors["kind"] = _("Unknown kind of unit: %(kind)s.") % {"kind": kind}
    if parent is not None and valid_from is not None and not parent.existed_on(valid_from):
        errors["parent"] = _("%(unit)s did not exist on %(date)s.") % {
            "unit": parent.name,
            "date": _fmt(valid_from),
        }
    if errors:
        raise ValidationError(errors)


def _create(*, code, name, kind, parent, valid_from, short_name, event) -> OrgUnit:
    code, name, short_name = _clean(code), _clean(name), _clean(short_name)
    _validate_new(code, name, kind, parent, valid_from)
    unit = OrgUnit(
        code=code,
        name=name,
        short_name=short_name,
        kind=kind,
        admin_level=_level_for(kind, parent),
        parent=parent,
        valid_from=valid_from,
        search_text=unit_search_text(name, short_name, code),
        depth=parent.depth + 1 if parent else 0,
    )
    unit.territory = None if unit.is_territorial else (parent.territory if parent else None)
    unit.full_clean(exclude=["path", "territory", "parent"])
    unit.save()
    unit.path = f"{parent.path if parent else '/'}{unit.pk}/"
    fields = ["path"]
    if unit.is_territorial:
        unit.territory = unit
        fields.append("territory")
    unit.save(update_fields=fields)
    OrgUnitVersion.objects.create(
        unit=unit, name=name, kind=kind, parent=parent, valid_from=valid_from, event=event
    )
    return unit


@transaction.atomic
def unit_create(
    *,
    code: str,
    name: str,
    kind: str,
    parent: OrgUnit | None = None,
    valid_from: dt.date | None = None,
    short_name: str = "",
    decision: Decision | None = None,
) -> OrgUnit:
    """Create a unit with its derived fields and first version; a decision also records its establishment."""
    event = None
    if decision is not None:
        event = RestructuringEvent.objects.create(
            kind=RestructuringKind.ESTABLISH,
            date=valid_from or decision.effective_date or decision.date,
            decision=decision,
            details={"code": _clean(code), "name": _clean(name), "parent": _describe(parent)},
        )
    unit = _create(
        code=code,
        name=name,
        kind=kind,
        parent=parent,
        valid_from=valid_from,
        short_name=short_name,
        event=event,
    )
    if event is not None:
        event.targets.add(unit)
    return unit


def _insert_units(units: list[OrgUnit]) -> None:
    """Insert new units in bulk (parents saved first), then derive path, depth and locality; open versions.

    `depth`, `admin_level`, `search_text` and (for bodies) `territory` must be set by the caller.
    """
    if not units:
        return
    OrgUnit.objects.bulk_create(units, batch_size=_BATCH)
    parent = OrgUnit.objects.filter(pk=OuterRef("parent_id"))
    path = Concat(
        Coalesce(Subquery(parent.values("path")[:1]), Value("/")),
        Cast("pk", output_field=CharField()),
        Value("/"),
        output_field=CharField(),
    )
    pks = [u.pk for u in units]
    for chunk in _chunks(pks):
        OrgUnit.objects.filter(pk__in=chunk).update(path=path)
    territorial = [u.pk for u in units if u.kind in TERRITORIAL_KINDS]
    for chunk in _chunks(territorial):
        OrgUnit.objects.filter(pk__in=chunk).update(territory_id=F("pk"))
    for unit in units:
        unit.path = f"{unit.parent.path if unit.parent_id else '/'}{unit.pk}/"
        if unit.kind in TERRITORIAL_KINDS:
            unit.territory_id = unit.pk
    # First versions are copied in SQL: building thousands of model instances costs more than the insert.
    version = OrgUnitVersion._meta
    for chunk in _chunks(pks):
        _insert_select(
            version.db_table,
            [version.get_field(f).column for f in ("unit", "name", "kind", "parent", "valid_from")],
            "id, name, kind, parent_id, valid_from",
            chunk,
        )


def _insert_select(table: str, columns: list[str], select: str, ids: Sequence[int], params=()) -> int:
    """INSERT INTO table (columns) SELECT <select> FROM the units with these ids; returns the row count."""
    qn = connection.ops.quote_name
    sql = (
        f"INSERT INTO {qn(table)} ({', '.join(qn(c) for c in columns)}) "
        f"SELECT {select} FROM {qn(OrgUnit._meta.db_table)} WHERE id IN ({', '.join(['%s'] * len(ids))})"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *ids])
        return cursor.rowcount


def _existing_codes(codes: Iterable[str]) -> set[str]:
    found: set[str] = set()
    for chunk in _chunks(list(codes)):
        found.update(OrgUnit.objects.filter(code__in=chunk).values_list("code", flat=True))
    return found


# -- moving and ending units --------------------------------------------------------------------------------


def _check_move(unit: OrgUnit, new_parent: OrgUnit | None, day: dt.date) -> None:
    _check_exists_on(unit, day)
    if new_parent is None:
        return
    if new_parent.path.startswith(unit.path):
        raise ValidationError(
            {
                "parent": _("%(unit)s cannot be moved under itself or one of its own units.")
                % {"unit": unit.name}
            }
        )
    _check_exists_on(new_parent, day, field="parent")


def _move(unit: OrgUnit, new_parent: OrgUnit | None, day: dt.date, event: RestructuringEvent) -> None:
    """Give `unit` a new parent from `day` on; its whole subtree follows in two UPDATE statements."""
    _check_move(unit, new_parent, day)
    _change_version(unit, day, event, parent=new_parent)
    old_prefix = unit.path
    new_prefix = f"{new_parent.path if new_parent else '/'}{unit.pk}/"
    new_depth = new_parent.depth + 1 if new_parent else 0
    delta = new_depth - unit.depth
    OrgUnit.objects.filter(path__startswith=old_prefix).update(
        path=Concat(Value(new_prefix), Substr("path", len(old_prefix) + 1), output_field=CharField()),
        depth=F("depth") + delta,
    )
    if not unit.is_territorial:
        # A body moves to another locality: so do the bodies under it that belonged to the old one.
        old_territory_id = unit.territory_id
        new_territory_id = new_parent.territory_id if new_parent else None
        new_level = new_parent.admin_level if new_parent else AdminLevel.CENTRAL
        same_locality = (
            Q(territory__isnull=True) if old_territory_id is None else Q(territory_id=old_territory_id)
        )
        OrgUnit.objects.filter(path__startswith=new_prefix).filter(same_locality).exclude(
            kind__in=TERRITORIAL_KINDS
        ).update(territory_id=new_territory_id, admin_level=new_level)
        unit.territory_id, unit.admin_level = new_territory_id, new_level
    unit.parent = new_parent
    unit.path, unit.depth = new_prefix, new_depth
    unit.save(update_fields=["parent"])


def _end_units(units: Sequence[OrgUnit], day: dt.date) -> None:
    """End units on `day`: their last version and their open positions end that day too."""
    for unit in units:
        _check_can_end(unit, day)
    ids = [u.pk for u in units]
    later = OrgUnitVersion.objects.filter(unit_id__in=ids, valid_from__gte=day).select_related("unit").first()
    if later is not None:
        raise ValidationError(
            {
                "date": _("%(unit)s already has a change recorded on %(date)s; record changes in date order.")
                % {"unit": later.unit.name, "date": _fmt(later.valid_from)}
            }
        )
    _ensure_versions(ids)
    for chunk in _chunks(ids):
        OrgUnitVersion.objects.filter(unit_id__in=chunk).filter(_alive_after(day)).update(valid_to=day)
        OrgUnit.objects.filter(pk__in=chunk).update(valid_to=day)
        Position.objects.filter(unit_id__in=chunk).filter(_alive_after(day)).update(valid_to=day)
    for unit in units:
        unit.valid_to = day


def _bodies_ending_with(
    units: Sequence[OrgUnit], day: dt.date, keep: Iterable[OrgUnit] = ()
) -> list[OrgUnit]:
    """Units under `units` still there after `day`, which must end with them (all of them bodies).

    A territorial unit cannot silently disappear with its parent: the caller must move or end it first.
    """
    keep_paths = [u.path for u in keep]
    ending_ids = {u.pk for u in units}
    found: list[OrgUnit] = []
    for unit in units:
        under = OrgUnit.objects.subtree(unit).exclude(pk__in=ending_ids).filter(_alive_after(day))
        for other in under:
            if any(other.path.startswith(p) for p in keep_paths):
                continue
            found.append(other)
    territorial = [u for u in found if u.is_territorial]
    if territorial:
        raise ValidationError(
            {
                "date": _(
                    "%(unit)s still has units under it after %(date)s: %(names)s. Move or end them first."
                )
                % {
                    "unit": units[0].name if len(units) == 1 else ", ".join(u.name for u in units),
                    "date": _fmt(day),
                    "names": ", ".join(u.name for u in territorial[:10])
                    + ("…" if len(territorial) > 10 else ""),
                }
            }
        )
    return found


def _live_children(unit: OrgUnit, day: dt.date, exclude_ids: Iterable[int] = ()) -> list[OrgUnit]:
    return list(
        OrgUnit.objects.filter(parent=unit).filter(_alive_after(day)).exclude(pk__in=list(exclude_ids))
    )


# -- restructuring ------------------------------------------------------------------------------------------


@transaction.atomic
def unit_rename(
    unit: OrgUnit,
    *,
    new_name: str,
    date: dt.date,
    decision: Decision | None = None,
    short_name: str | None = None,
) -> OrgUnit:
    """Rename from `date` on; the old name stays on the version that ends that day."""
    unit.refresh_from_db()
    new_name = _clean(new_name)
    if not new_name:
        raise ValidationError({"name": _("A unit needs a name.")})
    _check_exists_on(unit, date)
    short_name = unit.short_name if short_name is None else _clean(short_name)
    if new_name == unit.name and short_name == unit.short_name:
        raise ValidationError({"name": _("%(unit)s already has that name.") % {"unit": unit.name}})
    event = _record(
        RestructuringKind.RENAME,
        date,
        decision,
        [unit],
        [unit],
        {"unit": _describe(unit), "old_name": unit.name, "new_name": new_name},
    )
    _change_version(unit, date, event, name=new_name)
    unit.name, unit.short_name = new_name, short_name
    unit.search_text = unit_search_text(unit.name, unit.short_name, unit.code)
    unit.full_clean(exclude=["path", "territory", "parent"])
    unit.save(update_fields=["name", "short_name", "search_text"])
    return unit


@transaction.atomic
def unit_reparent(
    unit: OrgUnit, *, new_parent: OrgUnit | None, date: dt.date, decision: Decision | None = None
) -> OrgUnit:
    """Move a unit (and its subtree) under `new_parent` from `date` on."""
    unit.refresh_from_db()
    if new_parent is not None:
        new_parent.refresh_from_db()
    if (new_parent.pk if new_parent else None) == unit.parent_id:
        raise ValidationError(
            {
                "parent": _("%(unit)s is already under %(parent)s.")
                % {"unit": unit.name, "parent": new_parent or "—"}
            }
        )
    _check_move(unit, new_parent, date)
    old_parent = unit.parent
    event = _record(
        RestructuringKind.REPARENT,
        date,
        decision,
        [unit],
        [unit],
        {"unit": _describe(unit), "old_parent": _describe(old_parent), "new_parent": _describe(new_parent)},
    )
    _move(unit, new_parent, date, event)
    return unit


@transaction.atomic
def units_merge(
    sources: Sequence[OrgUnit],
    *,
    into: OrgUnit | None = None,
    new_code: str | None = None,
    new_name: str | None = None,
    kind: str | None = None,
    parent: OrgUnit | None = None,
    date: dt.date,
    decision: Decision | None = None,
) -> OrgUnit:
    """Merge `sources` into `into`, or into a new unit (`new_code`, `new_name`) starting on `date`.

    Sources other than `into` end on `date`; their children still there move under the target that day and
    their open positions close (assignments are the caller's business). Without `parent`, a new unit goes
    under the first source's parent; with `into`, `new_name`, `kind` and `parent` change it from `date` on.
    """
    sources = list({u.pk: u for u in sources}.values())
    for unit in sources:
        unit.refresh_from_db()
    if into is not None:
        into.refresh_from_db()
    if parent is not None:
        parent.refresh_from_db()
    ending = [u for u in sources if into is None or u.pk != into.pk]
    if len(ending) + (1 if into is not None else 0) < 2:
        raise ValidationError(_("A merger needs at least two units."))
    if into is not None and new_code:
        raise ValidationError({"code": _("A new code cannot be given when merging into an existing unit.")})
    if into is None and not (_clean(new_code) and _clean(new_name)):
        raise ValidationError(
            _("Give either an existing unit to merge into, or the code and name of a new one.")
        )
    for unit in ending:
        _check_can_end(unit, date)
    for unit in ending:
        for other in (into, parent):
            if other is not None and other.path.startswith(unit.path):
                raise ValidationError(
                    {
                        "parent": _("%(unit)s cannot be moved under itself or one of its own units.")
                        % {"unit": other.name}
                    }
                )
    ending_ids = {u.pk for u in ending}
    children = [c for u in ending for c in _live_children(u, date, exclude_ids=ending_ids)]
    if into is not None:
        _check_exists_on(into, date, field="into")

    event = _record(RestructuringKind.MERGE, date, decision, sources, [], {})
    created = into is None
    if created:
        target = _create(
            code=new_code,
            name=new_name,
            kind=kind or ending[0].kind,
            parent=parent if parent is not None else ending[0].parent,
            valid_from=date,
            short_name="",
            event=event,
        )
    else:
        target = into
        old_name = target.name
        if new_name and _clean(new_name) != target.name:
            target.name = _clean(new_name)
            target.search_text = unit_search_text(target.name, target.short_name, target.code)
            _change_version(target, date, event, name=target.name)
        if kind and kind != target.kind:
            target.kind = kind
            target.admin_level = _level_for(kind, target.parent)
            _change_version(target, date, event, kind=kind)
        target.save(update_fields=["name", "search_text", "kind", "admin_level"])
        if parent is not None and parent.pk != target.parent_id:
            _move(target, parent, date, event)
        if old_name != target.name:
            event.details["old_name"] = old_name
    for child in children:
        _move(child, target, date, event)
    _end_units(ending, date)
    event.targets.add(target)
    event.details.update(
        {
            "sources": [_describe(u) for u in sources],
            "target": _describe(target),
            "created": created,
            "moved_children": [c.pk for c in children],
        }
    )
    event.save(update_fields=["details"])
    return target


@transaction.atomic
def unit_split(
    source: OrgUnit,
    *,
    parts: Sequence[dict],
    date: dt.date,
    decision: Decision | None = None,
    end_source: bool = True,
) -> list[OrgUnit]:
    """Split `source` into new units starting on `date`.

    Each part is a dict with `code`, `name` and optionally `kind` (default: the source's), `parent` (default:
    the source's parent), `short_name` and `children` (units under the source that move to this part).
    With `end_source`, the source ends on `date` with the bodies still under it; a territorial unit left
    under it must be given to a part.
    """
    source.refresh_from_db()
    parts = list(parts)
    if len(parts) < (2 if end_source else 1):
        raise ValidationError(_("A split needs at least two parts."))
    codes = [_clean(p.get("code")) for p in parts]
    for code in codes:
        if codes.count(code) > 1:
            raise ValidationError({"code": _("Two parts have the code %(code)s.") % {"code": code}})
    (_check_can_end if end_source else _check_exists_on)(source, date)
    moving: dict[int, OrgUnit] = {}
    for part in parts:
        for child in part.get("children", ()):
            child.refresh_from_db()
            if child.parent_id != source.pk:
                raise ValidationError(
                    {
                        "children": _("%(unit)s is not under %(parent)s.")
                        % {"unit": child.name, "parent": source.name}
                    }
                )
            moving[child.pk] = child
    staying: list[OrgUnit] = []
    if end_source:
        staying = _bodies_ending_with([source], date, keep=moving.values())

    event = _record(RestructuringKind.SPLIT, date, decision, [source], [], {})
    created = []
    for part in parts:
        unit = _create(
            code=part.get("code"),
            name=part.get("name"),
            kind=part.get("kind") or source.kind,
            parent=part.get("parent", source.parent),
            valid_from=date,
            short_name=part.get("short_name", ""),
            event=event,
        )
        created.append(unit)
        for child in part.get("children", ()):
            _move(child, unit, date, event)
    if end_source:
        _end_units([source, *staying], date)
    event.targets.set([u.pk for u in created])
    event.details = {
        "source": _describe(source),
        "parts": [_describe(u) for u in created],
        "source_ended": end_source,
        "moved_children": list(moving),
        "ended_bodies": [u.pk for u in staying],
    }
    event.save(update_fields=["details"])
    return created


@transaction.atomic
def unit_abolish(
    unit: OrgUnit,
    *,
    date: dt.date,
    decision: Decision | None = None,
    reparent_children_to: OrgUnit | None = None,
) -> OrgUnit:
    """End a unit on `date`, and its open positions with it.

    With `reparent_children_to`, the units under it move there that day. Without, the bodies under it end
    too, and a territorial unit still under it is an error (move or end it first).
    """
    unit.refresh_from_db()
    _check_can_end(unit, date)
    children = _live_children(unit, date)
    ending_bodies: list[OrgUnit] = []
    if reparent_children_to is not None:
        reparent_children_to.refresh_from_db()
        _check_move(unit, reparent_children_to, date)  # the new parent must exist and lie outside this unit
    else:
        ending_bodies = _bodies_ending_with([unit], date)
    event = _record(
        RestructuringKind.ABOLISH,
        date,
        decision,
        [unit],
        [reparent_children_to] if reparent_children_to is not None else [],
        {
            "unit": _describe(unit),
            "children_moved_to": _describe(reparent_children_to),
            "moved_children": [c.pk for c in children] if reparent_children_to is not None else [],
            "ended_bodies": [u.pk for u in ending_bodies],
        },
    )
    if reparent_children_to is not None:
        for child in children:
            _move(child, reparent_children_to, date, event)
    _end_units([unit, *ending_bodies], date)
    return unit


# -- standard bodies ----------------------------------------------------------------------------------------


def _division_word(territory: OrgUnit) -> tuple[str, str]:
    """('xã', 'Kỳ Nam') from 'Xã Kỳ Nam'; the kind gives the word when the name lacks it."""
    lowered = territory.name.lower()
    for word in _DIVISION_WORDS:
        if lowered.startswith(word + " "):
            return word, territory.name[len(word) + 1 :]
    return _KIND_WORD.get(territory.kind, ""), territory.name


def _body_name(template: str, territory: OrgUnit) -> str:
    word, bare = _division_word(territory)
    if _NAMED_COMMITTEE.match(template) and word in _PARTY_COMMITTEE_WORD:
        # "Thành ủy Hà Nội", "Quận ủy Ba Đình": the committee is named after the kind of locality.
        return f"{_PARTY_COMMITTEE_WORD[word]} {bare}"
    return template.format(name=f"{word} {bare}".strip())


def _department_code(name: str) -> str:
    # Initials, acronyms kept whole: "Sở Giáo dục và Đào tạo" -> "SGDDT", "Văn phòng UBND tỉnh" -> "VPUBNDT".
    letters = []
    for word in name.replace(",", " ").split():
        if word == "và":
            continue
        letters.append(fold(word).upper() if word.isupper() and len(word) > 1 else fold(word)[:1].upper())
    return "".join(letters)


def _department_codes() -> list[tuple[str, str]]:
    seen: set[str] = set()
    out = []
    for index, name in enumerate(reference.PROVINCE_DEPARTMENTS, 1):
        code = _department_code(name)
        if code in seen:
            code = f"{code}{index}"
        seen.add(code)
        out.append((code, name))
    return out


DEPARTMENTS = _department_codes()


def _department_name(name: str, territory: OrgUnit) -> str:
    word, _bare = _division_word(territory)
    if word and word != "tỉnh" and name.endswith(" tỉnh"):
        return f"{name[: -len('tỉnh')]}{word}"
    return name


def _plan_body(code, name, kind, parent: OrgUnit, territory: OrgUnit, valid_from) -> OrgUnit:
    return OrgUnit(
        code=code,
        name=name,
        kind=kind,
        admin_level=territory.admin_level,
        parent=parent,
        territory=territory,
        depth=parent.depth + 1,
        valid_from=valid_from,
        search_text=unit_search_text(name, "", code),
    )


def _create_bodies(territories: Sequence[OrgUnit], valid_from) -> tuple[list[OrgUnit], int]:
    """Create the bodies in bulk; return them and the number of positions created."""
    for territory in territories:
        if territory.kind not in BODY_LEVEL:
            raise ValidationError(
                _(
                    "Standard bodies can only be created for a province, district or commune, "
                    "not for %(unit)s."
                )
                % {"unit": territory.name}
            )
    titles = Title.objects.in_bulk(field_name="code")

    def title_id(code):
        if code not in titles:
            raise ValidationError(
                _("The title %(code)s is missing from the catalogue; load the default titles first.")
                % {"code": code}
            )
        return titles[code].pk

    bodies, departments, seats = [], [], {}  # seats: body code -> [(title code, seats)]
    planned_codes = []
    for territory in territories:
        for kind, template, positions in reference.STANDARD_BODIES[BODY_LEVEL[territory.kind]]:
            code = f"{territory.code}-{BODY_SUFFIX[kind]}"
            planned_codes.append(code)
            bodies.append(
                (
                    _plan_body(code, _body_name(template, territory), kind, territory, territory, valid_from),
                    positions,
                )
            )
        if BODY_LEVEL[territory.kind] == "province":
            planned_codes.extend(f"{territory.code}-{code}" for code, _name in DEPARTMENTS)
    existing = _existing_codes(planned_codes)

    new_bodies = [body for body, _p in bodies if body.code not in existing]
    for body, positions in bodies:
        seats[body.code] = positions
    _insert_units(new_bodies)

    committees = {b.territory_id: b for b in new_bodies if b.kind == OrgUnitKind.PEOPLES_COMMITTEE}
    missing_committees = [
        t for t in territories if BODY_LEVEL[t.kind] == "province" and t.pk not in committees
    ]
    if missing_committees:
        # Departments go under the People's Committee even when it was made by an earlier run.
        codes = {f"{t.code}-{BODY_SUFFIX[OrgUnitKind.PEOPLES_COMMITTEE]}": t for t in missing_committees}
        for committee in OrgUnit.objects.filter(code__in=list(codes)):
            committees[codes[committee.code].pk] = committee
    for territory in territories:
        committee = committees.get(territory.pk)
        if BODY_LEVEL[territory.kind] != "province" or committee is None:
            continue
        for suffix, name in DEPARTMENTS:
            code = f"{territory.code}-{suffix}"
            if code in existing:
                continue
            departments.append(
                _plan_body(
                    code,
                    _department_name(name, territory),
                    OrgUnitKind.DEPARTMENT,
                    committee,
                    territory,
                    valid_from,
                )
            )
            seats[code] = reference.DEPARTMENT_POSITIONS
    _insert_units(departments)

    created = new_bodies + departments
    # Bodies of one kind and level share their positions: one INSERT ... SELECT per title and group of bodies.
    groups: dict[tuple, list[int]] = {}
    for body in created:
        groups.setdefault(tuple(seats[body.code]), []).append(body.pk)
    position = Position._meta
    columns = [position.get_field(f).column for f in ("unit", "title", "seats", "valid_from")]
    count = 0
    for template, ids in groups.items():
        for title_code, number in template:
            for chunk in _chunks(ids):
                count += _insert_select(
                    position.db_table,
                    columns,
                    "id, %s, %s, %s",
                    chunk,
                    (title_id(title_code), number, valid_from),
                )
    return created, count


@transaction.atomic
def create_standard_bodies_bulk(
    territories: Iterable[OrgUnit], valid_from: dt.date | None = None
) -> list[Position]:
    """Create the standard bodies (party committee, People's Council and Committee, Fatherland Front...) of
    many localities at once, with their positions; for a province, also the departments of its People's
    Committee. Bodies whose code exists are skipped, so running it again creates nothing."""
    bodies, _count = _create_bodies(list(territories), valid_from)
    positions: list[Position] = []
    for chunk in _chunks([b.pk for b in bodies]):
        positions.extend(Position.objects.filter(unit_id__in=chunk).select_related("title"))
    return positions


def create_standard_bodies(territory: OrgUnit, *, valid_from: dt.date | None = None) -> list[Position]:
    """The standard bodies and positions of one locality; see create_standard_bodies_bulk."""
    return create_standard_bodies_bulk([territory], valid_from=valid_from)


# -- administrative divisions -------------------------------------------------------------------------------


def _divisions_data() -> list[dict]:
    import vietnam_provinces

    return json.loads(vietnam_provinces.NESTED_DIVISIONS_JSON_PATH.read_text(encoding="utf-8"))


def _province_code(code) -> str:
    return f"{int(code):02d}"


def _commune_code(code) -> str:
    return f"{int(code):05d}"


@transaction.atomic
def load_divisions(province_codes: list[str] | None = None, *, with_bodies: bool = False) -> dict:
    """Load the 34 provinces and 3,321 communes in force since 1 July 2025 from `vietnam_provinces`.

    Codes are the official ones, zero-padded ("31", "11311"). Running it again creates nothing: units are
    matched by code, and a name that differs is corrected in place (the package only knows current names, so
    this is a correction, not a dated rename). With `with_bodies`, every locality gets its standard bodies.
    """
    data = _divisions_data()
    if province_codes:
        try:
            wanted = {_province_code(c) for c in province_codes}
        except ValueError as exc:
            raise ValidationError(
                _("Unknown province code: %(codes)s.") % {"codes": ", ".join(map(str, province_codes))}
            ) from exc
        unknown = wanted - {_province_code(p["code"]) for p in data}
        if unknown:
            raise ValidationError(
                _("Unknown province code: %(codes)s.") % {"codes": ", ".join(sorted(unknown))}
            )
        data = [p for p in data if _province_code(p["code"]) in wanted]

    codes = [_province_code(p["code"]) for p in data]
    codes += [_commune_code(w["code"]) for p in data for w in p["wards"]]
    existing: dict[str, OrgUnit] = {}
    for chunk in _chunks(codes):
        existing.update((u.code, u) for u in OrgUnit.objects.filter(code__in=chunk))

    corrected: list[OrgUnit] = []

    def plan(code, name, kind, parent):
        unit = existing.get(code)
        if unit is not None:
            if unit.name != name:
                unit.name = name
                unit.search_text = unit_search_text(name, unit.short_name, code)
                corrected.append(unit)
            return unit, False
        unit = OrgUnit(
            code=code,
            name=name,
            kind=kind,
            admin_level=KIND_LEVEL[kind],
            parent=parent,
            depth=parent.depth + 1 if parent else 0,
            valid_from=DIVISIONS_VALID_FROM,
            search_text=unit_search_text(name, "", code),
        )
        return unit, True

    provinces, new_provinces = [], []
    for p in data:
        unit, new = plan(
            _province_code(p["code"]), p["name"], PROVINCE_DIVISION_KINDS[p["division_type"]], None
        )
        provinces.append(unit)
        if new:
            new_provinces.append(unit)
    _insert_units(new_provinces)

    communes, new_communes = [], []
    for p, province in zip(data, provinces, strict=True):
        for w in p["wards"]:
            unit, new = plan(
                _commune_code(w["code"]), w["name"], COMMUNE_DIVISION_KINDS[w["division_type"]], province
            )
            communes.append(unit)
            if new:
                new_communes.append(unit)
    _insert_units(new_communes)

    if corrected:
        OrgUnit.objects.bulk_update(corrected, ["name", "search_text"], batch_size=_BATCH)
        for unit in corrected:
            unit.versions.filter(valid_to__isnull=True).update(name=unit.name)

    bodies, positions = [], 0
    if with_bodies:
        bodies, positions = _create_bodies(provinces + communes, DIVISIONS_VALID_FROM)
    return {
        "provinces": len(provinces),
        "communes": len(communes),
        "created": len(new_provinces) + len(new_communes),
        "updated": len(corrected),
        "bodies": len(bodies),
        "positions": positions,
    }
