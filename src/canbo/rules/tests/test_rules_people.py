"""Rules about the person's record: retirement age and service left (both genders), discipline, standards,
evaluations and planning, each at its boundaries."""

import datetime as dt

import pytest

from canbo.rules.engine import DisciplineRecord, Outcome, PlanningEntry, Training

from .builders import KY_NAM_COMMITTEE, KY_NAM_PARTY, KY_TRINH_PARTY, check, held, person, post

SECRETARY = post(KY_NAM_PARTY, "X_BT")
VICE_CHAIRMAN = post(KY_NAM_COMMITTEE, "X_PCT_UBND")
# Born in April 1966 a man retires at 62, at the end of April 2028; born in April 1975 a woman at 59 years
# 8 months, at the end of December 2034.
MAN = {"gender": "male", "birth_date": dt.date(1966, 4, 10)}
WOMAN = {"gender": "female", "birth_date": dt.date(1975, 4, 10)}


# -- retirement age -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("born", "last_day", "age"),
    [(MAN, dt.date(2028, 4, 30), "62 tuổi"), (WOMAN, dt.date(2034, 12, 31), "59 tuổi 8 tháng")],
)
def test_no_post_after_the_retirement_date(born, last_day, age):
    someone = person(**born)
    on_last_day = check("retirement_age", someone, VICE_CHAIRMAN, "transfer", last_day)
    assert on_last_day.outcome == Outcome.PASS
    assert on_last_day.facts["retirement_date"] == last_day
    after = check("retirement_age", someone, VICE_CHAIRMAN, "transfer", last_day + dt.timedelta(days=1))
    assert after.outcome == Outcome.FAIL
    assert f"Đã đến tuổi nghỉ hưu ({age})" in after.reason_vi


@pytest.mark.parametrize(("born", "last_day"), [(MAN, dt.date(2028, 4, 30)), (WOMAN, dt.date(2034, 12, 31))])
def test_a_retirement_before_the_age_warns(born, last_day):
    someone = person(**born)
    assert check("retirement_age", someone, VICE_CHAIRMAN, "retirement", last_day).outcome == Outcome.WARNING
    after = last_day + dt.timedelta(days=1)
    assert check("retirement_age", someone, VICE_CHAIRMAN, "retirement", after).outcome == Outcome.PASS
    assert (
        check("retirement_age", someone, VICE_CHAIRMAN, "dismissal", after).outcome == Outcome.NOT_APPLICABLE
    )


# -- service left at appointment and rotation ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("born", "last_day_with_60"), [(MAN, dt.date(2023, 5, 1)), (WOMAN, dt.date(2030, 1, 1))]
)
def test_60_months_left_at_a_first_or_higher_appointment(born, last_day_with_60):
    someone = person(**born)
    enough = check("service_before_appointment", someone, SECRETARY, "appointment", last_day_with_60)
    assert (enough.outcome, enough.facts["service_left_months"]) == (Outcome.PASS, 60)
    short = check(
        "service_before_appointment",
        someone,
        SECRETARY,
        "appointment",
        last_day_with_60 + dt.timedelta(days=1),
    )
    assert (short.outcome, short.facts["service_left_months"]) == (Outcome.FAIL, 59)
    assert "ít hơn 60 tháng" in short.reason_vi


def test_service_left_concerns_first_and_higher_appointments_only():
    deputy = person(**MAN, posts=(held(KY_TRINH_PARTY, "X_BT", dt.date(2020, 1, 1)),))
    same_rank = check("service_before_appointment", deputy, SECRETARY, "transfer", dt.date(2025, 1, 1))
    assert same_rank.outcome == Outcome.NOT_APPLICABLE
    higher = check("service_before_appointment", person(**MAN), SECRETARY, "transfer", dt.date(2025, 1, 1))
    assert higher.outcome == Outcome.FAIL


@pytest.mark.parametrize(
    ("born", "last_day_with_120"), [(MAN, dt.date(2018, 5, 1)), (WOMAN, dt.date(2025, 1, 1))]
)
def test_120_months_left_at_rotation(born, last_day_with_120):
    someone = person(**born)
    deputy = post(KY_NAM_PARTY, "X_PBT_TT")  # not a non-local post: the full threshold
    enough = check("service_before_rotation", someone, deputy, "rotation", last_day_with_120)
    assert (enough.outcome, enough.facts["threshold"]) == (Outcome.PASS, "rotation_min_service_months")
    short = check(
        "service_before_rotation", someone, deputy, "rotation", last_day_with_120 + dt.timedelta(days=1)
    )
    assert (short.outcome, short.facts["service_left_months"]) == (Outcome.FAIL, 119)


@pytest.mark.parametrize(
    ("born", "last_day_with_60"), [(MAN, dt.date(2023, 5, 1)), (WOMAN, dt.date(2030, 1, 1))]
)
def test_60_months_left_when_the_rotation_places_a_non_local_head(born, last_day_with_60):
    someone = person(**born)  # from Kỳ Trinh, not local to Kỳ Nam
    enough = check("service_before_rotation", someone, SECRETARY, "rotation", last_day_with_60)
    assert (enough.outcome, enough.facts["grounds"]) == (Outcome.PASS, ["non_local_target"])
    short = check(
        "service_before_rotation", someone, SECRETARY, "rotation", last_day_with_60 + dt.timedelta(days=1)
    )
    assert short.outcome == Outcome.FAIL
    assert "không phải địa phương hoặc do đủ hai nhiệm kỳ" in short.reason_vi


def test_60_months_left_when_leaving_a_post_held_two_terms_or_a_local_head_post():
    deputy = post(KY_NAM_PARTY, "X_PBT_TT")
    day = dt.date(2023, 5, 1)
    two_terms = person(
        **MAN, hometown_ids=frozenset(), posts=(held(KY_TRINH_PARTY, "X_BT", dt.date(2015, 5, 1)),)
    )
    assert check("service_before_rotation", two_terms, deputy, "rotation", day).facts["grounds"] == [
        "two_terms"
    ]
    local_head = person(**MAN, posts=(held(KY_TRINH_PARTY, "X_BT", dt.date(2021, 1, 1)),))  # from Kỳ Trinh
    result = check("service_before_rotation", local_head, deputy, "rotation", day)
    assert (result.outcome, result.facts["grounds"]) == (Outcome.PASS, ["local_head"])


# -- discipline ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "months", "until"),
    [
        ("reprimand", 24, dt.date(2025, 3, 10)),
        ("warning", 36, dt.date(2026, 3, 10)),
        ("removal", 60, dt.date(2028, 3, 10)),
    ],
)
def test_waiting_periods_after_discipline(kind, months, until):
    disciplined = person(disciplines=(DisciplineRecord(kind, dt.date(2023, 3, 10)),))
    waiting = check("discipline", disciplined, SECRETARY, "appointment", until - dt.timedelta(days=1))
    assert waiting.outcome == Outcome.FAIL
    assert f"chưa hết thời hạn {months} tháng (đến {until:%d/%m/%Y})" in waiting.reason_vi
    assert check("discipline", disciplined, SECRETARY, "appointment", until).outcome == Outcome.PASS


def test_a_form_without_a_waiting_period_warns_and_later_records_are_ignored():
    expelled = person(disciplines=(DisciplineRecord("expulsion", dt.date(2010, 1, 1)),))
    assert (
        check("discipline", expelled, SECRETARY, "appointment", dt.date(2025, 1, 1)).outcome
        == Outcome.WARNING
    )
    later = person(disciplines=(DisciplineRecord("reprimand", dt.date(2026, 1, 1)),))
    result = check("discipline", later, SECRETARY, "appointment", dt.date(2025, 1, 1))
    assert (result.outcome, result.reason_vi) == (Outcome.PASS, "Không bị kỷ luật.")


def test_discipline_waits_concern_higher_appointments():
    peer = person(
        posts=(held(KY_TRINH_PARTY, "X_BT", dt.date(2020, 1, 1)),),
        disciplines=(DisciplineRecord("removal", dt.date(2024, 1, 1)),),
    )
    assert (
        check("discipline", peer, SECRETARY, "transfer", dt.date(2025, 1, 1)).outcome
        == Outcome.NOT_APPLICABLE
    )


# -- title standards ----------------------------------------------------------------------------------------


def test_standards_of_a_key_commune_post():
    short = person(
        political_theory="intermediate",
        trainings=(Training("Cao cấp lý luận chính trị", dt.date(2025, 3, 1)),),
    )
    result = check("title_standards", short, SECRETARY, "appointment", dt.date(2025, 6, 1))
    assert result.outcome == Outcome.FAIL and result.needs_justification
    assert "lý luận chính trị cần cao cấp, hiện có trung cấp" in result.reason_vi
    assert "Đang học: Cao cấp lý luận chính trị." in result.reason_vi
    assert result.facts["standard"] == "commune:key"
    bachelor = person(political_theory="bachelor", state_management="specialist")
    assert (
        check("title_standards", bachelor, SECRETARY, "appointment", dt.date(2025, 6, 1)).outcome
        == Outcome.PASS
    )


def test_a_title_code_standard_comes_before_the_level_one():
    params = {"title_standards": {"X_BT": {"degree": "master"}, "commune": {"degree": "college"}}}
    result = check("title_standards", person(), SECRETARY, "appointment", dt.date(2025, 6, 1), params=params)
    assert (result.outcome, result.facts["standard"]) == (Outcome.FAIL, "X_BT")
    none_set = check(
        "title_standards",
        person(),
        SECRETARY,
        "appointment",
        dt.date(2025, 6, 1),
        params={"title_standards": {}},
    )
    assert none_set.outcome == Outcome.NOT_APPLICABLE


# -- evaluations --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("evaluations", "outcome"),
    [
        (None, Outcome.WARNING),
        ({2024: "good", 2025: "completed"}, Outcome.PASS),
        ({2024: "not_completed", 2025: "excellent"}, Outcome.FAIL),
        ({2025: "not_completed"}, Outcome.FAIL),
        ({2025: "good"}, Outcome.WARNING),
        ({2023: "not_completed", 2024: "good", 2025: "good"}, Outcome.PASS),
    ],
)
def test_no_failing_grade_in_the_last_two_years(evaluations, outcome):
    result = check(
        "evaluation", person(evaluations=evaluations), SECRETARY, "appointment", dt.date(2026, 2, 1)
    )
    assert result.outcome == outcome
    assert result.facts["years"] == [2025, 2024]


# -- planning -----------------------------------------------------------------------------------------------

TERM = (dt.date(2025, 10, 8), dt.date(2030, 10, 7))


@pytest.mark.parametrize(
    ("planning", "outcome"),
    [
        (None, Outcome.WARNING),
        ((), Outcome.FAIL),
        ((PlanningEntry("X_BT", *TERM),), Outcome.PASS),
        ((PlanningEntry("X_BT", *TERM, unit_id=KY_NAM_PARTY.id),), Outcome.PASS),
        ((PlanningEntry("X_BT", *TERM, unit_id=KY_TRINH_PARTY.id),), Outcome.FAIL),
        ((PlanningEntry("X_CT_UBND", *TERM),), Outcome.FAIL),
        ((PlanningEntry("X_BT", dt.date(2020, 10, 1), dt.date(2025, 9, 30)),), Outcome.FAIL),
    ],
)
def test_appointment_to_a_planned_title(planning, outcome):
    result = check("planning", person(planning=planning), SECRETARY, "appointment", dt.date(2026, 1, 5))
    assert result.outcome == outcome


def test_only_planned_cadres_are_rotated():
    planned = person(planning=(PlanningEntry("X_CT_UBND", *TERM),))
    assert check("planning", planned, SECRETARY, "rotation", dt.date(2026, 1, 5)).outcome == Outcome.PASS
    assert check("planning", person(planning=()), SECRETARY, "rotation", dt.date(2026, 1, 5)).outcome == (
        Outcome.FAIL
    )
