"""Reads of planning and training: the rules' facts from the models, coverage, the yearly review's flags and
training gaps, each in a fixed number of queries."""

import dataclasses
import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from canbo.careers.models import ActionKind, ActionStatus, Assignment, PersonnelAction
from canbo.core.numbers import percent
from canbo.organizations.models import OrgUnit, Position
from canbo.people.models import Cadre
from canbo.rules import adapters
from canbo.rules.engine import Person, Post, Result, Title, Unit, retirement
from canbo.rules.engine import PlanningEntry as EnginePlanning
from canbo.rules.selectors import active_ruleset

from . import engine
from .models import Enrolment, EnrolmentStatus, PlanningEntry, PlanningTerm


def leadership(prefix: str = "") -> Q:
    """Titles that are planned and trained for: the leaders of units (heads, deputies, key posts)."""
    return (
        Q(**{f"{prefix}title__is_key": True})
        | Q(**{f"{prefix}title__is_head": True})
        | Q(**{f"{prefix}title__is_deputy": True})
    )


_TITLE_FIELDS = [field.name for field in dataclasses.fields(Title)]


def params() -> dict:
    return engine.merged(getattr(settings, "CANBO_PLANNING", None))


LEVEL_NAMES = {
    "central": _("central"),
    "province": _("province"),
    "district": _("district"),
    "commune": _("commune"),
}


def to_confirm() -> dict[str, str]:
    """The parameters in force that are a body's own practice, in words, to show with a note that they need
    checking."""
    values = params()
    young = ", ".join(f"{LEVEL_NAMES.get(level, level)} {age}" for level, age in values["young_age"].items())
    described = {
        "appointment_gap_days": (
            _("Days between an appointment and a planning decision"),
            str(values["appointment_gap_days"]),
        ),
        "young_age": (_("Young: under this age, by level"), young),
        "age_bands": (_("Age bands"), ", ".join(band[0] for band in values["age_bands"])),
    }
    return {
        str(label): text for name, (label, text) in sorted(described.items()) if name in engine.TO_CONFIRM
    }


def rule_params(day: dt.date):
    return active_ruleset(day).params


def engine_title(title) -> Title:
    return Title(**{name: getattr(title, name) for name in _TITLE_FIELDS})


def slot(unit: OrgUnit, title) -> Post:
    return Post(Unit(unit.pk, unit.name, unit.code, unit.path), engine_title(title))


def engine_term(term: PlanningTerm) -> engine.Term:
    return engine.Term(term.name, term.starts_on, term.ends_on)


def managed_area(body: OrgUnit) -> QuerySet:
    """The units whose titles a body plans for: its locality (a commune's party committee plans for the
    whole commune), or its own subtree when it has none."""
    root = body.territory if body.territory_id else body
    return OrgUnit.objects.subtree(root)


def planning_source(cadre_ids: QuerySet) -> dict | None:
    """The rules engine's planning facts for a subquery of cadre ids; None while no body has any planning
    (the planning rule then warns that there is no data rather than failing everyone)."""
    if not PlanningTerm.objects.exists():
        return None
    found: dict[int, list[EnginePlanning]] = defaultdict(list)
    rows = PlanningEntry.objects.filter(cadre_id__in=cadre_ids).values_list(
        "cadre_id", "title__code", "unit_id", "added_on", "removed_on", "term__end_year"
    )
    for cadre_id, title_code, unit_id, added_on, removed_on, end_year in rows:
        # Periods of the engine's planning entries include their last day.
        end = removed_on - dt.timedelta(days=1) if removed_on else dt.date(end_year, 12, 31)
        found[cadre_id].append(EnginePlanning(title_code, added_on, end, unit_id))
    return {cadre_id: tuple(entries) for cadre_id, entries in found.items()}


def _planned(rows) -> tuple[engine.Planned, ...]:
    return tuple(
        engine.Planned(e.cadre_id, e.cadre.full_name, e.unit_id, engine_title(e.title)) for e in rows
    )


def candidate(cadre: Cadre, day: dt.date) -> engine.Candidate:
    person = adapters.load_people(Cadre.objects.filter(pk=cadre.pk), day)[0]
    held = Assignment.objects.filter(
        cadre=cadre, action__in=(ActionKind.APPOINTMENT, ActionKind.ELECTION)
    ).values_list("start_date", "position__title__name")
    proposed = PersonnelAction.objects.filter(
        cadre=cadre, kind=ActionKind.APPOINTMENT, status__in=(ActionStatus.DRAFT, ActionStatus.SUBMITTED)
    ).values_list("date", "title__name")
    return engine.Candidate(
        person,
        tuple(engine.Appointment(d, name) for d, name in held)
        + tuple(engine.Appointment(d, name, proposed=True) for d, name in proposed),
    )


def entry_checks(term: PlanningTerm, cadre: Cadre, unit: OrgUnit, title, day: dt.date) -> tuple[Result, ...]:
    """Every planning rule for adding `cadre` to `term` for `title` at `unit` on `day`."""
    active = PlanningEntry.objects.active().select_related("cadre", "title")
    others = active.filter(term=term, unit=unit, title=title).exclude(cadre=cadre)
    own = active.filter(
        cadre=cadre, term__start_year__lte=term.end_year, term__end_year__gte=term.start_year
    ).exclude(term=term, unit=unit, title=title)
    return engine.check_entry(
        candidate(cadre, day),
        slot(unit, title),
        engine_term(term),
        day,
        _planned(others),
        _planned(own),
        params(),
        rule_params(day),
    )


def open_position(unit: OrgUnit, title, day: dt.date) -> Position | None:
    return Position.objects.filter(unit=unit, title=title).as_of(day).first()


# -- the yearly review ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Flag:
    entry: PlanningEntry
    failures: tuple[Result, ...]


def review_day(year: int) -> dt.date:
    return dt.date(year, 12, 31)


def review(entries: QuerySet, year: int) -> list[Flag]:
    """Active entries (of terms covering `year`) whose cadre no longer meets the standards at the end of the
    year: the title is no longer higher, too old for a full term, or disciplined."""
    day = review_day(year)
    rows = list(
        entries.active()
        .filter(term__start_year__lte=year, term__end_year__gte=year)
        .select_related("term", "cadre", "unit", "title")
    )
    people = {
        p.id: p for p in adapters.load_people(Cadre.objects.filter(pk__in={e.cadre_id for e in rows}), day)
    }
    settings_now, rules_now = params(), rule_params(day)
    flags = []
    for entry in rows:
        results = engine.review_entry(
            engine.Candidate(people[entry.cadre_id]),
            slot(entry.unit, entry.title),
            engine_term(entry.term),
            day,
            settings_now,
            rules_now,
        )
        failures = engine.blocking(results)
        if failures:
            flags.append(Flag(entry, failures))
    return flags


# -- coverage -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SlotCoverage:
    position: Position
    planned: list[str]

    @property
    def count(self) -> int:
        return len(self.planned)


@dataclass(frozen=True)
class Coverage:
    term: PlanningTerm
    slots: list[SlotCoverage]
    histogram: dict[int, int]  # successors (3 = three or more) -> number of titles
    pool: int
    indicators: list[engine.Indicator]

    def to_dict(self, language: str = "vi") -> dict:
        return {
            "term": {"id": self.term.pk, "name": self.term.name, "body": self.term.body.code},
            "histogram": {str(k): v for k, v in self.histogram.items()},
            "pool": self.pool,
            "indicators": [
                {
                    "code": i.code,
                    "name": i.name(language),
                    "count": i.count,
                    "share": i.share,
                    "target": i.target,
                    "gap": i.gap,
                }
                for i in self.indicators
            ],
            "titles": [
                {
                    "unit": s.position.unit.code,
                    "unit_name": s.position.unit.name,
                    "title": s.position.title.code,
                    "title_name": s.position.title.name,
                    "planned": s.planned,
                }
                for s in self.slots
            ],
        }


def leadership_positions(area: QuerySet) -> list[Position]:
    return list(
        Position.objects.current()
        .filter(leadership(), unit__in=area)
        .select_related("unit", "title")
        .order_by("unit__path", "title__rank", "pk")
    )


def coverage(term: PlanningTerm) -> Coverage:
    """Successors per leadership title of the body's area, and the pool's structure against its targets."""
    area = managed_area(term.body)
    positions = leadership_positions(area)
    planned: dict[tuple[int, int], list[str]] = defaultdict(list)
    pool_ids = set()
    for unit_id, title_id, cadre_id, name in term.entries.active().values_list(
        "unit_id", "title_id", "cadre_id", "cadre__full_name"
    ):
        planned[(unit_id, title_id)].append(name)
        pool_ids.add(cadre_id)
    slots = [SlotCoverage(p, sorted(planned.get((p.unit_id, p.title_id), []))) for p in positions]
    counts = Counter(min(s.count, 3) for s in slots)
    members = [
        engine.Member(birth, gender == "female", bool(minority))
        for birth, gender, minority in Cadre.objects.filter(pk__in=pool_ids).values_list(
            "birth_date", "gender", "ethnicity__is_minority"
        )
    ]
    area_cadres = Cadre.objects.filter(managed_by__in=area)
    total = area_cadres.count()
    minority_share = 100 * area_cadres.filter(ethnicity__is_minority=True).count() / total if total else 0.0
    indicators = engine.structure(members, term.starts_on, term.body.admin_level, minority_share, params())
    return Coverage(term, slots, {k: counts.get(k, 0) for k in range(4)}, len(members), indicators)


# -- the five-year forecast ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class SeatRow:
    position: Position
    forecast: engine.SeatForecast


@dataclass(frozen=True)
class BodyForecast:
    term: PlanningTerm
    result: engine.Forecast
    seats: list[SeatRow]

    @property
    def uncovered(self) -> list[SeatRow]:
        """Posts that will have nobody ready within the horizon, the soonest first."""
        return sorted(
            (s for s in self.seats if s.forecast.nobody_ready is not None),
            key=lambda s: (s.forecast.nobody_ready, s.position.unit.path, s.position.title.rank),
        )


def _retirements(rows, day: dt.date) -> dict[int, dt.date]:
    """Decree 135 retirement dates by cadre id, from (id, name, gender, birth date, year only) rows."""
    rules_now = rule_params(day)
    return {
        cadre_id: retirement(
            Person(cadre_id, name=name, gender=gender, birth_date=birth, birth_year_only=only), rules_now
        ).date
        for cadre_id, name, gender, birth, only in rows
    }


def forecast(term: PlanningTerm, day: dt.date, years: int = engine.FORECAST_YEARS) -> BodyForecast:
    """Retirements by year in the body's leadership posts, against the successors planned in `term`,
    over `years` years from the year of `day`."""
    positions = leadership_positions(managed_area(term.body))
    by_slot = {(p.unit_id, p.title_id): p for p in positions}
    person_fields = (
        "cadre_id",
        "cadre__full_name",
        "cadre__gender",
        "cadre__birth_date",
        "cadre__birth_year_only",
    )
    holders = list(
        Assignment.objects.on(day)
        .filter(position__in=[p.pk for p in positions])
        .values_list("position_id", *person_fields)
    )
    successors = list(term.entries.active().values_list("unit_id", "title_id", *person_fields))
    retires = _retirements({row[1:] for row in holders} | {row[2:] for row in successors}, day)
    held: dict[int, list[dt.date]] = defaultdict(list)
    for position_id, cadre_id, *_rest in holders:
        held[position_id].append(retires[cadre_id])
    planned: dict[int, list[dt.date]] = defaultdict(list)
    for unit_id, title_id, cadre_id, *_rest in successors:
        if (unit_id, title_id) in by_slot:
            planned[by_slot[(unit_id, title_id)].pk].append(retires[cadre_id])
    seats = [engine.Seat(p.pk, p.seats, tuple(held[p.pk]), tuple(planned[p.pk])) for p in positions]
    result = engine.forecast(seats, day.year, years)
    return BodyForecast(term, result, [SeatRow(p, f) for p, f in zip(positions, result.seats, strict=True)])


# -- training -----------------------------------------------------------------------------------------------


def levels_of(cadre) -> dict[str, str]:
    return {
        "degree": cadre.education,
        "political_theory": cadre.political_theory,
        "state_management": cadre.state_management,
    }


@dataclass(frozen=True)
class Gap:
    """What a cadre lacks for one title: their current post's, or one they are planned for."""

    title: object
    unit: OrgUnit
    planned: bool
    requirement: dict
    shortfalls: list[engine.Shortfall]


class _Requirements(dict):
    """Requirements by title, each looked up once."""

    def __init__(self, day: dt.date):
        super().__init__()
        self.params = rule_params(day)

    def __missing__(self, title):
        self[title] = engine.requirement(engine_title(title), self.params)
        return self[title]


def cadre_gaps(cadre: Cadre, day: dt.date) -> list[Gap]:
    """What `cadre` still lacks for the current post and for every title they are planned for."""
    needs = _Requirements(day)
    levels = levels_of(cadre)
    targets = []
    if cadre.current_position_id:
        targets.append((cadre.current_position.title, cadre.current_position.unit, False))
    entries = cadre.planning_entries.active().select_related("title", "unit").order_by("title__rank")
    targets.extend((e.title, e.unit, True) for e in entries)
    return [
        Gap(title, unit, planned, needs[title], engine.shortfalls(levels, needs[title]))
        for title, unit, planned in targets
    ]


@dataclass(frozen=True)
class ToSend:
    cadre: Cadre
    title: object
    planned: bool
    shortfalls: list[engine.Shortfall]
    unit: OrgUnit

    def lacking(self, language: str = "vi") -> str:
        return "; ".join(getattr(s, f"text_{language}") for s in self.shortfalls)


@dataclass(frozen=True)
class BodyTraining:
    leaders: int
    trained: int
    to_send: list[ToSend]
    sent_this_term: int | None

    @property
    def share(self) -> float:
        return percent(self.trained, self.leaders)


# What the training lists read of a cadre, a title and a unit: loading whole rows of thousands of leaders
# costs more than the lists themselves.
_CADRE_FIELDS = ("full_name", "code", "education", "political_theory", "state_management")


def _slim(post: str = "") -> list[str]:
    """The fields to load of the cadre and of the title and unit (of the row, or of its `post`)."""
    return [
        *(f"cadre__{name}" for name in _CADRE_FIELDS),
        *(f"{post}title__{name}" for name in _TITLE_FIELDS),
        f"{post}unit__name",
    ]


def running_enrolments(day: dt.date) -> set[int]:
    return set(
        Enrolment.objects.filter(status=EnrolmentStatus.ENROLLED, course__end_date__gte=day).values_list(
            "cadre_id", flat=True
        )
    )


def untrained(entries: QuerySet, day: dt.date, needs=None, enrolled=None) -> list[ToSend]:
    """Active planning entries whose cadre is below the planned title's standard and on no running course,
    one row per cadre (their most senior title)."""
    needs = needs if needs is not None else _Requirements(day)
    enrolled = enrolled if enrolled is not None else running_enrolments(day)
    rows, seen = [], set()
    rows_read = (
        entries.active()
        .select_related("cadre", "title", "unit")
        .only("term", "cadre", "title", "unit", *_slim())
        .order_by("cadre__sort_key", "title__rank")
    )
    for entry in rows_read:
        if entry.cadre_id in seen or entry.cadre_id in enrolled:
            continue
        short = engine.shortfalls(levels_of(entry.cadre), needs[entry.title])
        if short:
            seen.add(entry.cadre_id)
            rows.append(ToSend(entry.cadre, entry.title, True, short, entry.unit))
    return rows


def body_training(body: OrgUnit, day: dt.date, term: PlanningTerm | None = None) -> BodyTraining:
    """The share of the area's leaders trained to their post's standard, and who to send next: leaders
    below their post's standard, then cadres below the standard of a title they are planned for, leaving
    out those already enrolled in a course still running."""
    area = managed_area(body)
    needs = _Requirements(day)
    held = (
        Assignment.objects.on(day)
        .filter(leadership("position__"), position__unit__in=area, is_concurrent=False)
        .select_related("cadre", "position__title", "position__unit")
        .only("cadre", "position__title", "position__unit", *_slim("position__"))
        .order_by("cadre__sort_key", "pk")
    )
    enrolled = running_enrolments(day)
    leaders = trained = 0
    to_send: list[ToSend] = []
    seen = set()
    for assignment in held:
        cadre, title = assignment.cadre, assignment.position.title
        if cadre.pk in seen:
            continue
        seen.add(cadre.pk)
        leaders += 1
        short = engine.shortfalls(levels_of(cadre), needs[title])
        if not short:
            trained += 1
        elif cadre.pk not in enrolled:
            to_send.append(ToSend(cadre, title, False, short, assignment.position.unit))
    sent = None
    if term is not None:
        to_send.extend(
            r for r in untrained(term.entries.all(), day, needs, enrolled) if r.cadre.pk not in seen
        )
        sent = (
            Enrolment.objects.filter(
                cadre__managed_by__in=area, enrolled_on__gte=term.starts_on, enrolled_on__lte=term.ends_on
            )
            .values("cadre_id")
            .distinct()
            .count()
        )
    return BodyTraining(leaders, trained, to_send, sent)
