"""The ORM adapters: facts as the engine expects them, in a number of queries that does not grow with the
number of cadres."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from canbo.core import testing
from canbo.people.models import Cadre, FamilyRelation
from canbo.rules import adapters
from canbo.rules.engine import DEFAULT, Kin, Outcome, PlanningEntry, Proposal, evaluate

from .conftest import DAY, seat


def test_a_person_with_posts_relatives_discipline_and_training(people, ward, sources):
    [duc] = adapters.load_people(Cadre.objects.filter(pk=people.duc.pk), DAY)
    assert (duc.code, duc.gender, duc.political_theory) == (people.duc.code, "male", "intermediate")
    assert duc.hometown_name == "Phường Kỳ Trinh"
    assert duc.hometown_ids == {ward.province.pk, ward.other.pk}
    [holding] = duc.posts
    assert (holding.post.title.code, holding.post.unit.territory_id, holding.action) == (
        "X_PCT_UBND",
        ward.other.pk,
        "appointment",
    )
    assert holding.post.unit.head_titles == {"X_CT_UBND"} and holding.post.unit.deputy_titles == {
        "X_PCT_UBND"
    }
    assert [(d.kind, d.date) for d in duc.disciplines] == [("reprimand", dt.date(2025, 2, 1))]
    assert [t.name for t in duc.trainings] == ["Cao cấp lý luận chính trị"]
    # No evaluation or planning data exists yet: None, which the rules answer with a warning.
    assert duc.evaluations is None and duc.planning is None


def test_a_hometown_merged_into_a_new_ward_is_local_there(people, ward):
    [giap] = adapters.load_people(Cadre.objects.filter(pk=people.giap.pk), DAY)
    assert ward.ky_nam.pk in giap.hometown_ids and ward.hoanh_son.pk in giap.hometown_ids
    target = adapters.load_target(seat(ward.hoanh_son, "X_BT"), DAY)
    result = DEFAULT.rule("non_local").check(
        giap, target, Proposal("rotation", DAY), adapters.load_context(target, DAY), DEFAULT.params
    )
    assert result.outcome == Outcome.FAIL
    assert result.reason_vi.startswith("Quê quán xã Kỳ Nam trùng địa bàn đơn vị bổ nhiệm (Bí thư Đảng ủy xã")


def test_relatives_are_seen_from_both_sides(people):
    giap, hoa = adapters.load_people(
        Cadre.objects.filter(pk__in=[people.giap.pk, people.hoa.pk]).order_by("pk"), DAY
    )
    assert giap.kin == (Kin("spouse", "Trần Thị Hoa", people.hoa.pk),)
    assert hoa.kin == (Kin("spouse", "Nguyễn Văn Giáp", people.giap.pk),)
    FamilyRelation.objects.create(
        cadre=people.duc, kind="father", full_name="Lê Văn Ba", related_cadre=people.giap
    )
    [giap] = adapters.load_people(Cadre.objects.filter(pk=people.giap.pk), DAY)
    assert Kin("child", "Lê Minh Đức", people.duc.pk) in giap.kin


def test_the_context_holds_the_posts_of_the_target_locality(people, ward):
    target = adapters.load_target(seat(ward.hoanh_son, "X_BT"), DAY)
    ctx = adapters.load_context(target, DAY)
    assert [(h.person_name, h.post.title.code) for h in ctx.holders] == [("Trần Thị Hoa", "X_PBT_TT")]
    [giap] = adapters.load_people(Cadre.objects.filter(pk=people.giap.pk), DAY)
    kinship = evaluate(giap, target, Proposal("appointment", DAY), ctx, DEFAULT).result("kinship")
    assert kinship.outcome == Outcome.FAIL
    assert "Vợ/chồng Trần Thị Hoa đang giữ chức vụ Phó Bí thư Thường trực Đảng ủy xã" in kinship.reason_vi


def _count_queries(queryset) -> int:
    with CaptureQueriesContext(connection) as ctx:
        adapters.load_people(queryset, DAY)
    return len(ctx.captured_queries)


def test_loading_people_takes_the_same_number_of_queries_for_3_or_23_cadres(people, ward):
    few = _count_queries(Cadre.objects.all())
    clerks = seat(ward.other, "X_CC_VP")  # two seats
    for i in range(20):
        cadre = testing.make_cadre(f"Phạm Văn Số {i}", managed_by=ward.province, hometown=ward.other)
        FamilyRelation.objects.create(
            cadre=cadre, kind="sibling", full_name="Lê Minh Đức", related_cadre=people.duc
        )
        start = dt.date(2025, 7, 1) + dt.timedelta(days=5 * i)
        testing.make_assignment(cadre, clerks, start_date=start, end_date=start + dt.timedelta(days=4))
    assert _count_queries(Cadre.objects.all()) == few


@pytest.fixture
def sources():
    """No source to begin with, whatever the installed apps registered; theirs come back afterwards."""
    installed = dict(adapters._SOURCES)
    adapters._SOURCES.clear()
    yield adapters
    adapters._SOURCES.clear()
    adapters._SOURCES.update(installed)


def test_evaluation_and_planning_sources_plug_in(people, sources):
    adapters.register_source("evaluations", lambda ids: {people.duc.pk: {2024: "good", 2025: "excellent"}})
    adapters.register_source(
        "planning", lambda ids: {people.duc.pk: (PlanningEntry("X_CT_UBND", dt.date(2025, 10, 8)),)}
    )
    duc, giap = adapters.load_people(
        Cadre.objects.filter(pk__in=[people.duc.pk, people.giap.pk]).order_by("-pk"), DAY
    )
    assert duc.evaluations == {2024: "good", 2025: "excellent"}
    assert duc.planning == (PlanningEntry("X_CT_UBND", dt.date(2025, 10, 8)),)
    # With a source in place, someone it does not mention has data and nothing in it.
    assert giap.evaluations == {} and giap.planning == ()
    with pytest.raises(ValueError):
        adapters.register_source("awards", lambda ids: {})
