"""Downloads as CSV and XLSX: no cell is ever run as a formula."""

import csv
import datetime
import io
import zipfile
from decimal import Decimal

import openpyxl
import pytest

from portal.statistics.exports import safe_text, write_csv, write_xlsx

FORMULAS = ["=1+2", "+1", "-cmd", "@SUM(A1)", "\t=1", "\r=1", "  =1+2", "＝1+2", '=HYPERLINK("x")']
TEXTS = ["hello", "", "a=b", "1-2", "'quoted", "جهة سوس ماسة", "٢٠١٨", "2018-Q1", "#N/A"]


@pytest.mark.parametrize("text", FORMULAS)
def test_safe_text_prefixes_formulas(text):
    assert safe_text(text) == "'" + text


@pytest.mark.parametrize("text", TEXTS)
def test_safe_text_leaves_other_text(text):
    assert safe_text(text) == text


def read_csv(data):
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data[3:].decode(), newline="")))


def test_csv_bom_crlf_and_quoting():
    data = write_csv(["period", "note"], [["2018", 'a "quoted", two\nlines'], ["2019", None]])
    assert data.startswith("\ufeff".encode())
    assert data == ('\ufeffperiod,note\r\n2018,"a ""quoted"", two\nlines"\r\n2019,\r\n'.encode())


def test_csv_text_that_looks_like_a_formula_is_prefixed():
    rows = [[text, 1] for text in FORMULAS + TEXTS]
    written = read_csv(write_csv(["=cmd", "value"], rows))
    assert written[0] == ["'=cmd", "value"]
    assert [row[0] for row in written[1:]] == [*("'" + t for t in FORMULAS), *TEXTS]


def test_csv_numbers_are_plain_and_never_prefixed():
    row = [
        -5,
        Decimal("-0.536"),
        Decimal("1E+3"),
        Decimal("-1.50"),
        -1.5,
        1e16,
        Decimal("NaN"),
        float("inf"),
        None,
        datetime.date(2018, 4, 1),
    ]
    written = read_csv(write_csv([str(i) for i in range(len(row))], [row]))
    assert written[1] == [
        "-5",
        "-0.536",
        "1000",
        "-1.50",
        "-1.5",
        "10000000000000000",
        "",
        "",
        "",
        "2018-04-01",
    ]


def test_csv_arabic_round_trip():
    columns = ["الفترة", "الجهة", "القيمة"]
    rows = [["2018", "جهة سوس ماسة، الجنوب", Decimal("12.5")]]
    written = read_csv(write_csv(columns, rows))
    assert written == [columns, ["2018", "جهة سوس ماسة، الجنوب", "12.5"]]


def load(data):
    return openpyxl.load_workbook(io.BytesIO(data))


def test_xlsx_text_is_never_a_formula():
    texts = [*FORMULAS, *TEXTS, "=1+2"]
    data = write_xlsx([("data", ["=header", "value"], [[text, 1] for text in texts])])
    sheet = load(data).worksheets[0]
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert all(cell.data_type != "f" for cell in cells)
    assert [cell.value for cell in sheet["A"]] == ["=header", *(text or None for text in texts)]
    assert all(cell.data_type == "s" for cell in sheet["A"] if cell.value is not None)
    assert sheet["A2"].quotePrefix  # stays text when edited in Excel
    assert not sheet[f"A{len(FORMULAS) + 2}"].quotePrefix
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert b"<f>" not in archive.read("xl/worksheets/sheet1.xml")


def test_xlsx_numbers_are_numbers():
    row = [-5, Decimal("-0.536"), Decimal("1E+3"), 2.5, None, Decimal("NaN"), float("nan")]
    sheet = load(write_xlsx([("data", list("abcdefg"), [row])])).worksheets[0]
    values = [cell.value for cell in sheet[2]]
    assert values == [-5, -0.536, 1000, 2.5, None, None, None]
    assert [cell.data_type for cell in sheet[2]][:4] == ["n"] * 4


def test_xlsx_dates_and_other_values():
    row = [
        datetime.date(2018, 4, 1),
        datetime.datetime(2018, 4, 1, 12, 30, tzinfo=datetime.UTC),
        True,
        "a\x01b",
    ]
    sheet = load(write_xlsx([("data", list("abcd"), [row])])).worksheets[0]
    assert sheet["A2"].is_date
    assert sheet["A2"].value == datetime.datetime(2018, 4, 1)
    assert sheet["B2"].value == "2018-04-01T12:30:00+00:00"
    assert sheet["C2"].value is True
    assert sheet["D2"].value == "ab"  # characters a worksheet can't hold are dropped


def test_xlsx_header_is_bold_and_frozen():
    workbook = load(write_xlsx([("data", ["period", "value"], [["2018", 1]])]))
    sheet = workbook.worksheets[0]
    assert sheet.freeze_panes == "A2"
    assert [cell.font.b for cell in sheet[1]] == [True, True]
    assert not sheet["A2"].font.b


@pytest.mark.parametrize("rtl", [True, False])
def test_xlsx_right_to_left(rtl):
    workbook = load(write_xlsx([("a", ["x"], []), ("b", ["y"], [])], rtl=rtl))
    assert [sheet.sheet_view.rightToLeft for sheet in workbook.worksheets] == [rtl, rtl]


def test_xlsx_arabic_round_trip():
    rows = [["2018", "جهة سوس ماسة", Decimal(12)], ["2019", "ⵜⴰⵎⴰⵣⵉⵖⵜ", Decimal("1.5")]]
    sheet = load(write_xlsx([("البيانات", ["الفترة", "الجهة", "القيمة"], rows)])).worksheets[0]
    assert sheet.title == "البيانات"
    assert [[cell.value for cell in row] for row in sheet.iter_rows()] == [
        ["الفترة", "الجهة", "القيمة"],
        ["2018", "جهة سوس ماسة", 12],
        ["2019", "ⵜⴰⵎⴰⵣⵉⵖⵜ", 1.5],
    ]


def test_xlsx_sheet_titles_are_sanitised():
    titles = [
        "Complaints [2018/2019]: *all?* by region\\province",
        "'quoted'",
        "",
        "History",
        "data",
        "DATA",
        "x" * 40,
        "x" * 40,
    ]
    workbook = load(write_xlsx([(title, ["a"], []) for title in titles]))
    assert workbook.sheetnames == [
        "Complaints 2018 2019 all by reg",
        "quoted",
        "Sheet",
        "History (2)",
        "data",
        "DATA (2)",
        "x" * 31,
        "x" * 27 + " (2)",
    ]
    assert all(len(name) <= 31 for name in workbook.sheetnames)


def test_xlsx_needs_a_sheet():
    with pytest.raises(ValueError):
        write_xlsx([])
