import datetime as dt

import pytest

from canbo.core import testing
from canbo.core.text import fold
from canbo.organizations.filtersets import OrgUnitFilterSet, PositionFilterSet, TitleFilterSet
from canbo.organizations.models import OrgUnit, OrgUnitKind, Position, Title, TitleGroup, TitleLevel

pytestmark = pytest.mark.django_db


def unit(name, kind=OrgUnitKind.COMMUNE, **kwargs) -> OrgUnit:
    made = testing.make_unit(name, kind, **kwargs)
    made.search_text = f"{fold(name)} {made.code.lower()}"  # as the organization services keep it
    made.save(update_fields=["search_text"])
    return made


def filtered(filterset_class, queryset, **data):
    filterset = filterset_class(data, queryset=queryset)
    assert filterset.is_valid(), filterset.errors
    return list(filterset.qs)


def unit_names(**data) -> set[str]:
    return {u.name for u in filtered(OrgUnitFilterSet, OrgUnit.objects.all(), **data)}


@pytest.fixture
def tree():
    """A province with a commune and its party committee, a ward, and a district abolished in 2025."""
    province = unit("Tỉnh Quảng Ngãi", OrgUnitKind.PROVINCE)
    commune = unit("Xã Đức Phổ", parent=province)
    committee = unit("Đảng ủy xã Đức Phổ", OrgUnitKind.PARTY_COMMITTEE, parent=commune)
    ward = unit("Phường Nghĩa Lộ", OrgUnitKind.WARD, parent=province)
    district = unit(
        "Huyện Mộ Đức",
        OrgUnitKind.DISTRICT,
        parent=province,
        valid_from=dt.date(1990, 1, 1),
        valid_to=dt.date(2025, 7, 1),
    )
    return {
        "province": province,
        "commune": commune,
        "committee": committee,
        "ward": ward,
        "district": district,
    }


def test_unit_search_is_folded(tree):
    assert unit_names(q="duc pho") == {"Xã Đức Phổ", "Đảng ủy xã Đức Phổ"}
    assert unit_names(q="ĐẢNG ỦY") == {"Đảng ủy xã Đức Phổ"}
    assert unit_names(q="mo duc") == {"Huyện Mộ Đức"}


def test_unit_kind_takes_several(tree):
    assert unit_names(kind=[OrgUnitKind.WARD, OrgUnitKind.COMMUNE]) == {"Xã Đức Phổ", "Phường Nghĩa Lộ"}
    assert unit_names(kind=[OrgUnitKind.PARTY_COMMITTEE]) == {"Đảng ủy xã Đức Phổ"}


def test_unit_parent_is_direct(tree):
    assert unit_names(parent=tree["province"].pk) == {"Xã Đức Phổ", "Phường Nghĩa Lộ", "Huyện Mộ Đức"}


def test_unit_within_is_the_subtree(tree):
    assert unit_names(within=tree["commune"].pk) == {"Xã Đức Phổ", "Đảng ủy xã Đức Phổ"}
    assert len(unit_names(within=tree["province"].pk)) == 5


def test_unit_as_of_uses_half_open_periods(tree):
    assert "Huyện Mộ Đức" in unit_names(as_of="2025-06-30")
    assert "Huyện Mộ Đức" not in unit_names(as_of="2025-07-01")
    assert "Huyện Mộ Đức" not in unit_names(as_of="1989-12-31")


def test_unit_current(tree):
    assert "Huyện Mộ Đức" not in unit_names(current="true")
    assert unit_names(current="false") == {"Huyện Mộ Đức"}


@pytest.fixture
def titles():
    return {
        "secretary": testing.make_title(
            "API_BT", "Bí thư Đảng ủy", is_key=True, rank=10, name_en="Party Secretary"
        ),
        "chair": testing.make_title(
            "API_CT", "Chủ tịch UBND", group=TitleGroup.GOVERNMENT, is_key=True, rank=20
        ),
        "clerk": testing.make_title("API_VP", "Công chức Văn phòng", group=TitleGroup.CIVIL_SERVICE, rank=80),
        "director": testing.make_title(
            "API_GD", "Giám đốc Sở", level=TitleLevel.PROVINCE, group=TitleGroup.GOVERNMENT, rank=30
        ),
    }


def title_codes(**data) -> set[str]:
    queryset = Title.objects.filter(code__startswith="API_")
    return {t.code for t in filtered(TitleFilterSet, queryset, **data)}


def test_title_search_is_folded(titles):
    assert title_codes(q="bi thu") == {"API_BT"}
    assert title_codes(q="CHU TICH") == {"API_CT"}
    assert title_codes(q="secretary") == {"API_BT"}
    assert title_codes(q="api_gd") == {"API_GD"}


def test_title_level_group_and_key(titles):
    assert title_codes(level=TitleLevel.PROVINCE) == {"API_GD"}
    assert title_codes(group=TitleGroup.GOVERNMENT) == {"API_CT", "API_GD"}
    assert title_codes(is_key="true") == {"API_BT", "API_CT"}
    assert title_codes(is_key="false") == {"API_VP", "API_GD"}


@pytest.fixture
def positions(tree, titles):
    commune, province = tree["commune"], tree["province"]
    return {
        "secretary": testing.make_position(commune, titles["secretary"]),
        "chair": testing.make_position(commune, titles["chair"]),
        "clerks": testing.make_position(commune, titles["clerk"], seats=2),
        "director": testing.make_position(province, titles["director"]),
    }


def position_ids(**data) -> set[int]:
    return {p.pk for p in filtered(PositionFilterSet, Position.objects.all(), **data)}


def test_position_unit_is_the_subtree(tree, positions):
    commune_posts = {positions[k].pk for k in ("secretary", "chair", "clerks")}
    assert position_ids(unit=tree["commune"].pk) == commune_posts
    assert position_ids(unit=tree["province"].pk) == commune_posts | {positions["director"].pk}


def test_position_title_level_and_key(titles, positions):
    assert position_ids(title=titles["chair"].pk) == {positions["chair"].pk}
    assert position_ids(level=TitleLevel.PROVINCE) == {positions["director"].pk}
    assert position_ids(key="true") == {positions["secretary"].pk, positions["chair"].pk}


def test_position_vacant_counts_open_assignments_against_seats(tree, positions):
    a, b, c = (
        testing.make_cadre(name, managed_by=tree["province"]) for name in ("Lê Văn A", "Lê Văn B", "Lê Văn C")
    )
    testing.make_assignment(a, positions["secretary"])
    testing.make_assignment(b, positions["clerks"])
    # An ended assignment frees its seat again.
    testing.make_assignment(c, positions["chair"], end_date=dt.date(2022, 1, 1), end_action="transfer")

    assert position_ids(vacant="true") == {positions[k].pk for k in ("chair", "clerks", "director")}
    assert position_ids(vacant="false") == {positions["secretary"].pk}

    testing.make_assignment(c, positions["clerks"], start_date=dt.date(2023, 1, 1))
    assert position_ids(vacant="true") == {positions[k].pk for k in ("chair", "director")}


def test_labels(tree):
    for filterset_class in (OrgUnitFilterSet, PositionFilterSet, TitleFilterSet):
        for name, filter_ in filterset_class.base_filters.items():
            assert filter_.label, (filterset_class.__name__, name)
