import datetime as dt
from collections import defaultdict

import pytest
from django.core.exceptions import ValidationError
from django.db.models import F

from canbo.core import testing
from canbo.organizations import selectors, services
from canbo.organizations.models import (
    AdminLevel,
    Decision,
    OrgUnit,
    OrgUnitKind,
    OrgUnitVersion,
    Position,
    RestructuringKind,
)

pytestmark = pytest.mark.django_db

BEFORE = dt.date(2024, 12, 31)
REFORM = dt.date(2025, 7, 1)


def assert_versions_do_not_overlap():
    by_unit = defaultdict(list)
    for version in OrgUnitVersion.objects.order_by("unit_id", F("valid_from").asc(nulls_first=True)):
        by_unit[version.unit_id].append(version)
    for versions in by_unit.values():
        for earlier, later in zip(versions, versions[1:], strict=False):
            assert earlier.valid_to is not None and earlier.valid_to == later.valid_from


@pytest.fixture
def old_tree():
    """A city with a district of three communes, the first with a party committee and a post of its own."""
    city = testing.create_unit("Thành phố Hải Phòng", OrgUnitKind.CITY, code="31")
    district = testing.create_unit("Huyện Thủy Nguyên", OrgUnitKind.DISTRICT, parent=city, code="31-TN")
    communes = [
        testing.create_unit(name, parent=district, code=code)
        for name, code in [("Xã Lập Lễ", "31-LL"), ("Xã Phả Lễ", "31-PL"), ("Xã Tam Hưng", "31-TH")]
    ]
    committee = testing.create_unit(
        "Đảng ủy xã Lập Lễ", OrgUnitKind.PARTY_COMMITTEE, parent=communes[0], code="31-LL-DU"
    )
    post = testing.make_position(communes[0], testing.make_title("X_CC_VP", "Công chức Văn phòng - Thống kê"))
    return city, district, communes, committee, post


def test_unit_create_derives_path_locality_level_and_first_version(province):
    commune = services.unit_create(
        code="10001", name="  Xã  Kỳ Nam ", kind=OrgUnitKind.COMMUNE, parent=province, valid_from=REFORM
    )
    body = services.unit_create(
        code="10001-X", name="Ủy ban Kiểm tra", kind=OrgUnitKind.PARTY_COMMITTEE, parent=commune
    )
    assert commune.name == "Xã Kỳ Nam"
    assert commune.path == f"{province.path}{commune.pk}/" and commune.depth == 1
    assert commune.territory == commune and commune.admin_level == AdminLevel.COMMUNE
    assert body.path == f"{commune.path}{body.pk}/" and body.depth == 2
    assert body.territory == commune and body.admin_level == AdminLevel.COMMUNE
    assert commune.search_text == "xa ky nam 10001"
    version = commune.versions.get()
    assert (version.name, version.parent, version.valid_from, version.valid_to) == (
        "Xã Kỳ Nam",
        province,
        REFORM,
        None,
    )


def test_unit_create_with_a_decision_records_an_establishment(province):
    decision = Decision.objects.create(number="12/NQ-HĐND", date=dt.date(2025, 6, 1))
    unit = services.unit_create(
        code="X1",
        name="Xã Mới",
        kind=OrgUnitKind.COMMUNE,
        parent=province,
        valid_from=REFORM,
        decision=decision,
    )
    event = selectors.restructuring_history(unit).get()
    assert event.kind == RestructuringKind.ESTABLISH and event.date == REFORM and event.decision == decision


def test_unit_create_refuses_a_duplicate_code_and_a_parent_that_did_not_exist(province):
    with pytest.raises(ValidationError) as error:
        services.unit_create(code=province.code, name="Tỉnh Khác", kind=OrgUnitKind.PROVINCE)
    assert "code" in error.value.message_dict
    ended = testing.create_unit(
        "Huyện Cũ", OrgUnitKind.DISTRICT, parent=province, valid_from=dt.date(2000, 1, 1)
    )
    services.unit_abolish(ended, date=REFORM)
    with pytest.raises(ValidationError) as error:
        services.unit_create(
            code="X2", name="Xã Sau", kind=OrgUnitKind.COMMUNE, parent=ended, valid_from=REFORM
        )
    assert "parent" in error.value.message_dict
    young = testing.create_unit("Xã Mới Lập", parent=province, valid_from=REFORM)
    with pytest.raises(ValidationError) as error:
        services.unit_create(
            code="X3", name="Chi bộ", kind=OrgUnitKind.PARTY_CELL, parent=young, valid_from=BEFORE
        )
    assert "parent" in error.value.message_dict
    assert not OrgUnit.objects.filter(code__in=["X2", "X3"]).exists()


def test_merge_three_communes_under_a_district_abolished_the_same_day(old_tree):
    city, district, (lap_le, pha_le, tam_hung), committee, post = old_tree
    decision = Decision.objects.create(number="1669/NQ-UBTVQH15", date=dt.date(2025, 6, 16))

    merged = services.units_merge(
        [lap_le, pha_le, tam_hung],
        new_code="11311",
        new_name="Xã Thủy Nguyên Mới",
        parent=city,
        date=REFORM,
        decision=decision,
    )
    services.unit_abolish(district, date=REFORM, decision=decision)

    before = set(selectors.units_as_of(BEFORE))
    after = set(selectors.units_as_of(REFORM))
    assert {district, lap_le, pha_le, tam_hung} <= before and merged not in before
    assert merged in after and not {district, lap_le, pha_le, tam_hung} & after

    merged.refresh_from_db()
    assert merged.parent == city and merged.path == f"{city.path}{merged.pk}/" and merged.territory == merged
    assert merged.valid_from == REFORM and merged.kind == OrgUnitKind.COMMUNE

    # The old commune's committee moved to the new commune that day; its past stays with the old one.
    committee.refresh_from_db()
    assert committee.parent == merged and committee.path == f"{merged.path}{committee.pk}/"
    assert committee.territory == merged and committee.valid_to is None
    assert selectors.unit_version_on(committee, BEFORE).parent == lap_le
    assert set(selectors.children_as_of(lap_le, BEFORE)) == {committee}
    assert set(selectors.children_as_of(merged, REFORM)) == {committee}
    assert set(selectors.children_as_of(district, BEFORE)) == {lap_le, pha_le, tam_hung}
    assert district in selectors.children_as_of(city, BEFORE)
    city_now = set(selectors.children_as_of(city, REFORM))
    assert merged in city_now and district not in city_now

    post.refresh_from_db()
    assert post.valid_to == REFORM
    event = selectors.restructuring_history(lap_le).get()
    assert event.kind == RestructuringKind.MERGE and event.decision == decision
    assert set(event.sources.all()) == {lap_le, pha_le, tam_hung} and list(event.targets.all()) == [merged]
    assert event.details["moved_children"] == [committee.pk]
    assert selectors.restructuring_history(district).get().kind == RestructuringKind.ABOLISH
    assert_versions_do_not_overlap()


def test_merge_into_one_of_the_sources_keeps_it(old_tree):
    city, district, (lap_le, pha_le, tam_hung), committee, post = old_tree
    target = services.units_merge([lap_le, pha_le], into=pha_le, new_name="Xã Phả Lễ Mới", date=REFORM)
    assert target == pha_le
    lap_le.refresh_from_db()
    pha_le.refresh_from_db()
    assert lap_le.valid_to == REFORM and pha_le.valid_to is None and pha_le.name == "Xã Phả Lễ Mới"
    assert selectors.unit_version_on(pha_le, BEFORE).name == "Xã Phả Lễ"
    committee.refresh_from_db()
    assert committee.parent == pha_le
    assert_versions_do_not_overlap()


def test_merge_needs_two_units_and_a_target(old_tree):
    _city, _district, (lap_le, pha_le, _), _committee, _post = old_tree
    with pytest.raises(ValidationError):
        services.units_merge([lap_le], new_code="N1", new_name="Xã Một", date=REFORM)
    with pytest.raises(ValidationError):
        services.units_merge([lap_le, pha_le], date=REFORM)


def test_abolish_refuses_to_orphan_communes_and_can_move_them(old_tree):
    city, district, communes, committee, _post = old_tree
    with pytest.raises(ValidationError):
        services.unit_abolish(district, date=REFORM)
    district.refresh_from_db()
    assert district.valid_to is None

    services.unit_abolish(district, date=REFORM, reparent_children_to=city)
    for commune in communes:
        commune.refresh_from_db()
        assert commune.parent == city and commune.path == f"{city.path}{commune.pk}/" and commune.depth == 1
        assert selectors.unit_version_on(commune, BEFORE).parent == district
    committee.refresh_from_db()
    assert committee.path == f"{communes[0].path}{committee.pk}/" and committee.depth == 2
    assert_versions_do_not_overlap()


def test_abolish_ends_the_bodies_of_a_locality_and_closes_their_posts(province):
    commune = testing.create_unit("Xã Kỳ Nam", parent=province, code="11311")
    positions = services.create_standard_bodies(commune)
    services.unit_abolish(commune, date=REFORM)
    assert not OrgUnit.objects.subtree(commune).filter(valid_to__isnull=True).exists()
    assert not Position.objects.filter(pk__in=[p.pk for p in positions], valid_to__isnull=True).exists()
    assert OrgUnit.objects.subtree(commune).count() == 5
    with pytest.raises(ValidationError):
        services.unit_abolish(commune, date=dt.date(2025, 8, 1))


def test_rename_keeps_the_old_name_on_earlier_dates(commune):
    services.unit_rename(commune, new_name="Phường Kỳ Nam", date=REFORM)
    commune.refresh_from_db()
    assert commune.name == "Phường Kỳ Nam" and commune.search_text.startswith("phuong ky nam")
    assert selectors.unit_version_on(commune, BEFORE).name == "Xã Kỳ Nam"
    assert selectors.unit_version_on(commune, REFORM).name == "Phường Kỳ Nam"
    assert selectors.units_as_of(BEFORE).get(pk=commune.pk).name_as_of == "Xã Kỳ Nam"
    event = selectors.restructuring_history(commune).get()
    assert event.kind == RestructuringKind.RENAME
    assert (event.details["old_name"], event.details["new_name"]) == ("Xã Kỳ Nam", "Phường Kỳ Nam")
    assert_versions_do_not_overlap()
    # History is written in date order: an earlier change after a later one is refused.
    with pytest.raises(ValidationError):
        services.unit_rename(commune, new_name="Xã Kỳ Nam Cũ", date=dt.date(2020, 1, 1))
    with pytest.raises(ValidationError):
        services.unit_rename(commune, new_name="Phường Kỳ Nam", date=dt.date(2026, 1, 1))


def test_reparent_moves_the_whole_subtree(province):
    other = testing.create_unit("Tỉnh Quảng Ninh", OrgUnitKind.PROVINCE, code="22")
    commune = testing.create_unit("Xã Kỳ Nam", parent=province, code="11311")
    services.create_standard_bodies(commune)
    subtree_before = OrgUnit.objects.subtree(commune).count()

    services.unit_reparent(commune, new_parent=other, date=REFORM)

    commune.refresh_from_db()
    assert commune.path == f"{other.path}{commune.pk}/" and commune.depth == 1
    moved = list(OrgUnit.objects.subtree(commune))
    assert len(moved) == subtree_before == 5
    for unit in moved:
        parent = OrgUnit.objects.get(pk=unit.parent_id) if unit != commune else other
        assert unit.path == f"{parent.path}{unit.pk}/" and unit.depth == parent.depth + 1
        assert unit.territory == commune
    assert not OrgUnit.objects.filter(path__startswith=f"{province.path}{commune.pk}/").exists()
    assert selectors.unit_version_on(commune, BEFORE).parent == province
    assert commune not in selectors.children_as_of(province, REFORM)
    assert commune in selectors.children_as_of(other, REFORM)
    assert_versions_do_not_overlap()


def test_reparent_a_department_changes_the_locality_of_its_subtree(province):
    other = testing.create_unit("Tỉnh Quảng Ninh", OrgUnitKind.PROVINCE, code="22")
    services.create_standard_bodies(province)
    services.create_standard_bodies(other)
    department = OrgUnit.objects.get(code=f"{province.code}-SNV")
    division = testing.create_unit(
        "Phòng Tổ chức", OrgUnitKind.DEPARTMENT, parent=department, code="31-SNV-TC"
    )
    assert division.territory == province

    services.unit_reparent(department, new_parent=OrgUnit.objects.get(code="22-UBND"), date=REFORM)

    division.refresh_from_db()
    department.refresh_from_db()
    assert department.territory == other and division.territory == other
    assert division.path.startswith(f"{other.path}") and division.depth == 3


def test_reparent_refuses_cycles(province, commune):
    with pytest.raises(ValidationError):
        services.unit_reparent(province, new_parent=commune, date=REFORM)
    with pytest.raises(ValidationError):
        services.unit_reparent(commune, new_parent=province, date=REFORM)  # already there


def test_split_creates_parts_moves_given_children_and_ends_the_rest(province):
    source = testing.create_unit("Xã Lớn", parent=province, code="S1", valid_from=dt.date(2000, 1, 1))
    hamlet_cell = testing.create_unit("Chi bộ thôn 1", OrgUnitKind.PARTY_CELL, parent=source, code="S1-CB1")
    positions = services.create_standard_bodies(source)
    parts = services.unit_split(
        source,
        parts=[
            {"code": "S1A", "name": "Xã Lớn A", "children": [hamlet_cell]},
            {"code": "S1B", "name": "Xã Lớn B"},
        ],
        date=REFORM,
    )
    source.refresh_from_db()
    hamlet_cell.refresh_from_db()
    assert source.valid_to == REFORM
    assert [p.parent for p in parts] == [province, province] and [p.kind for p in parts] == ["commune"] * 2
    assert (
        hamlet_cell.parent == parts[0] and hamlet_cell.territory == parts[0] and hamlet_cell.valid_to is None
    )
    # The source's own bodies end with it.
    assert OrgUnit.objects.filter(code="S1-DU").get().valid_to == REFORM
    assert not Position.objects.filter(pk__in=[p.pk for p in positions], valid_to__isnull=True).exists()
    event = selectors.restructuring_history(source).get()
    assert event.kind == RestructuringKind.SPLIT and set(event.targets.all()) == set(parts)
    assert_versions_do_not_overlap()


def test_restructuring_is_all_or_nothing(old_tree):
    city, district, (lap_le, pha_le, _), _committee, _post = old_tree
    with pytest.raises(ValidationError):
        # The new code is taken: nothing of the merger may remain.
        services.units_merge(
            [lap_le, pha_le], new_code=city.code, new_name="Xã Mới", parent=city, date=REFORM
        )
    lap_le.refresh_from_db()
    assert lap_le.valid_to is None and not selectors.restructuring_history(lap_le).exists()


def test_ancestors_in_one_query(django_assert_num_queries, province, commune):
    body = testing.create_unit("Đảng ủy xã Kỳ Nam", OrgUnitKind.PARTY_COMMITTEE, parent=commune)
    with django_assert_num_queries(1):
        assert selectors.ancestors(body) == [province, commune]
    assert selectors.ancestors(province) == []
