"""Shared test harnesses per kind of view, so each model's view tests are a few declarative lines.

A subclass names the URL and a way to build rows; the harness checks sign-in, scope (404 outside it) and that
the number of queries does not grow with the number of rows.
"""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from canbo.accounts.models import Membership


def scoped_user(unit, role="viewer", username="scoped"):
    user = get_user_model().objects.create_user(username, password="canbo-test-pass")
    Membership.objects.create(user=user, unit=unit, role=role)
    return user


def count_queries(client, url) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    return len(ctx.captured_queries), response


@pytest.mark.django_db
class ListViewTestCase:
    url_name: str = ""

    def make_rows(self, n: int) -> None:
        raise NotImplementedError

    def test_requires_sign_in(self, client):
        response = client.get(reverse(self.url_name))
        assert response.status_code == 302
        assert reverse("accounts:login") in response["Location"]

    def test_query_count_does_not_grow_with_rows(self, admin_client):
        self.make_rows(3)
        few, response = count_queries(admin_client, reverse(self.url_name))
        assert response.status_code == 200
        self.make_rows(25)
        many, response = count_queries(admin_client, reverse(self.url_name))
        assert response.status_code == 200
        assert many == few, f"{few} queries for 3 rows, {many} for 28"

    def test_htmx_returns_the_table_only(self, admin_client):
        self.make_rows(2)
        response = admin_client.get(reverse(self.url_name), headers={"HX-Request": "true"})
        assert response.status_code == 200
        assert b"<html" not in response.content
        assert b"<table" in response.content
