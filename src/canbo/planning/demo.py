"""Deterministic planning and training for a demo database: each province's party committee plans its
leadership posts for 2026–2031, and a few courses have enrolled and trained cadres.

Successors are drawn among holders of lower posts of the same locality, keeping the planning rules: only a
higher title, at most 3 per title and 3 titles of one level per cadre, a full term before retirement, no
discipline. The demo writes rows directly (thousands of entries); the services check what users enter.
"""

import datetime as dt
import random
from collections import defaultdict

from django.db import transaction

from canbo.careers.models import Assignment
from canbo.organizations.models import OrgUnit, OrgUnitKind
from canbo.people.models import Cadre, Discipline
from canbo.rules.engine import Person, retirement

from . import selectors, services
from .models import Course, CourseKind, Enrolment, PlanningEntry, PlanningReview, PlanningTerm

START_YEAR = 2026
# Share of leadership posts given 0, 1, 2 or 3 successors.
SUCCESSORS = (0.2, 0.35, 0.3, 0.15)
COURSES = [
    ("CCLLCT", "Cao cấp lý luận chính trị", CourseKind.POLITICAL_THEORY, "advanced", ""),
    ("QLNN-CV", "Bồi dưỡng ngạch chuyên viên", CourseKind.STATE_MANAGEMENT, "specialist", ""),
    ("KNS", "Bồi dưỡng kỹ năng số", CourseKind.SHORT, "", "Chuyển đổi số"),
]


def _bodies() -> list[OrgUnit]:
    """The party committee of each province (or the province itself when it has none)."""
    found = []
    for province in OrgUnit.objects.filter(parent__isnull=True, valid_to__isnull=True).order_by("code"):
        committee = OrgUnit.objects.filter(parent=province, kind=OrgUnitKind.PARTY_COMMITTEE).first()
        found.append(committee or province)
    return found


def _holders(area, day: dt.date) -> list[Assignment]:
    return list(
        Assignment.objects.on(day)
        .filter(position__unit__in=area, is_concurrent=False)
        .select_related("cadre", "position__unit", "position__title")
        .order_by("position__unit__path", "position__title__rank", "pk")
    )


def _plan(body: OrgUnit, rnd: random.Random, today: dt.date) -> int:
    term = PlanningTerm.objects.filter(body=body, start_year=START_YEAR).first()
    if term is not None:
        return 0
    term = services.term_save(
        body=body,
        start_year=START_YEAR,
        end_year=START_YEAR + 5,
        vision_year=START_YEAR + 10,
        starts_on=dt.date(START_YEAR, 1, 1),
    )
    area = selectors.managed_area(body)
    day = min(today, dt.date(START_YEAR - 1, 12, 1))
    holders = _holders(area, day)
    rules_now = selectors.rule_params(day)
    disciplined = set(Discipline.objects.values_list("cadre_id", flat=True))
    full_term_end = dt.date(START_YEAR + 5, 1, 1)

    def suitable(cadre: Cadre) -> bool:
        person = Person(
            cadre.pk, cadre.full_name, cadre.gender, cadre.birth_date, birth_year_only=cadre.birth_year_only
        )
        return cadre.pk not in disciplined and retirement(person, rules_now).date >= full_term_end

    # Candidates per locality: holders of posts, by seniority of the post they hold.
    by_locality: dict[int, list[Assignment]] = defaultdict(list)
    for a in holders:
        if suitable(a.cadre):
            by_locality[a.position.unit.territory_id or a.position.unit_id].append(a)
    per_level: dict[tuple[int, str], int] = defaultdict(int)
    entries = []
    for position in selectors.leadership_positions(area):
        want = rnd.choices(range(4), SUCCESSORS)[0]
        title = position.title
        pool = [
            a.cadre
            for a in by_locality[position.unit.territory_id or position.unit_id]
            if a.position.title.level == title.level
            and a.position.title.rank > title.rank
            and per_level[(a.cadre_id, title.level)] < 3
        ]
        chosen = {c.pk: c for c in rnd.sample(pool, min(want, len(pool)))}
        for cadre in chosen.values():
            per_level[(cadre.pk, title.level)] += 1
            entries.append(
                PlanningEntry(
                    term=term,
                    cadre=cadre,
                    unit=position.unit,
                    title=title,
                    added_on=day,
                    decision_number=f"{rnd.randint(100, 999)}-QĐ/TU",
                )
            )
    PlanningEntry.objects.bulk_create(entries, batch_size=2000)
    PlanningReview.objects.bulk_create(
        [PlanningReview(entry=e, year=day.year, date=day, outcome="add") for e in term.entries.all()],
        batch_size=2000,
    )
    return len(entries)


def _train(body: OrgUnit, rnd: random.Random, today: dt.date) -> int:
    courses = []
    for code, name, kind, level, field in COURSES:
        full_code = f"{code}-{body.code}-{START_YEAR}"
        course = Course.objects.filter(code=full_code).first() or services.course_save(
            body=body,
            code=full_code,
            name=name,
            kind=kind,
            level=level,
            field=field,
            institution="Trường Chính trị tỉnh",
            start_date=dt.date(START_YEAR, 3, 1),
            end_date=dt.date(START_YEAR, 10, 30) if kind != CourseKind.SHORT else dt.date(START_YEAR, 3, 10),
        )
        courses.append(course)
    sent = selectors.body_training(body, min(today, dt.date(START_YEAR, 1, 2)))
    # Send about half of those below their post's standard; some have finished by now.
    completed = 0
    for row in sent.to_send[: max(1, len(sent.to_send) // 2)]:
        course = courses[0] if any(s.field == "political_theory" for s in row.shortfalls) else courses[1]
        if Enrolment.objects.filter(course=course, cadre=row.cadre).exists():
            continue
        enrolment = services.enrol(course=course, cadre=row.cadre, enrolled_on=course.start_date)
        if today > course.end_date and rnd.random() < 0.7:
            services.complete(enrolment, completed_on=course.end_date)
            completed += 1
    for cadre in rnd.sample([r.cadre for r in sent.to_send], min(20, len(sent.to_send))):
        if not Enrolment.objects.filter(course=courses[2], cadre=cadre).exists():
            services.enrol(course=courses[2], cadre=cadre, enrolled_on=courses[2].start_date)
    return completed


@transaction.atomic
def demo_planning(seed: int = 2025, today: dt.date | None = None) -> dict:
    """Plan and train every demo province; running it again adds nothing. Returns what was written."""
    rnd = random.Random(seed)
    today = today or dt.date.today()
    totals = {"entries": 0, "completed": 0}
    for body in _bodies():
        totals["entries"] += _plan(body, rnd, today)
        totals["completed"] += _train(body, rnd, today)
    return totals
