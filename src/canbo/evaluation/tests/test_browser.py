"""A unit's year in the browser: finalizing over the quota is refused with the reason, a KPI result is
corrected on the evaluation's page, and the unit then finalizes."""

import pytest
from django.urls import reverse
from django.utils import translation

from canbo.core import testing
from canbo.core.browser import open_session, screenshot
from canbo.evaluation.models import Evaluation, EvaluationStatus, Grade
from canbo.organizations.models import OrgUnitKind

from .builders import EXCELLENT, GOOD, make_evaluation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def year_2025():
    province = testing.make_unit("Thành phố Hải Phòng", OrgUnitKind.CITY, code="31")
    commune = testing.make_unit("Xã Kỳ Nam", OrgUnitKind.COMMUNE, parent=province, code="11311")
    names = [
        "Nguyễn Văn An",
        "Trần Thị Bình",
        "Lê Văn Cường",
        "Phạm Thị Dung",
        "Hoàng Văn Em",
        "Vũ Thị Giang",
    ]
    people = [testing.make_cadre(name, managed_by=commune) for name in names]
    # Two "excellent" against four "good": 20% of 4 is 0, so both are over the quota.
    for cadre, tasks in zip(people, [EXCELLENT, EXCELLENT, GOOD, GOOD, GOOD, GOOD], strict=True):
        make_evaluation(commune, cadre, tasks=tasks)
    user = testing.make_user("bantochuc", commune, "administrator")
    return {"commune": commune, "people": people, "user": user}


def test_finalize_blocked_over_the_quota_then_fixed(page, live_server, year_2025):
    commune, people = year_2025["commune"], year_2025["people"]
    open_session(page, live_server, year_2025["user"])
    board = reverse("evaluation:board", args=[commune.pk, 2025])
    page.goto(board)
    assert page.locator("#quota tr.over-quota").count() == 1
    page.click("#finalize-button")
    page.wait_for_selector(".msg-error")
    reason = page.inner_text(".msg-error")
    # The reason names the unit and group, the count rated excellent, how many are allowed, and the excess.
    assert "Xã Kỳ Nam, Cá nhân, Cán bộ, công chức: 2 xếp loại xuất sắc nhưng chỉ được tối đa 0" in reason
    assert reason.endswith("thừa 2.")
    assert not Evaluation.objects.filter(status=EvaluationStatus.FINALIZED).exists()
    screenshot(page, "evaluation-01-finalize-blocked")

    # Lower one KPI result on each excellent evaluation: the level follows on the page.
    for cadre in people[:2]:
        evaluation = Evaluation.objects.get(cadre=cadre)
        task = evaluation.tasks.get()
        page.goto(evaluation.get_absolute_url())
        assert page.inner_text("#score-value") == "100,00"
        page.click(f"#task-{task.pk} button:first-child")
        page.fill(f"#id_task-{task.pk}-quality", "50")
        page.click(f"#task-{task.pk} button.btn-primary")
        page.wait_for_function("() => document.querySelector('#score-value').innerText === '80,00'")
        with translation.override("vi"):
            assert page.inner_text("#grade-value") == str(Grade.GOOD.label)
        evaluation.refresh_from_db()
        assert evaluation.grade == Grade.GOOD
    screenshot(page, "evaluation-02-task-corrected")

    page.goto(board)
    assert page.locator("#quota tr.over-quota").count() == 0
    page.click("#finalize-button")
    page.wait_for_selector(".msg-success")
    assert page.inner_text(".msg-success") == "Đã chốt 6 đánh giá."
    assert Evaluation.objects.filter(status=EvaluationStatus.FINALIZED).count() == 6
    screenshot(page, "evaluation-03-finalized")
