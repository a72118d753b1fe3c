"""Writers of report documents: a plain-text table, an Excel workbook (openpyxl, values only, no formulas)
and an A4 PDF (WeasyPrint) with its font embedded from the app's static files."""

import io

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from .documents import Document
from .documents import cell_text as _cell_text

HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
HEADER_FONT = Font(bold=True, color="FFFFFF")
THIN = Side(style="thin", color="B7C3D0")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WIDEST_COLUMN = 60


def to_text(document: Document) -> str:
    lines = [document.title, document.subtitle, ""]
    for section in document.sections:
        rows = [section.headers, *([_cell_text(v) for v in row] for row in section.rows)]
        widths = [max(len(str(row[i])) for row in rows) for i in range(len(section.headers))]
        lines.append(section.heading)
        for n, row in enumerate(rows):
            lines.append("  ".join(str(v).ljust(w) for v, w in zip(row, widths, strict=True)).rstrip())
            if n == 0:
                lines.append("  ".join("-" * w for w in widths))
        lines.append("")
    return "\n".join(lines)


def literal_row(sheet, row) -> list:
    """Values only: a text that starts with "=" (a name typed that way) stays text, never a formula."""
    values = []
    for value in row:
        if isinstance(value, str) and value.startswith("="):
            value = WriteOnlyCell(sheet, value=value)
            value.data_type = "s"
        values.append(value)
    return values


def append_table(sheet, headers, rows, percent_columns=()) -> int:
    sheet.append(headers)
    header_row = sheet.max_row
    for column in range(1, len(headers) + 1):
        cell = sheet.cell(row=header_row, column=column)
        cell.fill, cell.font, cell.border = HEADER_FILL, HEADER_FONT, BORDER
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    widths = [len(str(h)) for h in headers]
    for row in rows:
        sheet.append(literal_row(sheet, row))
        for column, value in enumerate(row, start=1):
            cell = sheet.cell(row=sheet.max_row, column=column)
            cell.border = BORDER
            if column - 1 in percent_columns:
                cell.number_format = "0.0"
            widths[column - 1] = max(widths[column - 1], len(_cell_text(value)))
    for column, width in enumerate(widths, start=1):
        letter = get_column_letter(column)
        sheet.column_dimensions[letter].width = max(
            sheet.column_dimensions[letter].width or 0, min(width + 2, WIDEST_COLUMN)
        )
    sheet.freeze_panes = None
    return sheet.max_row + 2


def to_xlsx(document: Document) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = document.title[:31]
    sheet.append([document.title])
    sheet.cell(row=1, column=1).font = Font(bold=True, size=14)
    sheet.append([document.subtitle])
    for section in document.sections:
        sheet.append([])
        sheet.append([section.heading])
        sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True, size=12)
        append_table(sheet, section.headers, section.rows, section.percent_columns)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def font_path() -> str:
    return finders.find("reports/fonts/DejaVuSans.ttf")


def html_to_pdf(html: str) -> bytes:
    from weasyprint import CSS, HTML

    fonts = font_path().rsplit("/", 1)[0]
    stylesheet = CSS(filename=finders.find("reports/print.css"), base_url=fonts + "/")
    return HTML(string=html, base_url=fonts + "/").write_pdf(stylesheets=[stylesheet])


def to_pdf(document: Document) -> bytes:
    return html_to_pdf(render_to_string("reports/document.pdf.html", {"document": document}))
