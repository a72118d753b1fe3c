"""The Content-Security-Policy holds on the main pages: no inline script or style, nothing refused."""

import pytest

from canbo.core import testing
from canbo.core.browser import screenshot
from canbo.core.testing_views import scoped_user
from canbo.organizations.models import OrgUnitKind

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def province_data():
    province = testing.make_unit("Thành phố Hải Phòng", OrgUnitKind.CITY, code="31")
    commune = testing.make_unit("Xã Kỳ Nam", OrgUnitKind.COMMUNE, parent=province, code="11311")
    giap = testing.make_cadre("Nguyễn Văn Giáp", managed_by=commune)
    testing.make_cadre("Trần Thị Đào", managed_by=commune)
    scoped_user(province, "editor", username="bien-tap")
    return {"giap": giap}


def test_main_pages_raise_no_policy_violation(page, province_data):
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    response = page.goto("/accounts/login/")
    assert "default-src 'self'" in response.headers["content-security-policy"]
    page.fill("#id_username", "bien-tap")
    page.fill("#id_password", "canbo-test-pass")
    page.click("form.form button[type=submit]")
    page.wait_for_selector(".stat")

    page.goto("/units/")
    page.wait_for_selector("#org-tree >> text=Xã Kỳ Nam")
    page.goto("/cadres/")
    page.fill("#id_q", "giap")
    page.wait_for_function("() => document.querySelectorAll('#cadre-table tbody tr').length === 1")
    page.goto(f"/cadres/{province_data['giap'].pk}/")
    page.wait_for_selector("#work-history")
    page.goto(f"/cadres/{province_data['giap'].pk}/edit/")
    page.wait_for_selector("#id_phone")
    page.goto("/accounts/me/second-factor/")
    page.wait_for_selector(".qr svg")
    page.goto("/api/docs/")
    page.wait_for_selector(".swagger-ui .info .title")
    page.wait_for_selector(".opblock-tag")
    screenshot(page, "csp-api-docs")
    assert not violations, "\n".join(violations)
