"""Reads behind the reports: who was in post on a day, the structure of those people, their moves over a
period, and the policy indicators of a body.

Every read starts from the user's scope (`restrict`). The structure report is one aggregate query however
many cadres; moves and indicators read the few hundred rows they are about.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery

from canbo.careers.models import ActionKind, Assignment
from canbo.core.numbers import percent
from canbo.organizations.models import AdminLevel, OrgUnit, OrgUnitKind, Position
from canbo.people.filtersets import AGE_BANDS, age_range, born_before_age, young_age
from canbo.people.models import Cadre, Degree, Gender, PoliticalTheory
from canbo.planning import selectors as planning
from canbo.rules import adapters
from canbo.rules.engine import Context, Outcome, Proposal
from canbo.rules.selectors import active_ruleset

from .models import Indicator, StructureTarget


def scoped(model, user) -> QuerySet:
    """The model's rows the user may see; every row for the command line run without a user."""
    return model.objects.all() if user is None else model.objects.restrict(user)


class Scope:
    """Which cadres a structure report counts."""

    MANAGED_BY = "managed_by"  # cadres whose file the body keeps, in a post on the day
    UNIT = "unit"  # cadres in a post of the unit's subtree on the day
    COMMUNE_COMMITTEES = "commune_committees"  # members of the party committees of the communes under a unit

    ALL = (MANAGED_BY, UNIT, COMMUNE_COMMITTEES)


@dataclass(frozen=True)
class Population:
    scope: str
    unit: OrgUnit
    as_of: dt.date


def leaf(count: int, total: int) -> dict:
    return {"count": count, "percent": percent(count, total)}


def young_under_default(unit: OrgUnit) -> int:
    """The age under which a cadre counts as young, by the level of the unit: a setting per level, the
    cadre list's own threshold otherwise."""
    by_level = getattr(settings, "CANBO_YOUNG_UNDER_BY_LEVEL", {AdminLevel.CENTRAL: 45})
    return by_level.get(unit.admin_level, young_age())


def held_on(day: dt.date) -> QuerySet:
    return Assignment.objects.on(day)


def population_assignments(population: Population) -> QuerySet:
    """Assignments on the day that put a cadre into the population (all scopes but MANAGED_BY)."""
    held = held_on(population.as_of).filter(position__unit__path__startswith=population.unit.path)
    if population.scope == Scope.COMMUNE_COMMITTEES:
        held = held.filter(
            position__unit__kind=OrgUnitKind.PARTY_COMMITTEE, position__unit__admin_level=AdminLevel.COMMUNE
        )
    return held


def population_cadres(user, population: Population) -> QuerySet:
    cadres = scoped(Cadre, user)
    if population.scope == Scope.MANAGED_BY:
        in_post = held_on(population.as_of).filter(cadre_id=OuterRef("pk"))
        return cadres.filter(managed_by=population.unit).filter(Exists(in_post))
    return cadres.filter(pk__in=population_assignments(population).values("cadre_id"))


EDUCATION_KEYS = (Degree.COLLEGE, Degree.UNIVERSITY, Degree.MASTER, Degree.DOCTORATE)
THEORY_KEYS = (
    PoliticalTheory.NONE,
    PoliticalTheory.ELEMENTARY,
    PoliticalTheory.INTERMEDIATE,
    PoliticalTheory.ADVANCED,
    PoliticalTheory.BACHELOR,
)


def structure_conditions(day: dt.date, young_under: int) -> dict[str, Q]:
    """Each number of the structure report as a condition on cadres, keyed by its JSON path ("women",
    "education.master"); the report counts them and the drill-down lists them."""
    conditions = {
        "women": Q(gender=Gender.FEMALE),
        "young": Q(birth_date__gt=born_before_age(day, young_under)),
        "ethnic_minority": Q(ethnicity__is_minority=True),
    }
    for degree in EDUCATION_KEYS:
        conditions[f"education.{degree}"] = Q(education=degree)
    conditions["education.university_or_above"] = Q(
        education__in=[Degree.UNIVERSITY, Degree.MASTER, Degree.DOCTORATE]
    )
    for level in THEORY_KEYS:
        conditions[f"political_theory.{level}"] = Q(political_theory=level)
    for band, (low, high) in AGE_BANDS.items():
        conditions[f"age_bands.{band}"] = age_range(day, low, high)
    return conditions


def structure(user, population: Population, young_under: int | None = None) -> dict:
    """Counts and shares of the population, in one aggregate query."""
    young_under = young_under or young_under_default(population.unit)
    conditions = structure_conditions(population.as_of, young_under)
    names = {key: f"n{i}" for i, key in enumerate(conditions)}
    counts = (
        population_cadres(user, population)
        .order_by()
        .aggregate(total=Count("pk"), **{names[k]: Count("pk", filter=q) for k, q in conditions.items()})
    )
    total = counts["total"]
    data: dict = {"total": {"count": total, "percent": 100.0 if total else 0.0}}
    for key in conditions:
        group, _dot, name = key.rpartition(".")
        target = data.setdefault(group, {}) if group else data
        target[name] = leaf(counts[names[key]], total)
    return {
        "scope": population.scope,
        "unit": {"id": population.unit.pk, "code": population.unit.code, "name": population.unit.name},
        "as_of": population.as_of.isoformat(),
        "young_under": young_under,
        **data,
    }


def structure_people(user, population: Population, key: str, young_under: int | None = None) -> QuerySet:
    """The cadres behind one number of the structure report ("total" for all of them)."""
    cadres = population_cadres(user, population)
    if key == "total":
        return cadres
    young_under = young_under or young_under_default(population.unit)
    conditions = structure_conditions(population.as_of, young_under)
    if key not in conditions:
        return cadres.none()
    return cadres.filter(conditions[key])


# --- Movements ---------------------------------------------------------------------------------------

DIRECTIONS = ("down", "up", "horizontal", "between_departments", "returned")
HIGHER_LEVELS = {AdminLevel.CENTRAL, AdminLevel.PROVINCE, AdminLevel.DISTRICT}


def direction(move: dict) -> str | None:
    """Which way a move went, by the levels and localities of the posts left and taken; None when it is no
    move between units (a promotion within one unit or one commune)."""
    if move["action"] == ActionKind.RETURN:
        return "returned"
    before, after = move["from_level"], move["to_level"]
    if before in HIGHER_LEVELS and after == AdminLevel.COMMUNE:
        return "down"
    if before == AdminLevel.COMMUNE and after in HIGHER_LEVELS:
        return "up"
    if before == after == AdminLevel.COMMUNE:
        return "horizontal" if move["from_territory"] != move["to_territory"] else None
    if before == after and move["from_unit_id"] != move["to_unit_id"]:
        return "between_departments"
    return None


def _previous(field_name: str):
    """The same cadre's exclusive post held just before the outer assignment started."""
    before = Assignment.objects.filter(
        cadre_id=OuterRef("cadre_id"), start_date__lt=OuterRef("start_date"), is_concurrent=False
    ).order_by("-start_date", "-pk")
    return Subquery(before.values(field_name)[:1])


def movements(user, unit: OrgUnit, start: dt.date, end: dt.date) -> dict:
    """Moves into a new exclusive post starting in [start, end) that left or reached the unit's subtree,
    by direction, split by key posts and by the title taken, each number with the people behind it."""
    rows = (
        scoped(Assignment, user)
        .filter(start_date__gte=start, start_date__lt=end, is_concurrent=False)
        .exclude(action__in=[ActionKind.RECRUITMENT])
        .annotate(
            from_unit_id=_previous("position__unit_id"),
            from_path=_previous("position__unit__path"),
            from_level=_previous("position__unit__admin_level"),
            from_territory=_previous("position__unit__territory_id"),
            from_unit=_previous("position__unit__name"),
            from_title=_previous("position__title__name"),
        )
        .filter(from_unit_id__isnull=False)
        .filter(Q(position__unit__path__startswith=unit.path) | Q(from_path__startswith=unit.path))
        .order_by("start_date", "cadre__sort_key", "pk")
        .values(
            "cadre_id",
            "cadre__code",
            "cadre__full_name",
            "start_date",
            "action",
            "from_unit_id",
            "from_level",
            "from_territory",
            "from_unit",
            "from_title",
            "position__unit_id",
            "position__unit__name",
            "position__unit__admin_level",
            "position__unit__territory_id",
            "position__title__code",
            "position__title__name",
            "position__title__is_key",
        )
    )
    result = {d: {"count": 0, "key": 0, "other": 0, "by_title": {}, "people": []} for d in DIRECTIONS}
    for row in rows:
        move = {
            "cadre_id": row["cadre_id"],
            "code": row["cadre__code"],
            "name": row["cadre__full_name"],
            "date": row["start_date"].isoformat(),
            "action": row["action"],
            "from_unit_id": row["from_unit_id"],
            "from_level": row["from_level"],
            "from_territory": row["from_territory"],
            "from": f"{row['from_title']}, {row['from_unit']}",
            "to_unit_id": row["position__unit_id"],
            "to_level": row["position__unit__admin_level"],
            "to_territory": row["position__unit__territory_id"],
            "to": f"{row['position__title__name']}, {row['position__unit__name']}",
            "title": row["position__title__code"],
            "key": row["position__title__is_key"],
        }
        way = direction(move)
        if way is None:
            continue
        bucket = result[way]
        bucket["count"] += 1
        bucket["key" if move["key"] else "other"] += 1
        title = bucket["by_title"].setdefault(
            move["title"], {"name": row["position__title__name"], "count": 0, "key": move["key"]}
        )
        title["count"] += 1
        bucket["people"].append(
            {k: move[k] for k in ("cadre_id", "code", "name", "date", "action", "from", "to", "title", "key")}
        )
    return {
        "unit": {"id": unit.pk, "code": unit.code, "name": unit.name},
        "from": start.isoformat(),
        "to": end.isoformat(),
        **result,
    }


def movement_people(moves: dict, way: str, part: str = "", title: str = "") -> list[int]:
    """Ids of the cadres behind one number of the movement report."""
    people = moves.get(way, {}).get("people", []) if way in DIRECTIONS else []
    if part in ("key", "other"):
        people = [p for p in people if p["key"] == (part == "key")]
    if title:
        people = [p for p in people if p["title"] == title]
    return [p["cadre_id"] for p in people]


# --- Policy indicators ----------------------------------------------------------------------------------


@dataclass
class Tally:
    """A count with the people behind it."""

    people: list[int] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.people)


def _held_posts(unit: OrgUnit, day: dt.date, posts: Q) -> QuerySet:
    """Assignments on the day to posts of the subtree that match `posts` (a condition on assignments)."""
    return held_on(day).filter(posts, position__unit__path__startswith=unit.path)


def _rule_outcomes(user, unit: OrgUnit, day: dt.date, posts: Q, rule_code: str):
    """(title, outcome, person id, facts) of one rule for every post matching `posts` held in the subtree on
    the day, judged by the rules engine exactly as a check of that cadre for that post would judge it."""
    ruleset = active_ruleset(day)
    rule = ruleset.rule(rule_code)
    proposal, ctx = Proposal("appointment", day), Context()
    held = _held_posts(unit, day, posts)
    wanted = set(held.values_list("position_id", flat=True))
    people = adapters.load_people(scoped(Cadre, user).filter(pk__in=held.values("cadre_id")), day)
    for person in people:
        for holding in person.posts:
            if holding.held_on(day) and holding.post.position_id in wanted:
                result = rule.check(person, holding.post, proposal, ctx, ruleset.params)
                yield holding.post.title, result.outcome, person.id, result.facts


def non_local_heads(user, unit: OrgUnit, day: dt.date) -> list[dict]:
    """For each title the non-local rule covers (secretary, chairman...): how many holders in the subtree
    are not local people, local, or cannot be told, by the rules engine's own locality test."""
    by_title: dict[str, dict] = {}
    for title, outcome, person_id, _facts in _rule_outcomes(
        user, unit, day, Q(position__title__non_local=True), "non_local"
    ):
        row = by_title.setdefault(
            title.code,
            {
                "title": title.code,
                "name": title.name,
                "non_local": Tally(),
                "local": Tally(),
                "unknown": Tally(),
            },
        )
        part = {Outcome.PASS: "non_local", Outcome.FAIL: "local"}.get(outcome, "unknown")
        row[part].people.append(person_id)
    return sorted(by_title.values(), key=lambda r: r["title"])


# A leader holding several posts counts once, under the worst of them.
STANDARD_PARTS = ("below", "in_training", "meets", "no_standard")


def leaders_to_standard(user, unit: OrgUnit, day: dt.date) -> dict[str, Tally]:
    """Leaders in the subtree (as planning counts them: heads, deputies, key posts) against their title's
    standard (the rules engine's title-standards rule, which planning's training gaps use too): meeting it,
    below it while in training (a training record open on the day, or enrolled in a planning course still
    running), below it, or with no standard set."""
    # Enrolled in a course not yet over, as planning's training list reads enrolments.
    enrolled = planning.running_enrolments(day)
    worst: dict[int, int] = {}
    for _title, outcome, person_id, facts in _rule_outcomes(
        user, unit, day, planning.leadership("position__"), "title_standards"
    ):
        if outcome == Outcome.PASS:
            part = "meets"
        elif outcome == Outcome.FAIL:
            part = "in_training" if facts.get("trainings_in_progress") or person_id in enrolled else "below"
        else:
            part = "no_standard"
        rank = STANDARD_PARTS.index(part)
        worst[person_id] = min(rank, worst.get(person_id, rank))
    parts = {part: Tally() for part in STANDARD_PARTS}
    for person_id, rank in worst.items():
        parts[STANDARD_PARTS[rank]].people.append(person_id)
    return parts


def structure_targets(user, unit: OrgUnit, day: dt.date) -> list[dict]:
    """Each target in force on the day for a unit of the subtree, with the share reached and the gap."""
    targets = (
        scoped(StructureTarget, user)
        .filter(unit__path__startswith=unit.path, effective_from__lte=day)
        .select_related("unit")
        .order_by("unit__path", "indicator", "-effective_from")
    )
    latest: dict[tuple, StructureTarget] = {}
    for target in targets:
        latest.setdefault((target.unit_id, target.indicator), target)
    rows = []
    by_unit: dict[int, dict] = {}  # a unit's targets (women, young, minority) share one count
    for target in latest.values():
        if target.unit_id not in by_unit:
            by_unit[target.unit_id] = structure(user, Population(Scope.UNIT, target.unit, day))
        reached = by_unit[target.unit_id][target.indicator]
        rows.append(
            {
                "unit": target.unit,
                "indicator": target.indicator,
                "label": Indicator(target.indicator).label,
                "target": float(target.percent),
                "count": reached["count"],
                "percent": reached["percent"],
                "gap": round(reached["percent"] - float(target.percent), 1),
                "source": target.source,
            }
        )
    return rows


def vacancies(user, unit: OrgUnit, day: dt.date) -> list[dict]:
    """Positions of the subtree open on the day with fewer holders than seats."""
    positions = (
        scoped(Position, user)
        .filter(unit__path__startswith=unit.path)
        .vacant_on(day)
        .select_related("unit", "title")
        .order_by("title__rank", "unit__path")
    )
    return [
        {
            "position": p,
            "unit": p.unit.name,
            "title": p.title.name,
            "key": p.title.is_key,
            "free": p.seats - p.held,
        }
        for p in positions
    ]


def acting_heads(user, unit: OrgUnit, day: dt.date) -> list[int]:
    """Cadres acting as head of a unit of the subtree on the day."""
    held = _held_posts(unit, day, Q(position__title__is_head=True)).filter(is_acting=True)
    return list(scoped(Cadre, user).filter(pk__in=held.values("cadre_id")).values_list("pk", flat=True))


# Party congresses renew the committees every five years; the trend is read at the start of each term.
TERM_STARTS = (dt.date(2010, 10, 1), dt.date(2015, 10, 1), dt.date(2020, 10, 1), dt.date(2025, 10, 1))
TREND_KEYS = ("women", "young", "ethnic_minority")


def trend(
    user, population: Population, young_under: int | None = None, now: dict | None = None
) -> list[dict]:
    """Shares of women, young and ethnic-minority cadres at the start of each term up to the day (`now`:
    the day's structure, when the caller has it already)."""
    days = [d for d in TERM_STARTS if d < population.as_of] + [population.as_of]
    points = []
    for day in days:
        if day == population.as_of and now is not None:
            data = now
        else:
            data = structure(user, Population(population.scope, population.unit, day), young_under)
        points.append(
            {"as_of": day, "total": data["total"]["count"], **{k: data[k]["percent"] for k in TREND_KEYS}}
        )
    return points


def indicators(user, unit: OrgUnit, day: dt.date) -> dict:
    return {
        "non_local": non_local_heads(user, unit, day),
        "standards": leaders_to_standard(user, unit, day),
        "targets": structure_targets(user, unit, day),
        "vacancies": vacancies(user, unit, day),
        "acting": acting_heads(user, unit, day),
    }
