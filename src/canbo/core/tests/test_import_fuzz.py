"""Whatever the cells of a file hold, an import succeeds as a whole or leaves the database as it was."""

import csv
import datetime as dt
import io

import pytest
from django.db import transaction
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from canbo.careers.models import Assignment
from canbo.careers.services import assignment_create
from canbo.core import testing
from canbo.core.importing import run_import
from canbo.organizations.models import Decision, OrgUnit, Position, Title
from canbo.people.models import Cadre, Ethnicity

FUZZ = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

junk = st.text(max_size=12)
dates = st.dates(min_value=dt.date(1890, 1, 1), max_value=dt.date(2110, 12, 31))
odd_dates = st.one_of(
    dates.map(lambda d: d.strftime("%d/%m/%Y")),
    dates.map(lambda d: d.isoformat()),
    st.sampled_from(["31/02/2020", "2020-13-01", "1975", "00/00/0000"]),
    junk,
)


def cell(good, bad=(), odd=junk):
    """Mostly a plausible value, sometimes a wrong or random one: some files pass, many fail variously."""
    wrong = st.sampled_from(bad) | odd if bad else odd
    return st.integers(0, 6).flatmap(lambda n: wrong if n == 0 else st.sampled_from(good))


unit_codes = cell(["31", "11311"], ["NOPE", ""])


def snapshot() -> dict:
    return {
        m._meta.label: list(m.objects.order_by("pk").values())
        for m in (OrgUnit, Title, Position, Decision, Cadre, Ethnicity, Assignment)
    }


def import_rows(kind, header, rows):
    buffer = io.StringIO()
    csv.writer(buffer).writerows([header, *rows])
    return run_import(kind, io.BytesIO(buffer.getvalue().encode("utf-8")), filename=f"{kind}.csv")


def check_all_or_nothing(kind, header, rows, model):
    # Each example runs in its own savepoint, undone afterwards, so examples do not see each other.
    with transaction.atomic():
        before = snapshot()
        report = import_rows(kind, header, rows)
        event("imported" if report.ok else "rejected")
        if report.ok:
            assert model.objects.count() == len(before[model._meta.label]) + report.created
            assert report.created + report.updated + report.unchanged == len(rows)
        else:
            assert snapshot() == before, report.as_text()
            for e in report.errors:
                assert e.row >= 0 and e.message_vi and e.message_en
        transaction.set_rollback(True)


cadre_rows = st.lists(
    st.tuples(
        cell(["C1", "C2", "C3", "C4", "C5", "C6"], [""]),
        cell(["Nguyễn Văn An", "Lê Thị Bình", "Hà"], [""]),
        cell(["Nam", "nữ", "male", "FEMALE"], ["Khác"]),
        cell(["17/05/1975", "1982", "1990-12-01"], ["", "31/02/1980"], odd_dates),
        cell(["Kinh", "01", "Tày", "hoa", "Khmer"], ["55", "Sao Hỏa"]),
        cell(["", "31", "11311"], ["NOPE"]),
        unit_codes,
        cell(["Đại học", "thạc sĩ", "none", "Cao đẳng", ""], ["Giáo sư"]),
        cell(["Cao cấp", "sơ cấp", "bachelor", ""], ["Tiến sĩ"]),
        cell(["", "03/02/2000", "2010-01-01"], ["1960-01-01"], odd_dates),
        cell(["", "4,98", "10", "2.34"], ["-1", "abc", "100"]),
    ),
    min_size=1,
    max_size=4,
)


@pytest.mark.django_db
@FUZZ
@given(rows=cadre_rows)
def test_cadre_import_is_all_or_nothing(rows, province, commune):
    header = [
        "code",
        "full_name",
        "gender",
        "birth_date",
        "ethnicity",
        "hometown_code",
        "managed_by_code",
        "education",
        "political_theory",
        "party_join_date",
        "salary_coefficient",
    ]
    check_all_or_nothing("cadres", header, rows, Cadre)


decisions = cell(
    [("", ""), ("12/QĐ-TU", "2018-12-01")], [("12/QĐ-TU", ""), ("", "01/12/2018")], st.tuples(junk, junk)
)
assignment_rows = st.lists(
    st.tuples(
        cell(["A", "B", "C"], ["NOPE", ""]),
        unit_codes,
        cell(["BT_XA", "CT_XA"], ["NOPE"]),
        cell(
            ["2005-01-01", "2010-01-01", "2019-01-01", "2020-01-01", "21/06/2021", "2023-03-01"],
            ["", "2020-02-30"],
            odd_dates,
        ),
        cell(["", "", "2012-01-01", "2020-01-01", "01/01/2022"], ["2019-01-01"], odd_dates),
        cell(["Bổ nhiệm", "bầu cử", "transfer", "miễn nhiệm", "nghỉ hưu", "kiêm nhiệm"], ["thăng chức"]),
        decisions,
        cell(["", "", "1", "2"], ["0", "x"]),
    ).map(lambda r: (*r[:6], *r[6], r[7])),
    min_size=1,
    max_size=4,
)


@pytest.fixture
def history(province, commune):
    people = [
        testing.make_cadre(n, managed_by=province, code=c)
        for c, n in [("A", "Nguyễn Văn An"), ("B", "Trần Thị Bình"), ("C", "Lê Văn Cường")]
    ]
    title = testing.make_title("CT_XA", "Chủ tịch UBND xã", group="government")
    testing.make_title("BT_XA", "Bí thư Đảng ủy xã")
    assignment_create(
        cadre=people[2],
        position=testing.make_position(commune, title),
        start_date=dt.date(2020, 1, 1),
        action="election",
    )
    return people


@pytest.mark.django_db
@FUZZ
@given(rows=assignment_rows)
def test_assignment_import_is_all_or_nothing(rows, history):
    header = [
        "cadre_code",
        "unit_code",
        "title_code",
        "start_date",
        "end_date",
        "action",
        "decision_no",
        "decision_date",
        "seat",
    ]
    check_all_or_nothing("assignments", header, rows, Assignment)
