"""Downloads of a data series as CSV and XLSX that a spreadsheet never runs as formulas."""

import csv
import datetime
import io
import math
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

# What starts a formula (OWASP "CSV injection"), with the full-width forms some spreadsheets accept.
FORMULA_STARTS = frozenset("=+-@\t\r＝＋－＠")
MAX_SHEET_TITLE = 31
_SHEET_TITLE_FORBIDDEN = re.compile(r"[\[\]:*?/\\\x00-\x1f]")


def safe_text(value: str) -> str:
    """The text with a leading quote if a spreadsheet could read it as a formula."""
    for char in value:
        if char in FORMULA_STARTS:
            return "'" + value
        if not char.isspace():
            break
    return value


def write_csv(columns: Sequence[str], rows: Iterable[Sequence]) -> bytes:
    """UTF-8 with a BOM, CRLF line ends, RFC 4180 quoting; numbers plain, text made safe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([safe_text(str(column)) for column in columns])
    for row in rows:
        writer.writerow([_csv_cell(value) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _csv_cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return safe_text(str(value))
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float | Decimal):
        number = Decimal(str(value))
        return format(number, "f") if number.is_finite() else ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    return safe_text(str(value))


def write_xlsx(
    sheets: Sequence[tuple[str, Sequence[str], Iterable[Sequence]]], *, rtl: bool = False
) -> bytes:
    """A workbook with one worksheet per (title, columns, rows): text is never a formula."""
    if not sheets:
        raise ValueError("A workbook needs at least one sheet.")
    workbook = Workbook(write_only=True)
    used = {"history"}  # a name Excel keeps for itself
    bold = Font(bold=True)
    for title, columns, rows in sheets:
        sheet = workbook.create_sheet(_sheet_title(title, used))
        sheet.sheet_view.rightToLeft = rtl
        sheet.freeze_panes = "A2"
        sheet.append([_xlsx_cell(sheet, str(column), font=bold) for column in columns])
        for row in rows:
            sheet.append([_xlsx_cell(sheet, value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _sheet_title(title, used):
    """A title Excel accepts: no []:*?/\\, at most 31 characters, not quoted, unique."""
    text = " ".join(_SHEET_TITLE_FORBIDDEN.sub(" ", str(title)).split())
    text = text.strip("'")[:MAX_SHEET_TITLE].strip().strip("'") or "Sheet"
    candidate, number = text, 1
    while candidate.casefold() in used:
        number += 1
        suffix = f" ({number})"
        candidate = text[: MAX_SHEET_TITLE - len(suffix)].rstrip() + suffix
    used.add(candidate.casefold())
    return candidate


def _xlsx_cell(sheet, value, font=None):
    """A cell for a write-only sheet; None leaves the cell empty."""
    if isinstance(value, Decimal):
        value = float(value) if value.is_finite() else None
    elif isinstance(value, float) and not math.isfinite(value):
        value = None
    elif isinstance(value, datetime.datetime) and value.tzinfo is not None:
        value = value.isoformat()
    elif value is not None and not isinstance(value, int | float | datetime.date):
        value = str(value)
    if value is None:
        return None
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # openpyxl would store "=…" as a formula and "#N/A" as an error
        cell.quotePrefix = safe_text(value) != value  # stays text if edited in Excel
    if font:
        cell.font = font
    return cell
