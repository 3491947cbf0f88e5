"""Reads of the search index: what the search page and the library ask."""

from dataclasses import dataclass, field

from django.db import connection

from . import backends
from .text import query_terms


@dataclass
class Matches:
    """Page ids found for a query, best first, with counts per kind and publication type."""

    terms: list
    total: int = 0
    page_ids: list = field(default_factory=list)
    kinds: dict = field(default_factory=dict)
    types: dict = field(default_factory=dict)
    any_term: bool = False
    offset: int = 0


def _where(locale, kind, publication_type, page_ids):
    conditions, params = ["e.locale_id = %s"], [locale.pk]
    if kind:
        conditions.append("e.kind = %s")
        params.append(kind)
    if publication_type:
        conditions.append("e.publication_type = %s")
        params.append(publication_type)
    if page_ids is not None:
        sql, subquery_params = page_ids.values("pk").query.sql_with_params()
        conditions.append(f"e.page_id IN ({sql})")
        params.extend(subquery_params)
    return " AND ".join(conditions), params


def search(
    q, *, locale, kind="", publication_type="", page_ids=None, any_term=None, limit=10, offset=0
):
    """Pages of `locale` matching `q`: every word, or any word when no page has them all (or as
    `any_term` says). `page_ids` (a queryset) restricts the pages searched. Facet counts ignore
    `kind` and `publication_type` so that the visitor can change them. When `offset` is past
    the end, the last results are given (and `offset` says where they start)."""
    terms = query_terms(q)
    result = Matches(terms=terms)
    offset = max(offset, 0)
    if not terms:
        return result
    scope, scope_params = _where(locale, "", "", page_ids)
    where, params = _where(locale, kind, publication_type, page_ids)
    with backends.index_plan(), connection.cursor() as cursor:
        for mode in (False, True) if any_term is None else (any_term,):
            match, match_params = backends.matches(
                terms, any_term=mode, where=scope, params=scope_params
            )
            # Only the backend's own SQL is interpolated; the visitor's words are parameters.
            cursor.execute(
                f"SELECT m.kind, m.publication_type, COUNT(*) FROM ({match}) AS m "  # noqa: S608
                "GROUP BY m.kind, m.publication_type",
                match_params,
            )
            rows = cursor.fetchall()
            if rows or len(terms) == 1:
                break
        result.any_term = mode
        for row_kind, row_type, count in rows:
            result.kinds[row_kind] = result.kinds.get(row_kind, 0) + count
            if row_type and (not kind or row_kind == kind):
                result.types[row_type] = result.types.get(row_type, 0) + count
            if (not kind or row_kind == kind) and (
                not publication_type or row_type == publication_type
            ):
                result.total += count
        if result.total:
            if offset >= result.total:
                offset = (result.total - 1) // limit * limit
            result.offset = offset
            cursor.execute(
                *backends.ranked(
                    terms, any_term=mode, where=where, params=params, limit=limit, offset=offset
                )
            )
            result.page_ids = [row[0] for row in cursor.fetchall()]
    return result
