"""The parsing and validation of uploaded data series (no database)."""

import datetime
import io
import zipfile
from decimal import Decimal

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.worksheet.formula import ArrayFormula

from portal.statistics import importer
from portal.statistics.exports import write_csv
from portal.statistics.importer import (
    MAX_PROBLEMS,
    Parsed,
    Problem,
    normalise_period,
    parse,
    period_position,
    period_start,
)


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def upload(content, name="series.csv"):
    if isinstance(content, str):
        content = content.encode()
    return SimpleUploadedFile(name, content)


def parse_csv(text, periodicity="annual", dimensions=(), name="series.csv", **options):
    return parse(upload(text, name), periodicity=periodicity, dimensions=dimensions, **options)


def xlsx_bytes(rows, build=None):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    if build:
        build(workbook)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def parse_xlsx(rows, periodicity="annual", dimensions=(), build=None, **options):
    content = upload(xlsx_bytes(rows, build), "series.xlsx")
    return parse(content, periodicity=periodicity, dimensions=dimensions, **options)


def only_problem(parsed):
    assert len(parsed.problems) == 1, parsed.problems
    return parsed.problems[0]


def file_problem(parsed):
    """The single whole-file problem of a refused file."""
    problem = only_problem(parsed)
    assert problem.row is None and problem.column == ""
    assert not parsed.ok and parsed.rows == []
    return problem.message


def values(parsed):
    return [row.value for row in parsed.rows]


# Happy paths


def test_annual_csv():
    parsed = parse_csv("period,value,note\n2018,12,first\n2019,-3.5,\n")
    assert parsed.ok
    assert parsed.columns == ["period", "value", "note"]
    first, second = parsed.rows
    assert first == importer.Row(
        line=2,
        period="2018",
        start=datetime.date(2018, 1, 1),
        dimensions=(),
        value=Decimal("12"),
        lower=None,
        upper=None,
        note="first",
    )
    assert (second.line, second.period, second.value, second.note) == (
        3,
        "2019",
        Decimal("-3.5"),
        "",
    )


@pytest.mark.parametrize(
    "written",
    ["2018", " 2018 ", "2018.0", "٢٠١٨", "۲۰۱۸"],
)
def test_annual_periods(written):
    parsed = parse_csv(f"period,value\n{written},1\n")
    assert parsed.ok, parsed.problems
    assert parsed.rows[0].period == "2018"


@pytest.mark.parametrize(
    "written",
    ["2018-Q1", "2018 Q1", "2018-T1", "T1 2018", "Q1 2018", "2018q1", "t1-2018", "٢٠١٨-Q1"],
)
def test_quarterly_periods(written):
    parsed = parse_csv(f"period,value\n{written},1\n", periodicity="quarterly")
    assert parsed.ok, parsed.problems
    assert parsed.rows[0].period == "2018-Q1"
    assert parsed.rows[0].start == datetime.date(2018, 1, 1)


@pytest.mark.parametrize(
    "written", ["2018-03", "2018/03", "03/2018", "2018-3", "3/2018", "٢٠١٨-٠٣"]
)
def test_monthly_periods(written):
    parsed = parse_csv(f"period,value\n{written},1\n", periodicity="monthly")
    assert parsed.ok, parsed.problems
    assert parsed.rows[0].period == "2018-03"
    assert parsed.rows[0].start == datetime.date(2018, 3, 1)


@pytest.mark.parametrize(
    ("periodicity", "written", "example"),
    [
        ("annual", "2018-Q1", "2018"),
        ("annual", "2018-03", "2018"),
        ("annual", "18", "2018"),
        ("quarterly", "2018", "2018-Q1"),
        ("quarterly", "2018-Q5", "2018-Q1"),
        ("monthly", "2018", "2018-03"),
        ("monthly", "2018-13", "2018-03"),
        ("monthly", "2018-Q1", "2018-03"),
        ("annual", "last year", "2018"),
    ],
)
def test_a_period_that_does_not_fit_the_periodicity(periodicity, written, example):
    parsed = parse_csv(f"period,value\n{written},1\n", periodicity=periodicity)
    problem = only_problem(parsed)
    assert (problem.row, problem.column) == (2, "period")
    assert f"“{written}” is not a period of this indicator" in problem.message
    assert problem.message.endswith(f"write it like {example}.")
    assert parsed.rows == []


@pytest.mark.parametrize("year", ["1899", "2101"])
def test_years_are_between_1900_and_2100(year):
    problem = only_problem(parse_csv(f"period,value\n{year},1\n1900,1\n2100,2\n"))
    assert problem.row == 2
    assert problem.message == "The year must be between 1900 and 2100."


def test_normalise_period():
    assert normalise_period("T3 2020", "quarterly") == "2020-Q3"
    assert normalise_period("2020/7", "monthly") == "2020-07"
    assert normalise_period(2020, "annual") == "2020"
    assert normalise_period("2020", "monthly") is None
    assert normalise_period("1800", "annual") is None
    assert normalise_period("", "annual") is None


def test_period_start_and_position():
    assert period_start("2018") == datetime.date(2018, 1, 1)
    assert period_start("2018-Q2") == datetime.date(2018, 4, 1)
    assert period_start("2018-Q4") == datetime.date(2018, 10, 1)
    assert period_start("2018-03") == datetime.date(2018, 3, 1)
    assert period_position("2018") == 2018.0
    assert period_position("2018-Q2") == 2018.25
    assert period_position("2018-03") == pytest.approx(2018 + 2 / 12)
    assert period_position("2018-Q1") < period_position("2018-Q2") < period_position("2018-Q3")
    with pytest.raises(ValueError):
        period_start("2018 Q1")


@pytest.mark.parametrize(
    "content",
    [
        "period;value;note\r\n2018;1,5;a, b\r\n",
        "period\tvalue\tnote\n2018\t1,5\ta, b\n",
        'period,value,note\n2018,"1,5","a, b"\n',
    ],
    ids=["semicolon", "tab", "comma"],
)
def test_delimiters(content):
    parsed = parse_csv(content)
    assert parsed.ok, parsed.problems
    assert parsed.rows[0].value == Decimal("1.5")
    assert parsed.rows[0].note == "a, b"


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"])
def test_utf8_with_bom_and_utf16(encoding):
    text = "الفترة,القيمة,ملاحظة\n2018,5,تقدير أولي\n"
    if encoding in ("utf-16-le", "utf-16-be"):
        bom = "\ufeff".encode(encoding)
        content = bom + text.encode(encoding)
    else:
        content = text.encode(encoding)
    parsed = parse_csv(content)
    assert parsed.ok, parsed.problems
    assert parsed.columns[0] == "الفترة"
    assert parsed.rows[0].note == "تقدير أولي"


def test_quoted_fields_with_line_breaks_keep_the_row_numbers():
    parsed = parse_csv('period,value,note\n2018,1,"two\nlines"\n2019,x,\n')
    assert parsed.rows[0].note == "two\nlines"
    assert only_problem(parsed).row == 3


def test_empty_rows_are_skipped_and_rows_keep_their_number():
    parsed = parse_csv("\n,,\nperiod,value\n\n2018,1\n , \n2019,2\n")
    assert parsed.ok, parsed.problems
    assert [row.line for row in parsed.rows] == [5, 7]


# Numbers


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("12", "12"),
        ("-12", "-12"),
        ("−12", "-12"),
        ("12.5", "12.5"),
        ("12,5", "12.5"),
        ("١٢٫٥", "12.5"),
        ("۱۲۳", "123"),
        ("١٬٢٣٤", "1234"),
        ("1 234 567", "1234567"),
        ("1\u00a0234,5", "1234.5"),
        ("1\u202f234,5", "1234.5"),
        ("-1 234.25", "-1234.25"),
        ("0,125", "0.125"),
        ("1234,567", "1234.567"),
        ("1 234,567", "1234.567"),
        (".5", "0.5"),
        ("0.000001", "0.000001"),
        ("1.5000000", "1.500000"),
        ("999999999999999", "999999999999999"),
    ],
)
def test_numbers(written, expected):
    parsed = parse_csv(f'period;value\n2018;"{written}"\n')
    assert parsed.ok, parsed.problems
    assert parsed.rows[0].value == Decimal(expected)
    assert str(parsed.rows[0].value) == expected


@pytest.mark.parametrize(
    "written",
    [
        "45%",
        "n/a",
        "=SUM(A1)",
        "1e5",
        "NaN",
        "inf",
        "12 DH",
        "12 34",
        "1-2",
        "--5",
        "+5",
        "-",
        "5.",
    ],
)
def test_not_a_number(written):
    problem = only_problem(parse_csv(f'period,value\n2018,"{written}"\n'))
    assert (problem.row, problem.column) == (2, "value")
    assert problem.message == (
        f"“{written}” is not a number: type the number alone, without unit, percent sign or "
        "formula."
    )


@pytest.mark.parametrize("written", ["1,234.5", "1.234,5", "1,234,567", "1.234.567", "12,345"])
def test_ambiguous_separators(written):
    problem = only_problem(parse_csv(f'period,value\n2018,"{written}"\n'))
    assert problem.column == "value"
    assert problem.message.startswith(f"“{written}” is ambiguous")


def test_decimals_and_size_limits():
    parsed = parse_csv("period,value\n2018,0.0000001\n2019,1000000000000000\n2020,-1e15\n")
    assert [(p.row, p.message) for p in parsed.problems] == [
        (2, "This number has too many decimals: at most 6 are allowed."),
        (
            3,
            "This number is too large: at most 15 digits are allowed before the decimal separator.",
        ),
        (
            4,
            "“-1e15” is not a number: type the number alone, without unit, percent sign or "
            "formula.",
        ),
    ]


def test_required_cells():
    parsed = parse_csv("period,value\n2018,\n,5\n")
    assert [(p.row, p.column, p.message) for p in parsed.problems] == [
        (2, "value", "The value is required."),
        (3, "period", "The period is required."),
    ]


def test_long_values_are_shortened_in_messages():
    problem = only_problem(parse_csv(f"period,value\n2018,{'x' * 200}\n"))
    assert f"“{'x' * 39}…”" in problem.message


# Lower and upper bounds


def test_bounds():
    parsed = parse_csv(
        "period,value,lower,upper\n"
        "2015,10,9,11\n"
        "2016,10,10,10\n"
        "2017,10,,\n"
        "2018,10,9,\n"
        "2019,10,,11\n"
        "2020,10,11,12\n"
        "2021,10,8,9\n"
        "2022,x,1,2\n"
    )
    assert [(row.period, row.lower, row.upper) for row in parsed.rows] == [
        ("2015", Decimal(9), Decimal(11)),
        ("2016", Decimal(10), Decimal(10)),
        ("2017", None, None),
    ]
    assert [(p.row, p.column, p.message) for p in parsed.problems] == [
        (5, "upper", "The upper bound is required when a lower bound is given."),
        (6, "lower", "The lower bound is required when an upper bound is given."),
        (7, "lower", "The lower bound can't be above the value."),
        (8, "upper", "The upper bound can't be below the value."),
        (
            9,
            "value",
            "“x” is not a number: type the number alone, without unit, percent sign or formula.",
        ),
    ]


def test_bounds_follow_the_number_rules():
    parsed = parse_csv('period,value,lower,upper\n2018,10,"9,5",11%\n')
    problem = only_problem(parsed)
    assert (problem.row, problem.column) == (2, "upper")
    assert "not a number" in problem.message


def test_a_bound_column_needs_the_other():
    problem = only_problem(parse_csv("period,value,lower\n2018,10,9\n"))
    assert (problem.row, problem.column) == (1, "lower")
    assert "go together" in problem.message


# Header


@pytest.mark.parametrize(
    "header",
    [
        "الفترة,القيمة,الحد الأدنى,الحد الأعلى,ملاحظة",
        "السنة,القيمة,الحد الادنى,الحد الاعلى,ملاحظة",
        "Période,Valeur,Borne inférieure,Borne supérieure,Notes",
        "periode,valeur,BORNE INFERIEURE,borne  supérieure,note",
        "Année,Value,Lower,Upper,Note",
        "annee,value,lower,upper,note",
        " YEAR ,value,lower,upper,note",
    ],
)
def test_column_aliases(header):
    parsed = parse_csv(f"{header}\n2018,5,4,6,ok\n")
    assert parsed.ok, parsed.problems
    row = parsed.rows[0]
    assert (row.period, row.value, row.lower, row.upper, row.note) == (
        "2018",
        Decimal(5),
        Decimal(4),
        Decimal(6),
        "ok",
    )


def test_missing_columns():
    parsed = parse_csv("year,note\n2018,x\n2018,y\n")
    assert [(p.row, p.column) for p in parsed.problems] == [(1, "")]
    assert parsed.problems[0].message.startswith("The value column is missing")
    parsed = parse_csv("valeur\n5\n")
    assert parsed.problems[0].message.startswith("The period column is missing")


@pytest.mark.parametrize("second", ["period", "PERIOD", "année"])
def test_duplicate_columns(second):
    parsed = parse_csv(f"period,value,{second}\n2018,1,2019\n")
    problem = only_problem(parsed)
    assert (problem.row, problem.column) == (1, second)
    assert problem.message == "This column repeats the column “period”."


def test_dimensions():
    parsed = parse_csv(
        "period,Region,sex,value\n2018,Souss-Massa,F,1\n2018,Souss-Massa,,2\n2018,,,3\n",
        dimensions=["region", "sex"],
    )
    assert parsed.ok, parsed.problems
    assert [row.dimensions for row in parsed.rows] == [
        (("region", "Souss-Massa"), ("sex", "F")),
        (("region", "Souss-Massa"),),
        (),
    ]


def test_unknown_columns_name_the_dimensions():
    parsed = parse_csv("period,value,colour\n2018,1,red\n", dimensions=["region", "sex"])
    problem = only_problem(parsed)
    assert (problem.row, problem.column) == (1, "colour")
    assert problem.message == (
        "Unknown column. The breakdown columns of this indicator are: region, sex."
    )
    problem = only_problem(parse_csv("period,value,region\n2018,1,Nord\n"))
    assert problem.column == "region"
    assert "This indicator has no breakdowns" in problem.message


def test_unknown_columns_do_not_stop_the_validation():
    parsed = parse_csv("period,value,colour\n2018,x,red\n")
    assert [(p.row, p.column) for p in parsed.problems] == [(1, "colour"), (2, "value")]


def test_values_under_a_column_without_name():
    parsed = parse_csv("period,value,,\n2018,1,,\n2019,2,x\n2020,3,,y\n")
    assert [(p.row, p.column) for p in parsed.problems] == [(3, ""), (4, "")]
    assert parsed.problems[0].message == (
        "This cell has a value but its column has no name in the header."
    )


def test_too_many_columns():
    header = ",".join(["period", "value", *(f"c{i}" for i in range(99))])
    problem = only_problem(parse_csv(f"{header}\n2018,1\n"))
    assert problem.message == "The file has more than 100 columns."


def test_text_lengths():
    parsed = parse_csv(
        f"period,region,value,note\n2018,{'r' * 100},1,{'n' * 500}\n"
        f"2019,{'r' * 101},1,\n2020,,1,{'n' * 501}\n",
        dimensions=["region"],
    )
    assert [(p.row, p.column, p.message) for p in parsed.problems] == [
        (3, "region", "This text has 101 characters; at most 100 are allowed."),
        (4, "note", "This text has 501 characters; at most 500 are allowed."),
    ]


# Duplicates


def test_duplicates_name_the_first_row():
    parsed = parse_csv(
        "period,region,value\n2018,Nord,1\n2018,Sud,2\n2018,,3\n2019,Nord,4\n2018,Nord,5\n2018,,6\n",
        dimensions=["region"],
    )
    assert [(p.row, p.message) for p in parsed.problems] == [
        (6, "This row has the same period and breakdown values as row 2."),
        (7, "This row has the same period and breakdown values as row 4."),
    ]


def test_duplicates_compare_normalised_periods():
    problem = only_problem(parse_csv("period,value\n2018-Q1,1\nT1 2018,2\n", "quarterly"))
    assert problem.row == 3
    assert "as row 2" in problem.message


# Whole-file problems


def test_windows_1256_is_refused():
    message = file_problem(parse_csv("الفترة,القيمة\n2018,1\n".encode("cp1256")))
    assert "not encoded in UTF-8" in message
    assert "CSV UTF-8" in message


def test_latin1_is_refused():
    message = file_problem(parse_csv("période,valeur\n2018,1\n".encode("latin-1")))
    assert "not encoded in UTF-8" in message


def test_nul_bytes_mean_not_a_text_file():
    message = file_problem(parse_csv(b"period,value\n2018,\x001\n"))
    assert message.startswith("This is not a text file")


@pytest.mark.parametrize("name", ["series.xls", "series.csv"])
def test_old_excel_format(name):
    content = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)
    message = file_problem(parse_csv(content, name=name))
    assert "old Excel format" in message
    assert "CSV UTF-8" in message


def test_password_protected_workbook():
    content = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le")
    message = file_problem(parse_csv(content, name="series.xlsx"))
    assert "protected by a password" in message


@pytest.mark.parametrize("name", ["series.pdf", "series.exe", "series", "series.ods"])
def test_other_file_types_are_refused(name):
    message = file_problem(parse_csv("period,value\n2018,1\n", name=name))
    assert "can't be imported" in message


def test_txt_files_are_csv():
    assert parse_csv("period,value\n2018,1\n", name="SERIES.TXT").ok


class Huge:
    name = "huge.csv"
    size = 100 * 1024 * 1024

    def read(self, *args):
        raise AssertionError("a file over the limit must not be read")

    def seek(self, *args):
        raise AssertionError("a file over the limit must not be touched")


def test_a_file_over_the_limit_is_not_read():
    parsed = parse(Huge(), periodicity="annual", dimensions=[])
    assert file_problem(parsed) == (
        "This file weighs 100 MB; the limit is 5 MB. Split it into smaller files."
    )


def test_a_file_larger_than_its_declared_size():
    content = upload("period,value\n" + "2018,1\n" * 100)
    content.size = 10
    message = file_problem(parse(content, periodicity="annual", dimensions=[], max_bytes=100))
    assert message.startswith("This file weighs")


def test_max_rows():
    rows = "".join(f"{year},1\n" for year in range(2000, 2004))
    assert parse_csv(f"period,value\n{rows}", max_rows=4).ok
    message = file_problem(parse_csv(f"period,value\n{rows}2004,1\n", max_rows=4))
    assert message == "The file has more than 4 rows of data: split it into smaller files."


def test_max_rows_in_a_workbook():
    rows = [["period", "value"], *([year, 1] for year in range(2000, 2006))]
    message = file_problem(parse_xlsx(rows, max_rows=5))
    assert message.startswith("The file has more than 5 rows")


def test_problems_are_capped_and_counted():
    rows = "".join(f"{2000 + i % 100},x{i}\n" for i in range(MAX_PROBLEMS + 100))
    parsed = parse_csv(f"period,value\n{rows}")
    assert len(parsed.problems) == MAX_PROBLEMS
    # 600 values that are not numbers and 500 duplicates (the periods repeat every 100 rows)
    assert parsed.more_problems == 600 + 500 - MAX_PROBLEMS
    lines = [problem.row for problem in parsed.problems]
    assert lines == sorted(lines)
    assert not parsed.ok


def test_whole_file_problems_come_first():
    parsed = parse_csv("period,value,colour\n")
    assert [(p.row, p.column) for p in parsed.problems] == [(None, ""), (1, "colour")]
    assert parsed.problems[0].message.startswith("The file has no data")


@pytest.mark.parametrize("content", ["", "\n\n", ",,\n", "period,value\n", "\ufeff"])
def test_no_data(content):
    message = file_problem(parse_csv(content))
    assert message.startswith("The file has no data")


def test_a_broken_csv_row():
    parsed = parse_csv(f'period,value,note\n2018,1,ok\n2019,2,"{"x" * 200_000}"\n2020,3,\n')
    assert [row.line for row in parsed.rows] == [2]
    problem = only_problem(parsed)
    assert (problem.row, problem.column) == (3, "")
    assert problem.message.startswith("The file is broken from this row on")


def test_parsed_ok():
    assert not Parsed(columns=[], rows=[], problems=[]).ok
    assert not Parsed(columns=[], rows=[], problems=[], more_problems=1).ok


def test_an_unknown_periodicity_is_a_programming_error():
    with pytest.raises(ValueError):
        parse_csv("period,value\n2018,1\n", periodicity="weekly")


# Re-import of the portal's own export


def test_an_exported_csv_can_be_imported_again():
    columns = ["indicator", "period", "region", "value", "lower", "upper", "unit", "note"]
    columns += ["source", "licence", "publisher"]
    rows = [
        ["Plaintes reçues", "2018", "Souss-Massa", Decimal("1E+3"), None, None, "%", "=cmd"],
        ["Plaintes reçues", "2018", "", Decimal("-0.536"), Decimal("-1"), Decimal(0), "%", ""],
        ["Plaintes reçues", "2019", "-Nord", Decimal(12), None, None, "%", "'quoted"],
    ]
    rows = [[*row, "INPPLC", "CC-BY-4.0", "=HYPERLINK()"] for row in rows]
    parsed = parse_csv(write_csv(columns, rows), dimensions=["region"])
    assert parsed.ok, parsed.problems
    assert [(r.period, r.dimensions, r.value, r.lower, r.upper, r.note) for r in parsed.rows] == [
        ("2018", (("region", "Souss-Massa"),), Decimal(1000), None, None, "=cmd"),
        ("2018", (), Decimal("-0.536"), Decimal(-1), Decimal(0), ""),
        ("2019", (("region", "-Nord"),), Decimal(12), None, None, "'quoted"),
    ]


# XLSX


def test_xlsx_numbers_and_text():
    parsed = parse_xlsx(
        [
            ["Période", "Région", "Valeur", "Borne inférieure", "Borne supérieure", "Note"],
            [2018, "Nord", 12.5, 10, 15, None],
            ["2019", 7, "1 234,5", None, None, "provisoire"],
            [2020.0, None, -3, None, None, 42],
        ],
        dimensions=["region", "région"],
    )
    assert parsed.ok, parsed.problems
    assert [
        (r.line, r.period, r.dimensions, r.value, r.lower, r.upper, r.note) for r in parsed.rows
    ] == [
        (2, "2018", (("région", "Nord"),), Decimal("12.5"), Decimal(10), Decimal(15), ""),
        (3, "2019", (("région", "7"),), Decimal("1234.5"), None, None, "provisoire"),
        (4, "2020", (), Decimal(-3), None, None, "42"),
    ]


def test_xlsx_floats_follow_the_decimal_rule():
    parsed = parse_xlsx([["period", "value"], [2018, 0.123456], [2019, 0.1234567]])
    assert values(parsed) == [Decimal("0.123456")]
    problem = only_problem(parsed)
    assert problem.message == "This number has too many decimals: at most 6 are allowed."


def test_xlsx_rows_are_numbered_as_in_the_spreadsheet():
    def build(workbook):
        sheet = workbook.active
        sheet["A3"], sheet["B3"] = "period", "value"
        sheet["A5"], sheet["B5"] = 2018, "x"
        sheet["A9"], sheet["B9"] = 2019, 2

    parsed = parse_xlsx([], build=build)
    assert parsed.rows[0].line == 9
    assert only_problem(parsed).row == 5


@pytest.mark.parametrize(("periodicity", "expected"), [("monthly", "2018-03"), ("annual", "2018")])
def test_xlsx_dates_as_periods(periodicity, expected):
    for when in (datetime.datetime(2018, 3, 1), datetime.date(2018, 3, 15)):
        parsed = parse_xlsx([["period", "value"], [when, 1]], periodicity=periodicity)
        assert parsed.ok, parsed.problems
        assert parsed.rows[0].period == expected


def test_xlsx_dates_are_not_quarters():
    parsed = parse_xlsx([["period", "value"], [datetime.date(2018, 1, 1), 1]], "quarterly")
    problem = only_problem(parsed)
    assert problem.message == (
        "“2018-01-01” is not a period of this indicator: write it like 2018-Q1."
    )


def test_xlsx_dates_are_not_numbers():
    problem = only_problem(parse_xlsx([["period", "value"], [2018, datetime.date(2018, 1, 1)]]))
    assert "“2018-01-01” is not a number" in problem.message


def test_xlsx_formulas_are_refused():
    def build(workbook):
        sheet = workbook.active
        sheet["B2"] = "=1+1"
        sheet["C3"] = '="Nord"'
        sheet["B4"] = ArrayFormula("B4", "=SUM(B2:B3)")

    parsed = parse_xlsx(
        [["period", "value", "region"], [2018], [2019, 2], [2020]],
        dimensions=["region"],
        build=build,
    )
    assert parsed.rows == []
    assert [(p.row, p.column, p.message) for p in parsed.problems] == [
        (2, "value", "Formulas are not accepted: type the value itself."),
        (3, "region", "Formulas are not accepted: type the value itself."),
        (4, "value", "Formulas are not accepted: type the value itself."),
    ]


def test_xlsx_formula_in_the_header():
    def build(workbook):
        workbook.active["C1"] = '="region"'

    parsed = parse_xlsx([["period", "value"], [2018, 1]], build=build)
    assert [(p.row, p.message) for p in parsed.problems] == [
        (1, "Formulas are not accepted: type the value itself.")
    ]


def test_xlsx_text_that_looks_like_a_formula_is_text():
    def build(workbook):
        cell = workbook.active["B2"]
        cell.value = "=1+1"
        cell.data_type = "s"

    problem = only_problem(parse_xlsx([["period", "value"], [2018]], build=build))
    assert "“=1+1” is not a number" in problem.message


def test_xlsx_only_the_first_worksheet_is_read():
    def build(workbook):
        other = workbook.create_sheet("metadata")
        other.append(["field", "value"])
        other.append(["licence", "=1+1"])

    assert parse_xlsx([["period", "value"], [2018, 1]], build=build).ok


def test_xlsx_with_wrong_declared_dimensions():
    content = xlsx_bytes([["period", "value"], [2018, 1], [2019, 2]])
    with zipfile.ZipFile(io.BytesIO(content)) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    sheet = parts["xl/worksheets/sheet1.xml"].replace(b'ref="A1:B3"', b'ref="A1:B1"')
    assert sheet != parts["xl/worksheets/sheet1.xml"]
    parts["xl/worksheets/sheet1.xml"] = sheet
    parsed = parse(upload(_zip(parts), "s.xlsx"), periodicity="annual", dimensions=[])
    assert len(parsed.rows) == 2


def _zip(parts):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_xlsx_with_too_many_members():
    parts = {"[Content_Types].xml": b"<Types/>"}
    parts |= {f"xl/media/{i}.bin": b"" for i in range(1001)}
    message = file_problem(parse_csv(_zip(parts), name="series.xlsx"))
    assert message.startswith("This workbook is too large or too complex")


def test_xlsx_zip_bomb():
    parts = {"[Content_Types].xml": b"<Types/>", "xl/sharedStrings.xml": bytes(300_000)}
    content = _zip(parts)
    assert len(content) < 10_000
    message = file_problem(parse_csv(content, name="series.xlsx", max_bytes=10_000))
    assert message.startswith("This workbook is too large or too complex")


def test_xlsx_with_a_small_but_highly_repetitive_member():
    """Within the size limits in all, but 240 KB of repeated strings would expand to ~100 MB."""
    strings = b"<sst>" + b"<si><t>a</t></si>" * 2_000_000 + b"</sst>"
    content = _zip({"[Content_Types].xml": b"<Types/>", "xl/sharedStrings.xml": strings})
    assert len(content) < 200_000
    message = file_problem(parse_csv(content, name="series.xlsx", max_bytes=10_000_000))
    assert message.startswith("This workbook is too large or too complex")


def test_xlsx_with_an_encrypted_member():
    content = bytearray(xlsx_bytes([["period", "value"], [2018, 1]]))
    start = content.find(b"PK\x01\x02")
    while start != -1:
        content[start + 8] |= 0x1  # general purpose flag, bit 0: encrypted
        start = content.find(b"PK\x01\x02", start + 1)
    message = file_problem(parse_csv(bytes(content), name="series.xlsx"))
    assert "protected by a password" in message


@pytest.mark.parametrize(
    "content",
    [
        b"PK\x03\x04garbage",
        xlsx_bytes([["period", "value"], [2018, 1]])[:-100],
        _zip({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"}),
        _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w/>"}),
    ],
    ids=["garbage", "truncated", "ods", "not-a-workbook"],
)
def test_corrupt_xlsx(content):
    message = file_problem(parse_csv(content, name="series.xlsx"))
    assert message.startswith("The file can't be read")


def test_an_xlsx_under_a_csv_name_is_read_as_a_workbook():
    content = xlsx_bytes([["period", "value"], [2018, 1]])
    assert parse_csv(content, name="series.csv").ok


# Robustness


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    content=st.one_of(
        st.binary(max_size=2000),
        st.binary(max_size=2000).map(lambda data: b"PK\x03\x04" + data),
        st.text(alphabet="0123456789٠١٢,;\t\n\r\"' .-–QTqt/=%éال", max_size=300).map(
            lambda text: ("period,value,lower,upper,note\n" + text).encode()
        ),
    ),
    name=st.sampled_from(["data.csv", "data.xlsx"]),
    periodicity=st.sampled_from(importer.PERIODICITIES),
)
def test_parse_never_raises(content, name, periodicity):
    parsed = parse_csv(content, periodicity=periodicity, dimensions=["region"], name=name)
    assert isinstance(parsed, Parsed)
    assert all(isinstance(problem, Problem) for problem in parsed.problems)
    assert all(isinstance(problem.message, str) for problem in parsed.problems)
    assert parsed.ok == (not parsed.problems and bool(parsed.rows))


VALID_XLSX = xlsx_bytes(
    [["period", "region", "value", "note"], [2018, "Nord", 1.5, "x"], ["2019", None, 2, None]]
)


@settings(max_examples=150, deadline=None)
@given(position=st.integers(0, len(VALID_XLSX) - 1), byte=st.integers(0, 255))
def test_parse_never_raises_on_a_damaged_workbook(position, byte):
    content = bytearray(VALID_XLSX)
    content[position] = byte
    parsed = parse_csv(bytes(content), dimensions=["region"], name="data.xlsx")
    assert isinstance(parsed, Parsed)
