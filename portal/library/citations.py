"""'Cite this': a publication as plain text, BibTeX and RIS, with its permanent address."""

import re

from .models import PublicationType

BIBTEX_TYPES = {
    PublicationType.REPORT: "techreport",
    PublicationType.STUDY: "techreport",
    PublicationType.GUIDE: "manual",
}
RIS_TYPES = {
    PublicationType.LAW: "STAT",
    PublicationType.DECREE: "STAT",
    PublicationType.CIRCULAR: "GOVDOC",
    PublicationType.LEGAL_OTHER: "STAT",
    PublicationType.CONVENTION: "STAT",
    PublicationType.REPORT: "RPRT",
    PublicationType.STUDY: "RPRT",
    PublicationType.GUIDE: "GOVDOC",
    PublicationType.MEMORANDUM: "GOVDOC",
    PublicationType.STRATEGY: "GOVDOC",
}


def _authors(page, institutions):
    if page.authors:
        return [name.strip() for name in page.authors.split(";") if name.strip()]
    return [institution.title for institution in institutions]


def plain_citation(page, permalink, institutions):
    """`institutions`: the publishing institutions' pages; `permalink`: the absolute permanent
    address."""
    authors = _authors(page, institutions)
    parts = [", ".join(authors), f"({page.publication_date.year}).", f"{page.title}."]
    if page.legal_number:
        parts.append(f"{page.get_publication_type_display()} {page.legal_number}.")
    if page.bulletin:
        parts.append(f"{page.bulletin}.")
    parts.append(permalink)
    return " ".join(part for part in parts if part)


def _bibtex_escape(value):
    return re.sub(r"([{}\\&%$#_^~])", r"\\\1", value)


def bibtex(page, permalink, institutions):
    kind = BIBTEX_TYPES.get(page.publication_type, "misc")
    authors = _authors(page, institutions)
    fields = {
        "title": page.title,
        "author": " and ".join("{" + _bibtex_escape(a) + "}" for a in authors),
        "year": str(page.publication_date.year),
        "date": page.publication_date.isoformat(),
        "language": page.language,
        "url": permalink,
        "abstract": page.summary,
    }
    if page.legal_number:
        fields["number"] = page.legal_number
    if page.bulletin:
        fields["note"] = page.bulletin
    if kind in ("techreport", "manual"):
        fields["institution"] = ", ".join(i.title for i in institutions)
    lines = [f"@{kind}{{portal{page.original_id},"]
    for name, value in fields.items():
        if not value:
            continue
        value = value if name == "author" else _bibtex_escape(value)
        lines.append(f"  {name} = {{{value}}},")
    lines.append("}")
    return "\n".join(lines) + "\n"


def ris(page, permalink, institutions):
    lines = [f"TY  - {RIS_TYPES.get(page.publication_type, 'GEN')}"]
    lines += [f"AU  - {author}" for author in _authors(page, institutions)]
    lines += [
        f"TI  - {page.title}",
        f"PY  - {page.publication_date.year}",
        f"DA  - {page.publication_date:%Y/%m/%d}",
        f"LA  - {page.language}",
        f"AB  - {' '.join(page.summary.split())}",
        f"UR  - {permalink}",
    ]
    if page.legal_number:
        lines.append(f"M1  - {page.legal_number}")
    if page.bulletin:
        lines.append(f"N1  - {page.bulletin}")
    lines.append("ER  - ")
    return "\r\n".join(lines) + "\r\n"
