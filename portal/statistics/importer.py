"""Reading the data series of an indicator from an uploaded CSV or XLSX file.

Parsing and validation only, without the database: `parse` never raises on a bad file, it returns
every problem by row and column so that the admin can show them before the editor confirms.
"""

import codecs
import csv
import datetime
import io
import re
import unicodedata
import warnings
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import PurePath

import openpyxl
from django.utils.translation import gettext
from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula

from .exports import safe_text

PERIODICITIES = ("annual", "quarterly", "monthly")
MAX_PROBLEMS = 500
MAX_COLUMNS = 100
MAX_ZIP_MEMBERS = 1000
# A workbook's members, uncompressed, may weigh this many times `max_bytes` in all, and each
# at most MAX_MEMBER_RATIO times its compressed size: openpyxl holds the shared strings in
# memory, so a small file of repeated strings would otherwise cost a worker minutes and GBs.
ZIP_RATIO = 4
MAX_MEMBER_RATIO = 100
MIN_YEAR, MAX_YEAR = 1900, 2100
MAX_DECIMALS = 6
MAX_DIMENSION_LENGTH = 100
MAX_NOTE_LENGTH = 500
MB = 1024 * 1024

EXTENSIONS = (".csv", ".txt", ".xlsx")
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"
# A password-protected .xlsx is an OLE container holding a stream of this name.
OLE_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")

ALIASES = {
    "period": ("period", "période", "periode", "الفترة", "السنة", "year", "année", "annee"),
    "value": ("value", "valeur", "القيمة"),
    "lower": ("lower", "borne inférieure", "الحد الأدنى"),
    "upper": ("upper", "borne supérieure", "الحد الأعلى"),
    "note": ("note", "notes", "ملاحظة"),
}
# Columns of the portal's own export, skipped so that an exported file can be imported again.
IGNORED = ("indicator", "unit", "source", "licence", "license", "publisher")
EXAMPLES = {"annual": "2018", "quarterly": "2018-Q1", "monthly": "2018-03"}

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "0123456789" * 2)
_DASHES = str.maketrans(dict.fromkeys("‐‑‒–—−", "-"))
_GROUPING = str.maketrans(dict.fromkeys("\u00a0\u202f\u2009\u066c", " "))
_PERIOD_FORMS = [
    ("annual", re.compile(r"(?P<year>[0-9]{4})(?:\.0+)?", re.ASCII)),
    ("quarterly", re.compile(r"(?P<year>[0-9]{4})[-/ ]?[QT](?P<part>[1-4])", re.ASCII)),
    ("quarterly", re.compile(r"[QT](?P<part>[1-4])[-/ ]?(?P<year>[0-9]{4})", re.ASCII)),
    ("monthly", re.compile(r"(?P<year>[0-9]{4})[-/](?P<part>[0-9]{1,2})", re.ASCII)),
    ("monthly", re.compile(r"(?P<part>[0-9]{1,2})[-/](?P<year>[0-9]{4})", re.ASCII)),
]
_NORMALISED_PERIOD = re.compile(r"(?P<year>[0-9]{4})(?:-Q(?P<quarter>[1-4])|-(?P<month>[0-9]{2}))?")
_NUMBER_CHARACTERS = re.compile(r"-?[0-9 .,٫]+", re.ASCII)
_NUMBER = re.compile(
    r"(?P<sign>-?)(?P<whole>[0-9]{1,3}(?: [0-9]{3})+|[0-9]+)?"
    r"(?:(?P<sep>[.,٫])(?P<decimals>[0-9]+))?",
    re.ASCII,
)


@dataclass(frozen=True)
class Problem:
    row: int | None  # the row number as the user sees it (header = 1); None = the whole file
    column: str  # the column name as written in the header; '' when not about one column
    message: str


@dataclass(frozen=True)
class Row:
    line: int
    period: str  # "2018", "2018-Q1" or "2018-03"
    start: datetime.date
    dimensions: tuple[tuple[str, str], ...]  # sorted (code, value) pairs, only non-empty values
    value: Decimal
    lower: Decimal | None
    upper: Decimal | None
    note: str


@dataclass
class Parsed:
    columns: list[str]
    rows: list[Row]
    problems: list[Problem]
    more_problems: int = 0  # problems past MAX_PROBLEMS, not listed

    @property
    def ok(self) -> bool:
        """True when the file can be imported: no problem and at least one row."""
        return not self.problems and not self.more_problems and bool(self.rows)


def period_start(period: str) -> datetime.date:
    """The first day of a normalised period: "2018-Q2" → 2018-04-01."""
    year, month = _period_numbers(period)
    return datetime.date(year, month, 1)


def period_position(period: str) -> float:
    """A normalised period on a continuous axis: "2018" → 2018.0, "2018-Q2" → 2018.25."""
    year, month = _period_numbers(period)
    return year + (month - 1) / 12


def normalise_period(value, periodicity: str) -> str | None:
    """A period written in any accepted form, normalised ("T1 2018" → "2018-Q1"); None if it
    isn't a period of this periodicity between MIN_YEAR and MAX_YEAR."""
    found = _period_parts(value, periodicity)
    if found is None or found[0] != periodicity or not MIN_YEAR <= found[1] <= MAX_YEAR:
        return None
    return _format_period(*found)


def _period_numbers(period):
    match = _NORMALISED_PERIOD.fullmatch(period)
    if not match:
        raise ValueError(f"Not a normalised period: {period!r}")
    if match["quarter"]:
        return int(match["year"]), 3 * int(match["quarter"]) - 2
    return int(match["year"]), int(match["month"] or 1)


class _FileProblem(Exception):
    """The whole file is refused."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class _Invalid(Exception):
    """One cell is refused."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class _Formula:
    """Stands for a cell holding a formula."""


_FORMULA = _Formula()
_IGNORED_FIELD = "ignored"
_UNKNOWN_FIELD = "unknown"


def parse(
    upload,
    *,
    periodicity: str,
    dimensions: Sequence[str],
    max_bytes: int = 5 * MB,
    max_rows: int = 50_000,
) -> Parsed:
    """Read and validate an uploaded CSV or XLSX file; never raises on a bad file."""
    if periodicity not in PERIODICITIES:
        raise ValueError(f"Unknown periodicity: {periodicity!r}")
    validator = _Validator(periodicity, dimensions, max_rows)
    try:
        data = _read(upload, max_bytes)
        # The header, the data rows and one more to notice that there are too many.
        limit = max_rows + 2
        if data.startswith(ZIP_MAGIC):
            records, broken_line = _xlsx_records(data, max_bytes, limit), None
        else:
            records, broken_line = _csv_records(data, limit)
    except _FileProblem as error:
        return Parsed(columns=[], rows=[], problems=[Problem(None, "", error.message)])
    return validator.run(records, broken_line)


def _read(upload, max_bytes):
    size = getattr(upload, "size", None)
    if size is not None and size > max_bytes:
        raise _FileProblem(_too_big(size, max_bytes))
    extension = PurePath(upload.name or "").suffix.lower()
    if extension == ".xls":
        raise _FileProblem(_old_excel())
    if extension not in EXTENSIONS:
        raise _FileProblem(
            gettext(
                "Files of this type (%(extension)s) can't be imported: use a CSV file (.csv or "
                ".txt) or an Excel workbook (.xlsx)."
            )
            % {"extension": extension or "?"}
        )
    upload.seek(0)
    data = upload.read(max_bytes + 1)
    upload.seek(0)
    if len(data) > max_bytes:
        raise _FileProblem(_too_big(len(data), max_bytes))
    if data.startswith(OLE_MAGIC):
        raise _FileProblem(_encrypted() if OLE_ENCRYPTED in data else _old_excel())
    return data


def _too_big(size, limit):
    return gettext(
        "This file weighs %(size)s MB; the limit is %(limit)s MB. Split it into smaller files."
    ) % {"size": _megabytes(size), "limit": _megabytes(limit)}


def _megabytes(size):
    return f"{size / MB:.1f}".removesuffix(".0")


def _old_excel():
    return gettext(
        "This file is in the old Excel format (.xls): open it in Excel and save it as an Excel "
        "workbook (.xlsx) or as “CSV UTF-8”."
    )


def _encrypted():
    return gettext(
        "This workbook is protected by a password: remove the password and save it again."
    )


def _unreadable():
    return gettext(
        "The file can't be read: it is damaged or it is not an Excel workbook (.xlsx). Save it "
        "again as .xlsx or as “CSV UTF-8”."
    )


def _blank(value):
    return value is None or (isinstance(value, str) and not value.strip())


# CSV


def _csv_records(data, limit):
    """The non-empty rows of a CSV file as (row number, cells), and the row where it broke."""
    text = _decode(data)
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max((",", ";", "\t"), key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records = []
    line = 0
    try:
        for line, cells in enumerate(reader, start=1):
            if not all(_blank(cell) for cell in cells):
                records.append((line, [_unquote(cell) for cell in cells]))
                if len(records) >= limit:
                    break
    except csv.Error:
        return records, line + 1
    return records, None


def _decode(data):
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    elif b"\x00" in data:
        raise _FileProblem(_not_text())
    else:
        encoding = "utf-8-sig"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        raise _FileProblem(
            gettext(
                "This file is not encoded in UTF-8. In Excel, use “Save as” and choose “CSV "
                "UTF-8 (comma delimited)”; in LibreOffice, choose the “Unicode (UTF-8)” "
                "character set."
            )
        ) from None
    if "\x00" in text:
        raise _FileProblem(_not_text())
    return text


def _not_text():
    return gettext(
        "This is not a text file: import a CSV file (.csv or .txt) or an Excel workbook (.xlsx)."
    )


def _unquote(cell):
    """Undo `safe_text`: the portal's exports put a quote before text that looks like a formula."""
    if cell.startswith("'") and safe_text(cell[1:]) != cell[1:]:
        return cell[1:]
    return cell


# XLSX


def _xlsx_records(data, max_bytes, limit):
    """The non-empty rows of the first worksheet as (row number, values); _FORMULA for formulas."""
    _check_zip(data, max_bytes)
    records = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
        except Exception:
            raise _FileProblem(_unreadable()) from None
        try:
            if not workbook.worksheets:
                return records
            sheet = workbook.worksheets[0]
            sheet.reset_dimensions()  # some programs declare wrong dimensions
            for line, cells in enumerate(sheet.iter_rows(min_row=1), start=1):
                values = [_xlsx_value(cell) for cell in cells[: MAX_COLUMNS + 1]]
                if not all(_blank(value) for value in values):
                    records.append((line, values))
                    if len(records) >= limit:
                        break
        except Exception:
            raise _FileProblem(_unreadable()) from None
        finally:
            workbook.close()
    return records


def _check_zip(data, max_bytes):
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except Exception:
        raise _FileProblem(_unreadable()) from None
    too_packed = any(m.file_size > MAX_MEMBER_RATIO * max(m.compress_size, 1024) for m in members)
    too_large = sum(m.file_size for m in members) > ZIP_RATIO * max_bytes
    if len(members) > MAX_ZIP_MEMBERS or too_large or too_packed:
        raise _FileProblem(
            gettext(
                "This workbook is too large or too complex to be read. Copy the data into a new "
                "workbook, or save it as “CSV UTF-8”."
            )
        )
    if any(member.flag_bits & 0x1 for member in members):
        raise _FileProblem(_encrypted())
    if not any(member.filename == "[Content_Types].xml" for member in members):
        raise _FileProblem(_unreadable())


def _xlsx_value(cell):
    if cell.data_type == "f" or isinstance(cell.value, ArrayFormula | DataTableFormula):
        return _FORMULA
    return cell.value


# Validation


def _name_key(name):
    """Column names compare without case, accents, hamza, tatweel or extra spaces."""
    text = unicodedata.normalize("NFKD", name).replace("\u0640", "")
    text = "".join(char for char in text if not unicodedata.combining(char))
    return " ".join(text.casefold().split())


_FIELDS = {_name_key(alias): field for field, aliases in ALIASES.items() for alias in aliases}
_IGNORED_KEYS = {_name_key(name) for name in IGNORED}


def _text(value):
    """A cell as trimmed text."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, datetime.datetime) and value.time() == datetime.time():
        return value.date().isoformat()
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return str(value).strip()


def _shorten(text, length=40):
    return text if len(text) <= length else text[: length - 1] + "…"


def _ascii(text):
    """Digits in ASCII, dashes as hyphen-minus, single spaces, no spaces around - and /."""
    text = " ".join(text.translate(_DIGITS).translate(_DASHES).split())
    return re.sub(r" ?([-/]) ?", r"\1", text)


class _Validator:
    def __init__(self, periodicity, dimensions, max_rows):
        self.periodicity = periodicity
        self.dimensions = list(dimensions)
        self.dimension_keys = {_name_key(code): code for code in dimensions}
        self.max_rows = max_rows
        self.columns = []
        self.fields = []
        self.names = {}  # field → the name of its column
        self.problems = []
        self.more_problems = 0
        self.rows = []
        self.first_lines = {}

    def add(self, row, column, message):
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(Problem(row, column, message))
        else:
            self.more_problems += 1

    def result(self, file_problem=None):
        if not file_problem:
            return Parsed(self.columns, self.rows, self.problems, self.more_problems)
        problems = [Problem(None, "", file_problem), *self.problems]
        more = self.more_problems + max(0, len(problems) - MAX_PROBLEMS)
        return Parsed(self.columns, [], problems[:MAX_PROBLEMS], more)

    def run(self, records, broken_line):
        if len(records) > self.max_rows + 1:
            return self.result(
                gettext("The file has more than %(max)s rows of data: split it into smaller files.")
                % {"max": self.max_rows}
            )
        if records:
            line, cells = records[0]
            if not self.header(line, cells):
                return self.result()
            for line, cells in records[1:]:
                self.row(line, cells)
        if broken_line is not None:
            self.add(
                broken_line,
                "",
                gettext(
                    "The file is broken from this row on, for example by a quotation mark that "
                    "is never closed."
                ),
            )
        elif len(records) < 2:
            return self.result(
                gettext(
                    "The file has no data: it needs a header row (period, value…) and at least "
                    "one row of values."
                )
            )
        return self.result()

    def header(self, line, cells):
        """Map each column to a field; False when the rows can't be read."""
        while cells and _blank(cells[-1]):
            cells = cells[:-1]
        self.columns = [_text(cell) if cell is not _FORMULA else "" for cell in cells]
        if len(self.columns) > MAX_COLUMNS:
            self.add(
                None,
                "",
                gettext("The file has more than %(max)s columns.") % {"max": MAX_COLUMNS},
            )
            return False
        first = {}
        for index, name in enumerate(self.columns):
            field = self.column_field(name)
            if cells[index] is _FORMULA:
                self.add(line, "", _formula())
            elif field in first:
                self.add(
                    line,
                    name,
                    gettext("This column repeats the column “%(column)s”.")
                    % {"column": first[field]},
                )
                field = _UNKNOWN_FIELD
            elif field == _UNKNOWN_FIELD:
                self.add(line, name, self.unknown_column())
            if field not in (None, _IGNORED_FIELD, _UNKNOWN_FIELD):
                first.setdefault(field, name)
            self.fields.append(field)
        for field, message in (
            (
                "period",
                gettext(
                    "The period column is missing: add a column named “period”, “période” or "
                    "“الفترة”."
                ),
            ),
            (
                "value",
                gettext(
                    "The value column is missing: add a column named “value”, “valeur” or “القيمة”."
                ),
            ),
        ):
            if field not in first:
                self.add(line, "", message)
        if ("lower" in first) != ("upper" in first):
            self.add(
                line,
                first.get("lower") or first["upper"],
                gettext(
                    "The lower and upper bound columns go together: add the missing one or "
                    "remove this one."
                ),
            )
        self.names = first
        return "period" in first and "value" in first

    def column_field(self, name):
        """A field name, ("dimension", code), _IGNORED_FIELD, _UNKNOWN_FIELD or None if unnamed."""
        if not name:
            return None
        key = _name_key(name)
        if key in _FIELDS:
            return _FIELDS[key]
        if key in self.dimension_keys:
            return ("dimension", self.dimension_keys[key])
        if key in _IGNORED_KEYS:
            return _IGNORED_FIELD
        return _UNKNOWN_FIELD

    def unknown_column(self):
        if not self.dimensions:
            return gettext(
                "Unknown column. This indicator has no breakdowns: keep only the period, value, "
                "lower, upper and note columns."
            )
        return gettext(
            "Unknown column. The breakdown columns of this indicator are: %(dimensions)s."
        ) % {"dimensions": ", ".join(self.dimensions)}

    def row(self, line, cells):
        before = len(self.problems) + self.more_problems
        values, failed = {}, set()
        width = max(len(cells), len(self.fields))
        for index in range(width):
            field = self.fields[index] if index < len(self.fields) else None
            column = self.columns[index] if index < len(self.columns) else ""
            cell = cells[index] if index < len(cells) else None
            try:
                values[field] = self.cell(field, cell)
            except _Invalid as error:
                self.add(line, column, error.message)
                failed.add(field)
        self.check_bounds(line, values, failed)
        dimensions = tuple(
            sorted(
                (field[1], value)
                for field, value in values.items()
                if _is_dimension(field) and value
            )
        )
        if "period" not in failed and not any(_is_dimension(field) for field in failed):
            key = (values["period"], dimensions)
            if key in self.first_lines:
                self.add(
                    line,
                    "",
                    gettext("This row has the same period and breakdown values as row %(row)s.")
                    % {"row": self.first_lines[key]},
                )
            else:
                self.first_lines[key] = line
        if len(self.problems) + self.more_problems == before:
            self.rows.append(
                Row(
                    line=line,
                    period=values["period"],
                    start=period_start(values["period"]),
                    dimensions=dimensions,
                    value=values["value"],
                    lower=values.get("lower"),
                    upper=values.get("upper"),
                    note=values.get("note") or "",
                )
            )

    def cell(self, field, value):
        """The cleaned value of one cell, or _Invalid."""
        if value is _FORMULA:
            raise _Invalid(_formula())
        if field in (_IGNORED_FIELD, _UNKNOWN_FIELD):
            return None
        if field is None:
            if _blank(value):
                return None
            raise _Invalid(
                gettext("This cell has a value but its column has no name in the header.")
            )
        if field == "period":
            return self.period(value)
        if field in ("value", "lower", "upper"):
            number = _number(value)
            if number is None and field == "value":
                raise _Invalid(gettext("The value is required."))
            return number
        limit = MAX_NOTE_LENGTH if field == "note" else MAX_DIMENSION_LENGTH
        text = _text(value)
        if len(text) > limit:
            raise _Invalid(
                gettext("This text has %(length)s characters; at most %(max)s are allowed.")
                % {"length": len(text), "max": limit}
            )
        return text

    def period(self, value):
        if _blank(value):
            raise _Invalid(gettext("The period is required."))
        found = _period_parts(value, self.periodicity)
        if found is None or found[0] != self.periodicity:
            raise _Invalid(
                gettext("“%(value)s” is not a period of this indicator: write it like %(example)s.")
                % {"value": _shorten(_text(value)), "example": EXAMPLES[self.periodicity]}
            )
        if not MIN_YEAR <= found[1] <= MAX_YEAR:
            raise _Invalid(
                gettext("The year must be between %(min)s and %(max)s.")
                % {"min": MIN_YEAR, "max": MAX_YEAR}
            )
        return _format_period(*found)

    def check_bounds(self, line, values, failed):
        if "lower" not in self.names or "upper" not in self.names or failed & {"lower", "upper"}:
            return
        lower, upper, value = values["lower"], values["upper"], values.get("value")
        column = self.names
        if lower is None and upper is not None:
            self.add(
                line,
                column["lower"],
                gettext("The lower bound is required when an upper bound is given."),
            )
        elif upper is None and lower is not None:
            self.add(
                line,
                column["upper"],
                gettext("The upper bound is required when a lower bound is given."),
            )
        elif lower is not None and "value" not in failed:
            if lower > value:
                self.add(
                    line, column["lower"], gettext("The lower bound can't be above the value.")
                )
            if upper < value:
                self.add(
                    line, column["upper"], gettext("The upper bound can't be below the value.")
                )


def _is_dimension(field):
    return isinstance(field, tuple)


def _formula():
    return gettext("Formulas are not accepted: type the value itself.")


def _format_period(kind, year, part):
    if kind == "quarterly":
        return f"{year}-Q{part}"
    if kind == "monthly":
        return f"{year}-{part:02d}"
    return str(year)


def _period_parts(value, periodicity):
    """(kind, year, quarter or month) read from a cell, or None."""
    if isinstance(value, datetime.date):
        if periodicity == "quarterly":
            return None
        return periodicity, value.year, value.month
    if isinstance(value, bool):
        return None
    text = _ascii(_text(value)).upper()
    for kind, form in _PERIOD_FORMS:
        match = form.fullmatch(text)
        if match:
            part = int(match.groupdict().get("part") or 0)
            if kind == "monthly" and not 1 <= part <= 12:
                return None
            return kind, int(match["year"]), part
    return None


def _number(value):
    """A cell as a Decimal, None when empty; _Invalid when it isn't an acceptable number."""
    if _blank(value):
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal | str):
        raise _Invalid(_not_a_number(value))
    number = _number_from_text(value) if isinstance(value, str) else Decimal(str(value))
    if not number.is_finite():
        raise _Invalid(_not_a_number(value))
    if abs(number) >= Decimal(10) ** 15:
        raise _Invalid(
            gettext(
                "This number is too large: at most 15 digits are allowed before the decimal "
                "separator."
            )
        )
    if number.normalize().as_tuple().exponent < -MAX_DECIMALS:
        raise _Invalid(
            gettext("This number has too many decimals: at most %(max)s are allowed.")
            % {"max": MAX_DECIMALS}
        )
    if number.as_tuple().exponent < -MAX_DECIMALS:  # only zeros past MAX_DECIMALS
        number = number.quantize(Decimal(1).scaleb(-MAX_DECIMALS))
    return number


def _number_from_text(value):
    text = value.strip().translate(_DIGITS).translate(_DASHES).translate(_GROUPING)
    if not _NUMBER_CHARACTERS.fullmatch(text):
        raise _Invalid(_not_a_number(value))
    separators = [char for char in text if char in ".,٫"]
    match = _NUMBER.fullmatch(text)
    if len(separators) > 1 or (
        # "12,345": a thousands separator or three decimals?
        match
        and match["sep"] == ","
        and match["whole"]
        and len(match["whole"]) <= 3
        and match["whole"].strip("0")
        and len(match["decimals"]) == 3
    ):
        raise _Invalid(
            gettext(
                "“%(value)s” is ambiguous: write thousands with spaces (1 234 567) and decimals "
                "after a point (1234.567)."
            )
            % {"value": _shorten(value.strip())}
        )
    if not match or not (match["whole"] or match["decimals"]):
        raise _Invalid(_not_a_number(value))
    whole = (match["whole"] or "0").replace(" ", "")
    decimals = f".{match['decimals']}" if match["decimals"] else ""
    return Decimal(f"{match['sign']}{whole}{decimals}")


def _not_a_number(value):
    return gettext(
        "“%(value)s” is not a number: type the number alone, without unit, percent sign or formula."
    ) % {"value": _shorten(_text(value))}
