"""The due lists' own tests: who is found, in which order, and that rows are built only for what is read."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from canbo.careers import due
from canbo.core import testing
from canbo.organizations.models import OrgUnitKind, Title
from canbo.people.models import Gender

from .conftest import DAY

pytestmark = pytest.mark.django_db


@pytest.fixture
def heads(ward, people):
    """Two department directors for ten years and more, one since the merger; a man near retirement."""
    director = Title.objects.get(code="T_GD_SO")

    def direct(name, since, birth_date):
        unit = testing.create_unit(
            f"Sở {name}", OrgUnitKind.DEPARTMENT, ward.province, valid_from=dt.date(2010, 1, 1)
        )
        cadre = testing.make_cadre(f"Phạm Văn {name}", birth_date=birth_date, gender=Gender.MALE)
        testing.make_assignment(cadre, testing.make_position(unit, director), start_date=since)
        return cadre

    return {
        "long_ago": direct("Lâu", dt.date(2015, 6, 1), dt.date(1970, 2, 1)),
        "longer": direct("Lâu Hơn", dt.date(2015, 1, 1), dt.date(1972, 2, 1)),
        "recent": direct("Mới", dt.date(2025, 7, 1), dt.date(1985, 2, 1)),
        "soon": direct("Nghỉ", dt.date(2025, 7, 1), dt.date(1964, 3, 1)),
    }


def test_heads_at_two_terms_come_soonest_first(ward, heads):
    found = due.heads_due_for_rotation(ward.province, DAY)
    assert [item.cadre for item in found] == [heads["longer"], heads["long_ago"]]
    assert [item.detail for item in found] == ["01/01/2015", "01/06/2015"]
    assert found[0].date < found[1].date


def test_retirements_within_the_horizon_and_each_horizon_a_part_of_the_longest(ward, people, heads):
    within_two_years = due.retiring(ward.province, DAY)
    assert heads["soon"] in [item.cadre for item in within_two_years]
    assert all(item.date <= dt.date(2028, 1, 5) for item in within_two_years)
    lists = due.due_lists(ward.province, DAY)["retiring"]
    assert [i.cadre for i in lists[12]] == [
        i.cadre for i in within_two_years if i.date <= dt.date(2027, 1, 5)
    ]


def test_due_items_build_records_only_for_the_rows_read(ward, heads):
    found = due.heads_due_for_rotation(ward.province, DAY)
    with CaptureQueriesContext(connection) as reading:
        first = found[:1]
    assert len(reading.captured_queries) == 1 and [i.cadre for i in first] == [heads["longer"]]
    assert len(found) == 2 and found[-1].cadre == heads["long_ago"] and list(found)[1].cadre == found[1].cadre
