"""PDF text extraction (pypdfium2) and demo PDF generation (fpdf2).

Arabic in generated PDFs: HarfBuzz shaping with Noto Naskh Arabic splits most
letters into a dotless skeleton glyph plus separate dot glyphs, and the same
skeleton glyph serves several letters (ب ت ث ن ي). A PDF maps each glyph to a
single Unicode value (ToUnicode), so such text cannot be extracted correctly by
any reader. Instead, ``demo_pdf`` shapes Arabic itself into the Unicode
presentation forms (one precomposed glyph per letter, lam-alef as one ligature
character), reorders each line into visual order with fpdf2's Unicode bidi
algorithm, and writes it unshaped. That is the classic, well-supported encoding
of Arabic in PDF: pdfium (and poppler, pdf.js) reorder it back into logical
order, and NFKC in ``extract_text`` turns the presentation forms back into the
base letters, so a search for "الرشوة" finds it. Known pdfium limitation: its
simplified bidi puts punctuation touching a number in an RTL line on the wrong
side ("رقم 46.19،" comes out as "رقم ،46.19"); the words themselves are intact.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import io
import os
import shutil
import tempfile
import threading
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

OK = "ok"
SCANNED = "scanned"
ENCRYPTED = "encrypted"
CORRUPT = "corrupt"
TOO_LARGE = "too_large"
STATUSES = (OK, SCANNED, ENCRYPTED, CORRUPT, TOO_LARGE)

PAGE_SEPARATOR = "\n\f\n"
# Below this many non-space characters per page on average, a PDF is treated
# as a scan without a (usable) text layer.
MIN_CHARS_PER_PAGE = 20

# pdfium is not thread-safe, not even across different documents. Reentrant, as
# the progress callback runs while it is held.
_PDFIUM_LOCK = threading.RLock()


@dataclass(frozen=True)
class Extraction:
    """Result of ``extract_text``: a status constant, the text, the page count."""

    status: str
    text: str = ""
    pages: int = 0
    message: str = ""
    cover: bytes = b""  # the first page as a small PNG image, when it could be drawn

    @property
    def ok(self) -> bool:
        return self.status == OK


# --------------------------------------------------------------------------
# Extraction
# --------------------------------------------------------------------------

_DROP = {c: None for c in range(0x20) if c not in (0x09, 0x0A)}
_DROP.update({0x7F: None, 0xFFFE: None, 0xFFFF: None})


def normalise_text(text: str) -> str:
    """Unify line ends, NFKC (presentation forms → letters) and drop control chars."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFKC", text).translate(_DROP)


def _size_of(fileobj: IO[bytes]) -> int | None:
    size = getattr(fileobj, "size", None)
    if isinstance(size, int):
        return size
    try:
        position = fileobj.tell()
        end = fileobj.seek(0, os.SEEK_END)
        fileobj.seek(position)
    except (AttributeError, OSError, ValueError):
        return None
    return end


def _read_limited(source, max_bytes: int) -> tuple[bytes | str | None, int]:
    """Return (input for pdfium or None if too large, size in bytes)."""
    if isinstance(source, bytes | bytearray | memoryview):
        size = len(source)
        return (None if size > max_bytes else bytes(source)), size
    if isinstance(source, str | os.PathLike):
        size = os.stat(source).st_size
        return (None if size > max_bytes else os.fspath(source)), size
    size = _size_of(source)
    if size is not None and size > max_bytes:
        return None, size
    if getattr(source, "seekable", lambda: False)():
        source.seek(0)
    data = source.read(max_bytes + 1)
    if len(data) > max_bytes:
        return None, len(data)
    return bytes(data), len(data)


def _close(*objects) -> None:
    for obj in objects:
        if obj is not None:
            with contextlib.suppress(Exception):  # closing must not mask the result
                obj.close()


def extract_text(
    fileobj_or_path,
    *,
    max_bytes: int,
    max_pages: int,
    progress: Callable[[int, int], object] | None = None,
) -> Extraction:
    """Extract the text of every page; never raises for a bad or hostile file.

    ``fileobj_or_path`` is a path, a binary file object (a Django ``File`` is
    fine; its ``size`` is checked before reading) or bytes.

    ``progress(done_pages, total_pages)`` is called after each page; exceptions
    raised by the callback itself are propagated.
    """
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        data, size = _read_limited(fileobj_or_path, max_bytes)
    except (OSError, ValueError) as exc:
        return Extraction(CORRUPT, message=f"Cannot read the file: {exc}")
    if data is None:
        return Extraction(TOO_LARGE, message=f"File is {size} bytes, limit is {max_bytes}.")
    if not data:
        return Extraction(CORRUPT, message="The file is empty.")

    with _PDFIUM_LOCK:
        try:
            document = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            if getattr(exc, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD:
                return Extraction(ENCRYPTED, message="The PDF is password protected.")
            return Extraction(CORRUPT, message=f"Not a readable PDF: {exc}")
        except Exception as exc:
            return Extraction(CORRUPT, message=f"Not a readable PDF: {exc!r}")
        try:
            try:
                total = len(document)
            except Exception as exc:
                return Extraction(CORRUPT, message=f"Cannot count pages: {exc!r}")
            if total <= 0:
                return Extraction(CORRUPT, message="The PDF has no pages.")
            if total > max_pages:
                return Extraction(
                    TOO_LARGE, pages=total, message=f"{total} pages, limit is {max_pages}."
                )
            texts = []
            cover = b""
            for index in range(total):
                page = textpage = None
                try:
                    page = document[index]
                    if index == 0:
                        cover = _cover(page)
                    textpage = page.get_textpage()
                    texts.append(normalise_text(textpage.get_text_range()))
                except Exception as exc:
                    return Extraction(
                        CORRUPT, pages=total, message=f"Page {index + 1} unreadable: {exc!r}"
                    )
                finally:
                    _close(textpage, page)
                if progress is not None:
                    progress(index + 1, total)
        finally:
            _close(document)

    text = PAGE_SEPARATOR.join(texts)
    visible = sum(1 for char in text if not char.isspace())
    if visible < MIN_CHARS_PER_PAGE * total:
        return Extraction(
            SCANNED,
            text=text,
            pages=total,
            message=f"Only {visible} characters on {total} pages: needs OCR.",
            cover=cover,
        )
    return Extraction(
        OK, text=text, pages=total, message=f"{len(text)} characters extracted.", cover=cover
    )


COVER_WIDTH = 320  # pixels


def _cover(page) -> bytes:
    """The page drawn as a PNG image `COVER_WIDTH` pixels wide; empty if it cannot be drawn."""
    bitmap = None
    try:
        width = page.get_width()
        if not width or width <= 0:
            return b""
        bitmap = page.render(scale=min(COVER_WIDTH / width, 2.0))
        image = bitmap.to_pil()
        out = io.BytesIO()
        image.convert("RGB").save(out, format="PNG", optimize=True)
        return out.getvalue()
    except Exception:  # a page that cannot be drawn just has no cover
        return b""
    finally:
        _close(bitmap)


# --------------------------------------------------------------------------
# Arabic shaping into presentation forms, and bidi reordering
# --------------------------------------------------------------------------


def _presentation_forms() -> tuple[dict[str, dict[str, str]], dict[str, dict[str, str]]]:
    """Contextual forms per letter, and lam-alef ligatures, from Unicode data."""
    forms: dict[str, dict[str, str]] = {}
    lam_alef: dict[str, dict[str, str]] = {}
    for code in range(0xFB50, 0xFF00):
        parts = unicodedata.decomposition(chr(code)).split()
        if len(parts) < 2 or parts[0] not in ("<isolated>", "<final>", "<initial>", "<medial>"):
            continue
        form, base = parts[0][1:-1], "".join(chr(int(p, 16)) for p in parts[1:])
        if len(base) == 1:
            forms.setdefault(base, {}).setdefault(form, chr(code))
        elif base[0] == "\u0644" and base[1] in "\u0622\u0623\u0625\u0627":
            lam_alef.setdefault(base[1], {})[form] = chr(code)
    forms["\u0640"] = dict.fromkeys(("isolated", "initial", "medial", "final"), "\u0640")
    return forms, lam_alef


_FORMS, _LAM_ALEF = _presentation_forms()
_JOIN_CAUSING = "\u200d"
_MIRRORED = dict(zip("()[]{}<>«»‹›", ")(][}{><»«›‹", strict=True))


def _dual_joining(char: str) -> bool:
    forms = _FORMS.get(char)
    return char == _JOIN_CAUSING or bool(forms and ("initial" in forms or "medial" in forms))


def _joins(char: str) -> bool:
    return char == _JOIN_CAUSING or char in _FORMS


def _transparent(char: str) -> bool:
    return unicodedata.category(char) in ("Mn", "Me") or (
        unicodedata.category(char) == "Cf" and char not in "\u200c\u200d"
    )


def shape_arabic(text: str, available: frozenset[int] | None = None) -> str:
    """Replace Arabic letters by their contextual presentation forms (logical order)."""
    out: list[str] = []
    size = len(text)

    def neighbour(index: int, step: int) -> str:
        index += step
        while 0 <= index < size and _transparent(text[index]):
            index += step
        return text[index] if 0 <= index < size else ""

    def usable(char: str | None) -> bool:
        return bool(char) and (available is None or ord(char) in available)

    index = 0
    while index < size:
        char = text[index]
        if char not in _FORMS:
            out.append(char)
            index += 1
            continue
        joins_before = _dual_joining(neighbour(index, -1))
        if char == "\u0644" and index + 1 < size and text[index + 1] in _LAM_ALEF:
            ligature = _LAM_ALEF[text[index + 1]].get("final" if joins_before else "isolated")
            if usable(ligature):
                out.append(ligature)
                index += 2
                continue
        joins_after = _dual_joining(char) and _joins(neighbour(index, 1))
        form = {
            (True, True): "medial",
            (True, False): "final",
            (False, True): "initial",
            (False, False): "isolated",
        }[(joins_before, joins_after)]
        forms = _FORMS[char]
        shaped = forms.get(form) or forms.get("final" if joins_before else "isolated")
        out.append(shaped if usable(shaped) else char)
        index += 1
    return "".join(out)


def visual_order(text: str, *, rtl: bool) -> str:
    """Reorder one line into visual (left to right) order, mirroring brackets in RTL runs."""
    from fpdf.bidi import BidiParagraph
    from fpdf.enums import TextDirection

    if rtl is False and not any(unicodedata.bidirectional(c) in ("R", "AL") for c in text):
        return text
    paragraph = BidiParagraph(text, base_direction=TextDirection.RTL if rtl else TextDirection.LTR)
    return "".join(
        _MIRRORED.get(c.character, c.character) if c.embedding_level % 2 else c.character
        for c in paragraph.get_reordered_characters()
    )


# --------------------------------------------------------------------------
# Fonts
# --------------------------------------------------------------------------

NODE_MODULES = Path(__file__).resolve().parents[2] / "node_modules"
_FONT_FILES = {
    # family: {style: path relative to node_modules}
    "naskh-arabic": {
        "": "@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-400-normal.woff",
        "B": "@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-700-normal.woff",
    },
    "naskh-latin": {
        "": "@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-latin-400-normal.woff",
        "B": "@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-latin-700-normal.woff",
    },
    "naskh-latin-ext": {
        "": "@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-latin-ext-400-normal.woff",
        "B": "@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-latin-ext-700-normal.woff",
    },
    "tifinagh": {
        "": "@fontsource/noto-sans-tifinagh/files/noto-sans-tifinagh-tifinagh-400-normal.woff",
    },
}
_REQUIRED_FAMILIES = ("naskh-arabic", "naskh-latin")
_FONT_LOCK = threading.Lock()


def _remove_dir(path: str, pid: int) -> None:
    if os.getpid() == pid:  # not in forked children that inherited the cache
        shutil.rmtree(path, ignore_errors=True)


@functools.cache
def _fonts() -> dict[str, dict[str, tuple[str, frozenset[int]]]]:
    """Convert the fontsource WOFF files to TTF once per process.

    Returns {family: {style: (ttf path, code points in the font)}}.
    """
    from fontTools.ttLib import TTFont

    missing = [
        str(NODE_MODULES / _FONT_FILES[family][""])
        for family in _REQUIRED_FAMILIES
        if not (NODE_MODULES / _FONT_FILES[family][""]).is_file()
    ]
    if missing:
        raise RuntimeError(
            "Fonts for PDF generation are missing (run `npm ci`): " + ", ".join(missing)
        )
    directory = tempfile.mkdtemp(prefix="portal-pdf-fonts-")
    atexit.register(_remove_dir, directory, os.getpid())
    fonts: dict[str, dict[str, tuple[str, frozenset[int]]]] = {}
    for family, styles in _FONT_FILES.items():
        for style, relative in styles.items():
            source = NODE_MODULES / relative
            if not source.is_file():
                continue
            font = TTFont(source)
            font.flavor = None
            target = os.path.join(directory, f"{family}{style}.ttf")
            font.save(target)
            fonts.setdefault(family, {})[style] = (target, frozenset(font.getBestCmap()))
            font.close()
    return fonts


def load_fonts() -> dict[str, dict[str, tuple[str, frozenset[int]]]]:
    with _FONT_LOCK:
        return _fonts()


# --------------------------------------------------------------------------
# Demo PDF
# --------------------------------------------------------------------------

_RTL_LANGUAGES = {"ar", "fa", "he", "ur"}
_MARGIN = 20  # mm


def _prepare(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\t", " ")
    return "".join(c for c in text if unicodedata.category(c) != "Cc")


def demo_pdf(*, title: str, abstract: str, language: str, lines: list[str]) -> bytes:
    """Build a small A4 PDF: title, abstract paragraphs, then the extra ``lines``.

    Arabic (``language="ar"``) is laid out right to left; any other language left
    to right. Text stays extractable in logical order (see the module docstring).
    """
    from fpdf import FPDF
    from fpdf.prefs import ViewerPreferences

    fonts = load_fonts()
    rtl = language.split("-")[0].lower() in _RTL_LANGUAGES
    arabic_glyphs = fonts["naskh-arabic"][""][1]

    pdf = FPDF(format="A4", unit="mm")
    pdf.set_margins(_MARGIN, _MARGIN, _MARGIN)
    pdf.set_auto_page_break(True, margin=_MARGIN)
    pdf.set_title(title)
    pdf.set_lang(language)
    pdf.set_creator("National Integrity Portal")
    pdf.set_subject(abstract[:200])
    # No /Direction: fpdf2 2.8.9 writes it as an invalid bare token, not a name.
    pdf.viewer_preferences = ViewerPreferences(display_doc_title=True)
    main = "naskh-arabic" if rtl else "naskh-latin"
    families = families_needed(fonts, main, "".join([title, abstract, *lines]))
    for family in families:
        for style, (path, _glyphs) in fonts[family].items():
            pdf.add_font(family, style=style, fname=path)
    if len(families) > 1:
        pdf.set_fallback_fonts(families[1:], exact_match=False)
    pdf.add_page()

    def paragraph(text: str, size: float, style: str = "", gap: float = 2.0) -> None:
        pdf.set_font(main, style=style, size=size)
        height = size * 0.55
        for line in wrap_lines(pdf, _prepare(text), rtl, arabic_glyphs):
            pdf.cell(0, height, line, align="R" if rtl else "L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(gap)

    paragraph(title, 18, "B", gap=4)
    for part in abstract.splitlines():
        if part.strip():
            paragraph(part, 12)
    if lines:
        pdf.ln(2)
        pdf.set_draw_color(150)
        pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())
        pdf.ln(3)
        pdf.set_text_color(70)
        for extra in lines:
            if extra.strip():
                paragraph(extra, 10, gap=1)
    return bytes(pdf.output())


def families_needed(fonts, main: str, text: str) -> list[str]:
    """The main family, then only the fallbacks that cover characters still missing."""
    families = [main]
    missing = {ord(c) for c in shape_arabic(_prepare(text))} - {0x20}
    missing -= fonts[main][""][1]
    for family, styles in fonts.items():
        if family != main and missing & styles[""][1]:
            families.append(family)
            missing -= styles[""][1]
    return families


def _strip_format(text: str) -> str:
    return "".join(c for c in text if unicodedata.category(c) != "Cf")


def wrap_lines(pdf, text: str, rtl: bool, glyphs: frozenset[int]) -> list[str]:
    """Break logical text into lines fitting the page; return them in visual order.

    Joining never crosses a space and nothing is kerned, so a line is exactly as
    wide as its shaped words plus the spaces, whatever the bidi order.
    """
    limit = pdf.epw
    space = pdf.get_string_width(" ")

    def measure(word: str) -> float:
        return pdf.get_string_width(_strip_format(shape_arabic(word, glyphs)))

    lines: list[list[str]] = []
    current: list[str] = []
    width = 0.0
    for word in text.split():
        size = measure(word)
        while size > limit and len(word) > 1:  # a word wider than the page: cut it
            cut = len(word) - 1
            while cut > 1 and measure(word[:cut]) > limit:
                cut -= 1
            if current:
                lines.append(current)
            lines.append([word[:cut]])
            current, width = [], 0.0
            word = word[cut:]
            size = measure(word)
        if current and width + space + size > limit:
            lines.append(current)
            current, width = [], 0.0
        width += size + (space if current else 0.0)
        current.append(word)
    if current:
        lines.append(current)
    return [
        _strip_format(visual_order(shape_arabic(" ".join(words), glyphs), rtl=rtl))
        for words in lines
    ]
