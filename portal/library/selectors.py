"""Reads of the library: filtering, facet counts and the labels they show."""

import re
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count
from django.db.models.expressions import RawSQL
from django.db.models.functions import ExtractYear
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from portal.core.models import TermKind, term_names
from portal.search import backends

from .models import PublicationFile, PublicationPage, PublicationType

FILTERS = ("type", "theme", "sector", "institution", "year", "language")
SLUG = re.compile(r"[-\w]+")
LANGUAGE_CODES = frozenset(code for code, _name in settings.LANGUAGES)
SORTS = ("relevance", "newest", "oldest")


@dataclass
class Facet:
    name: str
    title: str
    options: list  # (value, label, count, selected)


def clean_filters(params):
    """The filters of a query string that are well formed (others are ignored, so that any
    shareable address shows something sensible)."""
    active = {}
    for name in FILTERS:
        value = params.get(name, "").strip()
        if not value or len(value) > 60:
            continue
        if name == "type" and value not in PublicationType.values:
            continue
        if name == "year" and not (value.isascii() and value.isdigit() and len(value) == 4):
            continue
        if name == "language" and value not in LANGUAGE_CODES:
            continue
        if not SLUG.fullmatch(value):
            continue
        active[name] = value
    return active


def _apply(queryset, name, value):
    if name == "type":
        return queryset.filter(publication_type=value)
    if name == "theme":
        return queryset.filter(themes__slug=value)
    if name == "sector":
        return queryset.filter(sectors__slug=value)
    if name == "institution":
        return queryset.filter(institutions__slug=value)
    if name == "year":
        return queryset.filter(publication_date__year=int(value))
    return queryset.filter(pk__in=PublicationFile.objects.filter(language=value).values("page_id"))


def filtered(queryset, active, *, skip=None):
    for name, value in active.items():
        if name != skip:
            queryset = _apply(queryset, name, value)
    return queryset


def restrict_to_matches(queryset, terms, *, locale):
    """The publications of `queryset` that have every word (or, when none has them all, any
    word), and whether the weaker rule was used."""
    for any_term in (False, True):
        sql, params = backends.matches(
            terms, any_term=any_term, where="e.locale_id = %s", params=[locale.pk]
        )
        # The SQL is the backend's own; the visitor's words are in `params` only.
        subquery = f"SELECT m.page_id FROM ({sql}) AS m"  # noqa: S608
        matches = queryset.filter(pk__in=RawSQL(subquery, params))  # noqa: S611
        if any_term or len(terms) == 1 or matches.exists():
            break
    return matches, any_term


def _counts(rows):
    return {value: count for value, count in rows if value not in (None, "")}


def facet_counts(queryset, active):
    """For each filter, how many publications each value would give, with the other filters
    applied (one query per filter)."""
    through_theme = PublicationPage.themes.through.objects
    through_sector = PublicationPage.sectors.through.objects
    through_institution = PublicationPage.institutions.through.objects

    def scope(name):
        return filtered(queryset, active, skip=name).values("pk")

    return {
        "type": _counts(
            scope("type").values_list("publication_type").annotate(n=Count("pk")).order_by()
        ),
        "theme": _counts(
            through_theme.filter(publicationpage__in=scope("theme"))
            .values_list("term__slug")
            .annotate(n=Count("publicationpage_id", distinct=True))
            .order_by()
        ),
        "sector": _counts(
            through_sector.filter(publicationpage__in=scope("sector"))
            .values_list("term__slug")
            .annotate(n=Count("publicationpage_id", distinct=True))
            .order_by()
        ),
        "institution": _counts(
            through_institution.filter(publicationpage__in=scope("institution"))
            .values_list("institutionpage__slug")
            .annotate(n=Count("publicationpage_id", distinct=True))
            .order_by()
        ),
        "year": _counts(
            filtered(queryset, active, skip="year")
            .annotate(year=ExtractYear("publication_date"))
            .values_list("year")
            .annotate(n=Count("pk"))
            .order_by()
        ),
        "language": _counts(
            PublicationFile.objects.filter(page__in=scope("language"))
            .values_list("language")
            .annotate(n=Count("page_id", distinct=True))
            .order_by()
        ),
    }


FACET_TITLES = {
    "type": _("Type"),
    "theme": _("Theme"),
    "sector": _("Sector"),
    "institution": _("Institution"),
    "year": _("Year"),
    "language": _("Language"),
}


def facets(counts, active, locale, institutions):
    """The filters as shown: each value with its label, its count and whether it is selected."""
    labels = {
        "type": dict(PublicationType.choices),
        "theme": term_names(TermKind.THEME, locale),
        "sector": term_names(TermKind.SECTOR, locale),
        "institution": {slug: acronym for slug, (acronym, _name) in institutions.items()},
        "year": {},
        "language": {code: get_language_info(code)["name_local"] for code in counts["language"]},
    }
    result = []
    for name in FILTERS:
        names, values = labels[name], counts[name]
        if name == "year":
            order = sorted(values, reverse=True)
        elif name == "type":
            order = [value for value in names if value in values]
        else:
            order = sorted(values, key=lambda value: str(names.get(value, value)))
        options = [
            (str(v), names.get(v, str(v)), values[v], active.get(name) == str(v)) for v in order
        ]
        result.append(Facet(name, FACET_TITLES[name], options))
    return result


def sort_labels(with_relevance):
    labels = [("relevance", _("Most relevant"))] if with_relevance else []
    return [*labels, ("newest", _("Newest first")), ("oldest", _("Oldest first"))]
