"""Tests for PDF text extraction and demo PDF generation (no database needed)."""

import io
import random
import unicodedata

import pytest
from fpdf import FPDF
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portal.library import pdf
from portal.library.pdf import (
    CORRUPT,
    ENCRYPTED,
    OK,
    PAGE_SEPARATOR,
    SCANNED,
    STATUSES,
    TOO_LARGE,
    Extraction,
    demo_pdf,
    extract_text,
)

LIMITS = {"max_bytes": 20_000_000, "max_pages": 500}

ARABIC_ABSTRACT = (
    "تلقي الشكايات والتبليغات المتعلقة بالرشوة ومعالجتها وفق القانون رقم 46.19، "
    "والتصريح الإجباري بالممتلكات لدى الهيئة الوطنية للنزاهة."
)
DEMO_LINE_AR = (
    "نسخة تجريبية أنشأتها بوابة النزاهة الوطنية — ليست النص الرسمي؛ "
    "النص الرسمي منشور في الجريدة الرسمية: العدد 7099 (2022)."
)


def plain_pdf(pages: int, *, text: bool = True) -> bytes:
    """A Latin PDF with a marker per page, or with only a rectangle per page."""
    document = FPDF()
    document.set_font("helvetica", size=11)
    for number in range(1, pages + 1):
        document.add_page()
        if text:
            document.multi_cell(
                0, 6, f"Page {number} MARK{number:03d} " + "integrity and transparency " * 8
            )
        else:
            document.set_fill_color(120)
            document.rect(20, 20, 120, 80, style="F")
    return bytes(document.output())


def extract(data: bytes, **kwargs) -> Extraction:
    return extract_text(io.BytesIO(data), **{**LIMITS, **kwargs})


@pytest.fixture(scope="module")
def arabic_pdf() -> bytes:
    return demo_pdf(
        title="الهيئة الوطنية للنزاهة والوقاية من الرشوة ومحاربتها",
        abstract=ARABIC_ABSTRACT,
        language="ar",
        lines=[DEMO_LINE_AR],
    )


# --- round trips ----------------------------------------------------------


def test_arabic_round_trip_gives_logical_words(arabic_pdf):
    result = extract(arabic_pdf)
    assert result.status == OK, result.message
    assert result.pages == 1
    for phrase in (
        "الهيئة الوطنية للنزاهة",
        "تلقي الشكايات والتبليغات المتعلقة بالرشوة",
        "الرشوة",
        "وفق القانون رقم",
        "46.19",
        "التصريح الإجباري بالممتلكات",
        "الجريدة الرسمية",
        "(2022)",
        "7099",
    ):
        assert phrase in result.text, phrase
    # NFKC: no presentation forms survive, so searches for base letters match.
    assert not any(0xFB50 <= ord(char) <= 0xFEFF for char in result.text)


def test_arabic_demo_is_a4_with_title_and_language(arabic_pdf):
    assert arabic_pdf.startswith(b"%PDF-")
    assert b"/Lang (ar)" in arabic_pdf
    assert b"/DisplayDocTitle true" in arabic_pdf
    assert b"/Title" in arabic_pdf
    assert b"/MediaBox [0 0 595.28 841.89]" in arabic_pdf


def test_french_round_trip_keeps_accents():
    data = demo_pdf(
        title="Déclaration obligatoire du patrimoine",
        abstract=(
            "Les assujettis déposent leur déclaration auprès de l'Autorité « dans les délais ».\n"
            "Deuxième paragraphe : œuvre, naïveté, Ça."
        ),
        language="fr",
        lines=["Copie de démonstration générée par le Portail national de l'intégrité."],
    )
    result = extract(data)
    assert result.status == OK, result.message
    for phrase in (
        "Déclaration obligatoire du patrimoine",
        "auprès de l'Autorité « dans les délais »",
        "Deuxième paragraphe : œuvre, naïveté, Ça.",
        "Copie de démonstration générée",
    ):
        assert phrase in result.text, phrase


def test_mixed_text_and_decomposed_input_are_normalised():
    data = demo_pdf(
        title="Rapport 2024",
        abstract="Cafe\u0301 et القانون 46.19 dans un texte français.",
        language="en",
        lines=[],
    )
    text = extract(data).text
    assert "Café" in text
    assert "القانون" in text


def test_long_arabic_demo_spans_pages_and_progress_is_reported():
    paragraph = ARABIC_ABSTRACT + " "
    data = demo_pdf(
        title="تقرير", abstract="\n".join([paragraph * 3] * 30), language="ar", lines=["النهاية"]
    )
    calls = []
    result = extract(data, progress=lambda done, total: calls.append((done, total)))
    assert result.status == OK
    assert result.pages >= 2
    assert calls == [(n, result.pages) for n in range(1, result.pages + 1)]
    assert result.text.count(PAGE_SEPARATOR) == result.pages - 1
    assert result.text.count("المتعلقة بالرشوة") == 90
    assert result.text.rstrip().endswith("النهاية")


def test_long_words_are_cut_and_only_needed_fonts_are_embedded():
    data = demo_pdf(title="x" * 300, abstract="ⵜⴰⵎⴰⵣⵉⵖⵜ ⵜⴰⵏⴰⵡⴰⵢⵜ", language="fr", lines=[])
    result = extract(data)
    assert result.text.replace("\n", "").startswith("x" * 300)
    assert "ⵜⴰⵎⴰⵣⵉⵖⵜ" in result.text
    assert b"NotoSansTifinagh" in data
    # Plain French text: only the Latin regular and bold faces are embedded.
    plain = demo_pdf(title="Titre", abstract="Texte", language="fr", lines=[])
    assert plain.count(b"/FontFile2") == 2


def test_shaping_uses_lam_alef_ligature_and_contextual_forms():
    shaped = pdf.shape_arabic("السلام")
    assert "\ufefc" in shaped  # lam-alef, final form
    assert unicodedata.normalize("NFKC", shaped) == "السلام"
    assert pdf.shape_arabic("abc 123") == "abc 123"


# --- statuses -------------------------------------------------------------


def test_sixty_pages_are_extracted_completely():
    calls = []
    result = extract(plain_pdf(60), progress=lambda *args: calls.append(args))
    assert result.status == OK
    assert result.pages == 60
    assert calls == [(n, 60) for n in range(1, 61)]
    pages = result.text.split(PAGE_SEPARATOR)
    assert len(pages) == 60
    assert all(f"MARK{n:03d}" in pages[n - 1] for n in range(1, 61))
    assert "MARK060" in result.text


def test_path_and_bytes_input(tmp_path):
    data = plain_pdf(2)
    path = tmp_path / "document.pdf"
    path.write_bytes(data)
    assert extract_text(path, **LIMITS).status == OK
    assert extract_text(str(path), **LIMITS).pages == 2
    assert extract_text(data, **LIMITS).pages == 2
    assert extract_text(data, max_bytes=10, max_pages=10).status == TOO_LARGE


def test_pages_without_text_are_flagged_as_scanned():
    calls = []
    result = extract(plain_pdf(3, text=False), progress=lambda *args: calls.append(args))
    assert result.status == SCANNED
    assert result.pages == 3
    assert calls == [(1, 3), (2, 3), (3, 3)]


def test_password_protected_pdf_is_encrypted():
    document = FPDF()
    document.set_font("helvetica")
    document.add_page()
    document.cell(0, 10, "Confidential text that must not be readable without a password.")
    document.set_encryption(owner_password="owner", user_password="user")
    result = extract(bytes(document.output()))
    assert result.status == ENCRYPTED
    assert result.text == ""


def test_owner_password_only_still_extracts():
    document = FPDF()
    document.set_font("helvetica")
    document.add_page()
    document.cell(0, 10, "Restricted printing but readable text for everyone.")
    document.set_encryption(owner_password="owner")
    result = extract(bytes(document.output()))
    assert result.status == OK
    assert "readable text" in result.text


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"hello, world",
        b"%PDF-1.7\n%%EOF\n",
        random.Random(7).randbytes(5000),  # noqa: S311 - test data
    ],
    ids=["empty", "text", "header-only", "random"],
)
def test_garbage_is_corrupt(data):
    result = extract(data)
    assert result.status == CORRUPT
    assert result.message


def test_truncated_or_damaged_pdf_is_corrupt():
    data = plain_pdf(3)
    assert extract(data[: len(data) // 2]).status == CORRUPT
    assert extract(b"garbage!" + data[8:]).status == CORRUPT


def test_missing_file_is_corrupt(tmp_path):
    assert extract_text(tmp_path / "absent.pdf", **LIMITS).status == CORRUPT


def test_too_large_by_size_is_checked_before_reading():
    class Upload(io.BytesIO):
        size = 10_000

        def read(self, *args):
            raise AssertionError("must not read an oversized file")

    result = extract_text(Upload(b"%PDF"), max_bytes=9_999, max_pages=10)
    assert result.status == TOO_LARGE


def test_too_large_by_size_without_size_attribute(tmp_path):
    data = plain_pdf(1)
    assert extract(data, max_bytes=len(data) - 1).status == TOO_LARGE
    assert extract(data, max_bytes=len(data)).status == OK
    path = tmp_path / "big.pdf"
    path.write_bytes(data)
    assert extract_text(path, max_bytes=100, max_pages=10).status == TOO_LARGE


def test_too_large_by_pages():
    calls = []
    result = extract(plain_pdf(3), max_pages=2, progress=lambda *args: calls.append(args))
    assert result.status == TOO_LARGE
    assert result.pages == 3
    assert calls == []


def test_progress_callback_errors_propagate():
    def broken(done, total):
        raise RuntimeError("database down")

    with pytest.raises(RuntimeError, match="database down"):
        extract(plain_pdf(2), progress=broken)


@settings(
    max_examples=100,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    st.one_of(
        st.binary(max_size=4096),
        st.binary(max_size=4096).map(lambda tail: b"%PDF-1.4\n" + tail),
    )
)
def test_arbitrary_bytes_never_raise(data):
    result = extract(data)
    assert result.status in STATUSES
    assert isinstance(result.text, str)


def test_missing_fonts_raise_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setattr(pdf, "NODE_MODULES", tmp_path)
    pdf._fonts.cache_clear()
    try:
        with pytest.raises(RuntimeError, match="npm ci"):
            demo_pdf(title="t", abstract="a", language="fr", lines=[])
    finally:
        pdf._fonts.cache_clear()
