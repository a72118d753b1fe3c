"""A round on the records: solved through the rules adapters, copied as a scenario, checked by hand and
approved through the personnel-action workflow, one decision per move."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from canbo.careers.models import ActionStatus, Assignment, PersonnelAction
from canbo.rotation import services
from canbo.rotation.models import PlanKind, PositionsMode, RotationRound, RoundStatus
from canbo.rules.tests.conftest import DAY, seat

pytestmark = pytest.mark.django_db


@pytest.fixture
def rnd(ward, people, department, board):
    """The secretary's seat of Kỳ Trinh to fill from Giáp and Hoa (Hoa is from Kỳ Trinh: a local)."""
    return services.round_save(
        None,
        user=board.organizer,
        positions=[seat(ward.other, "X_BT")],
        candidates=[people.giap, people.hoa],
        name="Luân chuyển 2026",
        body=ward.province,
        date=DAY,
        positions_mode=PositionsMode.CHOSEN,
        use_planning_pool=False,
    )


def test_a_solved_round_proposes_the_non_local_cadre_and_says_why_the_local_one_is_out(rnd, people):
    services.round_solve(rnd)
    rnd.refresh_from_db()
    assert rnd.status == RoundStatus.SOLVED
    [move] = rnd.moves.filter(plan=PlanKind.OPTIMIZER)
    assert move.cadre == people.giap
    assert sum(move.explanation["parts"].values()) == pytest.approx(move.score, abs=0.01)
    [left] = rnd.result["left_out"]
    assert left["candidate"]["id"] == people.hoa.pk
    assert left["why"]["code"] == "no_eligible"
    assert "non_local" in {b["reason"] for b in left["why"]["blocked"]}


def test_an_unreachable_women_target_with_a_pin_is_explained(rnd, people, ward):
    services.pin_add(rnd, kind="keep", position=seat(ward.other, "X_BT"), cadre=people.giap)
    rnd.women_percent = 50
    rnd.save()
    services.round_solve(rnd)
    rnd.refresh_from_db()
    assert [(r["kind"], r["asked"], r["reached"]) for r in rnd.result["relaxed"]] == [("share", 50, 0)]
    assert {c["kind"] for c in rnd.result["conflicts"]} == {"keep", "share"}


def test_a_scenario_copies_the_settings_and_pins_and_solves_on_its_own(rnd, people, ward, board):
    services.pin_add(rnd, kind="forbid", position=seat(ward.other, "X_BT"), cadre=people.giap)
    copy = services.round_copy(rnd, user=board.organizer)
    assert copy.parent == rnd and copy.status == RoundStatus.DRAFT
    assert list(copy.pins.values_list("kind", "cadre")) == [("forbid", people.giap.pk)]
    services.round_solve(copy)
    copy.refresh_from_db()
    assert copy.result["filled"] == 0
    assert rnd.moves.count() == 0


def test_a_hand_edit_that_breaks_a_rule_is_flagged(rnd, people, ward):
    post = seat(ward.other, "X_BT")
    found = services.hand_plan_set(rnd, f"{people.hoa.code}, {post.unit.code}, X_BT")
    [violation] = found["violations"]
    assert violation["code"] == "blocked" and "non_local" in violation["reasons"]


def test_approval_creates_one_approved_action_and_decision_per_move(rnd, people, ward, board):
    services.round_solve(rnd)
    with pytest.raises(ValidationError):
        services.round_approve(rnd, user=board.organizer, number="12-QĐ/TU", decision_date=DAY)
    assert not PersonnelAction.objects.exists()
    actions = services.round_approve(
        rnd,
        user=board.approver,
        number="12-QĐ/TU",
        decision_date=dt.date(2025, 12, 20),
        justification="Ban Thường vụ đã thảo luận.",
    )
    [action] = actions
    assert action.status == ActionStatus.APPROVED
    assert action.drafted_by == board.organizer and action.decided_by == board.approver
    assert action.decision.number == "12-QĐ/TU-1"
    new = Assignment.objects.get(cadre=people.giap, start_date=DAY)
    assert new.position == seat(ward.other, "X_BT") and new.decision == action.decision
    rnd.refresh_from_db()
    assert rnd.status == RoundStatus.APPROVED
    assert rnd.moves.get(plan=PlanKind.OPTIMIZER).action == action
    with pytest.raises(ValidationError):
        services.round_save(rnd, name="again")


def test_rounds_out_of_scope_are_not_listed(rnd, ward):
    from canbo.core import testing

    outsider = testing.make_user("outsider", ward.other, "organizer")
    assert not RotationRound.objects.restrict(outsider).exists()
