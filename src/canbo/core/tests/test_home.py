"""The overview page: figures computed within the user's scope, in a fixed number of queries."""

import datetime as dt

import pytest
from django.urls import reverse

from canbo.core import testing
from canbo.core.selectors import overview
from canbo.core.testing_views import count_queries, scoped_user
from canbo.organizations.models import OrgUnitKind
from canbo.people.models import Gender

pytestmark = pytest.mark.django_db


@pytest.fixture
def province():
    province = testing.make_unit("Thành phố Hải Phòng", OrgUnitKind.CITY)
    own = testing.make_unit("Xã Kỳ Nam", parent=province)
    other = testing.make_unit("Xã Kỳ Bắc", parent=province)
    title = testing.make_title("X_CT_UB", "Chủ tịch UBND xã")
    held = testing.make_position(own, title)
    testing.make_position(own, testing.make_title("X_PCT_UB", "Phó Chủ tịch UBND xã"), seats=2)
    testing.make_position(other, title)
    chair = testing.make_cadre(
        "Trần Thị Hoa", managed_by=own, gender=Gender.FEMALE, birth_date=dt.date(1990, 1, 1)
    )
    testing.make_assignment(chair, held)
    testing.make_cadre("Lê Văn Nam", managed_by=own, party_join_date=dt.date(2005, 3, 1))
    testing.make_cadre("Phạm Văn Bắc", managed_by=other)
    return {"province": province, "own": own}


def test_overview_counts_only_what_the_user_manages(province):
    figures = overview(scoped_user(province["own"]), dt.date(2026, 1, 1))
    assert figures["total"] == 2
    assert (figures["women"], figures["women_pct"]) == (1, 50.0)
    assert (figures["young"], figures["party"]) == (1, 1)
    assert (figures["positions"], figures["vacant_positions"]) == (2, 1)
    assert figures["units"] == 1


def test_home_page_shows_the_figures(client, province):
    client.force_login(scoped_user(province["province"]))
    queries, response = count_queries(client, reverse("core:home"))
    page = response.content.decode()
    assert response.status_code == 200
    assert 'class="value">3<' in page
    assert queries <= 12  # a fixed number: the figures are aggregates, never a query per unit
