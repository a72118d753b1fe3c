"""Columns of an import file and how each cell is read: text, code, date, yes/no, number or vocabulary."""

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.db import models
from django.utils.translation import gettext_lazy as _

from .report import Message
from .vocabulary import FALSE_WORDS, TRUE_WORDS, normalize, parse_bool, vocabulary

# Dates outside this range are typing mistakes, not history.
MIN_YEAR, MAX_YEAR = 1900, 2100
_DMY = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$")
_YEAR = re.compile(r"^\d{4}$")


class CellProblem(Exception):
    def __init__(self, message: Message):
        super().__init__(message.render("en"))
        self.message = message


def blank(raw) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


def cell_text(raw) -> str:
    """The text of a cell; whole numbers from a spreadsheet lose their '.0' (codes such as 31 or 01)."""
    if raw is None:
        return ""
    if isinstance(raw, bool):
        return "1" if raw else "0"
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    if isinstance(raw, dt.datetime):
        raw = raw.date()
    if isinstance(raw, dt.date):
        return raw.strftime("%d/%m/%Y")
    return str(raw).strip()


def _check_characters(text: str) -> None:
    if any(unicodedata.category(ch) in ("Cc", "Cs") and ch not in "\t\n\r" for ch in text):
        raise CellProblem(Message(_("The value contains control characters.")))


class Parser:
    """Turns a non-blank cell into a value or raises CellProblem. Blank cells give `empty`."""

    empty = None

    def parse(self, raw):
        raise NotImplementedError

    def allowed(self) -> str:
        """Allowed values for the documentation and the import page, or ''."""
        return ""


@dataclass
class Text(Parser):
    max_length: int = 200
    empty = ""

    def parse(self, raw):
        text = cell_text(raw)
        _check_characters(text)
        if len(text) > self.max_length:
            raise CellProblem(
                Message(
                    _("Too long: %(length)d characters, at most %(max)d."),
                    length=len(text),
                    max=self.max_length,
                )
            )
        return text


@dataclass
class Code(Text):
    max_length: int = 32

    def parse(self, raw):
        text = super().parse(raw)
        if any(ch.isspace() for ch in text):
            raise CellProblem(Message(_("A code cannot contain spaces.")))
        return text


@dataclass
class Date(Parser):
    year_only: bool = False  # a bare year (e.g. 1975) means 1 January of that year

    def parse(self, raw):
        if isinstance(raw, dt.datetime):
            day = raw.date()
        elif isinstance(raw, dt.date):
            day = raw
        else:
            text = cell_text(raw)
            day = self._from_text(text)
        if not MIN_YEAR <= day.year <= MAX_YEAR:
            raise CellProblem(
                Message(
                    _("The year %(year)d is outside %(min)d–%(max)d."),
                    year=day.year,
                    min=MIN_YEAR,
                    max=MAX_YEAR,
                )
            )
        return day

    def _from_text(self, text: str) -> dt.date:
        try:
            if m := _DMY.match(text):
                return dt.date(int(m[3]), int(m[2]), int(m[1]))
            if m := _ISO.match(text):
                return dt.date(int(m[1]), int(m[2]), int(m[3]))
            if self.year_only and _YEAR.match(text):
                return dt.date(int(text), 1, 1)
        except ValueError as exc:
            raise CellProblem(Message(_("This date does not exist."))) from exc
        raise CellProblem(Message(_("Not a date: write dd/mm/yyyy or yyyy-mm-dd.")))

    def allowed(self) -> str:
        return "dd/mm/yyyy, yyyy-mm-dd" + (", yyyy" if self.year_only else "")


@dataclass
class Bool(Parser):
    empty: bool = False  # what an empty cell means

    def parse(self, raw):
        value = parse_bool(raw)
        if value is None:
            raise CellProblem(Message(_("Write “có” (yes) or “không” (no).")))
        return value

    def allowed(self) -> str:
        return (
            " / ".join(w for w in TRUE_WORDS) + " — " + " / ".join(w or "(trống/empty)" for w in FALSE_WORDS)
        )


@dataclass
class Integer(Parser):
    minimum: int = 0
    maximum: int = 32767

    def parse(self, raw):
        if isinstance(raw, float) and raw.is_integer():
            raw = int(raw)
        try:
            value = raw if isinstance(raw, int) and not isinstance(raw, bool) else int(cell_text(raw))
        except ValueError as exc:
            raise CellProblem(Message(_("Not a whole number."))) from exc
        if not self.minimum <= value <= self.maximum:
            raise CellProblem(
                Message(_("Must be between %(min)d and %(max)d."), min=self.minimum, max=self.maximum)
            )
        return value


@dataclass
class Number(Parser):
    max_digits: int = 4
    decimal_places: int = 2

    def parse(self, raw):
        text = repr(raw) if isinstance(raw, float) else cell_text(raw).replace(",", ".")
        try:
            value = Decimal(text)
        except InvalidOperation as exc:
            raise CellProblem(Message(_("Not a number."))) from exc
        limit = Decimal(10) ** (self.max_digits - self.decimal_places)
        if not value.is_finite() or abs(value) >= limit:
            raise CellProblem(Message(_("The number is out of range.")))
        return value.quantize(Decimal(1).scaleb(-self.decimal_places))


@dataclass
class Choice(Parser):
    choices: type[models.TextChoices] = None

    def parse(self, raw):
        vocab = vocabulary(self.choices)
        value = vocab.lookup(cell_text(raw))
        if value is None:
            raise CellProblem(
                Message(
                    _("“%(value)s” is not a known %(what)s. Allowed: %(allowed)s."),
                    value=cell_text(raw),
                    what=vocab.name,
                    allowed=vocab.allowed_text(),
                )
            )
        return value

    def allowed(self) -> str:
        return vocabulary(self.choices).allowed_text()


@dataclass
class Column:
    key: str  # the English header, also the name the importer uses
    vi: str  # the Vietnamese header shown in the template
    parser: Parser
    meaning: str = ""  # lazy text for the documentation and the import page
    required: bool = False  # the column must be in the file and its cells filled
    aliases: tuple[str, ...] = ()  # other headers accepted (Vietnamese spellings in use)
    headers: frozenset = field(init=False)

    def __post_init__(self):
        self.headers = frozenset(
            header_key(h) for h in (self.key, self.key.replace("_", " "), self.vi, *self.aliases)
        )


_DECORATION = re.compile(r"\(.*?\)|\[.*?\]|\*")


def header_key(header: str) -> str:
    """'Ngày sinh (dd/mm/yyyy) *' and 'ngay sinh' match; so do 'full_name' and 'Full name'."""
    return normalize(_DECORATION.sub(" ", str(header)))
