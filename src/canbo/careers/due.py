"""Due lists of a body: who and which posts need a personnel action soon, each with the reason and date.

Dates and the rules' own tests (time in the same post, retirement by Decree 135, locality) come from the
rules engine, so a list says exactly what a check of the same person would say.
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import Q

from canbo.evaluation.models import Evaluation
from canbo.evaluation.selectors import dismissal_flags
from canbo.organizations.models import OrgUnit, Position
from canbo.people.models import Cadre
from canbo.planning.models import PlanningEntry
from canbo.planning.selectors import untrained
from canbo.rules import adapters
from canbo.rules.engine import Person, retirement
from canbo.rules.engine.dates import add_months, months_between
from canbo.rules.engine.derive import current, locality, same_post_since
from canbo.rules.reports import language
from canbo.rules.selectors import active_ruleset

from .models import ActionKind, Assignment

ROTATION_NOTICE_MONTHS = 6
TERM_NOTICE_WORKING_DAYS = 90
RETIREMENT_HORIZONS = (12, 24)
# Head of a post for two terms: listed from a year before the limit, so the round can be prepared.
TERM_LIMIT_NOTICE_MONTHS = 12
TERM_ACTIONS = (ActionKind.APPOINTMENT, ActionKind.REAPPOINTMENT, ActionKind.ELECTION)


def working_days_ahead(day: dt.date, count: int) -> dt.date:
    """The date `count` working days (Monday to Friday) after `day`."""
    weeks, rest = divmod(count, 5)
    result = day + dt.timedelta(weeks=weeks)
    while rest:
        result += dt.timedelta(days=1)
        if result.weekday() < 5:
            rest -= 1
    return result


@dataclass(frozen=True)
class DueItem:
    cadre: Cadre | None
    position: Position | None
    date: dt.date | None
    detail: str = ""


def _open_in(body: OrgUnit, day: dt.date):
    return (
        Assignment.objects.filter(position__unit__path__startswith=body.path)
        .on(day)
        .select_related("cadre", "position__unit", "position__title")
    )


def rotations_ending(body: OrgUnit, day: dt.date) -> list[Assignment]:
    """Rotations and secondments whose planned return falls in the next six months (or has passed)."""
    horizon = add_months(day, ROTATION_NOTICE_MONTHS)
    return list(
        _open_in(body, day)
        .filter(action__in=[ActionKind.ROTATION, ActionKind.SECONDMENT], planned_end_date__lte=horizon)
        .order_by("planned_end_date", "pk")
    )


def terms_ending(body: OrgUnit, day: dt.date) -> list[Assignment]:
    """Appointment terms ending within 90 working days: the notice the regulation gives for re-appointment."""
    horizon = working_days_ahead(day, TERM_NOTICE_WORKING_DAYS)
    return list(
        _open_in(body, day)
        .filter(action__in=TERM_ACTIONS, planned_end_date__lte=horizon)
        .order_by("planned_end_date", "pk")
    )


def vacant_or_acting(body: OrgUnit, day: dt.date) -> tuple[list[Position], list[Assignment]]:
    vacant = list(
        Position.objects.filter(unit__path__startswith=body.path)
        .vacant_on(day)
        .select_related("unit", "title")
        .order_by("unit__path", "title__rank")
    )
    acting = list(_open_in(body, day).filter(is_acting=True).order_by("position__unit__path"))
    return vacant, acting


class DueItems(Sequence):
    """Due items found as (assignment id, date, detail, cadre id), soonest first; their cadre and post are
    read only for the rows shown. A city's heads due run to tens of thousands at 500,000 cadres, and building
    every row's records took longer than finding them."""

    def __init__(self, found: list[tuple]):
        self._found = sorted(found, key=lambda row: (row[1] or dt.date.min, row[3]))

    def __len__(self) -> int:
        return len(self._found)

    def __getitem__(self, index):
        if isinstance(index, slice):
            rows = self._found[index]
            records = Assignment.objects.select_related("cadre", "position__unit", "position__title").in_bulk(
                [row[0] for row in rows]
            )
            return [
                DueItem(records[pk].cadre, records[pk].position, date, detail) for pk, date, detail, _ in rows
            ]
        return self[index : index + 1 or None][0]

    def __iter__(self):
        return iter(self[:])

    def until(self, day: dt.date) -> "DueItems":
        return DueItems([row for row in self._found if row[1] <= day])


def _heads(body: OrgUnit, day: dt.date, titles: Q) -> tuple[dict[int, int], list[Person]]:
    """Assignment id by cadre, and the cadres as Persons (posts and places), of the heads of `titles`."""
    held = _open_in(body, day).filter(titles, is_concurrent=False)
    people = adapters.load_people(
        Cadre.objects.filter(pk__in=held.values("cadre_id")).order_by("pk"), day, records=False
    )
    return dict(held.values_list("cadre_id", "pk")), people


def heads_due_for_rotation(body: OrgUnit, day: dt.date, params: dict | None = None) -> DueItems:
    """Heads who reach two terms in the same post within a year (or have passed it)."""
    params = params or active_ruleset(day).params
    limit = params["term_limit_months"]
    held, people = _heads(body, day, Q(position__title__is_head=True))
    found = []
    for person in people:
        post = current(person, day)
        since = post and same_post_since(person, post.holding.post, day)
        if since is None:
            continue
        reached = add_months(since, limit)
        if months_between(day, reached) <= TERM_LIMIT_NOTICE_MONTHS:
            # strftime, not Django's date_format: a second for a city's 30,000 heads due.
            found.append((held[person.id], reached, since.strftime("%d/%m/%Y"), person.id))
    return DueItems(found)


def local_heads(body: OrgUnit, day: dt.date, params: dict | None = None) -> DueItems:
    """Holders of posts under the non-local rule (secretaries, chairmen) who are from the locality."""
    params = params or active_ruleset(day).params
    held, people = _heads(body, day, Q(position__title__non_local=True))
    found = []
    for person in people:
        post = current(person, day)
        if post is None:
            continue
        by_hometown, by_residence = locality(person, post.holding.post.unit.territory_id, params)
        if by_hometown or by_residence:
            detail = person.hometown_name if by_hometown else person.residence_name
            found.append((held[person.id], None, detail, person.id))
    return DueItems(found)


def retiring(
    body: OrgUnit, day: dt.date, months: int = max(RETIREMENT_HORIZONS), params: dict | None = None
) -> DueItems:
    """Cadres in post whose retirement date (Decree 135) falls within `months`, soonest first."""
    params = params or active_ruleset(day).params
    horizon = add_months(day, months)
    # No one retires before 55 nor after 62 (the schedule's bounds): only those born in that window are read.
    holders = (
        _open_in(body, day)
        .filter(is_concurrent=False)
        .filter(
            cadre__birth_date__gt=add_months(day, -63 * 12),
            cadre__birth_date__lte=add_months(horizon, -55 * 12),
        )
        .values_list("pk", "cadre_id", "cadre__gender", "cadre__birth_date", "cadre__birth_year_only")
    )
    found = []
    for pk, cadre_id, gender, birth_date, year_only in holders:
        person = Person(id=cadre_id, name="", gender=gender, birth_date=birth_date, birth_year_only=year_only)
        date = retirement(person, params).date
        if date <= horizon:
            found.append((pk, date, "", cadre_id))
    return DueItems(found)


def flagged_by_evaluation(body: OrgUnit, day: dt.date) -> list[DueItem]:
    """Cadres in post rated "not completed" two years running, the run ending in the last two years:
    dismissal from the post is due. `detail` is the run's last year."""
    holders = _open_in(body, day).filter(is_concurrent=False)
    # Only the body's holders' evaluations: their grades are all a flag needs.
    evaluations = Evaluation.objects.filter(year__lte=day.year, cadre_id__in=holders.values("cadre_id"))
    flags = dismissal_flags(evaluations, Cadre.objects.all())
    recent = {f.cadre.pk: f for f in flags if f.year >= day.year - 2}
    held = holders.filter(cadre_id__in=list(recent)).order_by("pk")
    return [DueItem(a.cadre, a.position, None, str(recent[a.cadre_id].year)) for a in held]


def planned_untrained(body: OrgUnit, day: dt.date) -> list[DueItem]:
    """Cadres planned for a post of the body who lack its training standard and are on no running course;
    `detail` names the title planned for and what they lack."""
    # Terms running or ahead: a planning is decided before its term starts.
    entries = PlanningEntry.objects.filter(unit__path__startswith=body.path, term__end_year__gte=day.year)
    lang = language()
    return [
        DueItem(row.cadre, None, None, f"{row.title} ({row.unit}): {row.lacking(lang)}")
        for row in untrained(entries, day)
    ]


def due_lists(body: OrgUnit, day: dt.date) -> dict:
    vacant, acting = vacant_or_acting(body, day)
    params = active_ruleset(day).params
    retiring_all = retiring(body, day, params=params)
    return {
        "heads_due": heads_due_for_rotation(body, day, params),
        "rotations_ending": rotations_ending(body, day),
        "terms_ending": terms_ending(body, day),
        "retiring": {months: retiring_all.until(add_months(day, months)) for months in RETIREMENT_HORIZONS},
        "vacant": vacant,
        "acting": acting,
        "local_heads": local_heads(body, day, params),
        "flagged_by_evaluation": flagged_by_evaluation(body, day),
        "planned_untrained": planned_untrained(body, day),
    }
