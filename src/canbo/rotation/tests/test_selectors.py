"""Which posts a round fills when it is not given them: vacant key posts, heads due to rotate, and non-local
posts held by local people, each judged as the rules engine and the due lists judge it."""

import datetime as dt

import pytest

from canbo.careers.models import Assignment
from canbo.core import testing
from canbo.rotation.models import PositionsMode, RotationRound
from canbo.rotation.selectors import positions_to_fill
from canbo.rules.selectors import active_ruleset
from canbo.rules.tests.conftest import DAY, MERGER, seat

pytestmark = pytest.mark.django_db


def fill(ward, mode, day=DAY, **params):
    rnd = RotationRound(name="Luân chuyển", body=ward.province, date=day, positions_mode=mode)
    positions, holders = positions_to_fill(rnd, active_ruleset(day).with_params(params))
    return [(p.unit, p.title.code) for p in positions], holders


def test_local_heads_by_hometown_and_by_residence_when_it_counts(ward, people):
    # Đức chairs his home ward; Giáp, from Kỳ Nam, lives in Kỳ Trinh and is its secretary.
    Assignment.objects.filter(cadre=people.duc).update(end_date=MERGER + dt.timedelta(days=30))
    testing.make_assignment(
        people.duc,
        seat(ward.other, "X_CT_UBND"),
        start_date=MERGER + dt.timedelta(days=30),
        action="election",
    )
    people.giap.residence_unit = ward.other
    people.giap.save(update_fields=["residence_unit"])
    testing.make_assignment(people.giap, seat(ward.other, "X_BT"), start_date=MERGER, action="election")

    positions, holders = fill(ward, PositionsMode.LOCAL_HEADS)
    assert [code for _unit, code in positions] == ["X_CT_UBND"]
    assert holders == {people.duc.pk}
    positions, holders = fill(ward, PositionsMode.LOCAL_HEADS, non_local_includes_residence=True)
    assert sorted(code for _unit, code in positions) == ["X_BT", "X_CT_UBND"]
    assert holders == {people.duc.pk, people.giap.pk}


def test_heads_due_after_two_terms_in_the_same_post(ward, people):
    testing.make_assignment(people.giap, seat(ward.other, "X_BT"), start_date=MERGER, action="election")
    limit = active_ruleset(DAY).params["term_limit_months"]
    reached = MERGER.replace(year=MERGER.year + limit // 12)
    assert fill(ward, PositionsMode.DUE, day=reached - dt.timedelta(days=1))[1] == set()
    positions, holders = fill(ward, PositionsMode.DUE, day=reached)
    assert holders == {people.giap.pk}
    assert [code for _unit, code in positions] == ["X_BT"]


def test_vacancies_are_the_key_posts_free_on_the_day(ward, people):
    positions, holders = fill(ward, PositionsMode.VACANCIES)
    codes = {(unit.pk, code) for unit, code in positions}
    assert holders == set()
    # Hoa holds the standing deputy secretary's seat of Hoành Sơn from the merger; before it, no seat existed.
    assert (seat(ward.hoanh_son, "X_PBT_TT").unit.pk, "X_PBT_TT") not in codes
    assert (seat(ward.other, "X_BT").unit.pk, "X_BT") in codes
    Assignment.objects.filter(cadre=people.hoa).update(end_date=DAY)
    assert (seat(ward.hoanh_son, "X_PBT_TT").unit.pk, "X_PBT_TT") in {
        (unit.pk, code) for unit, code in fill(ward, PositionsMode.VACANCIES)[0]
    }
