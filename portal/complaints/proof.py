"""The proof of filing: a one-page PDF with the claim's reference and filing time, and an Ed25519
signature of a short statement of them, which anyone can check on the verification page. It holds
nothing of the claim's content and nothing that opens it (never the receipt).

The explanations are written in the reporter's language (Arabic shaped as in the library's PDFs,
`portal.library.pdf`); the signed statement is plain ASCII, always printed left to right in a
monospaced font, so that it reads the same in every language and can be read back from the PDF's
text by the verification page."""

import datetime
import io
import re
import zoneinfo

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from portal.library.pdf import extract_text, families_needed, load_fonts, wrap_lines

from . import crypto

STATEMENT = "National Integrity Portal - proof of filing\nreference: {reference}\nfiled: {filed}"
LOCAL_ZONE = zoneinfo.ZoneInfo("Africa/Casablanca")
RTL_LANGUAGES = {"ar"}
MAX_PROOF_BYTES = 2 * 1024 * 1024
_REFERENCE = re.compile(r"reference:\s*(\d{4}-[A-Z0-9]{8})")
_FILED = re.compile(r"filed:\s*(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")
_SIGNATURE = re.compile(r"([A-Za-z0-9+/]{86}==)")
_MARGIN = 18  # mm


def filed_text(moment):
    """The filing time as the statement writes it: UTC, to the second."""
    return moment.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def filed_parse(text):
    """The canonical UTC form of a time typed in any ISO 8601 way (a time without an offset is
    read as UTC), or None."""
    value = (text or "").strip().replace(" UTC", "Z")
    try:
        moment = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=datetime.UTC)
    return filed_text(moment)


def statement(reference, filed):
    return STATEMENT.format(reference=reference, filed=filed)


def signature(reference, filed):
    return crypto.sign(statement(reference, filed))


def verify(reference, filed, signed):
    """Whether `signed` is the portal's signature of this reference and filing time."""
    canonical = filed_parse(filed)
    if not reference or canonical is None or not signed:
        return False
    return crypto.verify(statement(reference.strip().upper(), canonical), signed.strip())


def proof_read(data):
    """`(reference, filed, signature)` read from the text of a proof PDF, or None."""
    if len(data) > MAX_PROOF_BYTES:
        return None
    extraction = extract_text(io.BytesIO(data), max_bytes=MAX_PROOF_BYTES, max_pages=3)
    if not extraction.ok:
        return None
    found = [pattern.search(extraction.text) for pattern in (_REFERENCE, _FILED, _SIGNATURE)]
    if not all(found):
        return None
    return tuple(match.group(1) for match in found)


def _texts(reference, filed_at, verify_url):
    local = filed_at.astimezone(LOCAL_ZONE)
    utc = filed_at.astimezone(datetime.UTC)
    return (
        _("Proof of filing"),
        [
            _("Reference: %(reference)s") % {"reference": reference},
            _("Filed on %(date)s at %(time)s, Morocco time (Africa/Casablanca)")
            % {"date": local.strftime("%Y-%m-%d"), "time": local.strftime("%H:%M:%S")},
            _("that is %(date)s at %(time)s UTC")
            % {
                "date": utc.strftime("%Y-%m-%d"),
                "time": utc.strftime("%H:%M:%S"),
            },
            _(
                "This document proves that a report was filed on the National Integrity Portal "
                "under this reference, at this time. It reveals nothing of its content and "
                "cannot be used to follow it: only the receipt can."
            ),
            _(
                "The statement below is signed by the portal (Ed25519). To check it, open "
                "%(url)s and upload this file, or copy the reference, the time and the signature."
            )
            % {"url": verify_url},
        ],
    )


def proof_pdf(*, reference, filed_at, language, verify_url):
    """The proof of filing as PDF bytes, its explanations in `language`."""
    from fpdf import FPDF

    filed = filed_text(filed_at)
    signed = signature(reference, filed)
    with translation.override(language):
        title, paragraphs = _texts(reference, filed_at, verify_url)
        key_label = _("Public verification key:")
    fonts = load_fonts()
    rtl = language in RTL_LANGUAGES
    main = "naskh-arabic" if rtl else "naskh-latin"
    arabic_glyphs = fonts["naskh-arabic"][""][1]
    pdf = FPDF(format="A4", unit="mm")
    pdf.set_margins(_MARGIN, _MARGIN, _MARGIN)
    pdf.set_auto_page_break(True, margin=_MARGIN)
    pdf.set_title(title)
    pdf.set_lang(language)
    pdf.set_creator(settings.WAGTAIL_SITE_NAME)
    families = families_needed(fonts, main, " ".join([title, *paragraphs, key_label]))
    for family in families:
        for style, (path, _glyphs) in fonts[family].items():
            pdf.add_font(family, style=style, fname=path)
    if len(families) > 1:
        pdf.set_fallback_fonts(families[1:], exact_match=False)
    pdf.add_page()

    def paragraph(text, size, style=""):
        pdf.set_font(main, style=style if style in fonts[main] else "", size=size)
        for line in wrap_lines(pdf, text, rtl, arabic_glyphs):
            pdf.cell(0, size * 0.55, line, align="R" if rtl else "L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)

    paragraph(title, 18, "B")
    for text in paragraphs:
        paragraph(text, 12)
    pdf.ln(2)
    pdf.set_draw_color(120)
    pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())
    pdf.ln(4)
    pdf.set_font("Courier", size=9)
    for line in [*statement(reference, filed).splitlines(), "signature:", signed]:
        pdf.cell(0, 5, line, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    paragraph(key_label, 10)
    pdf.set_font("Courier", size=9)
    pdf.cell(0, 5, crypto.verify_key_b64(), align="L", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
