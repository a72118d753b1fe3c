"""Read the first sheet of an .xlsx file or a CSV file into a header row and numbered data rows."""

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from .columns import cell_text
from .report import Message

SPREADSHEET_SUFFIXES = {".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"}
CSV_SUFFIXES = {".csv", ".txt"}


class FileProblem(Exception):
    """The file as a whole cannot be read."""

    def __init__(self, message: Message):
        super().__init__(message.render("en"))
        self.message = message


@dataclass
class Table:
    headers: list[str]
    rows: list[tuple[int, list]]  # (row number as the spreadsheet shows it, cells); header is row 1


def read_table(source, filename: str | None = None) -> Table:
    """`source` is a path or a binary file object; `filename` (or the path) tells the format."""
    if isinstance(source, str | Path):
        path = Path(source)
        filename = filename or path.name
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise FileProblem(
                Message(_("Cannot read the file: %(reason)s"), reason=exc.strerror or exc)
            ) from exc
    else:
        data = source.read()
        if isinstance(data, str):
            data = data.encode("utf-8")
    suffix = Path(filename or "").suffix.lower()
    if suffix in SPREADSHEET_SUFFIXES or (suffix not in CSV_SUFFIXES and data[:4] == b"PK\x03\x04"):
        grid = _read_spreadsheet(data)
    else:
        grid = _read_csv(data)
    return _table(grid)


def _read_spreadsheet(data: bytes) -> list[list]:
    from python_calamine import CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        # Keep leading empty rows and columns so that row numbers match what the spreadsheet shows.
        return workbook.get_sheet_by_index(0).to_python(skip_empty_area=False)
    except Exception as exc:  # calamine raises several unrelated types for a damaged or foreign file
        raise FileProblem(
            Message(_("This is not a readable spreadsheet (.xlsx): %(reason)s"), reason=exc)
        ) from exc


def _read_csv(data: bytes) -> list[list]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FileProblem(
            Message(_("The CSV file is not UTF-8 text. Save it as “CSV UTF-8” and try again."))
        ) from exc
    first_line = text.split("\n", 1)[0]
    # Spreadsheets set to Vietnamese locale save CSV with semicolons, because the comma is the decimal mark.
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    try:
        return [list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    except csv.Error as exc:
        raise FileProblem(Message(_("The CSV file is malformed: %(reason)s"), reason=exc)) from exc


def _is_blank(cell) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _table(grid: list[list]) -> Table:
    if not grid or all(_is_blank(c) for c in grid[0]):
        raise FileProblem(Message(_("The file is empty or its first row holds no column headers.")))
    headers = [cell_text(c) for c in grid[0]]
    while headers and not headers[-1]:
        headers.pop()
    rows = []
    for index, cells in enumerate(grid[1:], start=2):
        cells = [c.strip() if isinstance(c, str) else c for c in cells]
        if all(_is_blank(c) for c in cells):
            continue
        rows.append((index, cells))
    return Table(headers, rows)
