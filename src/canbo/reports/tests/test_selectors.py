import datetime as dt

import pytest

from canbo.core import testing
from canbo.reports import selectors
from canbo.reports.selectors import Population, Scope, percent

from .builders import DAY, small_province

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return small_province()


def test_percent_rounds_half_up_to_one_decimal():
    assert percent(112, 583) == 19.2
    assert percent(1, 8) == 12.5
    assert percent(1, 16) == 6.3  # 6.25: half up, not to even
    assert percent(3, 0) == 0.0


def test_structure_counts_who_was_in_post_on_the_day(world):
    province = world["province"]
    now = selectors.structure(None, Population(Scope.UNIT, province, DAY), 42)
    assert now["total"]["count"] == 3
    assert now["women"] == {"count": 1, "percent": 33.3}
    assert now["young"]["count"] == 1  # born 1990: 34 in 2024
    assert now["ethnic_minority"]["count"] == 1
    assert now["education"]["college"]["count"] == 1
    before = selectors.structure(None, Population(Scope.UNIT, province, dt.date(2022, 6, 1)), 42)
    assert before["total"]["count"] == 4
    # Ages are those on the day asked: at 32 in 2022 she was under 33, in 2024 no longer.
    assert (
        selectors.structure(None, Population(Scope.UNIT, province, dt.date(2022, 6, 1)), 33)["young"]["count"]
        == 1
    )
    assert selectors.structure(None, Population(Scope.UNIT, province, DAY), 33)["young"]["count"] == 0


def test_structure_people_are_the_ones_counted(world):
    population = Population(Scope.UNIT, world["province"], DAY)
    data = selectors.structure(None, population, 42)
    for key in ("women", "young", "ethnic_minority", "education.college", "age_bands.30_39"):
        group, _dot, name = key.rpartition(".")
        counted = (data[group] if group else data)[name]["count"]
        assert selectors.structure_people(None, population, key, 42).count() == counted
    assert selectors.structure_people(None, population, "no-such-key").count() == 0


def test_commune_committees_and_managed_by_scopes(world):
    province = world["province"]
    committees = selectors.structure(
        None, Population(Scope.COMMUNE_COMMITTEES, province, dt.date(2022, 6, 1))
    )
    assert committees["total"]["count"] == 4  # both secretaries and both members of A's committee
    assert (
        selectors.structure(None, Population(Scope.COMMUNE_COMMITTEES, province, DAY))["total"]["count"] == 2
    )
    managed = selectors.structure(None, Population(Scope.MANAGED_BY, province, DAY))
    assert managed["total"]["count"] == 3


def test_structure_is_limited_to_the_users_scope(world):
    user = testing.make_user("xa-a", world["communes"]["a"])
    data = selectors.structure(user, Population(Scope.UNIT, world["province"], DAY))
    names = {
        c.full_name
        for c in selectors.structure_people(user, Population(Scope.UNIT, world["province"], DAY), "total")
    }
    assert data["total"]["count"] == len(names)
    assert "Cán bộ thử Bình" not in names


def test_structure_is_one_query(world, django_assert_num_queries):
    population = Population(Scope.UNIT, world["province"], DAY)
    with django_assert_num_queries(1):
        selectors.structure(None, population, 42)


@pytest.mark.parametrize(
    ("before", "after", "action", "expected"),
    [
        (("province", 1, 1), ("commune", 2, 2), "rotation", "down"),
        (("district", 1, 1), ("commune", 2, 2), "transfer", "down"),
        (("commune", 1, 1), ("province", 2, 2), "transfer", "up"),
        (("commune", 1, 1), ("commune", 2, 2), "transfer", "horizontal"),
        (("commune", 1, 1), ("commune", 2, 1), "appointment", None),  # another body of the same commune
        (("district", 1, 1), ("district", 2, 1), "transfer", "between_departments"),
        (("district", 1, 1), ("district", 1, 1), "appointment", None),  # promoted within the office
        (("commune", 1, 1), ("district", 2, 2), "return", "returned"),
    ],
)
def test_direction(before, after, action, expected):
    move = {
        "action": action,
        "from_level": before[0],
        "from_unit_id": before[1],
        "from_territory": before[2],
        "to_level": after[0],
        "to_unit_id": after[1],
        "to_territory": after[2],
    }
    assert selectors.direction(move) == expected


def test_movements_with_their_people(world):
    moves = selectors.movements(None, world["province"], dt.date(2023, 1, 1), dt.date(2024, 1, 1))
    assert moves["up"]["count"] == 1
    assert moves["up"]["people"][0]["name"] == "Cán bộ thử Cúc"
    assert selectors.movement_people(moves, "up", "other") == [world["people"]["cuc"].pk]
    assert selectors.movement_people(moves, "up", "key") == []
    assert sum(moves[d]["count"] for d in selectors.DIRECTIONS) == 1
    # Outside the period, nothing moved.
    quiet = selectors.movements(None, world["province"], dt.date(2023, 6, 1), dt.date(2024, 1, 1))
    assert quiet["up"]["count"] == 0


def test_non_local_heads_by_the_rules_engine(world):
    rows = selectors.non_local_heads(None, world["province"], DAY)
    assert len(rows) == 1
    row = rows[0]
    assert row["title"] == "X_BT"
    assert row["non_local"].people == [world["people"]["lan"].pk]
    assert row["local"].people == [world["people"]["binh"].pk]


def test_leaders_to_standard_counts_each_leader_once(world):
    parts = selectors.leaders_to_standard(None, world["province"], DAY)
    assert sorted(p for tally in parts.values() for p in tally.people) == sorted(
        [world["people"]["lan"].pk, world["people"]["binh"].pk]
    )
    # A master's degree, advanced political theory and the specialist grade meet the commune secretary's
    # default standard.
    assert world["people"]["lan"].pk in parts["meets"].people


def test_vacancies_and_acting_heads(world):
    vacant = {(v["unit"], v["title"]): v["free"] for v in selectors.vacancies(None, world["province"], DAY)}
    assert vacant[("Đảng ủy xã A", "Đảng ủy viên xã")] == 5
    assert ("Đảng ủy xã A", "Bí thư Đảng ủy xã") not in vacant
    assert selectors.acting_heads(None, world["province"], DAY) == []
