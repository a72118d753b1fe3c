"""A first session: sign in, find a cadre with and without diacritics, open, edit, browse the tree."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model

from canbo.careers.services import assignment_create
from canbo.core import testing
from canbo.core.browser import screenshot
from canbo.organizations.models import OrgUnitKind
from canbo.people.models import Cadre

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def demo_data():
    province = testing.make_unit("Thành phố Hải Phòng", OrgUnitKind.CITY, code="31")
    commune = testing.make_unit("Xã Kỳ Nam", OrgUnitKind.COMMUNE, parent=province, code="11311")
    party = testing.make_unit(
        "Đảng ủy xã Kỳ Nam", OrgUnitKind.PARTY_COMMITTEE, parent=commune, code="11311-DU"
    )
    secretary = testing.make_title("X_BT_T", "Bí thư Đảng ủy xã", is_key=True, is_head=True, non_local=True)
    giap = testing.make_cadre("Nguyễn Văn Giáp", managed_by=province, hometown=commune, education="master")
    assignment_create(
        cadre=giap,
        position=testing.make_position(party, secretary),
        start_date=dt.date(2021, 6, 1),
        action="election",
    )
    for name in ["Trần Thị Đào", "Lê Văn Giang", "Nguyễn Văn Gia"]:
        testing.make_cadre(name, managed_by=province)
    get_user_model().objects.create_superuser("canbo", "canbo@example.org", "mật-khẩu-thử-1")
    return {"giap": giap, "province": province, "commune": commune}


def sign_in(page):
    page.goto("/")
    page.fill("#id_username", "canbo")
    page.fill("#id_password", "mật-khẩu-thử-1")
    screenshot(page, "01-sign-in")
    page.click("form.form button[type=submit]")
    page.wait_for_url("**/")


def test_sign_in_search_open_edit_browse(page, demo_data):
    sign_in(page)
    screenshot(page, "02-overview")
    assert page.locator(".stat .value").first.inner_text() == "4"
    screenshot(page, "02-overview")

    page.click("nav.mainnav >> text=Cán bộ")
    page.wait_for_selector("#cadre-table")
    for query in ["nguyen van giap", "Nguyễn Văn Giáp", "GIAP"]:
        page.fill("#id_q", query)
        page.wait_for_function("() => document.querySelectorAll('#cadre-table tbody tr').length === 1")
        assert "Nguyễn Văn Giáp" in page.inner_text("#cadre-table tbody")
    page.fill("#id_q", "dao")
    page.wait_for_function(
        "() => document.querySelector('#cadre-table tbody').innerText.includes('Trần Thị Đào')"
    )
    page.fill("#id_q", "")
    page.wait_for_function("() => document.querySelectorAll('#cadre-table tbody tr').length === 4")
    names = page.locator("#cadre-table tbody tr td:first-child").all_inner_texts()
    assert names == ["Trần Thị Đào", "Nguyễn Văn Gia", "Lê Văn Giang", "Nguyễn Văn Giáp"]
    screenshot(page, "03-cadre-list")

    page.click("text=Nguyễn Văn Giáp")
    page.wait_for_selector("#work-history")
    assert "Bí thư Đảng ủy xã" in page.inner_text("#work-history")
    screenshot(page, "04-cadre-profile")

    page.click("text=Sửa")
    page.fill("#id_phone", "0912345678")
    page.fill("#id_id_number", "12345")
    page.click("form.form button[type=submit]")
    assert "12" in page.inner_text(".errorlist")
    screenshot(page, "05-cadre-edit-error")
    page.fill("#id_id_number", "031080123456")
    page.click("form.form button[type=submit]")
    page.wait_for_selector("#work-history")
    assert Cadre.objects.get(pk=demo_data["giap"].pk).phone == "0912345678"

    page.click("nav.mainnav >> text=Tổ chức")
    # The user's single top unit opens by itself; its children load on the way.
    page.wait_for_selector("#org-tree >> text=Xã Kỳ Nam")
    screenshot(page, "06-organization-tree")
    page.click("text=Xã Kỳ Nam")
    page.wait_for_selector("#positions")
    screenshot(page, "07-unit")
