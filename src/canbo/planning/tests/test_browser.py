"""In a browser: plan a fourth successor for a title (refused with the reason), then record a training
completion that closes a cadre's gap for the title they are planned for."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model

from canbo.core.browser import screenshot, sign_in

from ..models import PlanningEntry
from .builders import make_course
from .conftest import plan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_fourth_successor_refused_and_completion_closes_a_gap(page, world, cadre):
    levels = {"political_theory": "intermediate", "state_management": "specialist"}
    planned = [plan(world, cadre(name, world.vice, **levels)) for name in ("Nguyễn Văn An", "Trần Văn Bình")]
    planned.append(plan(world, cadre("Lê Văn Cường", **levels)))
    fourth = cadre("Phạm Văn Dũng")
    enrolment = make_course(world.committee, end_date=dt.date(2030, 6, 30)).enrolments.create(
        cadre=planned[0].cadre, enrolled_on=dt.date(2025, 3, 1)
    )
    get_user_model().objects.create_superuser("canbo", "canbo@example.org", "mật-khẩu-thử-1")
    sign_in(page, "canbo", "mật-khẩu-thử-1")

    page.goto(f"/planning/terms/{world.term.pk}/coverage/")
    row = page.locator("#titles tbody tr", has_text="Chủ tịch UBND xã").filter(has_not_text="Phó")
    assert row.locator(".badge").inner_text() == "3"
    screenshot(page, "planning-01-coverage")
    row.locator("a.btn").click()
    page.fill("#id_cadre", fourth.code)
    page.click("form.form button[type=submit]")
    page.wait_for_selector(".errorlist")
    assert "tối đa 3 người cho một chức danh" in page.inner_text(".errorlist")
    screenshot(page, "planning-02-fourth-refused")
    assert not PlanningEntry.objects.filter(cadre=fourth).exists()

    page.goto(f"/planning/training/cadres/{planned[0].cadre_id}/")
    gap = page.locator("#planning-training tbody tr", has_text="Chủ tịch UBND xã").filter(has_not_text="Phó")
    assert "lý luận chính trị: cần cao cấp, hiện có trung cấp" in gap.inner_text()
    page.goto(enrolment.get_absolute_url())
    page.fill("#id_completed_on", "2026-06-30")
    page.click("#complete button[type=submit]")
    page.wait_for_selector(".messages")
    page.goto(f"/planning/training/cadres/{planned[0].cadre_id}/")
    gap = page.locator("#planning-training tbody tr", has_text="Chủ tịch UBND xã").filter(has_not_text="Phó")
    assert "đạt chuẩn" in gap.inner_text()
    screenshot(page, "planning-03-gap-closed")
