"""The demo generator: deterministic, calibrated on the Hai Phong figures, and consistent history."""

import datetime as dt
import io
import re
from collections import Counter, defaultdict

import numpy as np
import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection, transaction

from canbo.accounts.models import Membership
from canbo.careers.models import Assignment
from canbo.core.text import fold, name_sort_key
from canbo.organizations.filtersets import search_folded
from canbo.organizations.models import OrgUnit, OrgUnitVersion, Position, RestructuringEvent
from canbo.people.demo.generate import YOUNG_AGE, plan_districts
from canbo.people.demo.names import NameDrawer
from canbo.people.demo.simulate import add_months, retirement_exit, retirement_month
from canbo.people.demo.writer import run_demo
from canbo.people.models import Cadre, FamilyRelation
from canbo.people.word_index import first_matches_by_words

TODAY = dt.date(2026, 11, 23)
REFORM = dt.date(2025, 7, 1)
N = 3000


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """One demo province for the module, rolled back at the end."""
    with django_db_blocker.unblock(), transaction.atomic():
        totals = run_demo(["31"], N, 2025, today=TODAY)
        yield totals
        transaction.set_rollback(True)


def _age(birth: dt.date) -> float:
    return (TODAY - birth).days / 365.25


# ------------------------------------------------------------------ plain Python
def test_retirement_follows_decree_135():
    # A man born in January 1961 retires at 60 years 3 months (April 2021); a woman born in May 1966 at
    # 55 years 4 months (September 2021); from 2028 men retire at 62, from 2035 women at 60.
    assert divmod(retirement_month(dt.date(1961, 1, 10).toordinal(), False), 12) == (2021, 3)
    assert divmod(retirement_month(dt.date(1966, 5, 10).toordinal(), True), 12) == (2021, 8)
    assert divmod(retirement_month(dt.date(1970, 6, 1).toordinal(), False), 12) == (2032, 5)
    assert divmod(retirement_month(dt.date(1980, 6, 1).toordinal(), True), 12) == (2040, 5)
    assert dt.date.fromordinal(retirement_exit(dt.date(1961, 1, 10).toordinal(), False)) == dt.date(
        2021, 5, 1
    )
    assert dt.date.fromordinal(add_months(dt.date(2022, 1, 31).toordinal(), 1)) == dt.date(2022, 2, 28)


def test_family_names_follow_their_frequencies():
    rng = np.random.default_rng(1)
    female = rng.random(20000) < 0.4
    family, middle, given = NameDrawer("31").draw(rng, female)
    shares = Counter(family)
    assert 0.35 < shares["Nguyễn"] / 20000 < 0.41
    assert 0.09 < shares["Trần"] / 20000 < 0.13
    assert shares["Hoàng"] > shares["Huỳnh"]  # northern spelling in the north
    south = Counter(NameDrawer("79").draw(np.random.default_rng(1), female)[0])
    assert south["Huỳnh"] > south["Hoàng"]
    women_middle = Counter(m for m, f in zip(middle, female, strict=True) if f)
    assert women_middle.most_common(1)[0][0] == "Thị"
    assert not {m for m, f in zip(middle, female, strict=True) if not f} & {"Thị"}


def test_districts_group_eight_to_fifteen_communes_in_code_order():
    groups = plan_districts([f"{i:05d}" for i in range(114)], np.random.default_rng(3))
    assert [i for g in groups for i in g] == list(range(114))
    assert all(5 <= len(g) <= 19 for g in groups)


# ------------------------------------------------------------------ whole demo
@pytest.mark.django_db
def test_same_seed_gives_the_same_data():
    def snapshot():
        cadres = list(
            Cadre.objects.order_by("code").values_list("code", "full_name", "birth_date", "id_number")
        )
        posts = list(
            Assignment.objects.order_by(
                "cadre__code", "start_date", "position__unit__code", "is_concurrent"
            ).values_list(
                "cadre__code",
                "position__unit__code",
                "position__title__code",
                "start_date",
                "end_date",
                "action",
                "decision__number",
            )
        )
        return cadres, posts

    runs = []
    for _ in range(2):
        with transaction.atomic():
            run_demo(["42"], 300, 7, communes=12, today=TODAY)
            runs.append(snapshot())
            transaction.set_rollback(True)
    assert runs[0] == runs[1]
    assert len(runs[0][0]) == 300
    assert runs[0][0][0][0] == "420000001"


@pytest.mark.django_db
def test_calibration_on_the_hai_phong_figures(demo):
    province_committee = OrgUnit.objects.get(code="31-DU")
    managed = list(
        Cadre.objects.filter(managed_by=province_committee).values_list("gender", "birth_date", "education")
    )
    commune = list(
        Cadre.objects.filter(current_position__unit__admin_level="commune").values_list(
            "gender", "birth_date", "education"
        )
    )
    assert len(managed) > 40 and len(commune) > 2000

    def shares(rows):
        n = len(rows)
        return {
            "women": sum(g == "female" for g, _, _ in rows) / n,
            "young": sum(_age(b) < YOUNG_AGE for _, b, _ in rows) / n,
            "university+": sum(e in ("university", "master", "doctorate") for *_, e in rows) / n,
            "master": sum(e == "master" for *_, e in rows) / n,
            "doctorate": sum(e == "doctorate" for *_, e in rows) / n,
        }

    top = shares(managed)
    assert top["women"] == pytest.approx(0.192, abs=0.09)
    assert top["young"] == pytest.approx(0.077, abs=0.08)
    assert top["university+"] == 1
    assert top["master"] == pytest.approx(0.779, abs=0.04)
    assert top["doctorate"] == pytest.approx(0.09, abs=0.03)
    base = shares(commune)
    assert base["women"] == pytest.approx(0.309, abs=0.04)
    assert base["young"] == pytest.approx(0.211, abs=0.06)
    assert base["master"] == pytest.approx(0.462, abs=0.02)
    assert base["doctorate"] == pytest.approx(0.01, abs=0.006)
    ages = [_age(b) for _, b, _ in managed + commune]
    assert min(ages) >= 24 and max(ages) < 62.1


@pytest.mark.django_db
def test_no_two_holders_of_a_seat_nor_two_exclusive_posts_at_once(demo):
    rows = list(
        Assignment.objects.values_list(
            "cadre_id", "position_id", "seat", "start_date", "end_date", "is_concurrent"
        )
    )
    assert len(rows) > 2 * N
    never = dt.date.max
    by_seat, by_cadre = defaultdict(list), defaultdict(list)
    for cadre, position, seat, start, end, concurrent in rows:
        assert end is None or end > start
        by_seat[(position, seat)].append((start, end or never))
        if not concurrent:
            by_cadre[cadre].append((start, end or never))
    for periods in [*by_seat.values(), *by_cadre.values()]:
        periods.sort()
        for (_, end), (start, _) in zip(periods, periods[1:], strict=False):
            assert end <= start
    open_seats = Counter((p, s) for _, p, s, _, end, _ in rows if end is None)
    assert max(open_seats.values()) == 1


@pytest.mark.django_db
def test_every_current_seat_is_held_at_most_once_and_nearly_all_are_held(demo):
    positions = {
        p.pk: p
        for p in Position.objects.filter(valid_to__isnull=True, unit__code__startswith="31").select_related(
            "title"
        )
    }
    held = defaultdict(set)
    for position, seat in Assignment.objects.open().values_list("position_id", "seat"):
        held[position].add(seat)
    exclusive_seats = vacant = 0
    for pk, position in positions.items():
        assert held[pk] <= set(range(1, position.seats + 1))
        if position.title.code != "T_UVTV":
            exclusive_seats += position.seats
            vacant += position.seats - len(held[pk])
    assert Cadre.objects.count() == N
    assert 0.01 <= vacant / exclusive_seats <= 0.06
    assert Assignment.objects.open().filter(is_acting=True).exists()
    # current post and managing body, as the services keep them
    current = dict(
        Assignment.objects.open().filter(is_concurrent=False).values_list("cadre_id", "position_id")
    )
    for pk, position, managed in Cadre.objects.values_list("pk", "current_position_id", "managed_by_id"):
        assert position == current[pk] and managed


@pytest.mark.django_db
def test_names_are_vietnamese_and_derived_fields_as_the_services_make_them(demo):
    rows = list(
        Cadre.objects.values_list(
            "code",
            "full_name",
            "family_name",
            "middle_name",
            "given_name",
            "search_text",
            "sort_key",
            "id_number",
            "gender",
            "birth_date",
        )
    )
    with_marks = 0
    for code, full, family, middle, given, search, sort_key, id_number, gender, birth in rows:
        assert full == " ".join(p for p in (family, middle, given) if p)
        assert family and given and family[0].isupper()
        assert sort_key == name_sort_key(family, middle, given)
        assert search == f"{fold(full)} {code.lower()}"
        assert re.fullmatch(
            rf"031[{'13' if gender == 'female' else '02'}]{birth.year % 100:02d}\d{{6}}", id_number
        )
        with_marks += full != fold(full).title()
    assert with_marks / len(rows) > 0.9
    assert len({r[7] for r in rows}) == len(rows)
    nguyen = sum(r[2] == "Nguyễn" for r in rows) / len(rows)
    assert 0.3 < nguyen < 0.45
    women = [r for r in rows if r[8] == "female"]
    assert sum(r[3].startswith("Thị") for r in women) / len(women) > 0.35
    relatives = FamilyRelation.objects.exclude(related_cadre=None)
    assert (
        relatives.filter(kind="spouse").exists() and relatives.filter(kind__in=["sibling", "child"]).exists()
    )


@pytest.mark.django_db
def test_history_has_districts_until_july_2025_and_rotations_every_way(demo):
    districts = OrgUnit.objects.filter(kind="district", code__startswith="31")
    assert districts.count() >= 7 and set(districts.values_list("valid_to", flat=True)) == {REFORM}
    assert (
        RestructuringEvent.objects.filter(
            kind="abolish", sources__in=districts, decision__number="202/2025/QH15"
        ).count()
        == districts.count()
    )
    commune = OrgUnit.objects.get(
        code=Cadre.objects.filter(current_position__unit__admin_level="commune")
        .values_list("current_position__unit__territory__code", flat=True)
        .first()
    )
    assert commune.valid_from == dt.date(2016, 1, 1)
    parents = list(
        OrgUnitVersion.objects.filter(unit=commune)
        .order_by("valid_from")
        .values_list("parent__kind", "valid_to")
    )
    assert parents == [("district", REFORM), ("city", None)]

    district_posts = Assignment.objects.filter(position__unit__admin_level="district")
    assert district_posts.count() > 100
    assert not district_posts.filter(end_date__isnull=True).exists()
    assert not district_posts.filter(end_date__gt=REFORM).exists()

    level = {"province": 0, "district": 1, "commune": 2}
    rows = list(
        Assignment.objects.filter(is_concurrent=False)
        .order_by("cadre_id", "start_date")
        .values_list(
            "cadre_id",
            "start_date",
            "end_date",
            "action",
            "planned_end_date",
            "position__unit__admin_level",
            "decision_id",
            "note",
        )
    )
    kinds = Counter()
    for before, after in zip(rows, rows[1:], strict=False):
        if before[0] != after[0] or before[2] != after[1]:
            continue
        if after[3] == "rotation":
            a, b = level[before[5]], level[after[5]]
            kinds["down" if b > a else "up" if b < a else "horizontal"] += 1
            assert after[4] == dt.date.fromordinal(add_months(after[1].toordinal(), 36))
        if after[3] == "return":
            kinds["return"] += 1
    assert all(kinds[k] >= 3 for k in ("down", "up", "horizontal", "return")), kinds
    # every post taken after the records begin has its decision
    assert all(decision for *_, decision, note in rows if not note)
    numbers = list(
        Assignment.objects.exclude(decision=None).values_list("decision__number", flat=True)[:2000]
    )
    assert all(re.fullmatch(r"\d+-QĐ(NS)?/\w+|\d+/(QĐ|NQ)-[\wĐ]+", n) for n in numbers), numbers[:5]


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="the word index is PostgreSQL's")
@pytest.mark.parametrize("query", ["nguyen van", "thi", "hung", "ng v", "an"])
def test_the_word_index_holds_the_loaded_cadres(demo, query):
    # Loaded in bulk (COPY), every cadre passed the trigger that writes its words.
    every = sorted(search_folded(Cadre.objects.all(), "search_text", query).values_list("sort_key", "pk"))
    assert first_matches_by_words(query, 200) == [pk for _key, pk in every][:200]


@pytest.mark.django_db
def test_if_empty_does_nothing_but_the_sign_ins_are_there(demo):
    call_command("demo", "--province", "31", "--cadres", "10", "--if-empty", stdout=io.StringIO())
    assert Cadre.objects.count() == N
    users = get_user_model().objects
    assert users.get(username="demo").is_superuser
    xa = users.get(username="xa")
    assert xa.check_password("canbo-demo")
    assert Membership.objects.filter(user=xa, role="viewer", unit__admin_level="commune").exists()
