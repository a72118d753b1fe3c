import base64
import datetime as dt

import pytest
from django.urls import reverse

from canbo.core import testing
from canbo.organizations.models import OrgUnitKind
from canbo.people.models import Award, TrainingRecord

pytestmark = pytest.mark.django_db

LIST = "api:people:cadre-list"


def detail_url(cadre) -> str:
    return reverse("api:people:cadre-detail", args=[cadre.pk])


def names(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [row["full_name"] for row in response.json()["results"]]


@pytest.fixture
def giap(province, commune, secretary_title):
    cadre = testing.make_cadre(
        "Nguyễn Văn Giáp", managed_by=province, hometown=commune, party_join_date=dt.date(2004, 5, 19)
    )
    testing.make_assignment(
        cadre,
        testing.make_position(province, testing.make_title("API_CV", "Chuyên viên", level="province")),
        start_date=dt.date(2010, 1, 1),
        action="recruitment",
        end_date=dt.date(2015, 10, 1),
        end_action="transfer",
    )
    testing.make_assignment(
        cadre, testing.make_position(commune, secretary_title), start_date=dt.date(2015, 10, 1)
    )
    TrainingRecord.objects.create(cadre=cadre, institution="Học viện Chính trị", field="Lý luận chính trị")
    Award.objects.create(cadre=cadre, name="Bằng khen", date=dt.date(2020, 1, 1))
    cadre.refresh_from_db()  # the service set the current post with an update
    return cadre


def test_list_for_a_signed_in_user(admin_client, giap):
    testing.make_cadre("Trần Minh Đức", managed_by=giap.managed_by)
    response = admin_client.get(reverse(LIST))
    assert names(response) == ["Trần Minh Đức", "Nguyễn Văn Giáp"]  # Vietnamese order: given name first
    row = next(r for r in response.json()["results"] if r["code"] == giap.code)
    assert row["ethnicity"] == {"code": "01", "name": "Kinh"}
    assert row["hometown"]["name"] == "Xã Kỳ Nam"
    assert row["managed_by"] == {"id": giap.managed_by_id, "code": "31", "name": "Thành phố Hải Phòng"}
    assert row["current_position"] == {
        "id": giap.current_position_id,
        "title": "Bí thư Đảng ủy xã",
        "unit": "Xã Kỳ Nam",
    }
    assert row["party_join_date"] == "2004-05-19"
    assert "assignments" not in row


def test_detail_has_history_training_and_awards(admin_client, giap):
    response = admin_client.get(detail_url(giap))
    assert response.status_code == 200
    body = response.json()
    assert body["full_name"] == "Nguyễn Văn Giáp"
    history = body["assignments"]
    assert [a["position"]["title"]["name"] for a in history] == ["Chuyên viên", "Bí thư Đảng ủy xã"]
    assert history[0]["end_action"] == "transfer" and history[1]["end_date"] is None
    assert body["trainings"][0]["institution"] == "Học viện Chính trị"
    assert body["awards"][0]["name"] == "Bằng khen"


@pytest.mark.parametrize("url", [lambda c: reverse(LIST), detail_url])
def test_anonymous_is_refused(client, giap, url):
    response = client.get(url(giap))
    assert response.status_code in (401, 403)


def test_passwords_in_requests_are_refused(client, province, giap):
    # A password sent with each request would bypass the sign-in lockout and the second factor.
    testing.make_user("reader", unit=province, password="canbo-reader-pass")
    token = base64.b64encode(b"reader:canbo-reader-pass").decode()
    response = client.get(reverse(LIST), HTTP_AUTHORIZATION=f"Basic {token}")
    assert response.status_code == 403


@pytest.mark.parametrize("query", ["nguyen van giap", "NGUYEN VAN GIAP", "giap", "giap nguyen"])
def test_search_ignores_diacritics_and_case(admin_client, giap, query):
    testing.make_cadre("Nguyễn Văn An", managed_by=giap.managed_by)
    assert names(admin_client.get(reverse(LIST), {"q": query})) == ["Nguyễn Văn Giáp"]


def test_search_d_with_stroke(admin_client, province):
    testing.make_cadre("Trần Minh Đức", managed_by=province)
    testing.make_cadre("Trần Minh Dung", managed_by=province)
    assert names(admin_client.get(reverse(LIST), {"q": "duc"})) == ["Trần Minh Đức"]


def test_filters_combine(admin_client, province, commune, giap):
    testing.make_cadre("Nguyễn Thị Giáp", managed_by=commune, gender="female")
    assert names(admin_client.get(reverse(LIST), {"q": "giap", "gender": "female"})) == ["Nguyễn Thị Giáp"]
    assert names(admin_client.get(reverse(LIST), {"unit": commune.pk, "party_member": "true"})) == [
        "Nguyễn Văn Giáp"
    ]


def test_invalid_filter_is_a_bad_request(admin_client, giap):
    assert admin_client.get(reverse(LIST), {"age_band": "teen"}).status_code == 400


def test_scope(client, province, commune, giap):
    other = testing.make_unit("Xã Kỳ Bắc", OrgUnitKind.COMMUNE, parent=province)
    elsewhere = testing.make_cadre("Đỗ Văn Bình", managed_by=other)
    client.force_login(testing.make_user("commune-viewer", unit=commune))
    # Giáp is managed by the province but holds a post in the commune, so the commune sees him.
    assert names(client.get(reverse(LIST))) == ["Nguyễn Văn Giáp"]
    assert client.get(detail_url(giap)).status_code == 200
    assert client.get(detail_url(elsewhere)).status_code == 404


def test_user_without_memberships_sees_nothing(client, giap):
    client.force_login(testing.make_user("nobody"))
    assert names(client.get(reverse(LIST))) == []
    assert client.get(detail_url(giap)).status_code == 404


def make_cadres(province, count: int) -> None:
    """Cadres that each touch every relation the serializer reads: hometown, post, title and unit."""
    title = testing.make_title("API_PCT", "Phó Chủ tịch UBND xã")
    for i in range(count):
        commune = testing.make_unit(f"Xã Số {i}", OrgUnitKind.COMMUNE, parent=province)
        cadre = testing.make_cadre(f"Nguyễn Văn Số {i}", managed_by=commune, hometown=commune)
        testing.make_assignment(cadre, testing.make_position(commune, title))


@pytest.mark.parametrize("rows", [3, 30])
def test_list_queries_do_not_grow_with_rows(client, province, django_assert_max_num_queries, rows):
    make_cadres(province, rows)
    client.force_login(testing.make_user("province-viewer", unit=province))
    # session, user, memberships, the ids of the units (and positions, cadres) in scope, count, page
    with django_assert_max_num_queries(8):
        response = client.get(reverse(LIST))
    assert len(response.json()["results"]) == rows


@pytest.mark.parametrize("rows", [3, 30])
def test_detail_queries_do_not_grow_with_history(admin_client, province, django_assert_max_num_queries, rows):
    cadre = testing.make_cadre("Nguyễn Văn Lâu", managed_by=province)
    title = testing.make_title("API_CV", "Chuyên viên", level="province")
    for i in range(rows):
        unit = testing.make_unit(f"Phòng {i}", OrgUnitKind.DEPARTMENT, parent=province)
        start = dt.date(1990 + i, 1, 1)
        testing.make_assignment(
            cadre,
            testing.make_position(unit, title),
            start_date=start,
            end_date=start + dt.timedelta(days=200),
            end_action="transfer",
        )
        Award.objects.create(cadre=cadre, name=f"Khen thưởng {i}", date=start)
    # session, user, cadre, assignments, trainings, awards
    with django_assert_max_num_queries(6):
        response = admin_client.get(detail_url(cadre))
    assert len(response.json()["assignments"]) == rows
