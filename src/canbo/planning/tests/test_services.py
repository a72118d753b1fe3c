"""Planning and training through the services and selectors, on the database."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from canbo.careers.models import ActionStatus, PersonnelAction
from canbo.people.models import Discipline
from canbo.rules import adapters

from .. import selectors, services
from ..models import EnrolmentStatus, EntryStatus, PlanningReview, ReviewOutcome
from .builders import make_course
from .conftest import DAY, plan, seat

pytestmark = pytest.mark.django_db


def refused(call) -> str:
    with pytest.raises(ValidationError) as caught:
        call()
    return " ".join(caught.value.messages)


def test_a_fourth_successor_is_refused_with_the_reason(world, cadre):
    planned = [plan(world, cadre(f"Nguyễn Văn {n}", world.vice)) for n in ("An", "Bình")]
    planned.append(plan(world, cadre("Trần Văn Cường")))
    assert [e.reviews.get().outcome for e in planned] == [ReviewOutcome.ADD] * 3
    fourth = cadre("Lê Văn Dũng")
    with translation.override("vi"):
        message = refused(lambda: plan(world, fourth))
    assert "đã có 3 người trong quy hoạch" in message and "tối đa 3 người" in message
    with translation.override("en"):
        assert "at most 3 per title" in refused(lambda: plan(world, fourth))
    # Removing one at the yearly review frees the place.
    services.entry_review(
        planned[2],
        outcome=ReviewOutcome.REMOVE,
        year=2026,
        date=dt.date(2026, 12, 1),
        reason="Chuyển công tác",
    )
    assert plan(world, fourth, day=dt.date(2026, 12, 2)).status == EntryStatus.ACTIVE


def test_only_a_higher_title(world, cadre):
    chairman = cadre("Phạm Văn Chính", world.chairman)
    with translation.override("en"):
        assert "is not above the current post" in refused(lambda: plan(world, chairman, world.vice))


def test_at_most_three_titles_of_one_level(world, cadre):
    person = cadre("Hoàng Văn Em")
    for code in ("X_BT", "X_PBT_TT", "X_CT_HDND"):
        plan(world, person, seat(world.commune, code))
    with translation.override("en"):
        assert "3 commune-level titles" in refused(lambda: plan(world, person))


@pytest.mark.parametrize(
    ("birth", "allowed"),
    # Term from 1 January 2026: born 5 December 1968 retires at 62 with exactly 60 months left.
    [(dt.date(1968, 12, 5), True), (dt.date(1968, 11, 5), False)],
)
def test_a_full_term_before_retirement(world, cadre, birth, allowed):
    person = cadre("Vũ Văn Giang", birth_date=birth)
    if allowed:
        plan(world, person)
    else:
        with translation.override("en"):
            assert "short of a full term of 60 months" in refused(lambda: plan(world, person))


@pytest.mark.parametrize(("date", "allowed"), [(dt.date(2023, 12, 1), True), (dt.date(2023, 12, 2), False)])
def test_no_discipline_from_reprimand_up(world, cadre, date, allowed):
    person = cadre("Đỗ Văn Hải")
    Discipline.objects.create(cadre=person, kind="reprimand", date=date)
    if allowed:
        plan(world, person)
    else:
        with translation.override("en"):
            assert "Disciplined: reprimand" in refused(lambda: plan(world, person))


@pytest.mark.parametrize(
    ("status", "allowed"),
    [(ActionStatus.DRAFT, False), (ActionStatus.SUBMITTED, False), (ActionStatus.REJECTED, True)],
)
def test_not_while_an_appointment_proposal_is_open(world, cadre, status, allowed):
    person = cadre("Ngô Văn Khánh", world.vice)
    PersonnelAction.objects.create(
        kind="appointment",
        status=status,
        cadre=person,
        unit=world.chairman.unit,
        title=world.chairman.title,
        date=dt.date(2026, 3, 1),
    )
    if allowed:
        plan(world, person)
    else:
        with translation.override("en"):
            assert "planning is not decided together with an appointment" in refused(
                lambda: plan(world, person)
            )


def test_a_unit_without_a_position_of_the_title_is_refused(world, cadre):
    other = seat(world.commune, "X_BT").unit
    with pytest.raises(ValidationError):
        services.entry_add(
            term=world.term, cadre=cadre("Lý Văn Long"), unit=other, title=world.chairman.title, added_on=DAY
        )


def test_yearly_review_keeps_or_removes_with_a_reason(world, cadre):
    entry = plan(world, cadre("Bùi Văn Minh", world.vice))
    services.entry_review(entry, outcome=ReviewOutcome.KEEP, year=2026, date=dt.date(2026, 12, 15))
    assert refused(
        lambda: services.entry_review(
            entry, outcome=ReviewOutcome.REMOVE, year=2027, date=dt.date(2027, 12, 1)
        )
    )
    services.entry_review(
        entry, outcome=ReviewOutcome.REMOVE, year=2027, date=dt.date(2027, 12, 1), reason="Bị kỷ luật"
    )
    entry.refresh_from_db()
    assert (entry.status, entry.removal_reason) == (EntryStatus.REMOVED, "Bị kỷ luật")
    assert list(PlanningReview.objects.filter(entry=entry).values_list("outcome", flat=True)) == [
        "add",
        "keep",
        "remove",
    ]
    assert refused(
        lambda: services.entry_review(entry, outcome=ReviewOutcome.KEEP, year=2028, date=dt.date(2028, 12, 1))
    )


def test_the_review_flags_those_who_fall_out_of_the_standards(world, cadre):
    kept = plan(world, cadre("Dương Văn Nam", world.vice))
    disciplined = plan(world, cadre("Hồ Văn Phúc", world.vice))
    Discipline.objects.create(cadre=disciplined.cadre, kind="warning", date=dt.date(2026, 5, 4))
    assert selectors.review(world.term.entries.all(), 2025) == []
    flags = selectors.review(world.term.entries.all(), 2026)
    assert [f.entry for f in flags] == [disciplined]
    assert [r.rule for r in flags[0].failures] == ["discipline"]
    assert kept not in [f.entry for f in flags]


def test_coverage_counts_successors_and_shows_structure_gaps(world, cadre):
    plan(world, cadre("Trần Thị Quế", world.vice, gender="female", birth_date=dt.date(1990, 2, 1)))
    plan(world, cadre("Lê Văn Sơn", world.vice, birth_date=dt.date(1975, 2, 1)))
    found = selectors.coverage(world.term)
    by_title = {(s.position.title.code): s.count for s in found.slots}
    assert by_title["X_CT_UBND"] == 2 and by_title["X_BT"] == 0
    assert found.histogram[2] == 1 and found.histogram[3] == 0
    assert found.histogram[0] == len(found.slots) - 1
    indicators = {i.code: i for i in found.indicators}
    assert (indicators["women"].share, indicators["women"].gap) == (50.0, False)
    assert (indicators["young"].share, indicators["young"].gap) == (50.0, False)
    # Ages on 1 January 2026: 35 and 50: nobody in the middle band.
    assert indicators["age:45–49"].gap and not indicators["age:< 45"].gap


def test_forecast_retirements_against_successors(world, cadre):
    # The chairman, a man born in May 1966, retires at 62 on 31 May 2028; his one successor stays.
    cadre("Phan Văn Tâm", world.chairman, birth_date=dt.date(1966, 5, 17))
    plan(world, cadre("Nguyễn Văn Uy", world.vice))
    # The secretary, born in March 1967, retires on 31 March 2029 (62); nobody is planned.
    cadre("Đặng Văn Việt", seat(world.commune, "X_BT"), birth_date=dt.date(1967, 3, 8))
    found = selectors.forecast(world.term, dt.date(2026, 1, 5))
    rows = {row.year: row for row in found.result.rows}
    assert [rows[y].retiring for y in range(2026, 2031)] == [0, 0, 1, 1, 0]
    assert (rows[2028].uncovered, rows[2029].uncovered) == (0, 1)
    by_title = {s.position.title.code: s.forecast for s in found.seats}
    assert by_title["X_CT_UBND"].nobody_ready is None
    assert by_title["X_BT"].nobody_ready == 2029
    # Seats vacant today with nobody planned come first.
    assert found.uncovered[0].forecast.nobody_ready == 2026


def test_the_rules_engine_reads_planning_membership(world, cadre):
    planned = cadre("Trịnh Văn Xuân", world.vice)
    other = cadre("Mai Văn Yên", world.vice)
    plan(world, planned)
    people = {p.id: p for p in adapters.load_people(type(planned).objects.all(), dt.date(2026, 3, 1))}
    assert [e.title_code for e in people[planned.pk].planning] == ["X_CT_UBND"]
    assert people[other.pk].planning == ()


# -- training -----------------------------------------------------------------------------------------------


def test_a_completion_closes_the_gap_for_the_planned_title(world, cadre):
    person = cadre("Chu Văn Bảo", world.vice, political_theory="intermediate", state_management="specialist")
    plan(world, person)
    gaps = {g.title.code: g for g in selectors.cadre_gaps(person, DAY)}
    assert [s.field for s in gaps["X_CT_UBND"].shortfalls] == ["political_theory"]
    course = make_course(world.committee)
    enrolment = services.enrol(course=course, cadre=person, enrolled_on=dt.date(2025, 3, 1))
    assert refused(lambda: services.complete(enrolment, completed_on=dt.date(2025, 2, 1)))
    services.complete(enrolment, completed_on=dt.date(2026, 6, 30))
    person.refresh_from_db()
    assert person.political_theory == "advanced"
    assert enrolment.status == EnrolmentStatus.COMPLETED and enrolment.training_record.cadre == person
    assert all(not g.shortfalls for g in selectors.cadre_gaps(person, DAY))
    assert refused(lambda: services.complete(enrolment, completed_on=dt.date(2026, 6, 30)))


def test_a_lower_course_leaves_the_level_alone(world, cadre):
    person = cadre("Đinh Văn Cảnh", political_theory="bachelor")
    course = make_course(world.committee, level="intermediate", name="Trung cấp lý luận chính trị")
    services.complete(
        services.enrol(course=course, cadre=person, enrolled_on=dt.date(2025, 3, 1)),
        completed_on=dt.date(2026, 1, 10),
    )
    person.refresh_from_db()
    assert person.political_theory == "bachelor"


def test_body_training_share_and_who_to_send(world, cadre):
    trained = cadre("Lương Văn Đạt", world.vice, political_theory="advanced", state_management="specialist")
    lacking = cadre("Tạ Văn Đông", world.vice, political_theory="intermediate", state_management="specialist")
    candidate = cadre("Kiều Thị Hạnh", gender="female", political_theory="none")
    plan(world, candidate)
    found = selectors.body_training(world.committee, DAY, world.term)
    assert (found.leaders, found.trained, found.share) == (2, 1, 50.0)
    assert [(r.cadre, r.planned) for r in found.to_send] == [(lacking, False), (candidate, True)]
    assert trained not in [r.cadre for r in found.to_send]
    # Someone already on a running course is not sent again.
    services.enrol(course=make_course(world.committee), cadre=lacking, enrolled_on=dt.date(2025, 3, 1))
    found = selectors.body_training(world.committee, DAY, world.term)
    assert [r.cadre for r in found.to_send] == [candidate]
    assert found.sent_this_term == 0


def test_course_levels_match_their_kind(world):
    with pytest.raises(ValidationError):
        services.course_save(**_course_fields(world, kind="short", level="advanced"))
    with pytest.raises(ValidationError):
        services.course_save(**_course_fields(world, kind="political_theory", level=""))
    course = services.course_save(**_course_fields(world, kind="short", level="", field="Kỹ năng số"))
    assert course.level_label == ""


def _course_fields(world, **fields):
    return {
        "body": world.committee,
        "code": "KN-SO",
        "name": "Bồi dưỡng kỹ năng số",
        "institution": "Trường Chính trị tỉnh",
        "start_date": dt.date(2026, 3, 1),
        "end_date": dt.date(2026, 3, 10),
        **fields,
    }


def test_due_lists_name_the_planned_but_untrained(world, cadre):
    from canbo.careers.due import due_lists

    lacking = cadre(
        "Tôn Văn Định", world.vice, political_theory="intermediate", state_management="specialist"
    )
    trained = cadre("Lâm Văn Đức", world.vice, political_theory="advanced", state_management="specialist")
    plan(world, lacking)
    plan(world, trained)
    with translation.override("en"):
        items = due_lists(world.commune, DAY)["planned_untrained"]
    assert [i.cadre for i in items] == [lacking]
    assert "political theory: needs advanced, has intermediate" in items[0].detail
    assert items[0].detail.startswith("Chủ tịch UBND xã")
    services.enrol(course=make_course(world.committee), cadre=lacking, enrolled_on=dt.date(2025, 3, 1))
    assert due_lists(world.commune, DAY)["planned_untrained"] == []
