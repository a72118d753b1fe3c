"""ORM adapters: the engine's facts from the models, in a fixed number of queries however many people.

`load_people` reads a cadre queryset (already restricted to the user's scope) with their posts, relatives,
discipline and training, each kind in one query; `load_target` and `load_context` read the target post and
the holders of the posts around it. Evaluations and planning live in their own apps, which plug in with
`register_source` when they load (`canbo.evaluation` gives the finalized yearly levels); without a source,
every person has no such data (None), which the rules answer with a warning rather than a failure.
"""

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable

from django.db.models import Q, QuerySet

from canbo.careers.models import Assignment
from canbo.organizations.models import OrgUnit, Position, RestructuringEvent, RestructuringKind
from canbo.organizations.models import Title as TitleModel
from canbo.organizations.paths import path_ids
from canbo.people.models import Discipline, FamilyRelation, RelationKind, TrainingRecord

from .engine import (
    Context,
    DisciplineRecord,
    HeldPost,
    Holding,
    Kin,
    Person,
    Post,
    Title,
    Training,
    Unit,
    leadership,
)

# What the relative's record says, seen from the other side: if A lists B as father, B has A as a child.
INVERSE = {
    RelationKind.SPOUSE: "spouse",
    RelationKind.FATHER: "child",
    RelationKind.MOTHER: "child",
    RelationKind.FATHER_IN_LAW: "child_in_law",
    RelationKind.MOTHER_IN_LAW: "child_in_law",
    RelationKind.CHILD: "parent",
    RelationKind.SIBLING: "sibling",
    RelationKind.SIBLING_IN_LAW: "sibling_in_law",
}
# Restructurings after which a unit lives on in another one (its hometown people are local there too).
SUCCESSION_KINDS = (RestructuringKind.MERGE, RestructuringKind.SPLIT)

# A source answers, for a subquery of cadre ids, their records by cadre id: {year: grade} for evaluations,
# a tuple of PlanningEntry for planning. Cadres it does not mention have none.
Source = Callable[[QuerySet], dict]
_SOURCES: dict[str, Source] = {}


def register_source(kind: str, source: Source) -> None:
    """Plug in where evaluations ("evaluations") or planning ("planning") come from."""
    if kind not in ("evaluations", "planning"):
        raise ValueError(f"unknown source {kind!r}")
    _SOURCES[kind] = source


def unregister_source(kind: str) -> None:
    _SOURCES.pop(kind, None)


def _titles() -> dict[int, Title]:
    # The engine's Title has the catalogue's own field names: read exactly those.
    names = [field.name for field in dataclasses.fields(Title)]
    return {row.pop("id"): Title(**row) for row in TitleModel.objects.values("id", *names)}


def _units(ids: Iterable[int], titles: dict[int, Title], day: dt.date) -> dict[int, Unit]:
    """Units with their locality and the head and deputy titles of their positions open on `day`."""
    ids = sorted(set(ids))
    if not ids:
        return {}
    unit_titles: dict[int, list[Title]] = defaultdict(list)
    positions = Position.objects.filter(unit_id__in=ids).as_of(day)
    for unit_id, title_id in positions.values_list("unit_id", "title_id"):
        unit_titles[unit_id].append(titles[title_id])
    units = {}
    rows = OrgUnit.objects.filter(pk__in=ids).values(
        "id", "code", "name", "path", "kind", "admin_level", "territory_id", "territory__name"
    )
    for row in rows:
        heads, deputies = leadership(unit_titles[row["id"]])
        units[row["id"]] = Unit(
            id=row["id"],
            name=row["name"],
            code=row["code"],
            path=row["path"],
            kind=row["kind"],
            admin_level=row["admin_level"],
            territory_id=row["territory_id"],
            territory_name=row["territory__name"] or "",
            head_titles=heads,
            deputy_titles=deputies,
        )
    return units


def load_target(position: Position, day: dt.date) -> Post:
    titles = _titles()
    units = _units([position.unit_id], titles, day)
    return Post(unit=units[position.unit_id], title=titles[position.title_id], position_id=position.pk)


def load_context(target: Post, day: dt.date) -> Context:
    """Who holds, on `day`, a post in the target's locality (or unit, without a locality): the posts the
    kinship rule compares with the target."""
    held = Assignment.objects.on(day)
    if target.unit.territory_id is None:
        held = held.filter(position__unit_id=target.unit.id)
    else:
        held = held.filter(position__unit__territory_id=target.unit.territory_id)
    rows = list(
        held.values("cadre_id", "cadre__full_name", "position_id", "position__unit_id", "position__title_id")
    )
    titles = _titles()
    units = _units((r["position__unit_id"] for r in rows), titles, day)
    return Context(
        holders=tuple(
            HeldPost(
                person_id=r["cadre_id"],
                person_name=r["cadre__full_name"],
                post=Post(units[r["position__unit_id"]], titles[r["position__title_id"]], r["position_id"]),
            )
            for r in rows
        )
    )


def _successors() -> dict[int, set[int]]:
    """Unit id -> the units it went into by merges and splits, followed to the latest ones."""
    direct: dict[int, set[int]] = defaultdict(set)
    pairs = RestructuringEvent.objects.filter(kind__in=SUCCESSION_KINDS).values_list("sources", "targets")
    for source, target in pairs:
        if source is not None and target is not None and source != target:
            direct[source].add(target)
    closed: dict[int, set[int]] = {}
    for start in direct:
        seen, todo = set(), list(direct[start])
        while todo:
            unit = todo.pop()
            if unit not in seen:
                seen.add(unit)
                todo.extend(direct.get(unit, ()))
        closed[start] = seen
    return closed


def _place_ids(unit_id: int | None, paths: dict[int, str], successors: dict[int, set[int]]) -> frozenset[int]:
    """The unit, its ancestors, and the units it was merged or split into with their ancestors."""
    if unit_id is None or unit_id not in paths:
        return frozenset()
    ids = set(path_ids(paths[unit_id]))
    for later in successors.get(unit_id, ()):
        ids.update(path_ids(paths[later]))
    return frozenset(ids)


def load_people(cadres: QuerySet, day: dt.date, records: bool = True) -> list[Person]:
    """Every cadre of the queryset as a Person, in the queryset's order.

    Without `records`, only identity, places and posts: what the due lists read of thousands of heads, for
    whom family, discipline, training, evaluations and planning took most of the time.
    """
    rows = list(
        cadres.values(
            "id",
            "code",
            "full_name",
            "gender",
            "birth_date",
            "birth_year_only",
            "hometown_id",
            "hometown__name",
            "hometown_text",
            "residence_unit_id",
            "residence_unit__name",
            "ethnicity__is_minority",
            "education",
            "political_theory",
            "state_management",
        )
    )
    ids = cadres.order_by().values("pk")
    titles = _titles()
    assignments = list(
        Assignment.objects.filter(cadre_id__in=ids)
        .order_by("cadre_id", "start_date", "pk")
        .values(
            "cadre_id",
            "position_id",
            "position__unit_id",
            "position__title_id",
            "start_date",
            "end_date",
            "planned_end_date",
            "action",
            "is_concurrent",
            "is_acting",
        )
    )
    successors = _successors()
    places = {r["hometown_id"] for r in rows} | {r["residence_unit_id"] for r in rows}
    places.discard(None)
    later = set().union(*(successors.get(p, set()) for p in places)) if places else set()
    unit_ids = {a["position__unit_id"] for a in assignments}
    units = _units(unit_ids, titles, day)
    paths = dict(OrgUnit.objects.filter(pk__in=sorted(places | later)).values_list("id", "path"))

    posts: dict[int, list[Holding]] = defaultdict(list)
    for a in assignments:
        posts[a["cadre_id"]].append(
            Holding(
                post=Post(units[a["position__unit_id"]], titles[a["position__title_id"]], a["position_id"]),
                start=a["start_date"],
                end=a["end_date"],
                planned_end=a["planned_end_date"],
                action=a["action"],
                is_concurrent=a["is_concurrent"],
                is_acting=a["is_acting"],
            )
        )
    disciplines: dict[int, list[DisciplineRecord]] = defaultdict(list)
    trainings: dict[int, list[Training]] = defaultdict(list)
    kin: dict[int, list[Kin]] = defaultdict(list)
    evaluations = planning = None
    if records:
        for cadre_id, kind, date in Discipline.objects.filter(cadre_id__in=ids).values_list(
            "cadre_id", "kind", "date"
        ):
            disciplines[cadre_id].append(DisciplineRecord(kind, date))
        for cadre_id, field, qualification, start, end in TrainingRecord.objects.filter(
            cadre_id__in=ids
        ).values_list("cadre_id", "field", "qualification", "start_date", "end_date"):
            trainings[cadre_id].append(Training(qualification or field, start, end))
        kin = _kin(ids)
        sources = {kind: source(ids) for kind, source in _SOURCES.items()}
        evaluations = sources.get("evaluations")
        planning = sources.get("planning")

    return [
        Person(
            id=r["id"],
            code=r["code"],
            name=r["full_name"],
            gender=r["gender"],
            birth_date=r["birth_date"],
            birth_year_only=r["birth_year_only"],
            hometown_name=r["hometown__name"] or r["hometown_text"],
            hometown_ids=_place_ids(r["hometown_id"], paths, successors),
            residence_name=r["residence_unit__name"] or "",
            residence_ids=_place_ids(r["residence_unit_id"], paths, successors),
            ethnic_minority=bool(r["ethnicity__is_minority"]),
            degree=r["education"],
            political_theory=r["political_theory"],
            state_management=r["state_management"],
            disciplines=tuple(disciplines[r["id"]]),
            evaluations=None if evaluations is None else evaluations.get(r["id"], {}),
            planning=None if planning is None else tuple(planning.get(r["id"], ())),
            kin=tuple(kin[r["id"]]),
            posts=tuple(posts[r["id"]]),
            trainings=tuple(trainings[r["id"]]),
        )
        for r in rows
    ]


def _kin(ids: QuerySet) -> dict[int, list[Kin]]:
    """Relatives of each cadre, from their own declarations and from those of relatives who are cadres."""
    # Keyed by relation and relative (the cadre's id when there is one) so that a pair declared on both
    # sides counts once.
    found: dict[int, dict[tuple, Kin]] = defaultdict(dict)
    rows = FamilyRelation.objects.filter(Q(cadre_id__in=ids) | Q(related_cadre_id__in=ids)).values_list(
        "cadre_id", "cadre__full_name", "kind", "full_name", "related_cadre_id"
    )
    for cadre_id, cadre_name, kind, name, related_id in rows:
        found[cadre_id].setdefault((kind, related_id or name), Kin(kind, name, related_id))
        if related_id is not None:
            inverse = INVERSE[kind]
            found[related_id].setdefault((inverse, cadre_id), Kin(inverse, cadre_name, cadre_id))
    kin: dict[int, list[Kin]] = defaultdict(list)
    kin.update((cadre_id, list(relatives.values())) for cadre_id, relatives in found.items())
    return kin
