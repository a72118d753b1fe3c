"""What an import tells its user: counts, notes and errors, each message in Vietnamese and in English."""

import json
from dataclasses import asdict, dataclass, field

from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

LANGUAGES = ("vi", "en")


class Message:
    """A message rendered later in each language: a lazy msgid with parameters, or a ready pair of texts."""

    def __init__(self, text, **params):
        self.text = text
        self.params = params

    def render(self, language: str) -> str:
        with override(language):
            text = str(self.text)
            if not self.params:
                return text
            return text % {k: self._param(v, language) for k, v in self.params.items()}

    @staticmethod
    def _param(value, language: str):
        if isinstance(value, Message):
            return value.render(language)
        return value if isinstance(value, int | float) else str(value)

    def both(self) -> tuple[str, str]:
        return self.render("vi"), self.render("en")


class Fixed(Message):
    """Texts already rendered in both languages (for instance by a service run once per language)."""

    def __init__(self, vi: str, en: str):
        super().__init__("")
        self.texts = {"vi": vi, "en": en}

    def render(self, language: str) -> str:
        return self.texts[language]


@dataclass
class RowError:
    row: int
    column: str
    value: str
    message_vi: str
    message_en: str


@dataclass
class Note:
    row: int | None
    message_vi: str
    message_en: str


@dataclass
class ImportReport:
    kind: str
    filename: str = ""
    dry_run: bool = False
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    notes: list[Note] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def committed(self) -> bool:
        return self.ok and not self.dry_run

    def error(self, row: int, column: str, value, message: Message) -> None:
        self.errors.append(RowError(row, column, _cell_text(value), *message.both()))

    def note(self, row: int | None, message: Message) -> None:
        self.notes.append(Note(row, *message.both()))

    def sort(self) -> None:
        # Rows may be processed out of file order (parents first, oldest first); report them in file order.
        self.errors.sort(key=lambda e: e.row)
        self.notes.sort(key=lambda n: n.row or 0)

    def outcome(self) -> Message:
        if self.errors:
            return Message(_("Rejected: %(count)d error(s). Nothing was written."), count=len(self.errors))
        if self.dry_run:
            return Message(_("Dry run: the file is valid. Nothing was written."))
        return Message(_("Imported."))

    def as_dict(self) -> dict:
        data = asdict(self)
        data["ok"] = self.ok
        data["committed"] = self.committed
        data["outcome_vi"], data["outcome_en"] = self.outcome().both()
        return data

    def as_json(self) -> str:
        return json.dumps(self.as_dict(), ensure_ascii=False, indent=2)

    def as_text(self) -> str:
        def both(text, **params) -> str:
            vi, en = Message(text, **params).both()
            return vi if vi == en else f"{vi} / {en}"

        lines = [
            both(_("Import of %(kind)s from %(file)s"), kind=self.kind, file=self.filename or "-"),
            "  ".join(
                f"{label}: {count}"
                for label, count in [
                    (both(_("rows")), self.rows),
                    (both(_("created")), self.created),
                    (both(_("updated")), self.updated),
                    (both(_("unchanged")), self.unchanged),
                ]
            ),
        ]
        if self.notes:
            lines += ["", both(_("Notes")) + ":"]
            for n in self.notes:
                prefix = f"  {n.row}: " if n.row else "  "
                lines.append(prefix + n.message_vi)
                lines.append(" " * len(prefix) + n.message_en)
        if self.errors:
            headers = [both(_("Row")), both(_("Column")), both(_("Value")), both(_("Error"))]
            rows = [[str(e.row), e.column, _shorten(e.value, 30), e.message_vi] for e in self.errors]
            widths = [max(len(r[i]) for r in [headers, *rows]) for i in range(3)]

            def line(cells) -> str:
                return "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=False)) + "  " + cells[3]

            lines += ["", line(headers), line(["-" * w for w in widths] + ["-" * 40])]
            for e, r in zip(self.errors, rows, strict=True):
                lines.append(line(r))
                lines.append(line(["", "", "", e.message_en]))
        lines += ["", *self.outcome().both()]  # the verdict last, where a terminal leaves the eye
        return "\n".join(lines) + "\n"


def _cell_text(value) -> str:
    if value is None:
        return ""
    if hasattr(value, "strftime"):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
