import re

import pytest
import yaml
from django.urls import reverse
from drf_spectacular.validation import validate_schema

from canbo.core import testing
from canbo.organizations.models import OrgUnitKind

pytestmark = pytest.mark.django_db

RESOURCES = ["units", "titles", "positions"]


@pytest.fixture
def world(province, commune, secretary_title):
    other = testing.make_unit("Xã Kỳ Bắc", OrgUnitKind.COMMUNE, parent=province)
    return {
        "units": commune,
        "titles": secretary_title,
        "positions": testing.make_position(commune, secretary_title),
        "other_unit": other,
        "other_position": testing.make_position(other, secretary_title),
    }


def list_url(resource: str) -> str:
    return reverse(f"api:organizations:{resource[:-1]}-list")


def detail_url(resource: str, obj) -> str:
    return reverse(f"api:organizations:{resource[:-1]}-detail", args=[obj.pk])


def results(response) -> list[dict]:
    assert response.status_code == 200, response.content
    return response.json()["results"]


@pytest.mark.parametrize("resource", RESOURCES)
def test_list_and_detail(admin_client, world, resource):
    # The title catalogue fills more than a page, so look the title up.
    params = {"q": "bt_xa"} if resource == "titles" else {}
    rows = results(admin_client.get(list_url(resource), params))
    assert world[resource].pk in {row["id"] for row in rows}
    response = admin_client.get(detail_url(resource, world[resource]))
    assert response.status_code == 200
    assert response.json()["id"] == world[resource].pk


@pytest.mark.parametrize("resource", RESOURCES)
def test_anonymous_is_refused(client, world, resource):
    assert client.get(list_url(resource)).status_code in (401, 403)
    assert client.get(detail_url(resource, world[resource])).status_code in (401, 403)


@pytest.mark.parametrize("resource", RESOURCES)
def test_user_without_memberships_sees_nothing(client, world, resource):
    client.force_login(testing.make_user("nobody"))
    assert results(client.get(list_url(resource))) == []
    assert client.get(detail_url(resource, world[resource])).status_code == 404


def test_scope(client, province, commune, world):
    client.force_login(testing.make_user("commune-viewer", unit=commune))
    assert [row["name"] for row in results(client.get(list_url("units")))] == ["Xã Kỳ Nam"]
    assert client.get(detail_url("units", province)).status_code == 404
    assert [row["id"] for row in results(client.get(list_url("positions")))] == [world["positions"].pk]
    assert client.get(detail_url("positions", world["other_position"])).status_code == 404
    # The title catalogue belongs to no unit: anyone with a role sees it.
    assert client.get(detail_url("titles", world["titles"])).status_code == 200


def test_unit_fields(admin_client, province, commune):
    body = admin_client.get(detail_url("units", commune)).json()
    assert body["parent"] == {"id": province.pk, "code": "31"}
    assert body["path"] == f"/{province.pk}/{commune.pk}/"
    assert body["depth"] == 1
    assert body["kind"] == "commune" and body["admin_level"] == "commune"
    assert body["valid_from"] is None and body["valid_to"] is None


def test_position_fields_and_vacant_filter(admin_client, province, world):
    cadre = testing.make_cadre("Phạm Văn Đăng", managed_by=province)
    testing.make_assignment(cadre, world["positions"])
    body = admin_client.get(detail_url("positions", world["positions"])).json()
    assert body["unit"]["name"] == "Xã Kỳ Nam"
    assert body["title"]["code"] == "BT_XA"
    assert body["seats"] == 1 and body["open_assignments"] == 1
    vacant = results(admin_client.get(list_url("positions"), {"vacant": "true"}))
    assert [row["id"] for row in vacant] == [world["other_position"].pk]


def test_filters_reach_the_api(admin_client, province, commune, world):
    testing.make_title("API_PCT", "Phó Chủ tịch UBND xã")
    rows = results(admin_client.get(list_url("units"), {"within": commune.pk}))
    assert [row["id"] for row in rows] == [commune.pk]
    codes = {row["code"] for row in results(admin_client.get(list_url("titles"), {"q": "BI THU dang uy xa"}))}
    assert "BT_XA" in codes
    assert "API_PCT" not in codes


def make_rows(province, count: int) -> None:
    title = testing.make_title("API_PCT", "Phó Chủ tịch UBND xã")
    for i in range(count):
        commune = testing.make_unit(f"Xã Số {i}", OrgUnitKind.COMMUNE, parent=province)
        testing.make_position(commune, title)
        testing.make_title(f"API_T{i}", f"Chức danh {i}")


@pytest.mark.parametrize("rows", [3, 30])
@pytest.mark.parametrize("resource", RESOURCES)
def test_list_queries_do_not_grow_with_rows(client, province, django_assert_max_num_queries, rows, resource):
    make_rows(province, rows)
    client.force_login(testing.make_user("province-viewer", unit=province))
    # session, user, memberships, the ids of the units (and positions, cadres) in scope, count, page
    with django_assert_max_num_queries(7):
        response = client.get(list_url(resource))
    assert len(results(response)) >= rows


def test_root_lists_the_resources(admin_client):
    body = admin_client.get(reverse("api:api-root")).json()
    for name in ("cadres", "units", "titles", "positions", "assignments"):
        assert body[name].endswith(f"/api/{name}/")


def test_schema_is_valid_and_lists_the_resources(admin_client):
    response = admin_client.get(reverse("api:schema"), {"format": "json"})
    assert response.status_code == 200
    schema = response.json()
    validate_schema(schema)
    for name in ("cadres", "units", "titles", "positions", "assignments"):
        assert f"/api/{name}/" in schema["paths"]
        assert f"/api/{name}/{{id}}/" in schema["paths"]
    yaml_response = admin_client.get(reverse("api:schema"))
    assert "/api/cadres/" in yaml.safe_load(yaml_response.content)["paths"]


def test_schema_needs_sign_in(client):
    assert client.get(reverse("api:schema")).status_code in (401, 403)


def test_docs_use_local_assets_only(admin_client):
    response = admin_client.get(reverse("api:docs"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/vendor/swagger-ui/" in html
    assert not re.search(r"(src|href)=[\"']?(https?:)?//", html), "assets must come from the project"
    assert "cdn" not in html.lower()
    assets = re.findall(r'(?:src|href)="(/static/[^"]+)"', html)
    assert len(assets) >= 3
    for asset in assets:
        assert admin_client.get(asset).status_code == 200, asset
    # Swagger UI's start-up script is served from the page's own address (no inline script): no call to the
    # public online validator either.
    script_url = re.search(r'<script src="(/api/docs/\?[^"]*script=[^"]*)"', html).group(1)
    script = admin_client.get(script_url.replace("&amp;", "&"))
    assert script.status_code == 200
    assert script["Content-Type"].startswith("application/javascript")
    assert '"validatorUrl": null' in script.content.decode()


def test_docs_send_anonymous_people_to_sign_in(client):
    response = client.get(reverse("api:docs"))
    assert response.status_code == 302
