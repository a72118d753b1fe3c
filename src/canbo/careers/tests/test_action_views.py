"""The personnel-action pages: a proposal drafted on the web, the rules' reasons shown, the steps refused with
their reasons, the decision recorded; the due lists and eligibility pages a board works from."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from canbo.careers.models import ActionStatus, Assignment, PersonnelAction
from canbo.core.testing_views import count_queries
from canbo.organizations.models import Title

from .conftest import DAY, seat

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def organizer(client, board):
    client.force_login(board.organizer)
    return client


def propose(client, people, unit, **extra):
    data = {
        "cadre_code": people.giap.code,
        "kind": "rotation",
        "unit": unit.pk,
        "title": Title.objects.get(code="X_BT").pk,
        "date": DAY.isoformat(),
        "reason": "Luân chuyển về cơ sở",
        **extra,
    }
    return client.post(reverse("careers:action_add"), data)


def test_a_link_from_the_cadre_page_prefills_the_proposal(organizer, ward, people):
    title = Title.objects.get(code="X_BT")
    url = (
        reverse("careers:action_add")
        + f"?cadre={people.giap.pk}&unit={ward.other.pk}&title={title.pk}&kind=rotation"
    )
    response = organizer.get(url)
    assert response.status_code == 200
    form = response.context["form"]
    assert form.initial["kind"] == "rotation"
    assert form.initial["unit"] == ward.other.pk


def test_a_proposal_to_the_home_commune_shows_the_non_local_reason_and_cannot_be_submitted(
    organizer, ward, people, department
):
    response = propose(organizer, people, ward.hoanh_son)
    action = PersonnelAction.objects.get()
    assert response.status_code == 302 and response["Location"] == action.get_absolute_url()
    page = organizer.get(action.get_absolute_url()).content.decode()
    assert "Quê quán xã Kỳ Nam trùng địa bàn đơn vị bổ nhiệm" in page
    assert 'id="blocking"' in page

    response = organizer.post(reverse("careers:action_submit", args=[action.pk]))
    assert response.status_code == 422
    assert "Kỳ Nam" in response.content.decode()
    action.refresh_from_db()
    assert action.status == ActionStatus.DRAFT


def test_a_fixed_proposal_is_submitted_approved_and_moves_the_cadre(client, ward, people, department, board):
    client.force_login(board.organizer)
    propose(client, people, ward.hoanh_son)
    action = PersonnelAction.objects.get()
    response = client.post(
        reverse("careers:action_edit", args=[action.pk]),
        {
            "kind": "rotation",
            "unit": ward.other.pk,
            "title": Title.objects.get(code="X_BT").pk,
            "date": DAY.isoformat(),
            "reason": "Luân chuyển về cơ sở",
        },
    )
    assert response.status_code == 302
    justifications = {
        f"justify_{code}": "Tập thể Ban Thường vụ đã cân nhắc."
        for code in ("planning", "evaluation", "months_left_rotation", "title_standards")
    }
    response = client.post(reverse("careers:action_submit", args=[action.pk]), justifications)
    assert response.status_code == 302, response.content.decode()[:2000]
    action.refresh_from_db()
    assert action.status == ActionStatus.SUBMITTED

    # The organizer's role does not reach the decision.
    response = client.post(reverse("careers:action_approve", args=[action.pk]), {"number": "1/QĐ"})
    assert response.status_code in (403, 404)

    client.force_login(board.approver)
    document = SimpleUploadedFile("qd.pdf", b"%PDF-1.4 decision", content_type="application/pdf")
    response = client.post(
        reverse("careers:action_approve", args=[action.pk]),
        {
            "number": "125-QĐ/TU",
            "decision_date": "2025-12-20",
            "signer": "Bí thư Tỉnh ủy",
            "document": document,
        },
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.status == ActionStatus.APPROVED
    assert action.decision.number == "125-QĐ/TU"
    history = Assignment.objects.filter(cadre=people.giap).order_by("start_date")
    assert [(a.position, a.end_date) for a in history] == [
        (department.position, DAY),
        (seat(ward.other, "X_BT"), None),
    ]
    page = client.get(people.giap.get_absolute_url()).content.decode()
    assert "125-QĐ/TU" in page


def test_an_approval_without_a_pdf_decision_is_refused_with_the_reason(
    client, ward, people, department, board
):
    client.force_login(board.organizer)
    propose(client, people, ward.other)
    action = PersonnelAction.objects.get()
    PersonnelAction.objects.filter(pk=action.pk).update(status=ActionStatus.SUBMITTED)
    client.force_login(board.approver)
    not_pdf = SimpleUploadedFile("qd.pdf", b"hello", content_type="application/pdf")
    response = client.post(
        reverse("careers:action_approve", args=[action.pk]),
        {"number": "1/QĐ", "decision_date": "2025-12-20", "document": not_pdf},
    )
    assert response.status_code == 422
    assert "PDF" in response.content.decode()


def test_the_action_list_costs_the_same_queries_for_few_and_many(organizer, ward, people, department, board):
    propose(organizer, people, ward.other)
    few, response = count_queries(organizer, reverse("careers:action_list"))
    assert response.status_code == 200
    for _ in range(5):
        propose(organizer, people, ward.other)
    many, response = count_queries(organizer, reverse("careers:action_list"))
    assert response.status_code == 200
    assert response.content.decode().count(people.giap.full_name) >= 6
    assert many == few


def test_due_lists_show_local_heads_and_rotations_ending(organizer, ward, people, department):
    local = Title.objects.get(code="X_CT_UBND")
    # Đức from Kỳ Trinh chairs his home ward's People's Committee; Hoa returns from rotation within 6 months.
    Assignment.objects.filter(cadre=people.duc).update(end_date=dt.date(2025, 9, 1))
    seat_ = seat(ward.other, local.code)
    Assignment.objects.create(
        cadre=people.duc, position=seat_, start_date=dt.date(2025, 9, 1), action="election"
    )
    Assignment.objects.filter(cadre=people.hoa).update(
        action="rotation", planned_end_date=dt.date(2026, 3, 1)
    )
    response = organizer.get(reverse("careers:due"), {"as_of": DAY.isoformat()})
    assert response.status_code == 200
    assert [item.cadre for item in response.context["local_heads"]] == [people.duc]
    assert [assignment.cadre for assignment in response.context["rotations_ending"]] == [people.hoa]
    page = response.content.decode()
    assert "Lê Minh Đức" in page and "Trần Thị Hoa" in page


def test_due_lists_count_a_seat_vacant_as_of_the_chosen_day(organizer, ward, people):
    # Hoa held the standing deputy secretary's seat from the merger until December: vacant on DAY, held in
    # October, whoever holds it today.
    Assignment.objects.filter(cadre=people.hoa).update(end_date=dt.date(2025, 12, 1))
    deputy = seat(ward.hoanh_son, "X_PBT_TT")

    def vacant(day):
        response = organizer.get(reverse("careers:due"), {"as_of": day.isoformat()})
        return [p.pk for p in response.context["vacant"]]

    assert deputy.pk in vacant(DAY)
    assert deputy.pk not in vacant(dt.date(2025, 10, 1))
    page = organizer.get(reverse("careers:due"), {"as_of": DAY.isoformat()}).content.decode()
    assert "Đã bố trí 0/1" in page


def test_due_lists_need_the_organizer_role(client, ward, people):
    from canbo.core import testing

    client.force_login(testing.make_user("reader", ward.province, "viewer", password="canbo-test-pass"))
    assert client.get(reverse("careers:due")).status_code == 403


def test_eligibility_page_ranks_eligible_first_and_gives_reasons(client, ward, people, department, board):
    client.force_login(board.approver)
    title = Title.objects.get(code="X_BT")
    response = client.get(
        reverse("rules:eligible"), {"unit": ward.hoanh_son.pk, "title": title.pk, "action": "rotation"}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Nguyễn Văn Giáp" in page and "Kỳ Nam" in page
    ranked = [row["evaluation"].eligible for row in response.context["rows"]]
    assert ranked == sorted(ranked, reverse=True) and len(ranked) == 3
    # A rotation is judged on the length the rules ask for, not failed for a return date nobody gave yet.
    periods = {str(row["evaluation"].result("rotation_period").outcome) for row in response.context["rows"]}
    assert "fail" not in periods


def test_positions_a_cadre_could_take(client, ward, people, department, board):
    client.force_login(board.approver)
    response = client.get(reverse("rules:cadre_positions", args=[people.giap.pk]))
    assert response.status_code == 200
    checks = response.context["checks"]
    assert {check["check"].position.unit.parent for check in checks} >= {ward.hoanh_son, ward.other}
    # Posts the rules allow come first, each with a link that proposes it.
    allowed = [check["check"].evaluation.eligible for check in checks]
    assert allowed == sorted(allowed, reverse=True)
    assert f"cadre={people.giap.pk}&amp;unit=" in response.content.decode()


def test_a_long_due_list_is_shown_a_page_at_a_time(organizer, ward, people, monkeypatch):
    # A city's heads due ran to thousands of rows in one page; each list now shows a page and says which.
    monkeypatch.setattr("canbo.careers.views.DUE_LIST_ROWS", 1)
    first = organizer.get(
        reverse("careers:due"), {"as_of": DAY.isoformat()}, headers={"accept-language": "en"}
    )
    vacant = first.context["vacant"]
    assert len(vacant) >= 2
    assert list(first.context["pages"]["vacant"]) == vacant[:1]
    page = first.content.decode()
    assert f"Rows 1–1 of {len(vacant)}" in page
    assert f'href="?as_of={DAY.isoformat()}&amp;section=vacant&amp;page=2#due-vacant"' in page
    second = organizer.get(reverse("careers:due"), {"as_of": DAY.isoformat(), "section": "vacant", "page": 2})
    assert list(second.context["pages"]["vacant"]) == vacant[1:2]
    # The other lists stay on their first page.
    assert second.context["pages"]["heads_due"].number == 1
    vietnamese = organizer.get(
        reverse("careers:due"), {"as_of": DAY.isoformat()}, headers={"accept-language": "vi"}
    )
    assert f"Dòng 1–1 trên {len(vacant)}" in vietnamese.content.decode()
