"""One importer per kind of file. Each row is validated, then written through the services in a savepoint,
so that every row of a file is checked against the rows before it and against the database, and every error of
every row is reported. The caller decides whether to keep the writes (see `run_import`).
"""

import datetime as dt
import re

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import DatabaseError, transaction
from django.db.models import Case, Q, When
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from canbo.careers import services as career_services
from canbo.careers.models import ENDING_ACTIONS, ActionKind, Assignment
from canbo.organizations import services as org_services
from canbo.organizations.models import Decision, OrgUnit, OrgUnitKind, Position, Title, TitleGroup, TitleLevel
from canbo.people import services as people_services
from canbo.people.models import Cadre, Degree, Ethnicity, Gender, PoliticalTheory, Religion, StateManagement
from canbo.people.reference import ETHNICITY_CODE_LIST

from .columns import (
    Bool,
    CellProblem,
    Choice,
    Code,
    Column,
    Date,
    Integer,
    Number,
    Text,
    blank,
    cell_text,
    header_key,
)
from .reading import Table
from .report import Fixed, ImportReport, Message
from .vocabulary import ETHNICITY_ALIASES, ethnicity_key


class _Rollback(Exception):
    pass


class Row:
    def __init__(self, number: int):
        self.number = number
        self.raw: dict[str, object] = {}
        self.values: dict[str, object] = {}
        self.failed = False

    def __contains__(self, key: str) -> bool:
        return key in self.values

    def get(self, key: str, default=None):
        return self.values.get(key, default)


class Importer:
    kind = ""
    key_column = "code"  # where an error about the row as a whole is shown
    unique_column: str | None = "code"  # a column whose values may appear only once in a file

    def __init__(self, report: ImportReport, user=None):
        self.report = report
        # None: the command line, which acts for the whole database; otherwise the web user whose scope limits
        # which units' records the file may write.
        self.user = user
        self.header_of: dict[str, str] = {}  # column key -> header as written in the file
        self._units: dict[str, OrgUnit | None] = {}
        self._scopes: dict[tuple, set[int]] = {}

    @classmethod
    def columns(cls) -> list[Column]:
        raise NotImplementedError

    # -- the run ---------------------------------------------------------------------------------------------

    def run(self, table: Table) -> None:
        indexes = self._map_headers(table)
        if indexes is None:
            return
        rows = [self._parse(number, cells, indexes) for number, cells in table.rows]
        self.report.rows = len(rows)
        self._check_unique(rows)
        for row in self.ordered(rows):
            try:
                with transaction.atomic():
                    self.process(row)
            except DatabaseError as exc:  # a savepoint per row keeps the transaction usable on PostgreSQL
                self.error(
                    row, self.key_column, Message(_("The database refused this row: %(reason)s"), reason=exc)
                )

    def _map_headers(self, table: Table) -> dict[int, Column] | None:
        by_header = {h: c for c in self.columns() for h in c.headers}
        indexes: dict[int, Column] = {}
        for index, header in enumerate(table.headers):
            if not header:
                if any(index < len(cells) and not blank(cells[index]) for _n, cells in table.rows):
                    self._file_error(f"#{index + 1}", "", Message(_("This column has values but no header.")))
                continue
            column = by_header.get(header_key(header))
            if column is None:
                self._file_error(
                    header,
                    header,
                    Message(
                        _("Unknown column. Expected columns: %(columns)s."), columns=self.expected_columns()
                    ),
                )
            elif column.key in self.header_of:
                self._file_error(
                    header,
                    header,
                    Message(_("The column %(column)s appears twice."), column=self.header_of[column.key]),
                )
            else:
                self.header_of[column.key] = header
                indexes[index] = column
        missing = [c for c in self.columns() if c.required and c.key not in self.header_of]
        for column in missing:
            self._file_error(
                f"{column.vi} / {column.key}",
                "",
                Message(_("A required column is missing: %(vi)s (%(key)s)."), vi=column.vi, key=column.key),
            )
        if missing:
            return None
        return indexes

    def expected_columns(self) -> str:
        return ", ".join(f"{c.vi} / {c.key}" for c in self.columns())

    def _file_error(self, column: str, value, message: Message) -> None:
        self.report.error(1, column, value, message)

    def _parse(self, number: int, cells: list, indexes: dict[int, Column]) -> Row:
        row = Row(number)
        for index, column in indexes.items():
            raw = cells[index] if index < len(cells) else None
            row.raw[column.key] = raw
            if blank(raw):
                row.values[column.key] = column.parser.empty
                continue
            try:
                row.values[column.key] = column.parser.parse(raw)
            except CellProblem as problem:
                self.error(row, column.key, problem.message)
                row.values[column.key] = None
        # Checked once every cell is read, since whether a cell is required may depend on another cell.
        for column in indexes.values():
            if column.required and blank(row.raw[column.key]) and self.cell_required(column, row):
                self.error(row, column.key, Message(_("This cell must be filled in.")))
        return row

    def cell_required(self, column: Column, row: Row) -> bool:
        return True

    def _check_unique(self, rows: list[Row]) -> None:
        key = self.unique_column
        if not key or key not in self.header_of:
            return
        first: dict[str, int] = {}
        for row in rows:
            code = row.get(key)
            if not code:
                continue
            if code in first:
                self.error(
                    row,
                    key,
                    Message(
                        _("The code %(code)s already appears in row %(row)d."), code=code, row=first[code]
                    ),
                )
            else:
                first[code] = row.number

    def ordered(self, rows: list[Row]) -> list[Row]:
        return rows

    def process(self, row: Row) -> None:
        raise NotImplementedError

    # -- helpers -----------------------------------------------------------------------------------------

    def error(self, row: Row, key: str, message: Message) -> None:
        row.failed = True
        self.report.error(row.number, self.header_of.get(key, key), cell_text(row.raw.get(key)), message)

    def note(self, row: Row, message: Message) -> None:
        self.report.note(row.number, message)

    def attempt(self, row: Row, write, field_columns: dict[str, str] | None = None):
        """Run `write` in a savepoint; on ValidationError report its messages in both languages, return None.

        Services word their messages in the active language when they raise, so a failed write is repeated in
        English (and rolled back again) to get the English text.
        """
        field_columns = field_columns or {}
        with override("vi"):
            try:
                with transaction.atomic():
                    return write()
            except ValidationError as exc:
                vi = _messages(exc)
            except DatabaseError as exc:
                self.error(
                    row, self.key_column, Message(_("The database refused this row: %(reason)s"), reason=exc)
                )
                return None
        en = None
        with override("en"):
            try:
                with transaction.atomic():
                    write()
                    raise _Rollback
            except ValidationError as exc:
                en = _messages(exc)
            except (_Rollback, DatabaseError):
                pass
        en = en if en and len(en) == len(vi) else vi
        for (field, text_vi), (_f, text_en) in zip(vi, en, strict=True):
            key = field_columns.get(field, field if field in self.header_of else self.key_column)
            self.error(row, key, Fixed(text_vi, text_en))
        return None

    def unit(self, row: Row, key: str, action: str | None = None) -> OrgUnit | None:
        """The unit named in column `key`; with `action`, it must lie in the user's scope for that action."""
        code = row.get(key)
        if not code:
            return None
        if code not in self._units:
            self._units[code] = OrgUnit.objects.filter(code=code).first()
        unit = self._units[code]
        if unit is None:
            self.error(row, key, Message(_("No unit has the code %(code)s."), code=code))
        elif action and not self.allowed(OrgUnit, unit, action):
            self.error(row, key, Message(_("You may not write records of unit %(code)s."), code=code))
        return unit

    def allowed(self, model, instance, action: str) -> bool:
        if self.user is None:
            return True
        scope = self._scopes.get((model, action))
        if scope is None:
            scope = self._scopes[(model, action)] = set(
                model._default_manager.restrict(self.user, action).values_list("pk", flat=True)
                if not self.user.is_superuser
                else []
            )
        return self.user.is_superuser or instance.pk in scope

    def decision(
        self, row: Row, number_key="decision_no", date_key="decision_date", body_key="decision_body_code"
    ):
        """The decision named by number and date, created when new; None when the row names none."""
        number, date = row.get(number_key), row.get(date_key)
        body = self.unit(row, body_key) if body_key else None
        # A cell that could not be read is reported already; do not add that it is missing.
        if number and not date and blank(row.raw.get(date_key)):
            self.error(row, date_key, Message(_("A decision number needs the decision date.")))
            return None
        if date and not number and blank(row.raw.get(number_key)):
            self.error(row, number_key, Message(_("A decision date needs the decision number.")))
            return None
        if not number or row.failed:
            return None
        decision = Decision.objects.filter(number=number, date=date).order_by("pk").first()
        if decision is None:
            decision = Decision.objects.create(number=number, date=date, issued_by=body)
        return decision


def _messages(exc: ValidationError) -> list[tuple[str, str]]:
    """(field, text) pairs, rendered now so that lazy texts take the active language."""
    if hasattr(exc, "error_dict"):
        return [(field, text) for field, texts in exc.message_dict.items() for text in texts]
    return [(NON_FIELD_ERRORS, text) for text in exc.messages]


# -- units -----------------------------------------------------------------------------------------------


class UnitImporter(Importer):
    kind = "units"

    @classmethod
    def columns(cls):
        return [
            Column("code", "Mã", Code(32), _("Unit code, unique."), True, ("Mã đơn vị",)),
            Column("name", "Tên", Text(200), _("Full name of the unit."), True, ("Tên đơn vị",)),
            Column("kind", "Loại", Choice(choices=OrgUnitKind), _("Kind of unit."), True, ("Loại đơn vị",)),
            Column(
                "parent_code",
                "Mã đơn vị cấp trên",
                Code(32),
                _(
                    "Code of the parent unit (in the same file "
                    "or already in the database); empty for a top-level unit."
                ),
                aliases=("Mã cấp trên",),
            ),
            Column(
                "valid_from",
                "Hiệu lực từ",
                Date(),
                _("First day the unit exists."),
                aliases=("Ngày thành lập",),
            ),
            Column(
                "valid_to",
                "Hiệu lực đến",
                Date(),
                _("First day the unit no longer exists; empty if it still exists."),
            ),
            Column("short_name", "Tên viết tắt", Text(100), _("Short name.")),
            Column(
                "decision_no", "Số quyết định", Text(64), _("Number of the decision establishing the unit.")
            ),
            Column("decision_date", "Ngày quyết định", Date(), _("Date of that decision.")),
        ]

    def __init__(self, report, user=None):
        super().__init__(report, user)
        # code -> row, for units of this file that could not be imported
        self.failed_codes: dict[str, int] = {}

    def ordered(self, rows):
        """Parents before their children, whatever the order of the file."""
        by_code: dict[str, Row] = {}
        for row in rows:
            if row.get("code"):
                by_code.setdefault(row.get("code"), row)
        done: set[int] = set()
        order: list[Row] = []

        def visit(row: Row, chain: tuple[int, ...]) -> None:
            if row.number in done:
                return
            parent = by_code.get(row.get("parent_code")) if row.get("parent_code") else None
            if parent is not None and parent is not row and parent.number not in done:
                if parent.number in chain:
                    self.error(row, "parent_code", Message(_("The parent codes form a loop.")))
                else:
                    visit(parent, (*chain, row.number))
            done.add(row.number)
            order.append(row)

        for row in rows:
            visit(row, ())
        return order

    def process(self, row):
        code, valid_from, valid_to = row.get("code"), row.get("valid_from"), row.get("valid_to")
        if valid_from and valid_to and valid_to <= valid_from:
            self.error(row, "valid_to", Message(_("The end of validity must come after its start.")))
        parent = None
        parent_code = row.get("parent_code")
        if parent_code and parent_code in self.failed_codes:
            self.error(
                row,
                "parent_code",
                Message(
                    _("The parent unit %(code)s has errors (row %(row)d)."),
                    code=parent_code,
                    row=self.failed_codes[parent_code],
                ),
            )
        elif parent_code:
            parent = self.unit(row, "parent_code", "administer")
        elif self.user is not None and not self.user.is_superuser:
            self.error(row, "parent_code", Message(_("Only a system administrator can add top-level units.")))
        decision = self.decision(row, body_key="")
        if not row.failed:
            existing = OrgUnit.objects.filter(code=code).first()
            if existing and not self.allowed(OrgUnit, existing, "administer"):
                self.error(row, "code", Message(_("You may not change the unit %(code)s."), code=code))
            elif existing:
                self._update(row, existing, parent)
            else:
                self._create(row, parent, decision)
        if row.failed and code:
            self.failed_codes[code] = row.number

    def _create(self, row: Row, parent: OrgUnit | None, decision: Decision | None) -> None:
        def write():
            unit = org_services.unit_create(
                code=row.get("code"),
                name=row.get("name"),
                kind=row.get("kind"),
                parent=parent,
                valid_from=row.get("valid_from"),
                short_name=row.get("short_name") or "",
                decision=decision,
            )
            if row.get("valid_to"):
                # A unit of the past: it ends as an abolition on that day, positions and bodies with it.
                org_services.unit_abolish(unit, date=row.get("valid_to"))
            return unit

        unit = self.attempt(row, write, {"parent": "parent_code", "date": "valid_to"})
        if unit is not None:
            self._units[unit.code] = unit
            self.report.created += 1

    def _update(self, row: Row, unit: OrgUnit, parent: OrgUnit | None) -> None:
        if unit.kind != row.get("kind") or (
            "parent_code" in row and (parent.pk if parent else None) != unit.parent_id
        ):
            self.note(
                row,
                Message(
                    _(
                        "Unit %(code)s exists with another kind or parent; those were not changed "
                        "(record a restructuring instead)."
                    ),
                    code=unit.code,
                ),
            )
        changed = [k for k in ("name", "short_name") if k in row and getattr(unit, k) != (row.get(k) or "")]
        valid_to = row.get("valid_to")
        if valid_to and unit.valid_to and valid_to != unit.valid_to:
            self.error(
                row,
                "valid_to",
                Message(
                    _("Unit %(code)s already ended on %(date)s; change that on its page, not by import."),
                    code=unit.code,
                    date=unit.valid_to.strftime("%d/%m/%Y"),
                ),
            )
            return
        if valid_to and not unit.valid_to:
            changed.append("valid_to")
        if not changed:
            self.report.unchanged += 1
            return

        def write():
            if "name" in changed or "short_name" in changed:
                # A correction of the record, not a dated rename: the file says nothing of when.
                unit.name, unit.short_name = row.get("name"), row.get("short_name") or ""
                unit.search_text = org_services.unit_search_text(unit.name, unit.short_name, unit.code)
                unit.full_clean(exclude=["path", "territory", "parent"])
                unit.save(update_fields=["name", "short_name", "search_text"])
                unit.versions.filter(valid_to__isnull=True).update(name=unit.name)
            if "valid_to" in changed:
                org_services.unit_abolish(unit, date=valid_to)
            return unit

        if self.attempt(row, write, {"date": "valid_to"}) is not None:
            self.report.updated += 1
            self.note(
                row,
                Message(
                    _("Unit %(code)s already existed: %(fields)s updated."),
                    code=unit.code,
                    fields=", ".join(self.header_of[k] for k in changed),
                ),
            )


# -- titles ----------------------------------------------------------------------------------------------


class TitleImporter(Importer):
    kind = "titles"
    FIELDS = {
        "name": "name",
        "name_en": "name_en",
        "level": "level",
        "group": "group",
        "rank": "rank",
        "key_post": "is_key",
        "is_head": "is_head",
        "is_deputy": "is_deputy",
        "non_local": "non_local",
        "exclusive": "exclusive",
    }

    @classmethod
    def columns(cls):
        return [
            Column("code", "Mã", Code(32), _("Title code, unique."), True, ("Mã chức danh",)),
            Column("name", "Tên", Text(200), _("Name of the title."), True, ("Tên chức danh",)),
            Column("level", "Cấp", Choice(choices=TitleLevel), _("Level of the title."), True),
            Column("group", "Nhóm", Choice(choices=TitleGroup), _("Group of the title."), True, ("Khối",)),
            Column("key_post", "Chức danh chủ chốt", Bool(), _("Key post.")),
            Column(
                "non_local",
                "Áp dụng không phải người địa phương",
                Bool(),
                _("The rule on non-local heads applies."),
            ),
            Column("name_en", "Tên tiếng Anh", Text(200), _("English name.")),
            Column(
                "rank",
                "Thứ bậc",
                Integer(0, 32767),
                _("Seniority: lower is more senior (default 50)."),
                aliases=("Thứ tự",),
            ),
            Column("is_head", "Cấp trưởng", Bool(), _("Head of the unit.")),
            Column("is_deputy", "Cấp phó", Bool(), _("Deputy head.")),
            Column(
                "exclusive",
                "Giữ riêng",
                Bool(empty=True),
                _("Exclusive post: a cadre holds one at a time (default yes)."),
                aliases=("Chuyên trách",),
            ),
        ]

    def process(self, row):
        if self.user is not None and not self.user.is_superuser:
            self.error(row, "code", Message(_("Only a system administrator can change the title catalogue.")))
        if row.failed:
            return
        fields = {f: row.get(k) for k, f in self.FIELDS.items() if k in row}
        if "rank" in fields and fields["rank"] is None:
            del fields["rank"]
        title = Title.objects.filter(code=row.get("code")).first()
        if title is not None and all(getattr(title, f) == v for f, v in fields.items()):
            self.report.unchanged += 1
            return
        created = title is None
        title = title or Title(code=row.get("code"))

        def write():
            for f, v in fields.items():
                setattr(title, f, v)
            title.full_clean()
            title.save()
            return title

        field_columns = {f: k for k, f in self.FIELDS.items()}
        if self.attempt(row, write, field_columns) is not None:
            if created:
                self.report.created += 1
            else:
                self.report.updated += 1


# -- cadres ----------------------------------------------------------------------------------------------

_YEAR_ONLY = re.compile(r"^\d{4}$")


class CadreImporter(Importer):
    kind = "cadres"
    # column key -> Cadre field, for plain values
    FIELDS = {
        "full_name": "full_name",
        "other_names": "other_names",
        "gender": "gender",
        "birth_date": "birth_date",
        "birthplace": "birthplace",
        "hometown": "hometown_text",
        "religion": "religion",
        "id_number": "id_number",
        "phone": "phone",
        "email": "email",
        "education": "education",
        "education_field": "education_field",
        "political_theory": "political_theory",
        "state_management": "state_management",
        "languages": "languages",
        "it_skill": "it_skill",
        "party_join_date": "party_join_date",
        "party_official_date": "party_official_date",
        "civil_service_grade": "civil_service_grade",
        "salary_step": "salary_step",
        "salary_coefficient": "salary_coefficient",
        "permanent_residence": "permanent_residence",
        "current_residence": "current_residence",
        "recruited_on": "recruited_on",
    }
    # Fields whose empty cell means "the model's default" rather than "empty".
    DEFAULTS = {
        "religion": Religion.NONE,
        "education": Degree.UNIVERSITY,
        "political_theory": PoliticalTheory.NONE,
        "state_management": StateManagement.NONE,
    }

    @classmethod
    def columns(cls):
        return [
            Column("code", "Mã", Code(32), _("Cadre code, unique."), True, ("Mã cán bộ", "Số hiệu cán bộ")),
            Column(
                "full_name",
                "Họ và tên",
                Text(120),
                _("Full name: family, middle and given name."),
                True,
                ("Họ tên", "Họ và tên khai sinh"),
            ),
            Column("gender", "Giới tính", Choice(choices=Gender), _("Gender."), True),
            Column(
                "birth_date",
                "Ngày sinh",
                Date(year_only=True),
                _("Date of birth; a bare year when only the year is known."),
                True,
                ("Ngày tháng năm sinh",),
            ),
            Column(
                "ethnicity",
                "Dân tộc",
                Text(64),
                _("Ethnic group: code of list 1019/QĐ-TCTK (01) or name (Kinh)."),
                True,
            ),
            Column(
                "hometown_code",
                "Mã quê quán",
                Code(32),
                _("Code of the hometown unit (commune or province)."),
            ),
            Column(
                "managed_by_code",
                "Mã đơn vị quản lý",
                Code(32),
                _("Code of the body that manages the cadre."),
                True,
            ),
            Column(
                "education",
                "Trình độ chuyên môn",
                Choice(choices=Degree),
                _("Highest professional degree (default: university)."),
            ),
            Column(
                "political_theory",
                "Lý luận chính trị",
                Choice(choices=PoliticalTheory),
                _("Political theory level."),
            ),
            Column("party_join_date", "Ngày vào Đảng", Date(), _("Date of joining the Party.")),
            Column(
                "party_official_date",
                "Ngày chính thức",
                Date(),
                _("Date of official Party membership."),
                aliases=("Ngày vào Đảng chính thức",),
            ),
            Column("other_names", "Tên gọi khác", Text(120), _("Other names.")),
            Column("birthplace", "Nơi sinh", Text(200), _("Place of birth.")),
            Column("hometown", "Quê quán", Text(200), _("Hometown as written.")),
            Column("religion", "Tôn giáo", Choice(choices=Religion), _("Religion.")),
            Column(
                "id_number",
                "Số CCCD",
                Text(12),
                _("Citizen ID number."),
                aliases=("Số căn cước công dân", "Căn cước công dân", "CCCD"),
            ),
            Column("phone", "Điện thoại", Text(20), _("Phone."), aliases=("Số điện thoại",)),
            Column("email", "Email", Text(254), _("Email."), aliases=("Thư điện tử",)),
            Column(
                "state_management",
                "Quản lý nhà nước",
                Choice(choices=StateManagement),
                _("State management level."),
            ),
            Column("education_field", "Chuyên ngành", Text(200), _("Field of study.")),
            Column("languages", "Ngoại ngữ", Text(200), _("Foreign languages.")),
            Column("it_skill", "Tin học", Text(200), _("IT skills.")),
            Column(
                "civil_service_grade",
                "Ngạch",
                Text(64),
                _("Civil-service grade."),
                aliases=("Ngạch công chức",),
            ),
            Column("salary_step", "Bậc lương", Integer(1, 32767), _("Salary step."), aliases=("Bậc",)),
            Column(
                "salary_coefficient",
                "Hệ số lương",
                Number(4, 2),
                _("Salary coefficient (4,98 or 4.98)."),
                aliases=("Hệ số",),
            ),
            Column("permanent_residence", "Nơi thường trú", Text(200), _("Permanent residence.")),
            Column("current_residence", "Nơi ở hiện nay", Text(200), _("Current residence.")),
            Column("recruited_on", "Ngày tuyển dụng", Date(), _("Date of recruitment.")),
        ]

    def __init__(self, report, user=None):
        super().__init__(report, user)
        self._ethnicities: dict[str, Ethnicity] | None = None

    def process(self, row):
        fields = {f: row.get(k) for k, f in self.FIELDS.items() if k in row}
        for f, default in self.DEFAULTS.items():
            if f in fields and not fields[f]:
                fields[f] = default
        if "birth_date" in row:
            fields["birth_year_only"] = bool(_YEAR_ONLY.match(cell_text(row.raw.get("birth_date"))))
        if "hometown_code" in row:
            fields["hometown"] = self.unit(row, "hometown_code")
        fields["managed_by"] = self.unit(row, "managed_by_code", "change")
        fields["ethnicity"] = self.ethnicity(row)
        code = row.get("code")
        if row.failed:
            return
        cadre = Cadre.objects.filter(code=code).first()
        if cadre is not None and not self.allowed(Cadre, cadre, "change"):
            self.error(row, "code", Message(_("The cadre %(code)s is outside your scope."), code=code))
            return
        field_columns = {f: k for k, f in self.FIELDS.items()} | {
            "hometown": "hometown_code",
            "managed_by": "managed_by_code",
            "birth_year_only": "birth_date",
        }
        if cadre is None:
            if self.attempt(row, lambda: people_services.cadre_create(code=code, **fields), field_columns):
                self.report.created += 1
            return
        if all(getattr(cadre, f) == v for f, v in fields.items()):
            self.report.unchanged += 1
            return
        if self.attempt(row, lambda: people_services.cadre_update(cadre, **fields), field_columns):
            self.report.updated += 1

    def ethnicity(self, row: Row) -> Ethnicity | None:
        """By code in list 1019/QĐ-TCTK ("01", or 1 from a number cell) or by name in any usual spelling."""
        text = row.get("ethnicity")
        if not text:
            return None
        if self._ethnicities is None:
            self._ethnicities = {}
            # The reference list last, so that its codes win over codes of other lists.
            for e in Ethnicity.objects.order_by(Case(When(code_list=ETHNICITY_CODE_LIST, then=1), default=0)):
                self._ethnicities[e.code] = e
                self._ethnicities.setdefault(ethnicity_key(e.name), e)
            for alias, name in ETHNICITY_ALIASES.items():
                if ethnicity_key(name) in self._ethnicities:
                    self._ethnicities.setdefault(ethnicity_key(alias), self._ethnicities[ethnicity_key(name)])
        ethnicity = self._ethnicities.get(text.zfill(2) if text.isdigit() else ethnicity_key(text))
        if ethnicity is None:
            self.error(
                row,
                "ethnicity",
                Message(
                    _(
                        "Unknown ethnic group “%(value)s”: give its code in list "
                        "1019/QĐ-TCTK (01 to 54) or its name."
                    ),
                    value=text,
                ),
            )
        return ethnicity


# -- assignments -----------------------------------------------------------------------------------------


class AssignmentImporter(Importer):
    kind = "assignments"
    key_column = "start_date"
    unique_column = None

    @classmethod
    def columns(cls):
        return [
            Column("cadre_code", "Mã cán bộ", Code(32), _("Code of the cadre (already imported)."), True),
            Column("unit_code", "Mã đơn vị", Code(32), _("Code of the unit where the post is."), True),
            Column("title_code", "Mã chức danh", Code(32), _("Code of the title."), True),
            Column(
                "start_date",
                "Ngày bắt đầu",
                Date(),
                _(
                    "First day in the post. For an ending action: may "
                    "hold the day the post ends when end_date is empty."
                ),
                True,
                ("Từ ngày",),
            ),
            Column(
                "end_date",
                "Ngày kết thúc",
                Date(),
                _("First day no longer in the post; empty while held."),
                aliases=("Đến ngày",),
            ),
            Column(
                "action",
                "Hình thức",
                Choice(choices=ActionKind),
                _(
                    "The personnel action. Dismissal, "
                    "resignation and retirement end the cadre's post at this unit and title."
                ),
                True,
            ),
            Column("decision_no", "Số quyết định", Text(64), _("Number of the decision.")),
            Column("decision_date", "Ngày quyết định", Date(), _("Date of the decision.")),
            Column(
                "decision_body_code", "Mã cơ quan quyết định", Code(32), _("Code of the unit that decided.")
            ),
            Column(
                "seat",
                "Vị trí số",
                Integer(1, 100),
                _("Seat number when the position has several seats; empty: the first free seat."),
                aliases=("Ghế",),
            ),
            Column(
                "is_concurrent", "Kiêm nhiệm", Bool(), _("A concurrent post (held besides the main one).")
            ),
            Column("is_acting", "Quyền", Bool(), _("Acting (quyền) in the post.")),
            Column(
                "planned_end_date",
                "Ngày kết thúc dự kiến",
                Date(),
                _("End of the term or of the rotation period."),
            ),
            Column("end_action", "Hình thức kết thúc", Choice(choices=ActionKind), _("How the post ended.")),
            Column("note", "Ghi chú", Text(300), _("Note.")),
        ]

    def __init__(self, report, user=None):
        super().__init__(report, user)
        self._cadres: dict[str, Cadre | None] = {}
        self._titles: dict[str, Title | None] = {}
        self.created_positions: set[int] = set()
        self.written: dict[int, int] = {}  # assignment id -> row number

    def cell_required(self, column, row):
        # An ending row may give its date as end_date instead of start_date.
        return not (column.key == "start_date" and row.get("action") in ENDING_ACTIONS)

    def ordered(self, rows):
        """Oldest first, and a post ending on a day before one starting on it, whatever the file order."""

        def key(row: Row):
            ending = row.get("action") in ENDING_ACTIONS
            day = (row.get("end_date") or row.get("start_date")) if ending else row.get("start_date")
            return (day or dt.date.max, 0 if ending else 1, row.number)

        return sorted(rows, key=key)

    def cadre(self, row: Row) -> Cadre | None:
        code = row.get("cadre_code")
        if not code:
            return None
        if code not in self._cadres:
            self._cadres[code] = Cadre.objects.filter(code=code).first()
        if self._cadres[code] is None:
            self.error(row, "cadre_code", Message(_("No cadre has the code %(code)s."), code=code))
        return self._cadres[code]

    def title(self, row: Row) -> Title | None:
        code = row.get("title_code")
        if not code:
            return None
        if code not in self._titles:
            self._titles[code] = Title.objects.filter(code=code).first()
        if self._titles[code] is None:
            self.error(row, "title_code", Message(_("No title has the code %(code)s."), code=code))
        return self._titles[code]

    def process(self, row):
        cadre, unit, title = self.cadre(row), self.unit(row, "unit_code", "change"), self.title(row)
        if cadre is not None and not self.allowed(Cadre, cadre, "change"):
            self.error(
                row, "cadre_code", Message(_("The cadre %(code)s is outside your scope."), code=cadre.code)
            )
        action = row.get("action")
        if action in ENDING_ACTIONS:
            self._end(row, cadre, unit, title)
        else:
            self._start(row, cadre, unit, title)

    def _start(self, row, cadre, unit, title):
        start, end = row.get("start_date"), row.get("end_date")
        if start and end and end <= start:
            self.error(row, "end_date", Message(_("The end date must come after the start date.")))
        if row.get("end_action") and not end:
            self.error(row, "end_action", Message(_("An ending action needs the end date.")))
        decision = self.decision(row)
        if row.failed:
            return
        same = Assignment.objects.filter(
            cadre=cadre, position__unit=unit, position__title=title, start_date=start
        ).first()
        if same is not None:
            self._again(row, same, end)
            return
        position = self._position(row, unit, title, start)
        seat = row.get("seat")
        if seat and position.pk in self.created_positions and seat > position.seats:
            # A position this import created grows to the seats the file uses.
            position.seats = seat
            position.save(update_fields=["seats"])
            self.note(
                row,
                Message(
                    _("The new position %(title)s at %(unit)s now has %(seats)d seats."),
                    title=title.name,
                    unit=unit.name,
                    seats=seat,
                ),
            )

        def write():
            return career_services.assignment_create(
                cadre=cadre,
                position=position,
                start_date=start,
                end_date=end,
                action=row.get("action"),
                end_action=row.get("end_action") or "",
                decision=decision,
                seat=seat,
                is_concurrent=bool(row.get("is_concurrent")),
                is_acting=bool(row.get("is_acting")),
                planned_end_date=row.get("planned_end_date"),
                note=row.get("note") or "",
            )

        assignment = self.attempt(row, write)
        if assignment is None:
            self._name_clashing_rows(row, cadre, position, start, end)
            return
        self.written[assignment.pk] = row.number
        self.report.created += 1

    def _again(self, row: Row, assignment: Assignment, end: dt.date | None) -> None:
        """The post at this unit and title from this day is recorded already (a file imported again)."""
        if assignment.pk in self.written:
            self.error(
                row,
                "start_date",
                Message(
                    _("The same post from the same day is in row %(row)d."), row=self.written[assignment.pk]
                ),
            )
        elif end is None or assignment.end_date == end:
            # An empty end date says nothing: the post may have been ended by a later row or by hand.
            self.report.unchanged += 1
        elif assignment.end_date is None:

            def write():
                return career_services.assignment_end(
                    assignment, end_date=end, end_action=row.get("end_action") or ""
                )

            if self.attempt(row, write, {NON_FIELD_ERRORS: "end_date"}) is not None:
                self.report.updated += 1
                self.note(row, Message(_("This post was recorded already; its end date was added.")))
        else:
            self.error(
                row,
                "end_date",
                Message(
                    _("This post is recorded already with the end date %(date)s."),
                    date=assignment.end_date.strftime("%d/%m/%Y"),
                ),
            )

    def _position(self, row: Row, unit: OrgUnit, title: Title, day: dt.date) -> Position:
        """The position of `title` at `unit` on `day`, created (one seat) when there is none."""
        positions = Position.objects.filter(unit=unit, title=title)
        found = (
            positions.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day))
            .filter(Q(valid_to__isnull=True) | Q(valid_to__gt=day))
            .order_by("-valid_from")
            .first()
        )
        if found:
            return found
        earlier = positions.filter(valid_to__lte=day).order_by("-valid_to").first()
        later = positions.filter(valid_from__gt=day).order_by("valid_from").first()
        # From the end of the last earlier period to the start of a later one: periods never overlap.
        position = Position.objects.create(
            unit=unit,
            title=title,
            seats=1,
            valid_from=earlier.valid_to if earlier else None,
            valid_to=later.valid_from if later else None,
        )
        self.created_positions.add(position.pk)
        self.note(
            row,
            Message(_("Position created: %(title)s at %(unit)s (1 seat)."), title=title.name, unit=unit.name),
        )
        return position

    def _name_clashing_rows(self, row, cadre, position, start, end):
        if not self.written:
            return
        overlap = Q(end_date__isnull=True) | Q(end_date__gt=start)
        if end:
            overlap &= Q(start_date__lt=end)
        clash = Q(position=position)
        if not row.get("is_concurrent") and position.title.exclusive:
            clash |= Q(cadre=cadre, is_concurrent=False)
        ids = Assignment.objects.filter(overlap & clash, pk__in=list(self.written)).values_list(
            "pk", flat=True
        )
        rows = sorted({self.written[pk] for pk in ids})
        if rows:
            self.error(
                row,
                "start_date",
                Message(
                    _("The period overlaps row(s) %(rows)s of this file."), rows=", ".join(map(str, rows))
                ),
            )

    def _end(self, row, cadre, unit, title):
        date_key = "end_date" if row.get("end_date") else "start_date"
        day = row.get(date_key)
        if day is None and not row.failed:
            self.error(row, "end_date", Message(_("Give the day the post ends.")))
        decision = self.decision(row)
        if row.failed:
            return
        held = (
            Assignment.objects.filter(
                cadre=cadre, position__unit=unit, position__title=title, start_date__lt=day
            )
            .filter(Q(end_date__isnull=True) | Q(end_date=day))
            .order_by("-start_date")
        )
        if row.get("end_date") and row.get("start_date"):
            # Both dates given: the start date tells which of several posts ends.
            held = held.filter(start_date=row.get("start_date"))
        assignment = held.first()
        if assignment is None:
            self.error(
                row,
                date_key,
                Message(
                    _("%(cadre)s holds no post %(title)s at %(unit)s before %(date)s that could end then."),
                    cadre=cadre.full_name,
                    title=title.name,
                    unit=unit.name,
                    date=day.strftime("%d/%m/%Y"),
                ),
            )
            return
        if assignment.end_date == day and assignment.end_action == row.get("action"):
            self.report.unchanged += 1
            return

        def write():
            return career_services.assignment_end(
                assignment, end_date=day, end_action=row.get("action"), end_decision=decision
            )

        if self.attempt(row, write, {NON_FIELD_ERRORS: date_key}) is not None:
            self.report.updated += 1


# Other apps' importers are named by dotted path and loaded when used, since they build on this module.
IMPORTERS: dict[str, type[Importer] | str] = {
    "units": UnitImporter,
    "titles": TitleImporter,
    "cadres": CadreImporter,
    "assignments": AssignmentImporter,
    "evaluations": "canbo.evaluation.importing.EvaluationImporter",
    "planning": "canbo.planning.importing.PlanningImporter",
    "training": "canbo.planning.importing.TrainingImporter",
}


def importer_of(kind: str) -> type[Importer]:
    found = IMPORTERS[kind]
    return import_string(found) if isinstance(found, str) else found
