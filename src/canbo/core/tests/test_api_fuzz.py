"""Schemathesis sends what the OpenAPI document allows (and some of what it does not) to every endpoint:
no request may end in a server error, and every answer must match the documented responses."""

import json

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from django.test import Client
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import response_schema_conformance

from canbo.core import testing
from canbo.organizations.models import OrgUnitKind


def openapi_document() -> dict:
    # The document the API serves, generated in process (the served one needs a signed-in session).
    return json.loads(OpenApiJsonRenderer().render(SchemaGenerator().get_schema(request=None, public=True)))


schema = schemathesis.openapi.from_dict(openapi_document())
schema.app = get_wsgi_application()


@pytest.fixture
def session_cookie(db, admin_user):
    province = testing.make_unit("Thành phố Hải Phòng", OrgUnitKind.CITY, code="31")
    commune = testing.make_unit("Xã Kỳ Nam", parent=province, code="11311")
    cadre = testing.make_cadre("Nguyễn Văn Giáp", managed_by=commune)
    testing.make_assignment(cadre, testing.make_position(commune, testing.make_title("X_CT", "Chủ tịch UBND xã")))
    client = Client()
    client.force_login(admin_user)
    return {"sessionid": client.cookies["sessionid"].value}


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@pytest.mark.django_db
def test_api_has_no_server_errors(case, session_cookie):
    response = case.call(cookies=session_cookie)
    assert response.status_code < 500, case.as_curl_command()
    assert response.status_code not in (401, 403), "the session should be signed in"
    case.validate_response(response, checks=[response_schema_conformance])
