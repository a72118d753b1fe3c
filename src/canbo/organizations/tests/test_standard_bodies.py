import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from canbo.core import testing
from canbo.organizations import reference, services
from canbo.organizations.models import AdminLevel, OrgUnit, OrgUnitKind, Position

pytestmark = pytest.mark.django_db

REFORM = dt.date(2025, 7, 1)


def expected_seats(level: str) -> dict[str, int]:
    return {
        title: seats
        for _kind, _name, positions in reference.STANDARD_BODIES[level]
        for title, seats in positions
    }


def test_commune_bodies_and_positions(commune):
    positions = services.create_standard_bodies(commune, valid_from=REFORM)

    bodies = {b.code: b for b in OrgUnit.objects.filter(parent=commune)}
    assert set(bodies) == {f"{commune.code}-{s}" for s in ("DU", "HDND", "UBND", "MTTQ")}
    assert bodies[f"{commune.code}-DU"].name == "Đảng ủy xã Kỳ Nam"
    assert bodies[f"{commune.code}-UBND"].name == "UBND xã Kỳ Nam"
    for body in bodies.values():
        assert body.territory == commune and body.admin_level == AdminLevel.COMMUNE
        assert body.path == f"{commune.path}{body.pk}/" and body.depth == commune.depth + 1
        assert body.valid_from == REFORM and body.versions.count() == 1
    assert {p.title.code: p.seats for p in positions} == expected_seats("commune")
    assert all(p.valid_from == REFORM and p.valid_to is None for p in positions)
    chairman = Position.objects.get(unit__code=f"{commune.code}-UBND", title__code="X_CT_UBND")
    assert chairman.seats == 1

    # Running it again creates nothing.
    assert services.create_standard_bodies(commune, valid_from=REFORM) == []
    assert OrgUnit.objects.filter(parent=commune).count() == 4
    assert Position.objects.count() == len(positions)


def test_city_bodies_and_departments(province):
    positions = services.create_standard_bodies(province)
    assert OrgUnit.objects.get(code=f"{province.code}-DU").name == "Thành ủy Hải Phòng"
    assert OrgUnit.objects.get(code=f"{province.code}-HDND").name == "HĐND thành phố Hải Phòng"
    committee = OrgUnit.objects.get(code=f"{province.code}-UBND")
    departments = OrgUnit.objects.filter(parent=committee)
    assert departments.count() == len(reference.PROVINCE_DEPARTMENTS)
    assert {d.kind for d in departments} == {OrgUnitKind.DEPARTMENT}
    assert departments.filter(name="Thanh tra thành phố").exists()
    assert all(d.territory_id == province.pk and d.depth == 2 for d in departments)
    interior = departments.get(name="Sở Nội vụ")
    assert {p.title.code: p.seats for p in positions if p.unit_id == interior.pk} == dict(
        reference.DEPARTMENT_POSITIONS
    )
    assert services.create_standard_bodies(province) == []


def test_many_localities_at_once(province):
    communes = [testing.create_unit(f"Xã Số {i}", parent=province, code=f"9{i:04d}") for i in range(20)]
    positions = services.create_standard_bodies_bulk(communes)
    per_commune = sum(len(p) for _k, _n, p in reference.STANDARD_BODIES["commune"])
    assert len(positions) == 20 * per_commune
    assert OrgUnit.objects.filter(parent__in=communes).count() == 80
    assert services.create_standard_bodies_bulk(communes) == []


def test_only_for_localities(commune):
    body = testing.create_unit("Đảng ủy xã Kỳ Nam", OrgUnitKind.PARTY_COMMITTEE, parent=commune)
    with pytest.raises(ValidationError):
        services.create_standard_bodies(body)
