"""A commune with its standard bodies, planned for by its party committee, and a few cadres."""

import datetime as dt
from types import SimpleNamespace

import pytest

from canbo.core import testing
from canbo.organizations.models import OrgUnitKind, Position
from canbo.organizations.services import create_standard_bodies

from .. import services

SINCE = dt.date(2021, 6, 1)
DAY = dt.date(2025, 12, 1)


def seat(commune, code) -> Position:
    return Position.objects.select_related("unit", "title").get(unit__parent=commune, title__code=code)


@pytest.fixture
def world(db):
    province = testing.create_unit("Tỉnh Hà Tĩnh", OrgUnitKind.PROVINCE, code="42")
    commune = testing.create_unit("Xã Kỳ Nam", OrgUnitKind.COMMUNE, parent=province, code="18580")
    create_standard_bodies(commune, valid_from=dt.date(2020, 1, 1))
    committee = seat(commune, "X_BT").unit
    chairman, vice = seat(commune, "X_CT_UBND"), seat(commune, "X_PCT_UBND")
    term = services.term_save(
        body=committee, start_year=2026, end_year=2031, vision_year=2035, starts_on=dt.date(2026, 1, 1)
    )
    return SimpleNamespace(
        province=province, commune=commune, committee=committee, chairman=chairman, vice=vice, term=term
    )


@pytest.fixture
def cadre(world):
    """A maker of cadres managed by the commune's party committee; `post` makes them hold a seat."""

    def make(name, post=None, **fields):
        fields.setdefault("birth_date", dt.date(1982, 4, 10))
        fields.setdefault("education", "university")
        person = testing.make_cadre(name, managed_by=world.committee, **fields)
        if post is not None:
            testing.make_assignment(person, post, start_date=SINCE)
        return person

    return make


def plan(world, person, position=None, day=DAY):
    position = position or world.chairman
    return services.entry_add(
        term=world.term, cadre=person, unit=position.unit, title=position.title, added_on=day
    )
