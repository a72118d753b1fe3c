"""A commune's user, in a real browser, cannot reach another commune's cadre by editing the URL or the API
call."""

import pytest

from canbo.core import testing
from canbo.core.browser import screenshot
from canbo.core.testing_views import scoped_user
from canbo.organizations.models import OrgUnitKind

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
PASSWORD = "canbo-test-pass"


@pytest.fixture
def communes():
    province = testing.make_unit("Thành phố Hải Phòng", OrgUnitKind.CITY)
    own = testing.make_unit("Xã Kỳ Nam", parent=province)
    other = testing.make_unit("Xã Kỳ Bắc", parent=province)
    mine = testing.make_cadre("Nguyễn Văn Giáp", managed_by=own)
    theirs = testing.make_cadre("Trần Thị Đào", managed_by=other)
    scoped_user(own, "editor", username="xa")
    return {"mine": mine, "theirs": theirs}


def test_commune_user_cannot_reach_another_commune(page, communes):
    page.goto("/")
    page.fill("#id_username", "xa")
    page.fill("#id_password", PASSWORD)
    page.click("form.form button[type=submit]")
    page.wait_for_selector(".stat")

    page.goto(f"/cadres/{communes['mine'].pk}/")
    assert "Nguyễn Văn Giáp" in page.inner_text("h1")

    for url in (f"/cadres/{communes['theirs'].pk}/", f"/cadres/{communes['theirs'].pk}/edit/"):
        response = page.goto(url)
        assert response.status == 404
        assert "Trần Thị Đào" not in page.content()
    screenshot(page, "scope-01-other-commune-404")

    api = page.request.get(f"/api/cadres/{communes['theirs'].pk}/")
    assert api.status == 404
    listing = page.request.get("/api/cadres/?q=dao").json()
    assert listing["count"] == 0
    assert page.request.get(f"/api/cadres/{communes['mine'].pk}/").status == 200

    page.goto("/cadres/?q=dao")
    assert "Trần Thị Đào" not in page.inner_text("main")
