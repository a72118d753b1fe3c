"""Pages: scoped lists and boards, the KPI rows edited through htmx, finalizing by approvers only."""

import pytest
from django.urls import reverse

from canbo.core import testing
from canbo.core.testing_views import ListViewTestCase, scoped_user
from canbo.evaluation import services
from canbo.evaluation.models import Evaluation, EvaluationStatus, Grade

from .builders import EXCELLENT, GOOD, NOT_COMPLETED, make_evaluation

pytestmark = pytest.mark.django_db
HTMX = {"HX-Request": "true"}


class TestEvaluationList(ListViewTestCase):
    url_name = "evaluation:evaluation_list"

    def make_rows(self, n):
        unit = testing.make_unit("Xã Thử")
        for _ in range(n):
            make_evaluation(unit, testing.make_cadre(), tasks=GOOD)


@pytest.fixture
def two_communes(commune, people):
    other = testing.make_unit("Xã Kỳ Bắc", parent=commune.parent, code="11312")
    outsider = testing.make_cadre("Đỗ Văn Ngoài", managed_by=other)
    return {
        "inside": make_evaluation(commune, people[0], tasks=GOOD),
        "outside": make_evaluation(other, outsider),
    }


def test_pages_keep_to_the_scope(client, commune, two_communes):
    client.force_login(scoped_user(commune, "viewer"))
    page = client.get(reverse("evaluation:evaluation_list")).content.decode()
    assert "Nguyễn Văn An" in page and "Đỗ Văn Ngoài" not in page
    outside = two_communes["outside"]
    assert client.get(outside.get_absolute_url()).status_code == 404
    assert client.get(reverse("evaluation:board", args=[outside.unit_id, 2025])).status_code == 404
    inside = client.get(two_communes["inside"].get_absolute_url())
    assert inside.status_code == 200
    # A viewer sees the tasks but gets no form to change them.
    assert b'id="task-new"' not in inside.content
    periods = client.get(reverse("evaluation:period_list")).content.decode()
    assert "Xã Kỳ Nam" in periods and "Xã Kỳ Bắc" not in periods


def test_kpi_rows_through_htmx_update_score_and_level(client, commune, people):
    client.force_login(scoped_user(commune, "editor"))
    evaluation = make_evaluation(commune, people[0])
    add = reverse("evaluation:task_add", args=[evaluation.pk])
    row = {"new-name": "Hồ sơ", "new-target": "10", "new-weight": "1", "new-result": "10"}
    response = client.post(add, {**row, "new-quality": "100", "new-timeliness": "on_time"}, headers=HTMX)
    assert response.status_code == 200
    assert b'id="score-value">100,00' in response.content
    evaluation.refresh_from_db()
    assert evaluation.grade == Grade.EXCELLENT
    task = evaluation.tasks.get()
    # The edit row, then a save that makes the task late.
    form = client.get(reverse("evaluation:task", args=[task.pk]), headers=HTMX)
    assert f'name="task-{task.pk}-quality"'.encode() in form.content
    prefix = f"task-{task.pk}-"
    data = {
        prefix + k: v for k, v in {"name": "Hồ sơ", "target": "10", "weight": "1", "result": "10"}.items()
    }
    response = client.post(
        reverse("evaluation:task", args=[task.pk]),
        {**data, prefix + "quality": "100", prefix + "timeliness": "late"},
        headers=HTMX,
    )
    assert b'id="score-value">90,00' in response.content
    evaluation.refresh_from_db()
    assert evaluation.grade == Grade.COMPLETED
    # An invalid row comes back with its errors and saves nothing.
    response = client.post(add, {**row, "new-target": "0", "new-quality": "150"}, headers=HTMX)
    assert response.status_code == 200 and b"errorlist" in response.content
    assert evaluation.tasks.count() == 1
    response = client.post(reverse("evaluation:task_delete", args=[task.pk]), headers=HTMX)
    assert not evaluation.tasks.exists()


def test_evaluation_add_form(client, commune, people):
    client.force_login(scoped_user(commune, "editor"))
    data = {"kind": "individual", "year": "2025", "quarter": "", "unit": commune.pk}
    response = client.post(
        reverse("evaluation:evaluation_add"), {**data, "cadre_code": people[1].code, "task_group": "staff"}
    )
    created = Evaluation.objects.get(cadre=people[1])
    assert response.status_code == 302 and response["Location"] == created.get_absolute_url()
    response = client.post(
        reverse("evaluation:evaluation_add"), {**data, "cadre_code": "NOPE", "task_group": "staff"}
    )
    assert response.status_code == 422


def test_board_and_finalize_by_an_approver(client, commune, people):
    for cadre, tasks in zip(people, [EXCELLENT, EXCELLENT, GOOD, GOOD, GOOD, NOT_COMPLETED], strict=True):
        make_evaluation(commune, cadre, tasks=tasks)
    board_url = reverse("evaluation:board", args=[commune.pk, 2025])
    finalize_url = reverse("evaluation:board_finalize", args=[commune.pk, 2025])
    client.force_login(scoped_user(commune, "editor", username="editor"))
    page = client.get(board_url).content.decode()
    assert 'id="finalize-button"' not in page
    # Without the right the unit is simply not found, as everywhere else.
    assert client.post(finalize_url).status_code == 404
    client.force_login(scoped_user(commune, "approver", username="approver"))
    page = client.get(board_url).content.decode()
    assert 'id="finalize-button"' in page and "over-quota" in page
    response = client.post(finalize_url, follow=True)
    assert "xếp loại xuất sắc nhưng chỉ được tối đa 0" in response.content.decode()
    assert not Evaluation.objects.filter(status=EvaluationStatus.FINALIZED).exists()
    # Both lowered to good: no excellent left, so the quota holds.
    for cadre in people[:2]:
        services.task_update(Evaluation.objects.get(cadre=cadre).tasks.get(), quality=50)
    client.post(finalize_url)
    assert Evaluation.objects.filter(status=EvaluationStatus.FINALIZED).count() == 6


def test_dismissal_list(client, commune, people):
    for year in (2024, 2025):
        make_evaluation(commune, people[0], year=year, tasks=NOT_COMPLETED)
        make_evaluation(commune, people[1], year=year, tasks=GOOD)
        Evaluation.objects.filter(year=year).update(status=EvaluationStatus.FINALIZED)
    client.force_login(scoped_user(commune, "viewer"))
    page = client.get(reverse("evaluation:dismissal_list")).content.decode()
    assert "Nguyễn Văn An" in page and "Trần Thị Bình" not in page


def test_api_lists_evaluations_with_tasks_in_scope(client, commune, two_communes):
    client.force_login(scoped_user(commune, "viewer"))
    data = client.get(reverse("api:evaluation:evaluation-list"), {"year": 2025}).json()
    assert data["count"] == 1
    [row] = data["results"]
    assert row["cadre"]["full_name"] == "Nguyễn Văn An" and row["grade"] == "good"
    assert row["tasks"][0]["score"] == 80.0
    outside = two_communes["outside"]
    assert client.get(reverse("api:evaluation:evaluation-detail", args=[outside.pk])).status_code == 404
