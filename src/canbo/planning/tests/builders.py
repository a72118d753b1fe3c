"""Objects of this app for the tests, made directly (the services' rules are tested on their own)."""

import datetime as dt

from canbo.core import testing
from canbo.organizations.models import OrgUnitKind

from ..models import Course, CourseKind, Enrolment, PlanningEntry, PlanningTerm


def make_term(body, start_year=2026, **fields) -> PlanningTerm:
    return PlanningTerm.objects.create(
        body=body,
        start_year=start_year,
        end_year=start_year + 5,
        vision_year=fields.pop("vision_year", start_year + 10),
        starts_on=fields.pop("starts_on", dt.date(start_year, 1, 1)),
        **fields,
    )


def make_course(body, kind=CourseKind.POLITICAL_THEORY, level="advanced", **fields) -> Course:
    fields.setdefault("code", f"KH-{body.pk}-{kind[:2]}-{level}")
    fields.setdefault("name", "Cao cấp lý luận chính trị")
    fields.setdefault("institution", "Học viện Chính trị khu vực I")
    fields.setdefault("start_date", dt.date(2025, 3, 1))
    fields.setdefault("end_date", dt.date(2026, 6, 30))
    return Course.objects.create(body=body, kind=kind, level=level, **fields)


def matrix_objects(unit, cadre) -> dict:
    """A term, an entry, a course and an enrolment around one commune, for the permission matrix."""
    committee = testing.make_unit(f"UBND {unit.name.lower()}", OrgUnitKind.PEOPLES_COMMITTEE, parent=unit)
    chairman = testing.make_title("X_CT_UBND", "Chủ tịch UBND xã", is_key=True, is_head=True, rank=4)
    testing.make_position(committee, chairman)
    term = make_term(unit)
    entry = PlanningEntry.objects.create(
        term=term, cadre=cadre, unit=committee, title=chairman, added_on=dt.date(2025, 12, 1)
    )
    course = make_course(unit)
    enrolment = Enrolment.objects.create(course=course, cadre=cadre, enrolled_on=dt.date(2025, 3, 1))
    return {
        "planning_term": term,
        "planning_entry": entry,
        "planning_course": course,
        "planning_enrolment": enrolment,
    }
