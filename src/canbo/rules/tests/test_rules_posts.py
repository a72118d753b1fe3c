"""Rules about the post: non-local heads, two terms, time in post, rotation period, kinship. Each at its
boundaries: the day before a threshold fails, the day it is reached passes (or the other way round)."""

import datetime as dt

import pytest

from canbo.rules.engine import Context, HeldPost, Kin, Outcome

from .builders import (
    FINANCE,
    HOME_AFFAIRS,
    KY_NAM,
    KY_NAM_COMMITTEE,
    KY_NAM_PARTY,
    KY_TRINH_PARTY,
    PROVINCE,
    PROVINCE_COMMITTEE,
    PROVINCE_PARTY,
    check,
    held,
    person,
    post,
)

DAY = dt.date(2026, 1, 5)
SECRETARY = post(KY_NAM_PARTY, "X_BT", position_id=1)


# -- non-local heads ----------------------------------------------------------------------------------------


def test_a_local_secretary_fails_with_the_reason_in_both_languages():
    local = person(hometown_name="Xã Kỳ Nam", hometown_ids=frozenset({PROVINCE.id, KY_NAM.id}))
    result = check("non_local", local, SECRETARY, "rotation", DAY)
    assert result.outcome == Outcome.FAIL
    assert result.reason_vi == (
        "Quê quán xã Kỳ Nam trùng địa bàn đơn vị bổ nhiệm (Bí thư Đảng ủy xã, Đảng ủy xã Kỳ Nam): "
        "vi phạm nguyên tắc không bố trí người địa phương."
    )
    assert result.reason_en.startswith("Hometown Xã Kỳ Nam lies in the locality of the post")
    assert result.facts["compares"] == "territory_id in hometown_unit_ids"
    assert result.facts["territory_id"] == KY_NAM.id
    assert result.facts["local_by_hometown"] is True
    assert result.blocks


def test_a_secretary_from_another_commune_passes():
    result = check("non_local", person(), SECRETARY, "appointment", DAY)
    assert result.outcome == Outcome.PASS
    assert "ngoài địa bàn xã Kỳ Nam" in result.reason_vi


def test_a_hometown_commune_is_local_to_its_province():
    secretary = post(PROVINCE_PARTY, "T_BT")
    assert check("non_local", person(), secretary, "appointment", DAY).outcome == Outcome.FAIL


def test_residence_counts_by_setting():
    resident = person(residence_name="Xã Kỳ Nam", residence_ids=frozenset({PROVINCE.id, KY_NAM.id}))
    assert check("non_local", resident, SECRETARY, "appointment", DAY).outcome == Outcome.PASS
    counted = check(
        "non_local", resident, SECRETARY, "appointment", DAY, params={"non_local_includes_residence": True}
    )
    assert counted.outcome == Outcome.FAIL
    assert counted.reason_vi.startswith("Nơi cư trú xã Kỳ Nam thuộc địa bàn đơn vị bổ nhiệm")


def test_an_unknown_hometown_warns():
    result = check("non_local", person(hometown_ids=frozenset()), SECRETARY, "appointment", DAY)
    assert result.outcome == Outcome.WARNING


def test_titles_without_the_flag_and_ending_actions_are_not_concerned():
    local = person(hometown_ids=frozenset({KY_NAM.id}))
    deputy = post(KY_NAM_PARTY, "X_PBT_TT")
    assert check("non_local", local, deputy, "appointment", DAY).outcome == Outcome.NOT_APPLICABLE
    assert check("non_local", local, SECRETARY, "dismissal", DAY).outcome == Outcome.NOT_APPLICABLE


# -- two consecutive terms ----------------------------------------------------------------------------------


def two_terms_holder(gap: bool = False):
    return person(
        posts=(
            held(
                KY_NAM_PARTY,
                "X_BT",
                dt.date(2017, 1, 1),
                dt.date(2019, 12, 31) if gap else dt.date(2020, 1, 1),
            ),
            held(KY_NAM_PARTY, "X_BT", dt.date(2020, 1, 1), action="election"),
        )
    )


def test_two_terms_are_reached_after_96_months_without_a_break():
    holder = two_terms_holder()
    before = check("term_limit", holder, SECRETARY, "reappointment", dt.date(2024, 12, 31))
    assert before.outcome == Outcome.PASS
    assert before.facts["months_held"] == 95
    reached = check("term_limit", holder, SECRETARY, "reappointment", dt.date(2025, 1, 1))
    assert reached.outcome == Outcome.FAIL
    assert reached.facts["held_since"] == dt.date(2017, 1, 1)
    assert "đủ hai nhiệm kỳ (96 tháng)" in reached.reason_vi
    assert "not to be re-appointed" in reached.reason_en


def test_a_break_starts_the_count_again():
    result = check("term_limit", two_terms_holder(gap=True), SECRETARY, "reappointment", dt.date(2025, 1, 1))
    assert result.outcome == Outcome.PASS
    assert result.facts["held_since"] == dt.date(2020, 1, 1)


def test_term_limit_concerns_heads_of_the_same_post_only():
    holder = two_terms_holder()
    assert check("term_limit", holder, post(KY_NAM_PARTY, "X_PBT_TT"), "reappointment", DAY).outcome == (
        Outcome.NOT_APPLICABLE
    )
    other = post(KY_TRINH_PARTY, "X_BT")
    assert check("term_limit", holder, other, "appointment", DAY).outcome == Outcome.NOT_APPLICABLE


# -- time in the current post -------------------------------------------------------------------------------


def vice_chairman(since=dt.date(2022, 3, 15)):
    return person(posts=(held(KY_NAM_COMMITTEE, "X_PCT_UBND", since),))


def test_24_months_in_the_current_post_before_a_higher_one():
    chairman = post(KY_NAM_COMMITTEE, "X_CT_UBND")
    before = check("time_in_post", vice_chairman(), chairman, "appointment", dt.date(2024, 3, 14))
    assert (before.outcome, before.facts["months_held"]) == (Outcome.FAIL, 23)
    assert before.needs_justification  # a soft rule
    assert "đủ từ 15/03/2024" in before.reason_vi
    on_the_day = check("time_in_post", vice_chairman(), chairman, "appointment", dt.date(2024, 3, 15))
    assert (on_the_day.outcome, on_the_day.facts["months_held"]) == (Outcome.PASS, 24)


def test_back_to_back_terms_count_together_for_time_in_post():
    two_rows = person(
        posts=(
            held(KY_NAM_COMMITTEE, "X_PCT_UBND", dt.date(2021, 1, 1), dt.date(2023, 1, 1)),
            held(KY_NAM_COMMITTEE, "X_PCT_UBND", dt.date(2023, 1, 1), action="reappointment"),
        )
    )
    result = check(
        "time_in_post", two_rows, post(KY_NAM_COMMITTEE, "X_CT_UBND"), "appointment", dt.date(2023, 6, 1)
    )
    assert (result.outcome, result.facts["months_held"]) == (Outcome.PASS, 29)


def test_time_in_post_needs_a_current_post_and_a_higher_target():
    chairman = post(KY_NAM_COMMITTEE, "X_CT_UBND")
    assert check("time_in_post", person(), chairman, "appointment", DAY).outcome == Outcome.NOT_APPLICABLE
    lower = post(KY_NAM_COMMITTEE, "X_CC_TC")
    assert check("time_in_post", vice_chairman(), lower, "transfer", DAY).outcome == Outcome.NOT_APPLICABLE
    # A commune vice-chairman made a provincial department head moves up a level.
    higher = post(FINANCE, "T_TP_SO")
    assert check("time_in_post", vice_chairman(DAY), higher, "transfer", DAY).outcome == Outcome.FAIL


# -- rotation period and return -----------------------------------------------------------------------------


def test_a_rotation_lasts_at_least_36_months():
    someone = person()
    short = check("rotation_period", someone, SECRETARY, "rotation", DAY, planned_return=dt.date(2029, 1, 4))
    assert (short.outcome, short.facts["months_planned"]) == (Outcome.FAIL, 35)
    enough = check("rotation_period", someone, SECRETARY, "rotation", DAY, planned_return=dt.date(2029, 1, 5))
    assert (enough.outcome, enough.facts["months_planned"]) == (Outcome.PASS, 36)
    assert check("rotation_period", someone, SECRETARY, "rotation", DAY).outcome == Outcome.FAIL


def test_a_rotation_ending_after_retirement_warns():
    old = person(birth_date=dt.date(1966, 4, 10))  # retires at the end of April 2028
    result = check("rotation_period", old, SECRETARY, "rotation", DAY, planned_return=dt.date(2029, 1, 5))
    assert result.outcome == Outcome.WARNING
    assert result.facts["retirement_date"] == dt.date(2028, 4, 30)


def test_a_return_comes_after_36_months_of_rotation():
    rotated = person(posts=(held(KY_NAM_PARTY, "X_BT", dt.date(2023, 1, 10), action="rotation"),))
    home = post(PROVINCE_COMMITTEE, "T_PCT_UBND")
    early = check("rotation_period", rotated, home, "return", dt.date(2026, 1, 9))
    assert (early.outcome, early.facts["months_served"]) == (Outcome.FAIL, 35)
    due = check("rotation_period", rotated, home, "return", dt.date(2026, 1, 10))
    assert due.outcome == Outcome.PASS


def test_a_return_needs_a_rotation_or_secondment_under_way():
    seconded = person(posts=(held(FINANCE, "T_CV", dt.date(2025, 6, 1), action="secondment"),))
    assert check("rotation_period", seconded, SECRETARY, "return", DAY).outcome == Outcome.PASS
    assert check("rotation_period", vice_chairman(), SECRETARY, "return", DAY).outcome == Outcome.FAIL


# -- kinship ------------------------------------------------------------------------------------------------

RELATIVE_ID = 555


def relative_holding(unit, code, relation="spouse", person_id=RELATIVE_ID):
    candidate = person(kin=(Kin(relation, "Trần Thị Hoa", person_id),))
    ctx = Context(holders=(HeldPost(RELATIVE_ID, "Trần Thị Hoa", post(unit, code)),))
    return candidate, ctx


@pytest.mark.parametrize(
    ("target", "relative_post", "pair"),
    [
        (SECRETARY, (KY_NAM_PARTY, "X_PBT_TT"), "party_leadership"),
        (SECRETARY, (KY_NAM_PARTY, "X_TBTC"), "party_leadership"),
        (SECRETARY, (KY_NAM_PARTY, "X_CNUBKT"), "party_leadership"),
        (post(KY_NAM_PARTY, "X_CNUBKT"), (KY_NAM_PARTY, "X_TBTC"), "party_leadership"),
        (post(PROVINCE_PARTY, "T_PBT"), (PROVINCE_PARTY, "T_BT"), "party_leadership"),
        (post(PROVINCE_COMMITTEE, "T_CT_UBND"), (HOME_AFFAIRS, "T_GD_SO"), "chairman_oversight"),
        (post(HOME_AFFAIRS, "T_GD_SO"), (PROVINCE_COMMITTEE, "T_CT_UBND"), "chairman_oversight"),
        (post(KY_NAM_COMMITTEE, "X_CT_UBND"), (KY_NAM_COMMITTEE, "X_PCT_UBND"), "head_deputy"),
        (post(KY_NAM_COMMITTEE, "X_PCT_UBND"), (KY_NAM_COMMITTEE, "X_CT_UBND"), "head_deputy"),
        (post(FINANCE, "T_PGD_SO"), (FINANCE, "T_GD_SO"), "head_deputy"),
        (post(KY_NAM_COMMITTEE, "X_CC_TC"), (KY_NAM_COMMITTEE, "X_CT_UBND"), "sensitive_post"),
        (post(KY_NAM_COMMITTEE, "X_PCT_UBND"), (KY_NAM_COMMITTEE, "X_CC_TC"), "sensitive_post"),
    ],
)
def test_each_forbidden_pair_of_posts(target, relative_post, pair):
    candidate, ctx = relative_holding(*relative_post)
    result = check("kinship", candidate, target, "appointment", DAY, ctx=ctx)
    assert result.outcome == Outcome.FAIL
    assert result.facts["conflicts"][0]["pair"] == pair
    assert "Vợ/chồng Trần Thị Hoa đang giữ chức vụ" in result.reason_vi
    assert "Spouse Trần Thị Hoa holds" in result.reason_en


@pytest.mark.parametrize(
    ("target", "relative_post"),
    [
        (SECRETARY, (KY_TRINH_PARTY, "X_PBT_TT")),  # another party committee
        (post(PROVINCE_COMMITTEE, "T_CT_UBND"), (FINANCE, "T_GD_SO")),  # not home affairs or inspection
        (post(PROVINCE_COMMITTEE, "T_CT_UBND"), (HOME_AFFAIRS, "T_TP_SO")),  # a division head, not the head
        (post(KY_NAM_COMMITTEE, "X_PCT_UBND"), (KY_NAM_COMMITTEE, "X_CHQS")),  # not the committee's head
        (
            post(KY_NAM_COMMITTEE, "X_PCT_UBND"),
            (KY_NAM_COMMITTEE, "X_PCT_UBND"),
        ),  # the other seat of the target
        (post(KY_NAM_COMMITTEE, "X_CC_VP"), (KY_NAM_COMMITTEE, "X_CT_UBND")),  # not a sensitive post
    ],
)
def test_posts_that_may_be_held_together(target, relative_post):
    candidate, ctx = relative_holding(*relative_post)
    assert check("kinship", candidate, target, "appointment", DAY, ctx=ctx).outcome == Outcome.PASS


@pytest.mark.parametrize(
    "relation",
    [
        "spouse",
        "father",
        "mother",
        "parent",
        "father_in_law",
        "mother_in_law",
        "child",
        "child_in_law",
        "sibling",
    ],
)
def test_each_relation_of_the_regulation_counts(relation):
    candidate, ctx = relative_holding(KY_NAM_PARTY, "X_PBT_TT", relation)
    assert check("kinship", candidate, SECRETARY, "appointment", DAY, ctx=ctx).outcome == Outcome.FAIL


def test_relations_outside_the_regulation_and_relatives_who_are_not_cadres_do_not_count():
    in_law, ctx = relative_holding(KY_NAM_PARTY, "X_PBT_TT", "sibling_in_law")
    assert check("kinship", in_law, SECRETARY, "appointment", DAY, ctx=ctx).outcome == Outcome.PASS
    outsider, ctx = relative_holding(KY_NAM_PARTY, "X_PBT_TT", person_id=None)
    assert check("kinship", outsider, SECRETARY, "appointment", DAY, ctx=ctx).outcome == Outcome.PASS


def test_a_relative_holding_the_target_itself_is_being_replaced():
    candidate, ctx = relative_holding(KY_NAM_PARTY, "X_BT")
    assert check("kinship", candidate, SECRETARY, "appointment", DAY, ctx=ctx).outcome == Outcome.PASS


def test_a_rule_can_be_made_soft_by_setting():
    candidate, ctx = relative_holding(KY_NAM_PARTY, "X_PBT_TT")
    result = check(
        "kinship",
        candidate,
        SECRETARY,
        "appointment",
        DAY,
        ctx=ctx,
        params={"severities": {"kinship": "soft"}},
    )
    assert result.outcome == Outcome.FAIL
    assert (result.blocks, result.needs_justification) == (False, True)


def test_leadership_of_the_standard_bodies():
    assert KY_NAM_COMMITTEE.head_titles == {"X_CT_UBND"}  # the military commander is a head, not this one
    assert KY_NAM_COMMITTEE.deputy_titles == {"X_PCT_UBND"}
    assert KY_NAM_PARTY.head_titles == {"X_BT"} and KY_NAM_PARTY.deputy_titles == {"X_PBT_TT"}
    assert (FINANCE.head_titles, FINANCE.deputy_titles) == ({"T_GD_SO"}, {"T_PGD_SO"})
