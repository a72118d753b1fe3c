import csv
import datetime as dt
import io
import json
import re
from pathlib import Path

import openpyxl
import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from canbo.careers.models import Assignment
from canbo.careers.services import assignment_create
from canbo.core import testing
from canbo.core.importing import run_import
from canbo.organizations.models import Decision, OrgUnit, OrgUnitKind, Position, Title
from canbo.people.models import Cadre, Degree, Ethnicity, PoliticalTheory

EXAMPLES = Path(__file__).resolve().parents[4] / "docs" / "import-examples"


def csv_bytes(rows, delimiter=",", bom=False) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    return ("\ufeff" if bom else "").encode() + buffer.getvalue().encode("utf-8")


def xlsx_bytes(rows) -> bytes:
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def run(kind, rows, fmt="csv", dry_run=False, **options):
    data = xlsx_bytes(rows) if fmt == "xlsx" else csv_bytes(rows, **options)
    return run_import(kind, io.BytesIO(data), dry_run=dry_run, filename=f"{kind}.{fmt}")


def snapshot() -> dict:
    """Row counts of every model, and the rows of the models an import writes."""
    counts = {m._meta.label: m.objects.count() for m in apps.get_models()}
    rows = {
        m._meta.label: list(m.objects.order_by("pk").values())
        for m in (OrgUnit, Title, Position, Decision, Cadre, Ethnicity, Assignment)
    }
    return {"counts": counts, "rows": rows}


def errors_by_cell(report) -> dict:
    return {(e.row, e.column): e for e in report.errors}


def assert_bilingual(report):
    for e in report.errors:
        assert e.message_vi and e.message_en
    # At least the importer's own messages are translated.
    assert any(e.message_vi != e.message_en for e in report.errors)


@pytest.fixture
def kinh(db):
    return testing.kinh()


# -- units ---------------------------------------------------------------------------------------------------


@pytest.mark.django_db
class TestUnits:
    def test_csv_english_headers_and_keys_children_before_parents(self):
        report = run(
            "units",
            [
                ["code", "name", "kind", "parent_code", "valid_from", "valid_to"],
                ["T1_DU", "Đảng ủy xã Một", "party_committee", "T1_X", "2025-07-01", ""],
                ["T1", "Tỉnh Một", "province", "", "", ""],
                ["T1_X", "Xã Một", "commune", "T1", "01/07/2025", ""],
                ["T1_CU", "Huyện Cũ", "district", "T1", "01/01/2000", "01/07/2025"],
            ],
        )
        assert report.ok, report.as_text()
        assert report.created == 4
        province, commune, committee = (OrgUnit.objects.get(code=c) for c in ("T1", "T1_X", "T1_DU"))
        assert committee.parent == commune and commune.parent == province
        assert committee.kind == OrgUnitKind.PARTY_COMMITTEE
        assert committee.path.startswith(province.path)
        assert commune.valid_from == dt.date(2025, 7, 1)
        assert OrgUnit.objects.get(code="T1_CU").valid_to == dt.date(2025, 7, 1)

    def test_xlsx_vietnamese_headers_and_words_and_update(self, province):
        report = run(
            "units",
            [
                ["Mã", "Tên", "Loại", "Mã đơn vị cấp trên", "Hiệu lực từ", "Hiệu lực đến"],
                ["X9", "Phường Chín", "Phường", 31, dt.date(2025, 7, 1), None],
                ["X9_UB", "UBND phường Chín", "ubnd", "X9", dt.date(2025, 7, 1), None],
                ["X9_MT", "Ủy ban MTTQ phường Chín", "MTTQ", "X9", "01/07/2025", None],
                ["X9_SO", "Sở Nội vụ", "sở", "31", None, None],
                ["X9_DK", "Đặc khu Chín", "ĐẶC KHU", "31", None, None],
            ],
            fmt="xlsx",
        )
        assert report.ok, report.as_text()
        assert OrgUnit.objects.get(code="X9").parent == province
        assert OrgUnit.objects.get(code="X9_UB").kind == OrgUnitKind.PEOPLES_COMMITTEE
        assert OrgUnit.objects.get(code="X9_MT").kind == OrgUnitKind.FATHERLAND_FRONT
        assert OrgUnit.objects.get(code="X9_SO").kind == OrgUnitKind.DEPARTMENT
        assert OrgUnit.objects.get(code="X9_DK").kind == OrgUnitKind.SPECIAL_ZONE

        again = run(
            "units",
            [
                ["ma", "ten", "loai", "ma don vi cap tren", "hieu luc den"],
                ["X9", "Phường Chín Mới", "phuong", "31", ""],
                ["X9_UB", "UBND phường Chín", "ubnd", "X9", ""],
            ],
        )
        assert again.ok, again.as_text()
        assert (again.created, again.updated, again.unchanged) == (0, 1, 1)
        assert OrgUnit.objects.get(code="X9").name == "Phường Chín Mới"
        assert "X9" in again.notes[0].message_en and again.notes[0].row == 2

    def test_ending_an_existing_unit_is_an_abolition(self, province, commune, secretary_title):
        position = testing.make_position(commune, secretary_title)
        rows = [
            ["code", "name", "kind", "parent_code", "valid_to"],
            ["11311", "Xã Kỳ Nam", "xã", "31", "01/07/2025"],
        ]
        report = run("units", rows)
        assert report.ok and report.updated == 1, report.as_text()
        commune.refresh_from_db()
        position.refresh_from_db()
        assert commune.valid_to == dt.date(2025, 7, 1) and position.valid_to == dt.date(2025, 7, 1)
        assert commune.restructured_from.get().kind == "abolish"
        assert run("units", rows).unchanged == 1
        rows[1][4] = "02/07/2025"
        report = run("units", rows)
        assert [(e.row, e.column) for e in report.errors] == [(2, "valid_to")]

    def test_errors(self, province):
        before = snapshot()
        report = run(
            "units",
            [
                ["code", "name", "kind", "parent_code", "valid_from", "valid_to"],
                ["A1", "Xã A", "xã", "NOPE", "", ""],
                ["A2", "Xã B", "village", "31", "31/02/2025", ""],
                ["A2", "Xã C", "xã", "31", "", ""],
                ["A3", "Xã D", "xã", "A2", "01/01/2025", "01/01/2024"],
                ["", "", "xã", "", "", ""],
            ],
        )
        assert snapshot() == before
        cells = errors_by_cell(report)
        assert set(cells) >= {
            (2, "parent_code"),
            (3, "kind"),
            (3, "valid_from"),
            (4, "code"),
            (5, "valid_to"),
            (6, "code"),
            (6, "name"),
        }
        assert "NOPE" in cells[2, "parent_code"].message_en
        assert "row 3" in cells[4, "code"].message_en
        assert "xã / commune" in cells[3, "kind"].message_en
        assert_bilingual(report)


# -- titles --------------------------------------------------------------------------------------------------


@pytest.mark.django_db
class TestTitles:
    def test_csv_vietnamese(self):
        report = run(
            "titles",
            [
                [
                    "Mã",
                    "Tên",
                    "Cấp",
                    "Nhóm",
                    "Chức danh chủ chốt",
                    "Áp dụng không phải người địa phương",
                    "Thứ bậc",
                ],
                ["ZZ_BT", "Bí thư Đảng ủy phường", "Xã", "Đảng", "có", "x", "1"],
                ["ZZ_CV", "Chuyên viên", "cấp tỉnh", "công chức", "không", "", ""],
            ],
        )
        assert report.ok, report.as_text()
        secretary = Title.objects.get(code="ZZ_BT")
        assert (secretary.level, secretary.group, secretary.is_key, secretary.non_local, secretary.rank) == (
            "commune",
            "party",
            True,
            True,
            1,
        )
        specialist = Title.objects.get(code="ZZ_CV")
        assert (specialist.level, specialist.is_key, specialist.rank, specialist.exclusive) == (
            "province",
            False,
            50,
            True,
        )

    def test_xlsx_english_update_or_create(self, secretary_title):
        report = run(
            "titles",
            [
                [
                    "code",
                    "name",
                    "name_en",
                    "level",
                    "group",
                    "key_post",
                    "non_local",
                    "is_head",
                    "is_deputy",
                ],
                [
                    "BT_XA",
                    "Bí thư Đảng ủy xã",
                    "Commune Party Secretary",
                    "commune",
                    "party",
                    True,
                    1,
                    "yes",
                    "no",
                ],
                ["ZZ_PCT", "Phó Chủ tịch UBND xã", "", "commune", "government", "TRUE", "false", 0, 1],
            ],
            fmt="xlsx",
        )
        assert report.ok, report.as_text()
        assert (report.created, report.updated) == (1, 1)
        assert Title.objects.get(code="BT_XA").name_en == "Commune Party Secretary"
        assert Title.objects.get(code="ZZ_PCT").is_deputy

    def test_errors(self):
        before = snapshot()
        report = run(
            "titles",
            [
                ["code", "name", "level", "group", "key_post"],
                ["Z1", "Một", "village", "party", "maybe"],
                ["Z2", "", "commune", "army", ""],
            ],
        )
        assert snapshot() == before
        assert set(errors_by_cell(report)) == {(2, "level"), (2, "key_post"), (3, "name"), (3, "group")}
        assert_bilingual(report)


# -- cadres --------------------------------------------------------------------------------------------------

CADRE_HEADERS_VI = [
    "Mã",
    "Họ và tên",
    "Giới tính",
    "Ngày sinh",
    "Dân tộc",
    "Mã quê quán",
    "Mã đơn vị quản lý",
    "Trình độ chuyên môn",
    "Lý luận chính trị",
    "Ngày vào Đảng",
]
CADRE_HEADERS_EN = [
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
]


@pytest.mark.django_db
class TestCadres:
    def test_csv_vietnamese_semicolon_bom(self, province, commune, kinh):
        report = run(
            "cadres",
            [
                CADRE_HEADERS_VI + ["Hệ số lương", "Tôn giáo"],
                [
                    "CB1",
                    "Nguyễn Văn Giáp",
                    "Nam",
                    "17/05/1975",
                    "Kinh",
                    "11311",
                    "31",
                    "Thạc sĩ",
                    "Cao cấp",
                    "03/02/2000",
                    "4,98",
                    "Không",
                ],
                [
                    "CB2",
                    "Hoàng Thị Đào",
                    "nữ",
                    "1982",
                    "Tày",
                    "",
                    "31",
                    "Đại học",
                    "Trung cấp",
                    "",
                    "",
                    "Phật giáo",
                ],
            ],
            delimiter=";",
            bom=True,
        )
        assert report.ok, report.as_text()
        giap = Cadre.objects.get(code="CB1")
        assert (giap.given_name, giap.gender, giap.education, giap.political_theory) == (
            "Giáp",
            "male",
            Degree.MASTER,
            PoliticalTheory.ADVANCED,
        )
        assert giap.hometown == commune and giap.managed_by == province and giap.ethnicity == kinh
        assert str(giap.salary_coefficient) == "4.98"
        dao = Cadre.objects.get(code="CB2")
        assert dao.birth_date == dt.date(1982, 1, 1) and dao.birth_year_only
        assert dao.ethnicity.code == "02" and dao.ethnicity.is_minority and dao.religion == "buddhism"

    def test_xlsx_english_and_update(self, province, kinh):
        testing.make_cadre("Lê Văn Cũ", managed_by=province, code="CB9")
        report = run(
            "cadres",
            [
                CADRE_HEADERS_EN,
                [
                    "CB9",
                    "Lê Văn Mới",
                    "male",
                    dt.date(1980, 5, 17),
                    1,
                    None,
                    31,
                    "university",
                    "bachelor",
                    None,
                ],
                [
                    "CB10",
                    "Phạm Thị Hoa",
                    "FEMALE",
                    "1990-12-01",
                    "kinh",
                    None,
                    "31",
                    "doctorate",
                    "elementary",
                    dt.date(2015, 6, 1),
                ],
            ],
            fmt="xlsx",
        )
        assert report.ok, report.as_text()
        assert (report.created, report.updated) == (1, 1)
        assert Cadre.objects.get(code="CB9").full_name == "Lê Văn Mới"
        hoa = Cadre.objects.get(code="CB10")
        assert hoa.party_join_date == dt.date(2015, 6, 1) and hoa.education == Degree.DOCTORATE

    def test_malformed_file_is_rejected_whole(self, province, kinh):
        before = snapshot()
        report = run(
            "cadres",
            [
                CADRE_HEADERS_VI,
                ["OK1", "Trần Văn Đúng", "Nam", "01/01/1980", "Kinh", "", "31", "", "", ""],
                ["BAD1", "Trần Văn Sai", "Nam", "31/02/1980", "Kinh", "", "31", "", "", ""],
                ["BAD2", "Trần Văn Sai", "Nam", "01/01/1980", "Kinh", "", "99999", "", "", ""],
                ["OK1", "Trần Văn Trùng", "Nam", "01/01/1980", "Kinh", "", "31", "", "", ""],
                [
                    "BAD3",
                    "Trần Văn Sai",
                    "Không rõ",
                    "01/01/1980",
                    "Người Sao Hỏa",
                    "",
                    "31",
                    "Giáo sư",
                    "",
                    "",
                ],
                ["BAD4", "Trần Văn Sai", "Nam", "01/01/1980", "Kinh", "NOWHERE", "31", "", "", ""],
                ["BAD5", "Trần Văn Sai", "Nam", "01/01/1980", "Kinh", "", "31", "", "", "01/01/1970"],
            ],
        )
        assert snapshot() == before
        cells = errors_by_cell(report)
        expected = {
            (3, "Ngày sinh"),
            (4, "Mã đơn vị quản lý"),
            (5, "Mã"),
            (6, "Giới tính"),
            (6, "Dân tộc"),
            (6, "Trình độ chuyên môn"),
            (7, "Mã quê quán"),
            (8, "Ngày vào Đảng"),
        }
        assert set(cells) == expected, report.as_text()
        assert "99999" in cells[4, "Mã đơn vị quản lý"].message_vi
        assert cells[3, "Ngày sinh"].value == "31/02/1980"
        assert_bilingual(report)
        assert report.created == 1  # counted before the rollback; nothing is kept
        assert not Cadre.objects.filter(code="OK1").exists()

    def test_header_errors(self, province):
        report = run("cadres", [["Mã", "Họ và tên", "Sở thích"], ["C1", "A B", "x"]])
        messages = [e.message_en for e in report.errors]
        assert all(e.row == 1 for e in report.errors)
        assert any(e.column == "Sở thích" and "Unknown column" in e.message_en for e in report.errors)
        assert (
            sum("required column is missing" in m for m in messages) == 4
        )  # gender, birth, ethnicity, managed_by


# -- assignments ---------------------------------------------------------------------------------------------

ASSIGNMENT_HEADERS_EN = [
    "cadre_code",
    "unit_code",
    "title_code",
    "start_date",
    "end_date",
    "action",
    "decision_no",
    "decision_date",
]
ASSIGNMENT_HEADERS_VI = [
    "Mã cán bộ",
    "Mã đơn vị",
    "Mã chức danh",
    "Ngày bắt đầu",
    "Ngày kết thúc",
    "Hình thức",
    "Số quyết định",
    "Ngày quyết định",
]


@pytest.fixture
def people(province, commune, kinh):
    return [
        testing.make_cadre(name, managed_by=province, code=code)
        for code, name in [("A", "Nguyễn Văn An"), ("B", "Trần Thị Bình"), ("C", "Lê Văn Cường")]
    ]


@pytest.mark.django_db
class TestAssignments:
    def test_csv_english(self, people, commune, secretary_title):
        testing.make_title("CT_XA", "Chủ tịch UBND xã", group="government")
        testing.make_title("CT_MT", "Chủ tịch MTTQ xã", group="front")
        report = run(
            "assignments",
            [
                ASSIGNMENT_HEADERS_EN + ["is_concurrent", "end_action"],
                [
                    "A",
                    "11311",
                    "BT_XA",
                    "2015-01-01",
                    "2020-06-01",
                    "appointment",
                    "12-QĐ/TU",
                    "2014-12-20",
                    "",
                    "transfer",
                ],
                ["B", "11311", "BT_XA", "2020-06-01", "", "election", "", "", "", ""],
                ["A", "11311", "CT_XA", "2020-06-01", "", "transfer", "12-QĐ/TU", "2014-12-20", "", ""],
                ["C", "11311", "CT_MT", "2021-01-01", "", "concurrent", "", "", "x", ""],
                ["C", "11311", "BT_XA", "2021-01-01", "", "appointment", "", "", "", ""],  # seat 1 is B's
            ],
        )
        assert [(e.row, e.column) for e in report.errors] == [(6, "start_date"), (6, "start_date")]
        report = run(
            "assignments",
            [
                ASSIGNMENT_HEADERS_EN + ["is_concurrent", "end_action", "seat"],
                [
                    "A",
                    "11311",
                    "BT_XA",
                    "2015-01-01",
                    "2020-06-01",
                    "appointment",
                    "12-QĐ/TU",
                    "2014-12-20",
                    "",
                    "transfer",
                    "",
                ],
                ["B", "11311", "BT_XA", "2020-06-01", "", "election", "", "", "", "", ""],
                ["A", "11311", "CT_XA", "2020-06-01", "", "transfer", "12-QĐ/TU", "2014-12-20", "", "", ""],
                ["C", "11311", "CT_MT", "2021-01-01", "", "concurrent", "", "", "x", "", ""],
                [
                    "C",
                    "11311",
                    "BT_XA",
                    "2021-01-01",
                    "",
                    "appointment",
                    "",
                    "",
                    "",
                    "",
                    "2",
                ],  # grows to 2 seats
            ],
        )
        assert report.ok, report.as_text()
        assert report.created == 5
        assert Decision.objects.filter(number="12-QĐ/TU").count() == 1
        assert sum("Position created" in n.message_en for n in report.notes) == 3
        assert Position.objects.get(title__code="BT_XA").seats == 2
        first = Assignment.objects.get(cadre__code="A", position__title__code="BT_XA")
        assert first.end_date == dt.date(2020, 6, 1) and first.end_action == "transfer"
        assert Assignment.objects.get(cadre__code="C", position__title__code="CT_MT").is_concurrent
        assert Cadre.objects.get(code="B").current_position.title.code == "BT_XA"

    def test_xlsx_vietnamese_with_ending_row_and_reimport(self, people, commune, secretary_title):
        rows = [
            ASSIGNMENT_HEADERS_VI,
            # The ending row comes first in the file but is applied after the appointment it ends.
            ["A", 11311, "BT_XA", None, dt.date(2023, 3, 1), "Miễn nhiệm", "7-QĐ/TU", dt.date(2023, 2, 20)],
            ["A", 11311, "BT_XA", dt.date(2016, 1, 1), None, "Bổ nhiệm", "1-QĐ/TU", dt.date(2015, 12, 20)],
            ["B", 11311, "BT_XA", "01/03/2023", None, "Bầu cử", None, None],
        ]
        report = run("assignments", rows, fmt="xlsx")
        assert report.ok, report.as_text()
        assert (report.created, report.updated) == (2, 1)
        ended = Assignment.objects.get(cadre__code="A")
        assert ended.end_date == dt.date(2023, 3, 1) and ended.end_action == "dismissal"
        assert ended.end_decision.number == "7-QĐ/TU"
        before = snapshot()
        again = run("assignments", rows, fmt="xlsx")
        assert again.ok and again.unchanged == 3, again.as_text()
        assert snapshot() == before

    def test_overlaps_within_the_file_and_against_the_database(self, people, commune, secretary_title):
        other = testing.make_position(commune, testing.make_title("PBT_XA", "Phó Bí thư", is_deputy=True))
        position = testing.make_position(commune, secretary_title)
        assignment_create(
            cadre=people[2], position=other, start_date=dt.date(2018, 1, 1), action="appointment"
        )
        before = snapshot()
        report = run(
            "assignments",
            [
                ASSIGNMENT_HEADERS_EN,
                ["A", "11311", "BT_XA", "2019-01-01", "", "appointment", "", ""],
                ["B", "11311", "BT_XA", "2020-01-01", "2021-01-01", "appointment", "", ""],  # seat taken by A
                [
                    "C",
                    "11311",
                    "BT_XA",
                    "2022-01-01",
                    "",
                    "transfer",
                    "",
                    "",
                ],  # C still holds PBT_XA (database)
                [
                    "A",
                    "11311",
                    "PBT_XA",
                    "2019-06-01",
                    "2019-05-01",
                    "appointment",
                    "",
                    "",
                ],  # end before start
                ["X", "NOPE", "NOPE", "2019-06-01", "", "appointment", "", ""],  # unknown codes
                ["A", "11311", "BT_XA", "2019-06-01", "", "promotion", "1", ""],  # vocabulary, decision date
            ],
        )
        assert snapshot() == before
        cells = errors_by_cell(report)
        assert {
            (3, "start_date"),
            (4, "start_date"),
            (5, "end_date"),
            (6, "cadre_code"),
            (6, "unit_code"),
            (6, "title_code"),
            (7, "action"),
            (7, "decision_date"),
        } <= set(cells), report.as_text()
        seat_errors = [e for e in report.errors if e.row == 3]
        assert any("row(s) 2" in e.message_en for e in seat_errors)
        assert any("seats" in e.message_en for e in seat_errors)
        assert any("Lê Văn Cường" in e.message_en for e in report.errors if e.row == 4)
        assert_bilingual(report)
        assert position.assignments.count() == 0

    def test_ending_a_post_that_is_not_held(self, people, commune, secretary_title):
        report = run(
            "assignments",
            [
                ASSIGNMENT_HEADERS_EN,
                ["A", "11311", "BT_XA", "", "2020-01-01", "retirement", "", ""],
            ],
        )
        assert [(e.row, e.column) for e in report.errors] == [(2, "end_date")]


# -- dry run, CLI, file problems -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_dry_run_writes_nothing_but_reports(province, kinh):
    before = snapshot()
    report = run(
        "cadres",
        [CADRE_HEADERS_EN, ["D1", "Vũ Văn Thử", "male", "01/01/1980", "01", "", "31", "", "", ""]],
        dry_run=True,
    )
    assert report.ok and report.created == 1 and not report.committed
    assert snapshot() == before


@pytest.mark.django_db
def test_unreadable_files(tmp_path):
    assert run_import("units", io.BytesIO(b"\xff\xfe\x00garbage"), filename="u.csv").errors[0].row == 0
    assert run_import("units", io.BytesIO(b"PK\x03\x04garbage"), filename="u.xlsx").errors[0].row == 0
    assert run_import("units", io.BytesIO(b""), filename="u.csv").errors


@pytest.mark.django_db
def test_command_reports_and_fails(tmp_path, province, kinh):
    good = tmp_path / "good.csv"
    good.write_bytes(
        csv_bytes([CADRE_HEADERS_EN, ["E1", "Đỗ Văn Tốt", "Nam", "1980-01-01", "Kinh", "", "31", "", "", ""]])
    )
    out = io.StringIO()
    call_command("import", "cadres", str(good), "--dry-run", stdout=out)
    assert "E1" not in out.getvalue() and not Cadre.objects.filter(code="E1").exists()
    call_command("import", "cadres", str(good), stdout=out)
    assert Cadre.objects.filter(code="E1").exists()

    bad = tmp_path / "bad.csv"
    bad.write_bytes(
        csv_bytes([CADRE_HEADERS_EN, ["E2", "Đỗ Văn Xấu", "Nam", "1980-13-01", "Kinh", "", "31", "", "", ""]])
    )
    out = io.StringIO()
    with pytest.raises(CommandError) as failure:
        call_command("import", "cadres", str(bad), "--format", "json", stdout=out)
    assert failure.value.returncode == 1
    data = json.loads(out.getvalue())
    assert not data["ok"]
    assert data["errors"] == [
        {
            "row": 2,
            "column": "birth_date",
            "value": "1980-13-01",
            "message_vi": data["errors"][0]["message_vi"],
            "message_en": "This date does not exist.",
        }
    ]
    assert data["errors"][0]["message_vi"] != "This date does not exist."

    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import", "cadres", str(bad), stdout=out)
    text = out.getvalue()
    assert "1980-13-01" in text and "This date does not exist." in text


# Transactional: a management command run from the command line closes the database connections when done.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_cli_exit_status(tmp_path, capsys):
    from canbo.cli import main

    testing.make_unit("Tỉnh Thử", OrgUnitKind.PROVINCE, code="31")
    bad = tmp_path / "bad.csv"
    bad.write_bytes(csv_bytes([CADRE_HEADERS_EN, ["E3", "A B", "Nam", "x", "Kinh", "", "31", "", "", ""]]))
    with pytest.raises(SystemExit) as exit_:
        main(["import", "cadres", str(bad)])
    assert exit_.value.code == 1
    captured = capsys.readouterr()
    assert "Not a date" in captured.out and "CommandError" in captured.err
    assert not Cadre.objects.filter(code="E3").exists()
    good = tmp_path / "good.csv"
    good.write_bytes(
        csv_bytes([CADRE_HEADERS_EN, ["E3", "A B", "Nam", "1980", "Kinh", "", "31", "", "", ""]])
    )
    main(["import", "cadres", str(good)])  # returns normally: exit status 0
    assert Cadre.objects.filter(code="E3").exists()


# -- the page ------------------------------------------------------------------------------------------------


@pytest.mark.django_db
class TestImportPage:
    def test_dry_run_and_error_table(self, admin_client, province, kinh):
        url = reverse("core:import")
        assert admin_client.get(url).status_code == 200
        upload = io.BytesIO(
            csv_bytes(
                [CADRE_HEADERS_VI, ["W1", "Ngô Văn Web", "Nam", "32/01/1980", "Kinh", "", "31", "", "", ""]]
            )
        )
        upload.name = "cadres.csv"
        response = admin_client.post(url, {"kind": "cadres", "file": upload, "dry_run": ""})
        content = response.content.decode()
        assert response.status_code == 200 and "import-errors" in content
        assert "Ngày sinh" in content and "32/01/1980" in content and "This date does not exist." in content
        assert not Cadre.objects.exists()

    def test_template_download(self, admin_client):
        response = admin_client.get(reverse("core:import"), {"template": "assignments"})
        assert response.content.decode("utf-8-sig").startswith("Mã cán bộ,Mã đơn vị,Mã chức danh")

    def test_permissions(self, client, province):
        from canbo.core.testing_views import scoped_user

        client.force_login(scoped_user(province, "viewer", "viewer"))
        assert client.get(reverse("core:import")).status_code == 403
        client.force_login(scoped_user(province, "editor", "editor"))
        assert client.get(reverse("core:import")).status_code == 200


# -- the shipped examples ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_examples_import_cleanly_in_order():
    for kind in ("units", "titles", "cadres", "assignments"):
        report = run_import(kind, EXAMPLES / f"{kind}.csv")
        assert report.ok, report.as_text()
        assert report.created > 0
    assert Cadre.objects.filter(current_position__isnull=False).exists()
    # Importing the same files again changes nothing.
    before = snapshot()
    for kind in ("units", "titles", "cadres", "assignments"):
        report = run_import(kind, EXAMPLES / f"{kind}.csv")
        assert report.ok and report.created == 0 and report.updated == 0, report.as_text()
    assert snapshot() == before


def xlsx_from_csv(path: Path) -> bytes:
    """The spreadsheet a person would keep: real date cells, numbers as numbers (this built cadres.xlsx)."""

    def cell(text: str):
        for fmt in ("%d/%m/%Y", "%Y-%m-%d"):
            try:
                return dt.datetime.strptime(text, fmt).date()
            except ValueError:
                pass
        if text.isdigit() and not text.startswith("0"):
            return int(text)
        if re.fullmatch(r"\d+,\d+", text):
            return float(text.replace(",", "."))
        return text or None

    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    return xlsx_bytes([rows[0], *([cell(c) for c in r] for r in rows[1:])])


@pytest.mark.django_db
def test_xlsx_example_matches_csv():
    run_import("units", EXAMPLES / "units.csv")
    from_xlsx = run_import("cadres", EXAMPLES / "cadres.xlsx")
    assert from_xlsx.ok, from_xlsx.as_text()
    fields = (
        "code",
        "full_name",
        "birth_date",
        "birth_year_only",
        "ethnicity__name",
        "hometown__code",
        "party_join_date",
        "salary_coefficient",
        "education",
        "political_theory",
    )
    imported = list(Cadre.objects.order_by("code").values(*fields))
    from_csv = run_import("cadres", EXAMPLES / "cadres.csv")
    assert from_csv.ok and from_csv.unchanged == from_xlsx.created, from_csv.as_text()
    assert list(Cadre.objects.order_by("code").values(*fields)) == imported
    generated = run_import("cadres", io.BytesIO(xlsx_from_csv(EXAMPLES / "cadres.csv")), filename="c.xlsx")
    assert generated.ok and generated.unchanged == from_xlsx.created


def test_vocabularies_cover_every_choice_without_clashes():
    from django.utils.translation import override

    from canbo.core.importing.vocabulary import SYNONYMS, vocabulary

    for choices, synonyms in SYNONYMS.items():
        vocab = vocabulary(choices)
        for value, label in choices.choices:
            assert vocab.lookup(value) == value
            assert vocab.lookup(f" {value.upper().replace('_', ' ')} ") == value
            for language in ("en", "vi"):
                with override(language):
                    assert vocab.lookup(str(label)) == value, (choices, label)
        for value, words in synonyms.items():
            assert all(vocab.lookup(w) == value for w in words), (choices, value)


@pytest.mark.django_db
def test_web_imports_stay_within_the_users_scope(province, kinh):
    from canbo.core.testing_views import scoped_user

    own = testing.make_unit("Xã Kỳ Nam", parent=province, code="11311")
    testing.make_unit("Xã Kỳ Bắc", parent=province, code="11312")
    theirs = testing.make_cadre("Trần Thị Đào", managed_by=province, code="D1")
    testing.make_position(own, testing.make_title("X_BT", "Bí thư Đảng ủy xã"))
    editor = scoped_user(own, "editor", "xa")
    before = snapshot()

    def web(kind, rows):
        data = csv_bytes(rows)
        return run_import(kind, io.BytesIO(data), filename=f"{kind}.csv", user=editor)

    report = web(
        "cadres",
        [
            CADRE_HEADERS_EN,
            ["N1", "Ngô Văn Nam", "male", "1980-01-01", "Kinh", "", "11311", "", "", ""],
            ["N2", "Ngô Văn Bắc", "male", "1980-01-01", "Kinh", "", "11312", "", "", ""],
            ["D1", "Trần Thị Đào", "female", "1980-01-01", "Kinh", "", "11311", "", "", ""],
        ],
    )
    cells = errors_by_cell(report)
    assert set(cells) == {(3, "managed_by_code"), (4, "code")}
    assert "11312" in cells[(3, "managed_by_code")].message_en
    report = web(
        "assignments",
        [ASSIGNMENT_HEADERS_EN, ["D1", "11311", "X_BT", "2024-01-01", "", "appointment", "", ""]],
    )
    assert [e.column for e in report.errors] == ["cadre_code"]
    report = web(
        "titles", [["code", "name", "level", "group"], ["X_NEW", "Chức danh mới", "commune", "party"]]
    )
    assert report.errors and "catalogue" in report.errors[0].message_en
    assert snapshot() == before
    assert theirs.managed_by == province
