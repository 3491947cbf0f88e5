"""Receipts: 16 random digits (10^16 ≈ 2^53), shown once and read back in any usual form."""

import secrets

RECEIPT_DIGITS = 16
# Arabic-Indic and Eastern Arabic-Indic (Persian) digits read as Latin ones.
_DIGITS = {ord(ch): str(i % 10) for i, ch in enumerate("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹")}
_SEPARATORS = {ord(ch): None for ch in " \t\u00a0\u202f-‐‑‒–—_."}


def receipt_generate():
    return "".join(secrets.choice("0123456789") for _ in range(RECEIPT_DIGITS))


def receipt_format(receipt):
    """Groups of four for reading: `1234 5678 9012 3456`."""
    return " ".join(receipt[i : i + 4] for i in range(0, len(receipt), 4))


def receipt_parse(text):
    """The canonical receipt (16 Latin digits), or None for anything else."""
    if not isinstance(text, str) or len(text) > 64:
        return None
    value = text.translate(_SEPARATORS).translate(_DIGITS)
    if len(value) != RECEIPT_DIGITS or not value.isascii() or not value.isdigit():
        return None
    return value
