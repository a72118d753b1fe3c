"""Import of planning lists and training records through the import framework, and their export as Excel
files with the same columns (an export is a filled template: edited, it imports again)."""

import io

from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook

from canbo.core.importing.columns import Code, Column, Date, Integer, Text
from canbo.core.importing.importers import Importer, Row
from canbo.core.importing.report import Message
from canbo.organizations.models import Title
from canbo.people.models import Cadre
from canbo.reports.exports import append_table

from . import services
from .models import (
    Course,
    Enrolment,
    EnrolmentStatus,
    EntryStatus,
    PlanningEntry,
    PlanningTerm,
    ReviewOutcome,
)


class _Codes(Importer):
    """Cadres and titles named by code, each looked up once per file."""

    def __init__(self, report, user=None):
        super().__init__(report, user)
        self._found: dict[tuple, object] = {}

    def lookup(self, row: Row, key: str, model, action: str | None = None, **filters):
        code = row.get(key)
        if not code:
            return None
        if (key, code) not in self._found:
            self._found[(key, code)] = model.objects.filter(**filters, code=code).first()
        found = self._found[(key, code)]
        if found is None:
            self.error(row, key, Message(_("Nothing has the code %(code)s."), code=code))
        elif action and not self.allowed(model, found, action):
            self.error(row, key, Message(_("The record %(code)s is outside your scope."), code=code))
        return found


class PlanningImporter(_Codes):
    kind = "planning"
    key_column = "cadre_code"
    unique_column = None

    @classmethod
    def columns(cls):
        return [
            Column("body_code", "Mã cơ quan quy hoạch", Code(32), _("Code of the planning body."), True),
            Column(
                "start_year",
                "Năm đầu nhiệm kỳ",
                Integer(1945, 2100),
                _("First year of the planning term (the term must exist)."),
                True,
            ),
            Column("cadre_code", "Mã cán bộ", Code(32), _("Code of the cadre planned."), True),
            Column("unit_code", "Mã đơn vị", Code(32), _("Code of the unit of the title."), True),
            Column("title_code", "Mã chức danh", Code(32), _("Code of the title planned for."), True),
            Column("added_on", "Ngày đưa vào quy hoạch", Date(), _("Day of the planning decision."), True),
            Column("decision_no", "Số quyết định", Text(64), _("Number of the planning decision.")),
            Column(
                "removed_on",
                "Ngày đưa ra khỏi quy hoạch",
                Date(),
                _("Day of removal at a yearly review; empty while planned."),
            ),
            Column("removal_reason", "Lý do đưa ra", Text(300), _("Why the cadre was removed.")),
        ]

    def process(self, row):
        body = self.unit(row, "body_code", "organize")
        unit = self.unit(row, "unit_code", "organize")
        cadre = self.lookup(row, "cadre_code", Cadre, "organize")
        title = self.lookup(row, "title_code", Title)
        term = None
        if body is not None:
            term = PlanningTerm.objects.filter(body=body, start_year=row.get("start_year")).first()
            if term is None:
                self.error(row, "start_year", Message(_("The body has no planning term from this year.")))
        if row.failed:
            return
        removed_on = row.get("removed_on")
        entry = (
            PlanningEntry.objects.filter(term=term, cadre=cadre, unit=unit, title=title)
            .order_by("-pk")
            .first()
        )
        if entry is not None and entry.status == EntryStatus.REMOVED and entry.removed_on == removed_on:
            self.report.unchanged += 1
            return
        created = entry is None or entry.status == EntryStatus.REMOVED
        if created:
            entry = self.attempt(
                row,
                lambda: services.entry_add(
                    term=term,
                    cadre=cadre,
                    unit=unit,
                    title=title,
                    added_on=row.get("added_on"),
                    decision_number=row.get("decision_no", ""),
                    user=self.user,
                ),
                {"added_on": "added_on", "unit": "unit_code", "title": "title_code"},
            )
            if entry is None:
                return
        if removed_on:
            removed = self.attempt(
                row,
                lambda: services.entry_review(
                    entry,
                    outcome=ReviewOutcome.REMOVE,
                    year=removed_on.year,
                    date=removed_on,
                    reason=row.get("removal_reason", ""),
                    user=self.user,
                ),
                {"reason": "removal_reason", "date": "removed_on"},
            )
            if removed is None:
                return
        if created:
            self.report.created += 1
        elif removed_on:
            self.report.updated += 1
        else:
            self.report.unchanged += 1


class TrainingImporter(_Codes):
    kind = "training"
    key_column = "cadre_code"
    unique_column = None

    @classmethod
    def columns(cls):
        return [
            Column("course_code", "Mã khóa học", Code(32), _("Code of the course (already recorded)."), True),
            Column("cadre_code", "Mã cán bộ", Code(32), _("Code of the cadre."), True),
            Column("enrolled_on", "Ngày cử đi học", Date(), _("Day the cadre was enrolled."), True),
            Column(
                "completed_on",
                "Ngày hoàn thành",
                Date(),
                _("Day the course was completed; empty while still studying."),
            ),
        ]

    def process(self, row):
        course = self.lookup(row, "course_code", Course, "view")
        cadre = self.lookup(row, "cadre_code", Cadre, "change")
        if row.failed:
            return
        completed_on = row.get("completed_on")
        enrolment = Enrolment.objects.filter(course=course, cadre=cadre).first()
        created = enrolment is None
        if created:
            enrolment = self.attempt(
                row,
                lambda: services.enrol(course=course, cadre=cadre, enrolled_on=row.get("enrolled_on")),
                {"enrolled_on": "enrolled_on"},
            )
            if enrolment is None:
                return
        if completed_on and enrolment.status == EnrolmentStatus.ENROLLED:
            if (
                self.attempt(
                    row,
                    lambda: services.complete(enrolment, completed_on=completed_on),
                    {"completed_on": "completed_on"},
                )
                is None
            ):
                return
            if not created:
                self.report.updated += 1
        elif not created:
            self.report.unchanged += 1
        if created:
            self.report.created += 1


# -- export -------------------------------------------------------------------------------------------------


def _workbook(importer, rows) -> bytes:
    """An Excel file headed as the importer's template (Vietnamese headers), styled as the reports are."""
    book = Workbook()
    sheet = book.active
    sheet.title = importer.kind
    append_table(sheet, [c.vi for c in importer.columns()], rows)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def planning_xlsx(entries) -> bytes:
    rows = entries.select_related("term__body", "cadre", "unit", "title").order_by(
        "unit__path", "title__rank", "cadre__sort_key", "pk"
    )
    return _workbook(
        PlanningImporter,
        (
            [
                e.term.body.code,
                e.term.start_year,
                e.cadre.code,
                e.unit.code,
                e.title.code,
                e.added_on,
                e.decision_number,
                e.removed_on,
                e.removal_reason,
            ]
            for e in rows
        ),
    )


def training_xlsx(enrolments) -> bytes:
    rows = enrolments.select_related("course", "cadre").order_by("course__code", "cadre__sort_key", "pk")
    return _workbook(
        TrainingImporter,
        ([e.course.code, e.cadre.code, e.enrolled_on, e.completed_on] for e in rows),
    )
