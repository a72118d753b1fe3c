"""The read-only API: a router per app, the OpenAPI document and its Swagger UI (from local assets)."""

from django.contrib.auth.decorators import login_required
from django.urls import include, path
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.views import APIView

app_name = "api"

RESOURCES = {
    "cadres": "api:people:cadre-list",
    "units": "api:organizations:unit-list",
    "titles": "api:organizations:title-list",
    "positions": "api:organizations:position-list",
    "assignments": "api:careers:assignment-list",
    "rules-check": "api:rules:check",
    "rules-eligible": "api:rules:eligible",
    "evaluations": "api:evaluation:evaluation-list",
    "planning-entries": "api:planning:entry-list",
    "rotation-rounds": "api:rotation:round-list",
    "schema": "api:schema",
    "docs": "api:docs",
}


class ApiRootView(APIView):
    """Links to every resource of the API."""

    @extend_schema(exclude=True)
    def get(self, request, format=None):
        return Response({name: reverse(url_name, request=request) for name, url_name in RESOURCES.items()})


# DRF views answer for themselves (session or Basic auth, 401/403), outside the site's login redirect.
urlpatterns = [
    path("", ApiRootView.as_view(), name="api-root"),
    path("", include("canbo.people.api.urls")),
    path("", include("canbo.organizations.api.urls")),
    path("", include("canbo.careers.api.urls")),
    path("", include("canbo.rules.api.urls")),
    path("", include("canbo.evaluation.api.urls")),
    path("", include("canbo.planning.api.urls")),
    path("", include("canbo.rotation.api.urls")),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # A page for people: without a session it goes to the login page, like every other page.
    # The split view serves Swagger UI's start-up script as a file: an inline one breaks the CSP.
    path("docs/", login_required(SpectacularSwaggerSplitView.as_view(url_name="api:schema")), name="docs"),
]
