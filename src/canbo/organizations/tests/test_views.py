import datetime as dt

import pytest
from django.urls import reverse

from canbo.careers.services import assignment_create
from canbo.core import testing
from canbo.core.testing_views import ListViewTestCase, count_queries
from canbo.organizations.models import OrgUnitKind


class TestPositionList(ListViewTestCase):
    url_name = "organizations:position_list"

    def make_rows(self, n):
        province = testing.make_unit(f"Tỉnh {n}", OrgUnitKind.PROVINCE)
        title = testing.make_title(f"P{n}", "Phó Chủ tịch UBND xã")
        for i in range(n):
            testing.make_position(testing.make_unit(f"Xã {n}-{i}", parent=province), title, seats=2)


class TestTitleList(ListViewTestCase):
    url_name = "organizations:title_list"

    def make_rows(self, n):
        for i in range(n):
            testing.make_title(f"X{n}-{i}", f"Chức danh {n}-{i}")


class TestUnitList(ListViewTestCase):
    url_name = "organizations:orgunit_list"

    def make_rows(self, n):
        province = testing.make_unit(f"Tỉnh {n}", OrgUnitKind.PROVINCE)
        for i in range(n):
            testing.make_unit(f"Xã {n}-{i}", parent=province)


@pytest.mark.django_db
class TestOrganizationBrowser:
    def test_tree_shows_roots_and_loads_children(self, admin_client, province, commune):
        content = admin_client.get(reverse("organizations:orgunit_tree")).content.decode()
        assert "Thành phố Hải Phòng" in content
        children = admin_client.get(
            reverse("organizations:orgunit_children", args=[province.pk]), headers={"HX-Request": "true"}
        ).content.decode()
        assert "Xã Kỳ Nam" in children

    def test_unit_page_shows_holders_and_vacancies(self, admin_client, province, commune, secretary_title):
        vice = testing.make_title("PCT_X", "Phó Chủ tịch UBND xã")
        cadre = testing.make_cadre("Nguyễn Văn Giáp", managed_by=province)
        assignment_create(
            cadre=cadre,
            position=testing.make_position(commune, secretary_title),
            start_date=dt.date(2021, 1, 1),
            action="election",
        )
        testing.make_position(commune, vice, seats=2)
        url = reverse("organizations:orgunit", args=[commune.pk])
        few, response = count_queries(admin_client, url)
        content = response.content.decode()
        assert "Nguyễn Văn Giáp" in content
        assert content.count('class="seat-vacant"') == 2
        other = testing.make_cadre("Lê Văn An", managed_by=province)
        assignment_create(
            cadre=other,
            position=commune.positions.get(title=vice),
            start_date=dt.date(2022, 1, 1),
            action="appointment",
        )
        many, response = count_queries(admin_client, url)
        assert response.content.decode().count('class="seat-vacant"') == 1
        assert many == few

    def test_autocomplete_finds_units_without_diacritics(self, admin_client, province, commune):
        response = admin_client.get(
            reverse("organizations:orgunit_autocomplete"), {"hometown__search": "ky nam"}
        )
        assert "Xã Kỳ Nam" in response.content.decode()


@pytest.mark.django_db
def test_autocomplete_shows_bodies_only_within_scope(client):
    from canbo.core.testing_views import scoped_user

    province = testing.make_unit("Thành phố Hải Phòng", OrgUnitKind.CITY)
    own = testing.make_unit("Xã Kỳ Nam", parent=province)
    other = testing.make_unit("Xã Kỳ Bắc", parent=province)
    testing.make_unit("Đảng ủy xã Kỳ Nam", OrgUnitKind.PARTY_COMMITTEE, parent=own)
    testing.make_unit("Đảng ủy xã Kỳ Bắc", OrgUnitKind.PARTY_COMMITTEE, parent=other)
    client.force_login(scoped_user(own))
    url = reverse("organizations:orgunit_autocomplete")

    bodies = client.get(url, {"q": "dang uy"}).content.decode()
    assert "Đảng ủy xã Kỳ Nam" in bodies and "Kỳ Bắc" not in bodies
    # Hometowns may lie anywhere: the communes themselves are public.
    communes = client.get(url, {"q": "xa ky", "kind": "commune,ward"}).content.decode()
    assert "Xã Kỳ Nam" in communes and "Xã Kỳ Bắc" in communes
    # Naming an out-of-scope unit by id in the cadre filter does not reveal its name.
    page = client.get(reverse("people:cadre_list"), {"unit": other.pk}).content.decode()
    assert "Xã Kỳ Bắc" not in page
    # Asking for a scope that is no action answers 404, not a server error.
    assert client.get(url, {"q": "dang uy", "scope": "everything"}).status_code == 404


@pytest.mark.django_db
def test_tree_children_in_vietnamese_order(admin_client):
    province = testing.make_unit("Thành phố Hải Phòng", OrgUnitKind.CITY)
    for name in ["Xã Bình Giang", "Xã Bắc Thanh Miện", "Xã Chí Minh", "Xã Chấn Hưng"]:
        testing.make_unit(name, parent=province)
    page = admin_client.get(reverse("organizations:orgunit_children", args=[province.pk])).content.decode()
    positions = [page.index(n) for n in ["Bắc Thanh Miện", "Bình Giang", "Chấn Hưng", "Chí Minh"]]
    assert positions == sorted(positions)
    tree = admin_client.get(reverse("organizations:orgunit_tree")).content.decode()
    assert "<details open" in tree and 'hx-trigger="load"' in tree
