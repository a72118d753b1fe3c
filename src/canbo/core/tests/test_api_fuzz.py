"""Schemathesis generates what the OpenAPI document allows (and some of what it does not) for every endpoint:
no request may end in a server error, and every answer must be one the document declares.

Requests go through Django's test client with a signed-in session, in the test's own transaction.
"""

import json
from urllib.parse import urlencode

import pytest
import schemathesis
from django.test import Client
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck, settings

from canbo.core import testing
from canbo.organizations.models import OrgUnitKind


def openapi_document() -> dict:
    # The document the API serves, generated in process (the served one needs a signed-in session).
    return json.loads(OpenApiJsonRenderer().render(SchemaGenerator().get_schema(request=None, public=True)))


schema = schemathesis.openapi.from_dict(openapi_document())


@pytest.fixture
def signed_in(db, admin_user):
    province = testing.make_unit("Thành phố Hải Phòng", OrgUnitKind.CITY, code="31")
    commune = testing.make_unit("Xã Kỳ Nam", parent=province, code="11311")
    cadre = testing.make_cadre("Nguyễn Văn Giáp", managed_by=commune)
    testing.make_assignment(
        cadre, testing.make_position(commune, testing.make_title("X_CT", "Chủ tịch UBND xã"))
    )
    client = Client()
    client.force_login(admin_user)
    return client


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_has_no_server_errors(case, signed_in):
    response = signed_in.generic(
        case.method, case.formatted_path, QUERY_STRING=urlencode(case.query or {}, doseq=True)
    )
    assert response.status_code < 500, case.as_curl_command()
    assert response.status_code not in (401, 403), "the session should be signed in"
    if case.method.upper() != case.operation.method.upper():
        # Schemathesis also tries methods the endpoint does not offer: a read-only API refuses every write.
        assert response.status_code in ((200, 405) if case.method.upper() in ("HEAD", "OPTIONS") else (405,))
        return
    declared = case.operation.definition.raw["responses"]
    assert str(response.status_code) in declared, (
        f"{response.status_code} is not declared for {case.operation.label}"
    )
    assert response["Content-Type"].startswith("application/json"), (
        response.status_code,
        case.as_curl_command(),
        response.content[:200],
    )
    json.loads(response.content)
