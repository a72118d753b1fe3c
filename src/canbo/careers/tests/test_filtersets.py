import datetime as dt

import pytest

from canbo.careers.filtersets import AssignmentFilterSet
from canbo.careers.models import ActionKind, Assignment
from canbo.core import testing
from canbo.organizations.models import OrgUnitKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def history(province, commune, secretary_title):
    """Đăng was secretary of the commune 2015–2020, then chair since; Lan heads a provincial department."""
    chair = testing.make_title("API_CT_XA", "Chủ tịch UBND xã", is_key=True)
    director = testing.make_title("API_GD", "Giám đốc Sở", level="province")
    department = testing.make_unit("Sở Nội vụ", OrgUnitKind.DEPARTMENT, parent=province)
    dang = testing.make_cadre("Phạm Văn Đăng", managed_by=province)
    lan = testing.make_cadre("Võ Thị Lan", managed_by=province)
    return {
        "dang": dang,
        "lan": lan,
        "secretary": testing.make_assignment(
            dang,
            testing.make_position(commune, secretary_title),
            start_date=dt.date(2015, 10, 1),
            action=ActionKind.ELECTION,
            end_date=dt.date(2020, 10, 1),
            end_action=ActionKind.TRANSFER,
        ),
        "chair": testing.make_assignment(
            dang,
            testing.make_position(commune, chair),
            start_date=dt.date(2020, 10, 1),
            action=ActionKind.TRANSFER,
        ),
        "director": testing.make_assignment(
            lan,
            testing.make_position(department, director),
            start_date=dt.date(2019, 3, 1),
        ),
        "department": department,
        "chair_title": chair,
    }


def ids(**data) -> set[int]:
    filterset = AssignmentFilterSet(data, queryset=Assignment.objects.all())
    assert filterset.is_valid(), filterset.errors
    return {a.pk for a in filterset.qs}


def pks(history, *names) -> set[int]:
    return {history[name].pk for name in names}


def test_cadre(history):
    assert ids(cadre=history["dang"].pk) == pks(history, "secretary", "chair")
    assert ids(cadre=history["lan"].pk) == pks(history, "director")


def test_unit_is_the_subtree(history, province, commune):
    assert ids(unit=commune.pk) == pks(history, "secretary", "chair")
    assert ids(unit=history["department"].pk) == pks(history, "director")
    assert ids(unit=province.pk) == pks(history, "secretary", "chair", "director")


def test_title(history, secretary_title):
    assert ids(title=secretary_title.pk) == pks(history, "secretary")
    assert ids(title=history["chair_title"].pk) == pks(history, "chair")


def test_action_takes_several(history):
    assert ids(action=[ActionKind.ELECTION]) == pks(history, "secretary")
    assert ids(action=[ActionKind.ELECTION, ActionKind.APPOINTMENT]) == pks(history, "secretary", "director")


def test_start_dates_are_inclusive(history):
    assert ids(start_after="2019-03-01") == pks(history, "chair", "director")
    assert ids(start_before="2019-03-01") == pks(history, "secretary", "director")
    assert ids(start_after="2016-01-01", start_before="2020-01-01") == pks(history, "director")


def test_held_on_uses_half_open_periods(history):
    assert ids(held_on="2020-09-30") == pks(history, "secretary", "director")
    assert ids(held_on="2020-10-01") == pks(history, "chair", "director")
    assert ids(held_on="2015-09-30") == set()


def test_open(history):
    assert ids(open="true") == pks(history, "chair", "director")
    assert ids(open="false") == pks(history, "secretary")


def test_labels():
    for name, filter_ in AssignmentFilterSet.base_filters.items():
        assert filter_.label, name
