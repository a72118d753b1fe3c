"""A ward made in the 2025 merger, with its bodies, a few cadres and their records."""

import datetime as dt
from types import SimpleNamespace

import pytest

from canbo.core import testing
from canbo.organizations.models import OrgUnitKind, Position
from canbo.organizations.services import create_standard_bodies, units_merge
from canbo.people.models import Discipline, FamilyRelation, TrainingRecord

MERGER = dt.date(2025, 7, 1)
DAY = dt.date(2026, 1, 5)


def seat(unit, code) -> Position:
    return Position.objects.select_related("unit", "title").get(unit__parent=unit, title__code=code)


@pytest.fixture
def ward(db):
    """Phường Hoành Sơn, made on 1 July 2025 from the communes Kỳ Nam and Kỳ Lợi of the former district."""
    province = testing.create_unit("Tỉnh Hà Tĩnh", OrgUnitKind.PROVINCE, code="42")
    district = testing.create_unit("Thị xã Kỳ Anh", OrgUnitKind.DISTRICT, parent=province, code="436")
    ky_nam = testing.create_unit("Xã Kỳ Nam", OrgUnitKind.COMMUNE, parent=district, code="18580")
    ky_loi = testing.create_unit("Xã Kỳ Lợi", OrgUnitKind.COMMUNE, parent=district, code="18583")
    hoanh_son = units_merge(
        [ky_nam, ky_loi],
        new_code="18581",
        new_name="Phường Hoành Sơn",
        kind=OrgUnitKind.WARD,
        parent=province,
        date=MERGER,
    )
    other = testing.create_unit("Phường Kỳ Trinh", OrgUnitKind.WARD, parent=province, code="18571")
    create_standard_bodies(hoanh_son, valid_from=MERGER)
    create_standard_bodies(other, valid_from=MERGER)
    return SimpleNamespace(province=province, ky_nam=ky_nam, hoanh_son=hoanh_son, other=other)


@pytest.fixture
def people(ward):
    """Giáp, from the former commune Kỳ Nam, whose wife Hoa is the ward's standing deputy secretary; Đức,
    vice-chairman in his home ward Kỳ Trinh, reprimanded in February 2025, in advanced political theory."""
    giap = testing.make_cadre(
        "Nguyễn Văn Giáp",
        managed_by=ward.province,
        hometown=ward.ky_nam,
        birth_date=dt.date(1978, 3, 2),
        education="master",
        political_theory="advanced",
        state_management="principal",
    )
    hoa = testing.make_cadre(
        "Trần Thị Hoa",
        managed_by=ward.province,
        hometown=ward.other,
        gender="female",
        birth_date=dt.date(1980, 8, 9),
    )
    duc = testing.make_cadre(
        "Lê Minh Đức",
        managed_by=ward.province,
        hometown=ward.other,
        birth_date=dt.date(1975, 1, 20),
        political_theory="intermediate",
    )
    FamilyRelation.objects.create(cadre=hoa, kind="spouse", full_name="Nguyễn Văn Giáp", related_cadre=giap)
    testing.make_assignment(hoa, seat(ward.hoanh_son, "X_PBT_TT"), start_date=MERGER, action="election")
    testing.make_assignment(duc, seat(ward.other, "X_PCT_UBND"), start_date=MERGER, action="appointment")
    Discipline.objects.create(cadre=duc, kind="reprimand", date=dt.date(2025, 2, 1))
    TrainingRecord.objects.create(
        cadre=duc,
        institution="Học viện Chính trị",
        field="Lý luận chính trị",
        qualification="Cao cấp lý luận chính trị",
        start_date=dt.date(2025, 3, 1),
    )
    return SimpleNamespace(giap=giap, hoa=hoa, duc=duc)
