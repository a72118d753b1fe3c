import datetime as dt

import pytest
from django.urls import reverse

from canbo.core import testing
from canbo.organizations.models import Decision, OrgUnitKind

pytestmark = pytest.mark.django_db

LIST = "api:careers:assignment-list"


def detail_url(assignment) -> str:
    return reverse("api:careers:assignment-detail", args=[assignment.pk])


def results(response) -> list[dict]:
    assert response.status_code == 200, response.content
    return response.json()["results"]


@pytest.fixture
def election(province, commune, secretary_title):
    cadre = testing.make_cadre("Phạm Văn Đăng", managed_by=province)
    decision = Decision.objects.create(number="125-QĐ/TU", date=dt.date(2020, 9, 25))
    return testing.make_assignment(
        cadre,
        testing.make_position(commune, secretary_title),
        start_date=dt.date(2020, 10, 1),
        action="election",
        decision=decision,
        is_acting=True,
    )


@pytest.fixture
def elsewhere(province):
    other = testing.make_unit("Xã Kỳ Bắc", OrgUnitKind.COMMUNE, parent=province)
    cadre = testing.make_cadre("Đỗ Văn Bình", managed_by=other)
    return testing.make_assignment(
        cadre, testing.make_position(other, testing.make_title("API_CT", "Chủ tịch"))
    )


def test_list_and_detail(admin_client, election):
    rows = results(admin_client.get(reverse(LIST)))
    assert [row["id"] for row in rows] == [election.pk]
    body = admin_client.get(detail_url(election)).json()
    assert body["cadre"] == {
        "id": election.cadre_id,
        "code": election.cadre.code,
        "full_name": "Phạm Văn Đăng",
    }
    assert body["position"]["unit"]["name"] == "Xã Kỳ Nam"
    assert body["position"]["title"]["name"] == "Bí thư Đảng ủy xã"
    assert body["seat"] == 1
    assert body["start_date"] == "2020-10-01" and body["end_date"] is None
    assert body["action"] == "election" and body["end_action"] == ""
    assert body["decision"] == {"id": election.decision_id, "number": "125-QĐ/TU", "date": "2020-09-25"}
    assert body["end_decision"] is None
    assert body["is_acting"] is True and body["is_concurrent"] is False


def test_anonymous_is_refused(client, election):
    assert client.get(reverse(LIST)).status_code in (401, 403)
    assert client.get(detail_url(election)).status_code in (401, 403)


def test_scope(client, commune, election, elsewhere):
    client.force_login(testing.make_user("commune-viewer", unit=commune))
    assert [row["id"] for row in results(client.get(reverse(LIST)))] == [election.pk]
    assert client.get(detail_url(elsewhere)).status_code == 404


def test_user_without_memberships_sees_nothing(client, election):
    client.force_login(testing.make_user("nobody"))
    assert results(client.get(reverse(LIST))) == []
    assert client.get(detail_url(election)).status_code == 404


def test_filters_reach_the_api(admin_client, commune, election, elsewhere):
    rows = results(admin_client.get(reverse(LIST), {"unit": commune.pk, "held_on": "2021-01-01"}))
    assert [row["id"] for row in rows] == [election.pk]
    rows = results(admin_client.get(reverse(LIST), {"action": ["election", "appointment"]}))
    assert {row["id"] for row in rows} == {election.pk, elsewhere.pk}
    assert admin_client.get(reverse(LIST), {"held_on": "not a date"}).status_code == 400


@pytest.mark.parametrize("rows", [3, 30])
def test_list_queries_do_not_grow_with_rows(client, province, django_assert_max_num_queries, rows):
    title = testing.make_title("API_PCT", "Phó Chủ tịch UBND xã")
    for i in range(rows):
        commune = testing.make_unit(f"Xã Số {i}", OrgUnitKind.COMMUNE, parent=province)
        cadre = testing.make_cadre(f"Nguyễn Văn Số {i}", managed_by=commune)
        decision = Decision.objects.create(number=f"{i}-QĐ", date=dt.date(2020, 1, 1))
        testing.make_assignment(cadre, testing.make_position(commune, title), decision=decision)
    client.force_login(testing.make_user("province-viewer", unit=province))
    # session, user, memberships, the ids of the units (and positions, cadres) in scope, count, page
    with django_assert_max_num_queries(9):
        response = client.get(reverse(LIST))
    assert len(results(response)) == rows
