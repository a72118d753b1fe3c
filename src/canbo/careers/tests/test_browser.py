"""An organizer drafts a rotation of a local cadre to his home commune as secretary, reads why the rules
block it, fixes the choice and submits; an approver records the decision and the work history shows both
posts."""

import pytest

from canbo.core.browser import new_page, screenshot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "canbo-test-pass"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    # The second factor has its own tests; here both board members sign in with a password only.
    settings.TOTP_REQUIRED = False


def choose_unit(page, query, name):
    page.fill("input[name=unit__search]", query)
    page.click(f"[data-autocomplete-value] >> text={name}")


def test_rotation_blocked_fixed_submitted_and_approved(
    page, browser, live_server, ward, people, department, board
):
    sign_in(page, "organizer", PASSWORD)
    page.goto(people.giap.get_absolute_url())
    page.click("#propose-action")
    page.select_option("#id_kind", "rotation")
    choose_unit(page, "hoanh son", "Phường Hoành Sơn")
    page.select_option("#id_title", label="Bí thư Đảng ủy xã")
    page.fill("#id_date", "2026-01-05")
    page.fill("#id_reason", "Luân chuyển cán bộ trẻ về cơ sở")
    page.click("form.form button[type=submit]")
    page.wait_for_selector("#blocking")
    reasons = page.inner_text("#rules")
    assert "Quê quán xã Kỳ Nam trùng địa bàn đơn vị bổ nhiệm" in reasons
    assert page.locator("#submit-form button[type=submit]").is_disabled()
    screenshot(page, "actions-01-blocked")

    page.click("text=Sửa đề xuất")
    choose_unit(page, "ky trinh", "Phường Kỳ Trinh")
    page.click("form.form button[type=submit]")
    page.wait_for_selector("#submit-form")
    assert page.locator("#blocking").count() == 0
    for box in page.locator("#submit-form textarea").all():
        box.fill("Ban Thường vụ đã cân nhắc và thống nhất.")
    page.click("#submit-form button[type=submit]")
    page.wait_for_selector("#action-status >> text=Đã trình")
    action_url = page.url
    screenshot(page, "actions-02-submitted")

    approver = new_page(browser, live_server)
    sign_in(approver, "approver", PASSWORD)
    approver.goto(action_url)
    approver.fill("#id_number", "125-QĐ/TU")
    approver.fill("#id_decision_date", "2025-12-20")
    approver.fill("#id_signer", "Bí thư Tỉnh ủy")
    approver.set_input_files(
        "#id_document",
        files=[{"name": "qd-125.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4 qd"}],
    )
    approver.click("#approve-form button[type=submit]")
    approver.wait_for_selector("#action-status >> text=Đã phê duyệt")
    assert "125-QĐ/TU" in approver.inner_text("#decision")
    screenshot(approver, "actions-03-approved")

    approver.goto(people.giap.get_absolute_url())
    history = approver.inner_text("#work-history")
    assert "Bí thư Đảng ủy xã" in history and "phường Kỳ Trinh" in history
    assert "Chuyên viên" in history and "125-QĐ/TU" in history
    screenshot(approver, "actions-04-history")
    approver.context.close()
