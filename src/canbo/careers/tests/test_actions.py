"""The personnel-action workflow: drafted, checked by the rules, submitted, decided; history changes only on
approval, in one transaction, and every check stays on record."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from canbo.careers import services
from canbo.careers.models import ActionStatus, Assignment, PersonnelAction
from canbo.organizations.models import Title

from .conftest import DAY, seat

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def draft_rotation(board, people, unit, **extra):
    return services.action_draft(
        user=board.organizer,
        cadre=people.giap,
        kind="rotation",
        unit=unit,
        title=Title.objects.get(code="X_BT"),
        date=DAY,
        **extra,
    )


def justify_all(action) -> dict:
    return {r["rule"]: "Đã cân nhắc trong tập thể Ban Thường vụ." for r in services.overridable(action)}


def test_a_rotation_to_the_home_commune_is_blocked_with_its_reason(ward, people, department, board):
    action = draft_rotation(board, people, ward.hoanh_son)
    assert action.status == ActionStatus.DRAFT
    assert action.position == seat(ward.hoanh_son, "X_BT")
    codes = {r["rule"] for r in services.blocking(action)}
    assert "non_local" in codes
    [non_local] = [r for r in services.blocking(action) if r["rule"] == "non_local"]
    assert non_local["reason"]["vi"].startswith("Quê quán xã Kỳ Nam trùng địa bàn đơn vị bổ nhiệm")
    with pytest.raises(ValidationError) as refused:
        services.action_submit(action, user=board.organizer, justifications=justify_all(action))
    assert any("Kỳ Nam" in message for message in refused.value.messages)
    # Nothing changed in work history.
    assert Assignment.objects.filter(cadre=people.giap).count() == 1


def test_a_rotation_defaults_its_return_to_the_rotation_length(ward, people, department, board):
    action = draft_rotation(board, people, ward.other)
    assert action.planned_end_date == dt.date(2029, 1, 5)


def test_fixing_the_choice_runs_the_rules_again_and_keeps_the_first_check(ward, people, department, board):
    action = draft_rotation(board, people, ward.hoanh_son)
    first = action.last_check
    action = services.action_update(action, user=board.organizer, unit=ward.other)
    assert action.last_check != first and not services.blocking(action)
    assert set(action.checks.all()) == {first, action.last_check}
    assert first.eligible is False and action.last_check.eligible is True


def test_approval_closes_the_old_post_and_opens_the_new_one_under_the_decision(
    ward, people, department, board
):
    action = draft_rotation(board, people, ward.other)
    services.action_submit(action, user=board.organizer, justifications=justify_all(action))
    pdf = SimpleUploadedFile("qd.pdf", b"%PDF-1.4 decision", content_type="application/pdf")
    action = services.action_approve(
        action,
        user=board.approver,
        number="125-QĐ/TU",
        decision_date=DAY - dt.timedelta(days=5),
        issued_by=ward.province,
        signer="Ban Thường vụ Tỉnh ủy",
        document=pdf,
    )
    assert action.status == ActionStatus.APPROVED and action.decision.number == "125-QĐ/TU"
    old, new = Assignment.objects.filter(cadre=people.giap).order_by("start_date")
    assert (old.position, old.end_date, old.end_action, old.end_decision) == (
        department.position,
        DAY,
        "rotation",
        action.decision,
    )
    assert (new.position, new.start_date, new.action, new.decision) == (
        seat(ward.other, "X_BT"),
        DAY,
        "rotation",
        action.decision,
    )
    assert new.planned_end_date == dt.date(2029, 1, 5)
    assert (action.closed, action.opened) == (old, new)
    # The approval ran the rules once more and kept that check too.
    assert action.checks.count() == 2


def test_whoever_drafts_does_not_decide(ward, people, department, board):
    action = draft_rotation(board, people, ward.other)
    services.action_submit(action, user=board.organizer, justifications=justify_all(action))
    board.organizer.memberships.update(role="approver")
    with pytest.raises(ValidationError, match="một người phê duyệt khác"):
        services.action_approve(action, user=board.organizer, number="1", decision_date=DAY)
    assert PersonnelAction.objects.get(pk=action.pk).status == ActionStatus.SUBMITTED


def test_a_hard_failure_found_at_approval_refuses_it_and_keeps_the_check(ward, people, department, board):
    action = draft_rotation(board, people, ward.other)
    services.action_submit(action, user=board.organizer, justifications=justify_all(action))
    # Meanwhile Giáp's wife becomes standing deputy secretary where he is proposed as secretary: kinship now
    # blocks the move.
    Assignment.objects.filter(cadre=people.hoa).delete()
    services.assignment_create(
        cadre=people.hoa,
        position=seat(ward.other, "X_PBT_TT"),
        start_date=DAY - dt.timedelta(days=30),
        action="appointment",
    )
    with pytest.raises(ValidationError):
        services.action_approve(action, user=board.approver, number="2", decision_date=DAY)
    action.refresh_from_db()
    assert action.status == ActionStatus.SUBMITTED
    assert action.checks.count() == 2 and action.last_check.eligible is False
    assert (
        Assignment.objects.filter(cadre=people.giap, end_date__isnull=True).get().position
        == department.position
    )


def test_soft_failures_need_a_written_justification(ward, people, department, board, monkeypatch):
    action = draft_rotation(board, people, ward.other)
    soft = [
        {
            "rule": "planning",
            "name": {"vi": "Quy hoạch", "en": "Planning"},
            "outcome": "fail",
            "severity": "soft",
            "reason": {"vi": "Chưa được quy hoạch", "en": "Not planned"},
        }
    ]
    monkeypatch.setattr(services.actions, "overridable", lambda _action: soft)
    with pytest.raises(ValidationError, match="cần giải trình bằng văn bản"):
        services.action_submit(action, user=board.organizer, justifications={"planning": "  "})
    services.action_submit(action, user=board.organizer, justifications={"planning": "Nguồn tại chỗ thiếu"})
    assert action.justifications == {"planning": "Nguồn tại chỗ thiếu"}


def test_rejection_needs_a_reason_and_stays_on_record(ward, people, department, board):
    action = draft_rotation(board, people, ward.other)
    services.action_submit(action, user=board.organizer, justifications=justify_all(action))
    with pytest.raises(ValidationError):
        services.action_reject(action, user=board.approver, reason=" ")
    services.action_reject(action, user=board.approver, reason="Chưa đủ thời gian công tác tại Sở.")
    action.refresh_from_db()
    assert (action.status, action.decided_by) == (ActionStatus.REJECTED, board.approver)
    assert Assignment.objects.filter(cadre=people.giap).count() == 1


def test_retirement_ends_the_post_held(ward, people, department, board):
    action = services.action_draft(
        user=board.organizer, cadre=people.giap, kind="retirement", date=dt.date(2038, 4, 1)
    )
    assert (action.unit, action.position) == (department.unit, department.position)
    services.action_submit(action, user=board.organizer, justifications=justify_all(action))
    services.action_approve(action, user=board.approver, number="9-QĐ", decision_date=dt.date(2038, 1, 1))
    assignment = Assignment.objects.get(cadre=people.giap)
    assert (assignment.end_date, assignment.end_action) == (dt.date(2038, 4, 1), "retirement")


def test_a_post_that_does_not_exist_is_named(ward, people, department, board):
    with pytest.raises(ValidationError) as refused:
        services.action_draft(
            user=board.organizer,
            cadre=people.giap,
            kind="appointment",
            unit=ward.other,
            title=Title.objects.get(code="T_BT"),
            date=DAY,
        )
    assert "Phường Kỳ Trinh" in str(refused.value)
