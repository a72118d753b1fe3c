"""Planning lists and training records through the import framework, and their Excel exports."""

import datetime as dt
import io

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from openpyxl import load_workbook

from canbo.core.importing import columns_of, run_import

from ..importing import planning_xlsx, training_xlsx
from ..models import Enrolment, EntryStatus, PlanningEntry
from .builders import make_course
from .conftest import plan

pytestmark = pytest.mark.django_db

PLANNING_HEADER = (
    "Mã cơ quan quy hoạch;Năm đầu nhiệm kỳ;Mã cán bộ;Mã đơn vị;Mã chức danh;Ngày đưa vào quy hoạch\n"
)


def csv(text: str) -> io.BytesIO:
    return io.BytesIO(text.encode("utf-8"))


def planning_rows(world, *codes, day="01/12/2025") -> str:
    unit = world.chairman.unit.code
    return "".join(f"{world.committee.code};2026;{code};{unit};X_CT_UBND;{day}\n" for code in codes)


def test_a_planning_list_imports_through_the_rules(world, cadre):
    people = [cadre(name) for name in ("Nguyễn Văn An", "Trần Văn Bình", "Lê Văn Cường", "Phạm Văn Dũng")]
    report = run_import(
        "planning", csv(PLANNING_HEADER + planning_rows(world, *(p.code for p in people[:3])))
    )
    assert report.errors == [] and report.created == 3
    # A fourth for the same title: the file is refused with the rule's reason, nothing written.
    report = run_import("planning", csv(PLANNING_HEADER + planning_rows(world, people[3].code)))
    assert report.created == 0
    assert "tối đa 3 người cho một chức danh" in report.errors[0].message_vi
    assert "at most 3 per title" in report.errors[0].message_en
    assert not PlanningEntry.objects.filter(cadre=people[3]).exists()
    # The same file again changes nothing.
    again = run_import("planning", csv(PLANNING_HEADER + planning_rows(world, *(p.code for p in people[:3]))))
    assert (again.errors, again.created, again.unchanged) == ([], 0, 3)


def test_a_removal_at_the_yearly_review_imports_with_its_reason(world, cadre):
    entry = plan(world, cadre("Hoàng Văn Em"))
    header = PLANNING_HEADER.rstrip("\n") + ";Ngày đưa ra khỏi quy hoạch;Lý do đưa ra\n"
    row = planning_rows(world, entry.cadre.code).rstrip("\n")
    refused = run_import("planning", csv(header + row + ";15/12/2026;\n"))
    assert refused.errors and refused.errors[0].column == "Lý do đưa ra"
    report = run_import("planning", csv(header + row + ";15/12/2026;Chuyển công tác\n"))
    assert (report.errors, report.updated) == ([], 1)
    entry.refresh_from_db()
    assert (entry.status, entry.removal_reason) == (EntryStatus.REMOVED, "Chuyển công tác")
    assert run_import("planning", csv(header + row + ";15/12/2026;Chuyển công tác\n")).unchanged == 1


def test_an_unknown_term_is_reported(world, cadre):
    person = cadre("Vũ Văn Giang")
    text = PLANNING_HEADER + planning_rows(world, person.code).replace(";2026;", ";2031;")
    report = run_import("planning", csv(text))
    assert [e.column for e in report.errors] == ["Năm đầu nhiệm kỳ"]


def test_training_records_import_and_close_gaps(world, cadre):
    person = cadre("Chu Văn Bảo", political_theory="intermediate")
    course = make_course(world.committee)
    header = "Mã khóa học;Mã cán bộ;Ngày cử đi học;Ngày hoàn thành\n"
    report = run_import("training", csv(header + f"{course.code};{person.code};01/03/2025;\n"))
    assert (report.errors, report.created) == ([], 1)
    report = run_import("training", csv(header + f"{course.code};{person.code};01/03/2025;30/06/2026\n"))
    assert (report.errors, report.updated) == ([], 1)
    person.refresh_from_db()
    assert person.political_theory == "advanced"
    bad = run_import("training", csv(header + f"NO-SUCH;{person.code};01/03/2025;\n"))
    assert [e.column for e in bad.errors] == ["Mã khóa học"]


def test_exports_are_filled_templates_that_import_again(world, cadre):
    entry = plan(world, cadre("Đỗ Văn Hải"))
    enrolment = Enrolment.objects.create(
        course=make_course(world.committee), cadre=entry.cadre, enrolled_on=dt.date(2025, 3, 1)
    )
    sheet = load_workbook(io.BytesIO(planning_xlsx(world.term.entries.all()))).active
    rows = list(sheet.values)
    assert list(rows[0]) == [c.vi for c in columns_of("planning")]
    assert rows[1][:5] == (world.committee.code, 2026, entry.cadre.code, entry.unit.code, "X_CT_UBND")
    again = run_import("planning", io.BytesIO(planning_xlsx(world.term.entries.all())), filename="q.xlsx")
    assert (again.errors, again.unchanged) == ([], 1)
    sheet = load_workbook(io.BytesIO(training_xlsx(Enrolment.objects.all()))).active
    assert list(sheet.values)[1][:2] == (enrolment.course.code, entry.cadre.code)


def test_export_pages(client, world, cadre):
    plan(world, cadre("Ngô Văn Khánh"))
    client.force_login(get_user_model().objects.create_superuser("admin", "admin@example.org", "x"))
    response = client.get(reverse("planning:term_export", args=[world.term.pk]))
    assert response.status_code == 200 and response["Content-Type"].startswith("application/vnd.openxml")
    assert client.get(reverse("planning:training_export", args=[world.committee.pk])).status_code == 200
    page = client.get(reverse("core:import")).content.decode()
    assert 'value="planning"' in page and 'value="training"' in page
    template = client.get(reverse("core:import") + "?template=planning").content.decode("utf-8-sig")
    assert template.startswith("Mã cơ quan quy hoạch,Năm đầu nhiệm kỳ")


def test_exports_leave_an_audit_entry(client, world, cadre):
    from canbo.audit.models import AuditAction, AuditEntry

    plan(world, cadre("Ngô Văn Khánh"))
    client.force_login(get_user_model().objects.create_superuser("admin", "admin@example.org", "x"))
    client.get(reverse("planning:term_export", args=[world.term.pk]))
    client.get(reverse("planning:training_export", args=[world.committee.pk]))
    exports = AuditEntry.objects.filter(action=AuditAction.EXPORT)
    term, body = str(world.term.pk), str(world.committee.pk)
    assert exports.filter(object_repr__startswith="planning.xlsx (1)", object_pk=term).exists()
    assert exports.filter(object_repr__startswith="training.xlsx (0)", object_pk=body).exists()
