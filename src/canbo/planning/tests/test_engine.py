"""The planning rules on plain facts, each at its boundaries (no database)."""

import datetime as dt

import pytest

from canbo.planning import engine
from canbo.planning.engine import Appointment, Candidate, Member, Planned, Term
from canbo.rules.engine import DEFAULTS as RULE_PARAMS
from canbo.rules.engine import DisciplineRecord, Outcome
from canbo.rules.tests.builders import KY_NAM_COMMITTEE, KY_NAM_PARTY, held, person, post, title

PARAMS = engine.merged()
TERM = Term("2026–2031", dt.date(2026, 1, 1), dt.date(2031, 12, 31))
DAY = dt.date(2025, 12, 1)
SECRETARY = post(KY_NAM_PARTY, "X_BT")
CHAIRMAN = post(KY_NAM_COMMITTEE, "X_CT_UBND")
VICE_CHAIRMAN = post(KY_NAM_COMMITTEE, "X_PCT_UBND")


def vice_chairman(**fields):
    fields.setdefault("posts", (held(KY_NAM_COMMITTEE, "X_PCT_UBND", dt.date(2021, 6, 1)),))
    return Candidate(person(**fields))


def check(code, candidate, slot=CHAIRMAN, others=(), own=(), day=DAY, params=PARAMS):
    results = engine.check_entry(candidate, slot, TERM, day, others, own, params, RULE_PARAMS)
    return next(r for r in results if r.rule == code)


def planned(n, code="X_CT_UBND", unit=KY_NAM_COMMITTEE):
    return tuple(Planned(100 + i, f"Người {i}", unit.id, title(code)) for i in range(n))


def test_a_suitable_candidate_passes_every_rule():
    results = engine.check_entry(vice_chairman(), CHAIRMAN, TERM, DAY, (), (), PARAMS, RULE_PARAMS)
    assert [r.outcome for r in results] == [Outcome.PASS] * 6
    assert engine.blocking(results) == ()


@pytest.mark.parametrize(("slot", "outcome"), [(CHAIRMAN, "pass"), (VICE_CHAIRMAN, "fail")])
def test_only_higher_titles(slot, outcome):
    result = check("higher_title", vice_chairman(), slot)
    assert result.outcome == outcome
    if outcome == "fail":
        assert "không cao hơn chức vụ hiện tại" in result.reason_vi
        assert "is not above the current post" in result.reason_en


def test_a_lower_title_is_not_higher():
    secretary = vice_chairman(posts=(held(KY_NAM_PARTY, "X_BT", dt.date(2021, 6, 1)),))
    assert check("higher_title", secretary, CHAIRMAN).outcome == Outcome.FAIL


def test_someone_without_a_post_may_be_planned_for_any_title():
    assert check("higher_title", Candidate(person(posts=())), VICE_CHAIRMAN).outcome == Outcome.PASS


@pytest.mark.parametrize(("already", "outcome"), [(2, "pass"), (3, "fail")])
def test_at_most_three_cadres_per_title(already, outcome):
    result = check("cadres_per_title", vice_chairman(), others=planned(already))
    assert result.outcome == outcome
    assert result.facts["planned"] == [f"Người {i}" for i in range(already)]
    if outcome == "fail":
        assert result.reason_en.startswith("Chairman")
        assert "at most 3 per title" in result.reason_en
        assert "tối đa 3 người cho một chức danh" in result.reason_vi


def test_the_limit_per_title_is_a_parameter():
    result = check(
        "cadres_per_title", vice_chairman(), others=planned(2), params={**PARAMS, "max_cadres_per_title": 2}
    )
    assert result.outcome == Outcome.FAIL


@pytest.mark.parametrize(
    ("titles", "outcome"), [(("X_BT", "X_CT_HDND"), "pass"), (("X_BT", "X_CT_HDND", "X_PBT_TT"), "fail")]
)
def test_at_most_three_titles_of_one_level(titles, outcome):
    own = tuple(Planned(1, "Giáp", KY_NAM_PARTY.id, title(code)) for code in titles)
    result = check("titles_per_level", vice_chairman(), own=own)
    assert result.outcome == outcome
    if outcome == "fail":
        assert "3 commune-level titles" in result.reason_en


def test_titles_of_another_level_do_not_count():
    own = tuple(Planned(1, "Giáp", 1, title(code)) for code in ("T_BT", "T_PBT_TT", "T_CT_UBND"))
    assert check("titles_per_level", vice_chairman(), own=own).outcome == Outcome.PASS


# A man born in May 1966 retires at 62 (the final age, reached in 2028): last day 31 May 2028, first day after
# 1 June 2028. From 1 January 2026 that is 29 months.
@pytest.mark.parametrize(
    ("birth", "outcome"),
    [
        (dt.date(1966, 5, 17), "fail"),
        # Retiring on 1 January 2031 (first day after): 60 months from the start of the term exactly.
        (dt.date(1968, 12, 5), "pass"),
        # One month earlier: 59 months.
        (dt.date(1968, 11, 5), "fail"),
    ],
)
def test_a_full_term_before_retirement(birth, outcome):
    result = check("full_term", vice_chairman(birth_date=birth))
    assert result.outcome == outcome, result.facts
    if outcome == "fail":
        assert "không đủ 60 tháng" in result.reason_vi
        assert "short of a full term of 60 months" in result.reason_en


def test_the_full_term_boundary_is_exact():
    boundary = check("full_term", vice_chairman(birth_date=dt.date(1968, 12, 5)))
    assert boundary.facts["months_left"] == 60
    assert check("full_term", vice_chairman(birth_date=dt.date(1968, 11, 5))).facts["months_left"] == 59


@pytest.mark.parametrize(
    ("kind", "date", "outcome"),
    [
        # A reprimand waits 24 months: 1 December 2023 is over on 1 December 2025, a day later is not.
        ("reprimand", dt.date(2023, 12, 1), "pass"),
        ("reprimand", dt.date(2023, 12, 2), "fail"),
        ("warning", dt.date(2022, 12, 2), "fail"),
        ("warning", dt.date(2022, 12, 1), "pass"),
        # Forms with no waiting period always bar.
        ("expulsion", dt.date(2010, 1, 1), "fail"),
        # A later discipline is not known yet on the day.
        ("reprimand", dt.date(2025, 12, 2), "pass"),
    ],
)
def test_discipline_from_reprimand_up(kind, date, outcome):
    result = check("discipline", vice_chairman(disciplines=(DisciplineRecord(kind, date),)))
    assert result.outcome == outcome
    if outcome == "fail":
        assert result.reason_vi.startswith("Bị kỷ luật")


def test_discipline_within_the_term_bars_whatever_its_waiting_period():
    candidate = vice_chairman(disciplines=(DisciplineRecord("reprimand", dt.date(2026, 3, 1)),))
    results = engine.review_entry(candidate, CHAIRMAN, TERM, dt.date(2029, 12, 31), PARAMS, RULE_PARAMS)
    failure = next(r for r in results if r.rule == "discipline")
    assert failure.outcome == Outcome.FAIL
    assert "within the term" in failure.reason_en


@pytest.mark.parametrize(
    ("appointment", "outcome"),
    [
        (Appointment(dt.date(2025, 11, 1), "Phó Chủ tịch UBND xã"), "fail"),  # 30 days before
        (Appointment(dt.date(2025, 10, 31), "Phó Chủ tịch UBND xã"), "pass"),  # 31 days before
        (Appointment(dt.date(2026, 2, 1), "Chủ tịch UBND xã"), "fail"),  # scheduled later
        (
            Appointment(dt.date(2020, 2, 1), "Chủ tịch UBND xã", proposed=True),
            "fail",
        ),  # a proposal still open
    ],
)
def test_not_together_with_an_appointment(appointment, outcome):
    candidate = Candidate(vice_chairman().person, (appointment,))
    result = check("appointment", candidate)
    assert result.outcome == outcome
    if outcome == "fail":
        assert "không quy hoạch đồng thời với bổ nhiệm" in result.reason_vi


def test_review_flags_only_the_standards_a_cadre_can_fall_out_of():
    results = engine.review_entry(vice_chairman(), CHAIRMAN, TERM, DAY, PARAMS, RULE_PARAMS)
    assert [r.rule for r in results] == ["higher_title", "full_term", "discipline"]


# -- structure ----------------------------------------------------------------------------------------------


def members(young_women=0, old_men=0, minority=0):
    pool = [Member(dt.date(1990, 1, 1), True, False)] * young_women
    pool += [Member(dt.date(1970, 1, 1), False, False)] * old_men
    pool += [Member(dt.date(1978, 6, 1), False, True)] * minority
    return pool


def indicators(pool, minority_share=0.0):
    return {i.code: i for i in engine.structure(pool, TERM.start, "province", minority_share, PARAMS)}


def test_structure_targets_at_their_boundaries():
    # 3 young women of 20: 15% young (met), 15% women (gap: 25% needed).
    found = indicators(members(young_women=3, old_men=17))
    assert (found["young"].share, found["young"].gap) == (15.0, False)
    assert (found["women"].share, found["women"].gap) == (15.0, True)
    # 5 of 20 women: exactly 25%, met.
    found = indicators(members(young_women=5, old_men=15))
    assert (found["women"].share, found["women"].gap) == (25.0, False)
    # 2 of 20 young: 10%, a gap.
    assert indicators(members(young_women=2, old_men=18))["young"].gap


def test_ethnic_minority_target_follows_the_area():
    found = indicators(members(old_men=8, minority=2), minority_share=30.0)
    assert (found["minority"].share, found["minority"].target, found["minority"].gap) == (20.0, 30.0, True)
    assert not indicators(members(old_men=8, minority=2), minority_share=20.0)["minority"].gap


def test_three_age_bands_each_need_someone():
    # Ages on 1 January 2026: 36 (born 1990), 47 (1978), 56 (1970).
    found = indicators(members(young_women=1, old_men=1))
    assert [found[f"age:{band}"].count for band in ("< 45", "45–49", "≥ 50")] == [1, 0, 1]
    assert found["age:45–49"].gap and not found["age:< 45"].gap
    assert not indicators(members(young_women=1, old_men=1, minority=1))["age:45–49"].gap


def test_an_empty_pool_has_every_gap():
    found = indicators([])
    assert all(i.gap for i in found.values() if i.target)


# -- training -----------------------------------------------------------------------------------------------


def test_requirement_follows_the_title_standards_of_the_rules_engine():
    # Commune key posts: university, advanced political theory, state management specialist.
    assert engine.requirement(title("X_CT_UBND"), RULE_PARAMS) == {
        "degree": "university",
        "political_theory": "advanced",
        "state_management": "specialist",
    }
    custom = {**RULE_PARAMS, "title_standards": {"X_CT_UBND": {"degree": "master"}}}
    assert engine.requirement(title("X_CT_UBND"), custom) == {"degree": "master"}
    assert engine.requirement(title("X_BT"), custom) == {}


def test_shortfalls_at_the_boundary():
    need = {"political_theory": "advanced", "state_management": "specialist"}
    have = {"degree": "university", "political_theory": "intermediate", "state_management": "specialist"}
    short = engine.shortfalls(have, need)
    assert [(s.field, s.need, s.have) for s in short] == [("political_theory", "advanced", "intermediate")]
    assert short[0].text_vi == "lý luận chính trị: cần cao cấp, hiện có trung cấp"
    assert short[0].text_en == "political theory: needs advanced, has intermediate"
    # Bachelor of political theory counts as advanced.
    assert engine.shortfalls({**have, "political_theory": "bachelor"}, need) == []


def test_a_course_raises_only_a_lower_level():
    assert engine.raises("political_theory", "intermediate", "advanced")
    assert not engine.raises("political_theory", "bachelor", "advanced")
    assert not engine.raises("degree", "master", "university")
