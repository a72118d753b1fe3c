"""Evaluation results in and out of spreadsheets: one row per KPI task (or one row for a subject rated
without tasks), with the same columns both ways, so an exported file imports back unchanged.

The import runs through `canbo.core.importing` (all or nothing, every error by row and column) and writes
through the services, so scores and levels are computed as on the web and finalized evaluations stay as
they are.
"""

import io
from decimal import Decimal

from django.utils.translation import gettext_lazy as _
from django.utils.translation import override
from openpyxl import Workbook

from canbo.core.importing.columns import Choice, Code, Column, Integer, Number, Text, blank
from canbo.core.importing.importers import Importer, Row
from canbo.core.importing.report import Message
from canbo.core.importing.vocabulary import NAMES, SYNONYMS
from canbo.evaluation import services
from canbo.evaluation.models import (
    Disqualification,
    Evaluation,
    Grade,
    KpiTask,
    SubjectKind,
    TaskGroup,
    Timeliness,
)
from canbo.evaluation.models.evaluations import PERSON_KINDS
from canbo.people.models import Cadre
from canbo.reports.exports import append_table

# Words in use in evaluation files besides the labels; the first is the one messages suggest.
SYNONYMS.update(
    {
        SubjectKind: {
            SubjectKind.INDIVIDUAL: ("cá nhân",),
            SubjectKind.COLLECTIVE: ("tập thể",),
            SubjectKind.PARTY_CELL: ("chi bộ",),
            SubjectKind.PARTY_MEMBER: ("đảng viên",),
        },
        TaskGroup: {
            TaskGroup.LEADERSHIP: ("lãnh đạo, quản lý", "lãnh đạo"),
            TaskGroup.STAFF: ("cán bộ, công chức", "công chức"),
            TaskGroup.COLLECTIVE: ("tập thể",),
        },
        Grade: {
            Grade.EXCELLENT: ("hoàn thành xuất sắc nhiệm vụ", "xuất sắc", "trong sạch vững mạnh"),
            Grade.GOOD: ("hoàn thành tốt nhiệm vụ", "tốt"),
            Grade.COMPLETED: ("hoàn thành nhiệm vụ", "hoàn thành"),
            Grade.NOT_COMPLETED: ("không hoàn thành nhiệm vụ", "không hoàn thành"),
        },
        Disqualification: {
            Disqualification.DISCIPLINE: ("bị kỷ luật", "kỷ luật"),
            Disqualification.CORRUPTION: ("tham nhũng, lãng phí", "tham nhũng"),
        },
        Timeliness: {
            Timeliness.EARLY: ("trước hạn",),
            Timeliness.ON_TIME: ("đúng hạn",),
            Timeliness.LATE: ("trễ hạn", "chậm", "quá hạn"),
        },
    }
)
# How the import's messages name these vocabularies.
NAMES.update(
    {
        SubjectKind: _("evaluation subject"),
        TaskGroup: _("task group"),
        Grade: _("evaluation level"),
        Disqualification: _("disqualifying event"),
        Timeliness: _("timeliness"),
    }
)

TASK_COLUMNS = ("measure", "target", "weight", "result", "quality", "timeliness")
EVALUATION_COLUMNS = ("task_group", "assigned_grade", "disqualification", "note")


class EvaluationImporter(Importer):
    kind = "evaluations"
    key_column = "unit_code"
    unique_column = None

    @classmethod
    def columns(cls):
        return [
            Column("kind", "Đối tượng", Choice(choices=SubjectKind), _("Who or what is evaluated."), True),
            Column("year", "Năm", Integer(2000, 2100), _("Year evaluated."), True),
            Column("quarter", "Quý", Integer(1, 4), _("Quarter, 1 to 4; empty for the whole year.")),
            Column(
                "unit_code",
                "Mã đơn vị",
                Code(32),
                _("Code of the unit: where the person works, or the collective or party cell itself."),
                True,
            ),
            Column("cadre_code", "Mã cán bộ", Code(32), _("Code of the cadre (individuals, party members).")),
            Column(
                "task_group",
                "Nhóm nhiệm vụ",
                Choice(choices=TaskGroup),
                _("Group the quota of “excellent” is counted in (default by subject)."),
            ),
            Column(
                "assigned_grade",
                "Xếp loại trực tiếp",
                Choice(choices=Grade),
                _("Level rated directly, for a subject without KPI tasks."),
            ),
            Column(
                "disqualification",
                "Sự kiện loại trừ",
                Choice(choices=Disqualification),
                _("A disqualifying event of the year (the level is then “not completed”)."),
            ),
            Column("task", "Nhiệm vụ", Text(300), _("KPI task; empty on a row without tasks.")),
            Column("measure", "Đơn vị tính", Text(60), _("Unit of measure of the task's product.")),
            Column("target", "Chỉ tiêu", Number(12, 2), _("Target quantity (needed with a task).")),
            Column("weight", "Trọng số", Number(6, 2), _("Weight of the task (default 1).")),
            Column("result", "Kết quả", Number(12, 2), _("Quantity achieved.")),
            Column("quality", "Chất lượng", Number(5, 2), _("Quality marked from 0 to 100.")),
            Column(
                "timeliness", "Tiến độ", Choice(choices=Timeliness), _("Whether the product came on time.")
            ),
            Column("note", "Ghi chú", Text(2000), _("Note on the evaluation.")),
        ]

    def process(self, row: Row) -> None:
        unit = self.unit(row, "unit_code", "change")
        cadre = self.cadre(row)
        # A target cell that could not be read is reported already.
        if row.get("task") and blank(row.raw.get("target")):
            self.error(row, "target", Message(_("A task needs its target.")))
        if row.failed:
            return
        evaluation = self.find(row, unit, cadre)
        if row.failed:
            return
        created = evaluation is None
        if created:
            evaluation = self.attempt(
                row, lambda: services.evaluation_create(**self.subject(row, unit, cadre))
            )
            if evaluation is None:
                return
        elif evaluation.is_final:
            self.error(
                row, self.key_column, Message(_("This evaluation is finalized and can no longer be changed."))
            )
            return
        changed = not created and self.update_evaluation(row, evaluation)
        changed = self.write_task(row, evaluation) or changed
        if row.failed:
            return
        if created:
            self.report.created += 1
        elif changed:
            self.report.updated += 1
        else:
            self.report.unchanged += 1

    def cadre(self, row: Row) -> Cadre | None:
        code, kind = row.get("cadre_code"), row.get("kind")
        if not code:
            if kind in PERSON_KINDS:
                self.error(row, "cadre_code", Message(_("An individual or party member needs a cadre code.")))
            return None
        cadre = Cadre.objects.filter(code=code).first()
        if cadre is None or not self.allowed(Cadre, cadre, "change"):
            self.error(row, "cadre_code", Message(_("No cadre with code %(code)s in your scope."), code=code))
            return None
        return cadre

    @staticmethod
    def subject(row: Row, unit, cadre) -> dict:
        return {
            "kind": row.get("kind"),
            "year": row.get("year"),
            "quarter": row.get("quarter"),
            "unit": unit,
            "cadre": cadre,
            "task_group": row.get("task_group") or None,
            "assigned_grade": row.get("assigned_grade", ""),
            "disqualifications": [row.get("disqualification")] if row.get("disqualification") else [],
            "note": row.get("note", ""),
        }

    def find(self, row: Row, unit, cadre) -> Evaluation | None:
        found = Evaluation.objects.filter(
            kind=row.get("kind"), year=row.get("year"), quarter=row.get("quarter")
        )
        found = found.filter(cadre=cadre) if cadre is not None else found.filter(unit=unit, cadre=None)
        evaluation = found.select_related("unit").first()
        if evaluation is not None and evaluation.unit_id != unit.pk:
            self.error(
                row,
                "unit_code",
                Message(
                    _("This cadre is evaluated for that period in %(unit)s already."),
                    unit=evaluation.unit.code,
                ),
            )
        return evaluation

    def update_evaluation(self, row: Row, evaluation: Evaluation) -> bool:
        """The evaluation's own columns that the file gives and that differ; whether anything changed."""
        fields = {}
        if row.get("task_group"):
            fields["task_group"] = row.get("task_group")
        for key in ("assigned_grade", "note"):
            if key in row:
                fields[key] = row.get(key) or ""
        if "disqualification" in row:
            fields["disqualifications"] = [row.get("disqualification")] if row.get("disqualification") else []
        changes = {name: value for name, value in fields.items() if getattr(evaluation, name) != value}
        if not changes:
            return False
        return self.attempt(row, lambda: services.evaluation_update(evaluation, **changes)) is not None

    def write_task(self, row: Row, evaluation: Evaluation) -> bool:
        name = row.get("task")
        if not name:
            return False
        values = {key: row.get(key) for key in TASK_COLUMNS if key in row}
        values["weight"] = values.get("weight") or Decimal(1)
        values["measure"] = values.get("measure") or ""
        values["timeliness"] = values.get("timeliness") or ""
        task = KpiTask.objects.filter(evaluation=evaluation, name=name).order_by("pk").first()
        if task is None:
            return self.attempt(row, lambda: services.task_add(evaluation, name=name, **values)) is not None
        changes = {key: value for key, value in values.items() if getattr(task, key) != value}
        if not changes:
            return False
        return self.attempt(row, lambda: services.task_update(task, **changes)) is not None


def export_rows(evaluations) -> tuple[list[str], list[list]]:
    """The import's Vietnamese headers and one row per KPI task of `evaluations` (one row for an
    evaluation without tasks), coded values in Vietnamese words the import reads back."""
    columns = EvaluationImporter.columns()
    rows = []
    with override("vi"):
        for e in evaluations.select_related("unit", "cadre").prefetch_related("tasks"):
            subject = [
                str(SubjectKind(e.kind).label),
                e.year,
                e.quarter,
                e.unit.code,
                e.cadre.code if e.cadre_id else "",
                str(TaskGroup(e.task_group).label),
                str(Grade(e.assigned_grade).label) if e.assigned_grade else "",
                str(Disqualification(e.disqualifications[0]).label) if e.disqualifications else "",
            ]
            tasks = list(e.tasks.all()) or [None]
            for t in tasks:
                if t is None:
                    rows.append([*subject, *[""] * 7, e.note])
                    continue
                timeliness = str(Timeliness(t.timeliness).label) if t.timeliness else ""
                measured = [t.target, t.weight, t.result, t.quality]
                rows.append([*subject, t.name, t.measure, *measured, timeliness, e.note])
    return [c.vi for c in columns], rows


def export_xlsx(evaluations) -> bytes:
    """`export_rows` as a workbook: the import's template filled in."""
    workbook = Workbook()
    sheet = workbook.active
    with override("vi"):
        sheet.title = str(_("Evaluation results"))[:31]
    append_table(sheet, *export_rows(evaluations))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
