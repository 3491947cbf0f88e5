"""What the API reads (query parameters) and answers (JSON bodies), as pydantic models: they are
both the validation and the OpenAPI schema."""

import datetime as dt
from typing import Annotated, Literal

from django.conf import settings
from ninja import Field, Schema
from pydantic import ConfigDict, StringConstraints

from portal.library.models import PublicationType
from portal.library.selectors import SORTS
from portal.statistics.models import SourceKind

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


# --- Indicators (`indicators.py`)

SourceValue = Literal[tuple(SourceKind.values)]
# A normalised period: a year, a quarter or a month ("2024", "2024-Q2", "2024-03").
PERIOD_PATTERN = r"^[1-9][0-9]{3}(-Q[1-4]|-(0[1-9]|1[0-2]))?$"
# "code:value": a breakdown's column (Latin letters, digits, - and _) and one of its values.
DIMENSION_PATTERN = r"^[-_0-9A-Za-z]+:.+$"
MAX_DIMENSION_FILTER = 200
DimensionFilter = Annotated[
    str, StringConstraints(pattern=DIMENSION_PATTERN, max_length=MAX_DIMENSION_FILTER)
]
DIMENSION_DESCRIPTION = (
    "Only observations broken down by this value, as `code:value` (e.g. "
    "`region:Rabat-Salé-Kénitra`); other breakdowns may be present. Repeat it: values of the "
    "same breakdown are alternatives, different breakdowns must all match. A code the "
    "indicator does not have is refused with 422; a value it does not have gives no "
    "observations."
)
MAX_OBSERVATIONS_PAGE_SIZE = 1000


class IndicatorLangQuery(Schema):
    lang: Lang = Field(
        "ar",
        description="The language tree to read (each language has its own statistics) and the "
        "language of the labels (sources, periodicities, themes, institutions).",
    )


class IndicatorQuery(IndicatorLangQuery):
    theme: str = Field(
        None,
        max_length=MAX_SLUG,
        pattern=TERM_SLUG_PATTERN,
        description="Only indicators with this theme (its slug, the same in every language).",
    )
    source: SourceValue = Field(
        None, description="Only `national` or only `international` indicators."
    )
    institution: str = Field(
        None,
        max_length=MAX_SLUG,
        pattern=PAGE_SLUG_PATTERN,
        description="Only indicators published by this institution (its slug).",
    )
    page: int = Field(
        1,
        ge=1,
        le=MAX_PAGE,
        description="The page of results; past the last one, `results` is empty.",
    )
    page_size: int = Field(20, ge=1, le=MAX_PAGE_SIZE, description="How many results per page.")


class ObservationQuery(Schema):
    """The filters of the observations but `dimension`, a parameter of its own so that its
    errors are located at `["query", "dimension", <n>]` (ninja would name the schema)."""

    version: int = Field(
        None,
        ge=1,
        le=MAX_ID,
        description="Read this version of the data (`number` in the indicator's `versions`) "
        "rather than the current one.",
    )
    period_from: str = Field(
        None,
        pattern=PERIOD_PATTERN,
        description="Only periods that start on or after the start of this one: a year "
        "(`2018`), a quarter (`2018-Q2`) or a month (`2018-03`).",
    )
    period_to: str = Field(
        None,
        pattern=PERIOD_PATTERN,
        description="Only periods that start on or before the end of this one (same forms as "
        "`period_from`): `2020` keeps the quarters and months of 2020.",
    )
    total_only: bool = Field(
        False, description="Only the totals (observations without any breakdown)."
    )
    page: int = Field(
        1,
        ge=1,
        le=MAX_PAGE,
        description="The page of results; past the last one, `results` is empty.",
    )
    page_size: int = Field(
        100,
        ge=1,
        le=MAX_OBSERVATIONS_PAGE_SIZE,
        description="How many observations per page.",
    )


class DataLicence(Schema):
    code: str = Field(description="E.g. `cc-by-4.0`; `public` for public information (law 31-13).")
    label: str
    url: str | None = Field(description="Address of the licence's text, when it has one.")


class LatestValue(Schema):
    period: str
    value: float


class Download(Schema):
    format: Literal["csv", "json", "xlsx"] = Field(
        description="CSV, JSON (with the metadata) or an Excel workbook (with a sheet of metadata)."
    )
    media_type: str
    url: str = Field(description="Its absolute address.")


class IndicatorLinks(Schema):
    downloads: list[Download] = Field(
        description="The current data, with its metadata in the language of `lang`; empty when "
        "there is no data yet."
    )
    observations: str = Field(description="Absolute address of the observations in this API.")


class Indicator(Schema):
    id: int = Field(
        description="The permanent id of the indicator: the number of its original page (in "
        "Arabic), the same in every language."
    )
    url: str = Field(description="Absolute address of its page in the language tree `lang`.")
    title: str
    unit: str
    source_kind: Label = Field(description="`national` or `international`.")
    periodicity: Label = Field(description="`annual`, `quarterly` or `monthly`.")
    licence: DataLicence
    publisher: Institution | None = Field(description="The institution that publishes it.")
    themes: list[Term]
    is_sample: bool = Field(description="True when the values are examples, not published figures.")
    latest: LatestValue | None = Field(
        description="The latest value of the main series (the totals); null without totals."
    )
    last_update: dt.datetime | None = Field(
        description="When the current version of the data was imported; null without data."
    )
    links: IndicatorLinks


class IndicatorList(Schema):
    count: int = Field(description="How many indicators match, on every page.")
    page: int
    page_size: int
    next: str | None = Field(description="Absolute address of the next page, if any.")
    previous: str | None = Field(description="Absolute address of the previous page, if any.")
    results: list[Indicator]


class Source(Schema):
    name: str
    url: str = Field(description="Address of the source; empty when it has none.")


class Breakdown(Schema):
    code: str = Field(description="The column of the data files; use it in `dimension`.")
    label: str = Field(description="Its name in the language of `lang`.")
    values: list[str] = Field(description="The values it has in the current data.")


class Note(Schema):
    period: str = Field(description="The period it concerns; empty for the whole series.")
    is_break: bool = Field(
        description="True when values before and after this period are not comparable."
    )
    text: str


class Target(Schema):
    value: float
    period: str
    source: str = Field(description="The strategy or plan that sets it.")


class DataVersion(Schema):
    number: int = Field(description="Use it as `version` in the observations.")
    date: dt.datetime = Field(description="When it was imported.")
    row_count: int
    comment: str = Field(description="What changed.")
    downloads: list[Download]


class IndicatorDetail(Indicator):
    definition: str = Field(description="What it measures (HTML, as written on the portal).")
    methodology: str = Field(description="How it is computed (HTML); may be empty.")
    source: Source
    citation: str = Field(description="The attribution the source asks for.")
    dimensions: list[Breakdown] = Field(description="Its breakdowns.")
    notes: list[Note] = Field(description="Notes on the series, in the editors' order.")
    target: Target | None = Field(description="The strategy's target, if any.")
    versions: list[DataVersion] = Field(description="Every version of the data, newest first.")


class Observation(Schema):
    period: str = Field(description="`2018`, `2018-Q2` or `2018-03`.")
    start: dt.date = Field(description="The first day of the period.")
    dimensions: dict[str, str] = Field(
        description="Its breakdown, `{code: value}`; empty for a total."
    )
    value: float
    lower: float | None = Field(description="Lower bound of the confidence interval, if any.")
    upper: float | None = Field(description="Upper bound of the confidence interval, if any.")
    note: str


class ObservationList(Schema):
    count: int = Field(description="How many observations match, on every page.")
    page: int
    page_size: int
    next: str | None = Field(description="Absolute address of the next page, if any.")
    previous: str | None = Field(description="Absolute address of the previous page, if any.")
    version: int | None = Field(description="The version read; null when there is no data yet.")
    results: list[Observation]
