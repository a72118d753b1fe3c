"""An organizer solves a rotation round, reads why, tries a hand edit that breaks a rule, copies the round
with a women target and compares both; an approver approves the scenario and the cadre's work history shows
the new post."""

import pytest

from canbo.careers.tests.test_browser import PASSWORD
from canbo.core import testing
from canbo.core.browser import new_page, screenshot, sign_in

from .builders import heads_round

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture(autouse=True)
def immediate_tasks(settings):
    # The solve runs inside the request instead of in a worker; the progress partial has its own test.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    # The second factor has its own tests; here both board members sign in with a password only.
    settings.TOTP_REQUIRED = False


def test_round_solved_explained_edited_compared_and_approved(
    page, browser, live_server, ward, people, department, board
):
    lan = testing.make_cadre("Võ Thị Lan", managed_by=ward.province, hometown=ward.ky_nam, gender="female")
    rnd = heads_round(ward, board.organizer, [people.giap, people.hoa, lan], name="Luân chuyển đầu năm 2026")
    sign_in(page, "organizer", PASSWORD)
    page.goto(rnd.get_absolute_url())
    page.click("#round-solve")
    page.wait_for_selector("#plan-table")
    assert "Đã giải" in page.inner_text("#round-status")
    # One of the two heads' seats stays empty, and the page says it is the secretary/chairman pair rule.
    assert "cùng địa phương" in page.inner_text("#result-empty")
    page.click("#plan-table .rotation-why summary")
    assert "Người xếp sau" in page.inner_text("#plan-table .rotation-why")
    screenshot(page, "rotation-01-solved")

    # A hand edit putting Hoa, a local, on a seat of her home ward is flagged before anything is saved.
    page.select_option("#id_edit-kind", "assign")
    page.select_option("#id_edit-position", index=1)
    page.fill("#id_edit-cadre_code", people.hoa.code)
    page.wait_for_selector("#edit-breaks")
    assert "Trần Thị Hoa" in page.inner_text("#edit-breaks")
    screenshot(page, "rotation-02-edit-flagged")

    page.click("#round-copy")
    page.wait_for_selector("#round-edit")
    page.click("#round-edit")
    page.fill("#id_women_percent", "50")
    page.click("form.form button[type=submit]")
    page.wait_for_selector("#round-solve")
    page.click("#round-solve")
    page.wait_for_selector("#plan-table")
    assert "Võ Thị Lan" in page.inner_text("#plan-table")
    scenario_url = page.url
    page.click("#compare-link")
    page.wait_for_selector("#compare-structure")
    table = page.inner_text("#compare-table")
    assert "Luân chuyển đầu năm 2026 (phương án)" in table and "nữ 50%: +50,0" in table
    screenshot(page, "rotation-03-compared")

    approver = new_page(browser, live_server)
    sign_in(approver, "approver", PASSWORD)
    approver.goto(scenario_url)
    approver.fill("#id_number", "30-QĐ/TU")
    approver.fill("#id_decision_date", "2025-12-20")
    approver.fill("#id_justification", "Ban Thường vụ đã thảo luận và thống nhất.")
    approver.click("#round-approve")
    approver.wait_for_selector("#round-status >> text=Đã phê duyệt")
    assert "30-QĐ/TU-1" in approver.inner_text("#plan-table")
    screenshot(approver, "rotation-04-approved")

    approver.goto(lan.get_absolute_url())
    history = approver.inner_text("#work-history")
    assert "UBND phường Kỳ Trinh" in history and "30-QĐ/TU-1" in history
    screenshot(approver, "rotation-05-history")
    approver.context.close()
