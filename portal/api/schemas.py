"""What the API reads (query parameters) and answers (JSON bodies), as pydantic models: they are
both the validation and the OpenAPI schema."""

import datetime as dt
from typing import Literal

from django.conf import settings
from ninja import Field, Schema
from pydantic import ConfigDict

from portal.library.models import PublicationType
from portal.library.selectors import SORTS

LANGUAGE_CODES = tuple(code for code, _name in settings.LANGUAGES)

Lang = Literal[LANGUAGE_CODES]
TypeValue = Literal[tuple(PublicationType.values)]
Sort = Literal[SORTS]

# Slugs: the taxonomy's are ASCII; Wagtail's (institutions) may have letters of any script. Spelt
# out, not with `\w`, which means ASCII only in the ECMA regexes of JSON Schema and Unicode in
# pydantic's: both sides must agree on what is valid.
TERM_SLUG_PATTERN = r"^[-_0-9A-Za-z]+$"
PAGE_SLUG_PATTERN = r"^[-_0-9A-Za-z\u00c0-\ud7ff\ue000-\uffff]+$"
MAX_SLUG = 60
MAX_QUERY = 300
MAX_PAGE = 100_000
MAX_PAGE_SIZE = 100
MAX_ID = 2**31 - 1


class LangQuery(Schema):
    lang: Lang = Field(
        "ar",
        description="The language tree to read (each language has its own library) and the "
        "language of the labels (types, themes, sectors, institutions).",
    )


class PublicationQuery(LangQuery):
    type: TypeValue = Field(None, description="Only this type of publication.")
    theme: str = Field(
        None,
        max_length=MAX_SLUG,
        pattern=TERM_SLUG_PATTERN,
        description="Only publications with this theme (its slug, the same in every language).",
    )
    sector: str = Field(
        None,
        max_length=MAX_SLUG,
        pattern=TERM_SLUG_PATTERN,
        description="Only publications about this sector (its slug).",
    )
    institution: str = Field(
        None,
        max_length=MAX_SLUG,
        pattern=PAGE_SLUG_PATTERN,
        description="Only publications of this institution (its slug).",
    )
    year: int = Field(None, ge=1000, le=9999, description="Only publications published this year.")
    language: Lang = Field(None, description="Only publications with a file in this language.")
    q: str = Field(
        None,
        max_length=MAX_QUERY,
        description="Full-text search in the title, summary, metadata and files' text. "
        "Publications with every word come first; when none has them all, publications with any "
        "of them are given. A query without any searchable word (only punctuation or stopwords) "
        "is ignored.",
    )
    sort: Sort = Field(
        None,
        description="`relevance` (the default with a search; without one it means `newest`), "
        "`newest` (the default without a search) or `oldest`, by date of publication.",
    )
    page: int = Field(
        1,
        ge=1,
        le=MAX_PAGE,
        description="The page of results; past the last one, `results` is empty.",
    )
    page_size: int = Field(20, ge=1, le=MAX_PAGE_SIZE, description="How many results per page.")


class Label(Schema):
    value: str = Field(description="The code, the same in every language.")
    label: str = Field(description="Its name in the requested language.")


class Institution(Schema):
    slug: str
    acronym: str
    name: str


class Term(Schema):
    slug: str
    name: str


class File(Schema):
    url: str = Field(description="Absolute address of the file.")
    language: str = Field(description="Language of the file.")
    format: str = Field(description="Its extension, e.g. `pdf`.")
    size: int | None = Field(description="Its size in bytes, when known.")


class Legal(Schema):
    number: str
    adoption_date: dt.date | None
    bulletin: str = Field(description="Reference of the Official Bulletin that published it.")
    status: Label | None = Field(description="`in_force`, `amended` or `repealed`.")


class Publication(Schema):
    id: int = Field(
        description="The permanent id of the publication: the number of its original page, the "
        "same in every language."
    )
    url: str = Field(description="Its permanent address on the portal, absolute.")
    title: str
    language: str = Field(description="The language its title and summary are written in.")
    type: Label
    date: dt.date = Field(description="Date of publication.")
    summary: str
    institutions: list[Institution] = Field(description="The publishing institutions.")
    themes: list[Term]
    sectors: list[Term]
    files: list[File]
    legal: Legal | None = Field(
        description="Number, adoption date, Bulletin and status of a legal text; null for other "
        "publications."
    )


class Translation(Schema):
    lang: str = Field(description="The language (tree) of this version: use it as `?lang=`.")
    title: str
    url: str = Field(description="Absolute address of this version on the portal.")


class PublicationDetail(Publication):
    translations: list[Translation] = Field(
        description="The other language versions (translations, not untranslated copies)."
    )


class FacetOption(Schema):
    value: str = Field(description="The value to pass to the filter of the same name.")
    label: str
    count: int = Field(
        description="How many publications this value would give, the other filters applied."
    )


class Facets(Schema):
    type: list[FacetOption]
    theme: list[FacetOption]
    sector: list[FacetOption]
    institution: list[FacetOption]
    year: list[FacetOption]
    language: list[FacetOption]


class PublicationList(Schema):
    count: int = Field(description="How many publications match, on every page.")
    page: int
    page_size: int
    next: str | None = Field(description="Absolute address of the next page, if any.")
    previous: str | None = Field(description="Absolute address of the previous page, if any.")
    results: list[Publication]
    facets: Facets


class NotFound(Schema):
    detail: str


class ValidationIssue(Schema):
    model_config = ConfigDict(extra="allow")

    type: str = Field(description="The kind of error, e.g. `less_than_equal`, `literal_error`.")
    loc: list[str | int] = Field(description='Where: e.g. `["query", "page_size"]`.')
    msg: str = Field(description="What is wrong, in English.")


class ValidationErrors(Schema):
    detail: list[ValidationIssue]
