"""The ward of the rules tests, with Giáp serving as a specialist of a provincial department since 2020."""

import datetime as dt
from types import SimpleNamespace

import pytest

from canbo.core import testing
from canbo.organizations.models import OrgUnitKind, Title
from canbo.rules.tests import conftest as rules_fixtures
from canbo.rules.tests.conftest import DAY, MERGER, seat

__all__ = ["DAY", "MERGER", "seat"]

# The rules tests' ward and its people, as fixtures of these tests too.
ward = rules_fixtures.ward
people = rules_fixtures.people


@pytest.fixture
def department(ward, people):
    unit = testing.create_unit("Sở Nội vụ", OrgUnitKind.DEPARTMENT, parent=ward.province)
    position = testing.make_position(unit, Title.objects.get(code="T_CV"), seats=3)
    testing.make_assignment(people.giap, position, start_date=dt.date(2020, 1, 1))
    return SimpleNamespace(unit=unit, position=position)


@pytest.fixture
def board(ward):
    """The province's organization board: an organizer who drafts and an approver who decides."""
    return SimpleNamespace(
        organizer=testing.make_user("organizer", ward.province, "organizer", password="canbo-test-pass"),
        approver=testing.make_user("approver", ward.province, "approver", password="canbo-test-pass"),
    )
