"""Evaluation results from a spreadsheet, all or nothing, and the export that imports back unchanged."""

import csv
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from canbo.audit.models import AuditEntry
from canbo.core import testing
from canbo.core.importing import columns_of, run_import
from canbo.core.testing_views import scoped_user
from canbo.evaluation import services
from canbo.evaluation.importing import export_rows
from canbo.evaluation.models import Evaluation, EvaluationStatus, Grade

from .builders import EXCELLENT, GOOD, make_evaluation

pytestmark = pytest.mark.django_db
HEADERS = ["Đối tượng", "Năm", "Quý", "Mã đơn vị", "Mã cán bộ", "Nhiệm vụ", "Chỉ tiêu", "Kết quả"]
HEADERS += ["Chất lượng", "Tiến độ", "Xếp loại trực tiếp"]


def csv_file(rows, headers=HEADERS) -> io.BytesIO:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headers)
    writer.writerows(rows)
    return io.BytesIO(buffer.getvalue().encode())


def test_import_creates_evaluations_with_their_tasks(commune, people):
    an, binh = people[0].code, people[1].code
    rows = [
        ["Cá nhân", "2025", "", "11311", an, "Hồ sơ", "10", "10", "100", "Đúng hạn", ""],
        ["individual", "2025", "", "11311", an, "Văn bản", "20", "10", "50", "on_time", ""],
        ["Cá nhân", "2025", "", "11311", binh, "Hồ sơ", "10", "10", "50", "Trễ hạn", ""],
        ["Tập thể", "2025", "", "11311", "", "", "", "", "", "", "Hoàn thành tốt nhiệm vụ"],
    ]
    report = run_import("evaluations", csv_file(rows), filename="e.csv")
    assert report.errors == [] and report.created == 3 and report.updated == 1
    first = Evaluation.objects.get(cadre=people[0])
    # 100 and 60 (half the quantity and quality 50: 0.2 + 0.2 + 0.2): 80 on average.
    assert [t.name for t in first.tasks.all()] == ["Hồ sơ", "Văn bản"]
    assert (first.score, first.grade) == (Decimal("80.00"), Grade.GOOD)
    assert Evaluation.objects.get(cadre=people[1]).grade == Grade.COMPLETED
    assert Evaluation.objects.get(kind="collective").grade == Grade.GOOD
    # The same file again changes nothing.
    again = run_import("evaluations", csv_file(rows), filename="e.csv")
    assert (again.created, again.updated, again.unchanged) == (0, 0, 4)


def test_import_reports_every_error_and_writes_nothing(commune, people):
    other = testing.make_unit("Xã Kỳ Bắc", parent=commune.parent, code="11312")
    finalized = make_evaluation(commune, people[2], tasks=GOOD)
    services.finalize(unit=commune, year=2025)
    make_evaluation(other, people[3], year=2024, tasks=GOOD)
    rows = [
        ["Cá nhân", "2025", "", "11311", people[0].code, "Hồ sơ", "10", "10", "100", "Đúng hạn", ""],
        ["Cá nhân", "2025", "5", "11311", "NOPE", "Hồ sơ", "", "10", "150", "sớm lắm", ""],
        ["Cá nhân", "2025", "", "11311", people[2].code, "Hồ sơ", "10", "5", "100", "Đúng hạn", ""],
        ["Cá nhân", "2024", "", "11311", people[3].code, "", "", "", "", "", ""],
        ["Tập thể", "2025", "", "XX", "", "", "", "", "", "", ""],
    ]
    report = run_import("evaluations", csv_file(rows), filename="e.csv")
    problems = sorted((e.row, e.column) for e in report.errors)
    assert problems == [
        (3, "Chỉ tiêu"),
        (3, "Mã cán bộ"),
        (3, "Quý"),
        (3, "Tiến độ"),
        (4, "Mã đơn vị"),
        (5, "Mã đơn vị"),
        (6, "Mã đơn vị"),
    ]
    messages = " ".join(e.message_en for e in report.errors)
    assert "finalized" in messages and "evaluated for that period in 11312" in messages
    assert not Evaluation.objects.filter(cadre=people[0]).exists()
    finalized.refresh_from_db()
    assert finalized.tasks.get().result == Decimal("10.00")


def test_import_keeps_to_the_users_scope(commune, people):
    other = testing.make_unit("Xã Kỳ Bắc", parent=commune.parent, code="11312")
    outsider = testing.make_cadre("Đỗ Văn Ngoài", managed_by=other)
    user = scoped_user(commune, "editor")
    rows = [
        ["Cá nhân", "2025", "", "11312", outsider.code, "", "", "", "", "", "Hoàn thành"],
        ["Cá nhân", "2025", "", "11311", people[0].code, "", "", "", "", "", "Hoàn thành"],
    ]
    report = run_import("evaluations", csv_file(rows), filename="e.csv", user=user)
    assert sorted((e.row, e.column) for e in report.errors) == [(2, "Mã cán bộ"), (2, "Mã đơn vị")]
    assert not Evaluation.objects.exists()


def test_export_imports_back_unchanged(client, commune, committee, people):
    make_evaluation(commune, people[0], tasks=EXCELLENT + GOOD, note="Ghi chú, có dấu phẩy")
    make_evaluation(commune, people[1], quarter=2, tasks=GOOD, disqualifications=["discipline"])
    make_evaluation(committee, assigned_grade=Grade.GOOD)
    headers, rows = export_rows(Evaluation.objects.all())
    assert headers == [c.vi for c in columns_of("evaluations")]
    assert len(rows) == 4
    client.force_login(scoped_user(commune, "viewer"))
    page = client.get(reverse("evaluation:evaluation_export"), {"year": 2025})
    assert "3" in page.content.decode()
    response = client.post(reverse("evaluation:evaluation_export"), {"query": "year=2025"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert AuditEntry.objects.filter(action="export", model="evaluation.Evaluation").exists()
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [c.value for c in sheet[1]] == headers
    before = list(
        Evaluation.objects.order_by("pk").values_list("score", "grade", "note", "disqualifications")
    )
    report = run_import("evaluations", io.BytesIO(response.content), filename="danh-gia.xlsx")
    assert report.errors == []
    assert (report.created, report.updated, report.unchanged) == (0, 0, 4)
    after = list(Evaluation.objects.order_by("pk").values_list("score", "grade", "note", "disqualifications"))
    assert after == before


def test_import_page_offers_the_evaluation_template(client, commune):
    client.force_login(scoped_user(commune, "editor"))
    page = client.get(reverse("core:import")).content.decode()
    assert 'value="evaluations"' in page and "Tiến độ" in page
    template = client.get(reverse("core:import"), {"template": "evaluations"}).content.decode("utf-8-sig")
    assert template.splitlines()[0].startswith("Đối tượng,Năm,Quý,Mã đơn vị")
    assert Evaluation.objects.filter(status=EvaluationStatus.FINALIZED).count() == 0
