import pytest

pytestmark = pytest.mark.django_db
HUGE = "9" * 25


@pytest.mark.parametrize(
    "url",
    [f"/cadres/{HUGE}/", f"/units/{HUGE}/", f"/api/cadres/{HUGE}/", f"/api/assignments/?cadre={HUGE}"],
)
def test_ids_beyond_a_database_integer_are_not_found(admin_client, url):
    # Not a server error: such an id cannot exist.
    assert admin_client.get(url).status_code in (400, 404)


def test_filters_refuse_huge_ids(admin_client):
    response = admin_client.get("/api/cadres/", {"unit": HUGE})
    assert response.status_code == 400
