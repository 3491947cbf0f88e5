# ruff: noqa: S608 -- `where` comes from the callers' fixed SQL; all values are parameters.
"""The full-text index, one implementation per database, fed with the same analysed terms.

Both backends only ever see terms made by `text.terms` (letters, digits and hyphens between
digits), so no query operator a visitor types can reach them, and they find the same entries:
every term of the query (AND), or any of them (OR).

- SQLite: an FTS5 table over `SearchEntry` (external content, kept in step by triggers),
  tokenised on white space only, ranked with bm25, the title weighing 4 times the body. A
  narrow covering index lets the matches be joined to their entries without reading the
  entries' long texts.
- PostgreSQL: a `tsv` tsvector column written here from the terms (not by PostgreSQL's parser,
  which would split `46-19` differently), title terms at weight A, in a GIN index together with
  the locale (btree_gin), so that even a word found in most entries is counted from the index
  alone. Ranking reads a second, short vector (`rank_tsv`: the title and the first body terms,
  which hold the metadata and the start of the summary) of at most `RANK_WINDOW` candidates,
  those whose title has the words first: ranking every match of a very common word would read
  all their vectors.
"""

import contextlib
import functools
from collections import defaultdict

from django.core.exceptions import ImproperlyConfigured
from django.db import connection, transaction

SQLITE_SETUP = [
    """CREATE VIRTUAL TABLE search_fts USING fts5(
        title_terms, body_terms, content='portal_search_searchentry', content_rowid='id',
        tokenize="unicode61 remove_diacritics 0 tokenchars '-'")""",
    """CREATE TRIGGER search_fts_insert AFTER INSERT ON portal_search_searchentry BEGIN
        INSERT INTO search_fts(rowid, title_terms, body_terms)
        VALUES (new.id, new.title_terms, new.body_terms);
    END""",
    """CREATE TRIGGER search_fts_delete AFTER DELETE ON portal_search_searchentry BEGIN
        INSERT INTO search_fts(search_fts, rowid, title_terms, body_terms)
        VALUES ('delete', old.id, old.title_terms, old.body_terms);
    END""",
    """CREATE TRIGGER search_fts_update AFTER UPDATE ON portal_search_searchentry BEGIN
        INSERT INTO search_fts(search_fts, rowid, title_terms, body_terms)
        VALUES ('delete', old.id, old.title_terms, old.body_terms);
        INSERT INTO search_fts(rowid, title_terms, body_terms)
        VALUES (new.id, new.title_terms, new.body_terms);
    END""",
    """CREATE INDEX search_entry_scope
        ON portal_search_searchentry (id, locale_id, kind, publication_type, page_id)""",
]
SQLITE_TEARDOWN = [
    "DROP INDEX IF EXISTS search_entry_scope",
    "DROP TRIGGER IF EXISTS search_fts_update",
    "DROP TRIGGER IF EXISTS search_fts_delete",
    "DROP TRIGGER IF EXISTS search_fts_insert",
    "DROP TABLE IF EXISTS search_fts",
]
POSTGRES_SETUP = [
    "CREATE EXTENSION IF NOT EXISTS btree_gin",
    "ALTER TABLE portal_search_searchentry ADD COLUMN tsv tsvector NOT NULL DEFAULT ''",
    "ALTER TABLE portal_search_searchentry ADD COLUMN rank_tsv tsvector NOT NULL DEFAULT ''",
    "CREATE INDEX search_entry_tsv ON portal_search_searchentry USING gin (locale_id, tsv)",
]
POSTGRES_TEARDOWN = [
    "DROP INDEX IF EXISTS search_entry_tsv",
    "ALTER TABLE portal_search_searchentry DROP COLUMN IF EXISTS rank_tsv",
    "ALTER TABLE portal_search_searchentry DROP COLUMN IF EXISTS tsv",
]

# PostgreSQL keeps positions up to 16383; past a few occurrences, more positions do not change
# the rank, and they cost space (a tsvector is limited to 1 MB).
MAX_POSITIONS = 8
MAX_POSITION = 16383
RANK_TERMS = 64
RANK_WINDOW = 1000


def setup(schema_editor, teardown=False):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        statements = SQLITE_TEARDOWN if teardown else SQLITE_SETUP
    elif vendor == "postgresql":
        statements = POSTGRES_TEARDOWN if teardown else POSTGRES_SETUP
    else:
        raise ImproperlyConfigured(f"Search runs on SQLite or PostgreSQL, not {vendor}")
    for statement in statements:
        schema_editor.execute(statement)


def tsvector_literal(title_terms, body_terms):
    """A tsvector written out so that PostgreSQL stores our terms as they are."""
    positions = defaultdict(list)
    position = 0
    for weight, terms in (("A", title_terms), ("", body_terms)):
        for term in terms.split():
            position = min(position + 1, MAX_POSITION)
            if len(positions[term]) < MAX_POSITIONS:
                positions[term].append(f"{position}{weight}")
    return " ".join(f"'{term}':{','.join(places)}" for term, places in positions.items())


def postgres_vectors(title_terms, body_terms):
    """`(tsv, rank_tsv)` literals of an entry."""
    head = " ".join(body_terms.split()[:RANK_TERMS])
    return tsvector_literal(title_terms, body_terms), tsvector_literal(title_terms, head)


def after_save(entry):
    """Backend work after an entry is written (SQLite's triggers need none)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE portal_search_searchentry SET tsv = %s::tsvector, rank_tsv = %s::tsvector "
                "WHERE id = %s",
                [*postgres_vectors(entry.title_terms, entry.body_terms), entry.pk],
            )


def _tsquery(terms, any_term, weight=""):
    return (" | " if any_term else " & ").join(f"'{term}'{weight}" for term in terms)


def matches(terms, *, any_term, where, params):
    """SQL (and its parameters) selecting `page_id`, `kind` and `publication_type` of the
    entries that have every term (or any), and meet `where`, a condition on the entry `e`."""
    if connection.vendor == "sqlite":
        expression = (" OR " if any_term else " ").join(f'"{term}"' for term in terms)
        return (
            "SELECT e.page_id, e.kind, e.publication_type FROM search_fts "
            "JOIN portal_search_searchentry e INDEXED BY search_entry_scope "
            f"ON e.id = search_fts.rowid WHERE search_fts MATCH %s AND {where}",
            [expression, *params],
        )
    return (
        "SELECT e.page_id, e.kind, e.publication_type FROM portal_search_searchentry e "
        f"WHERE e.tsv @@ %s::tsquery AND {where}",
        [_tsquery(terms, any_term), *params],
    )


def ranked(terms, *, any_term, where, params, limit, offset):
    """SQL (and its parameters) selecting the `page_id` of the matching entries that meet
    `where`, best first, `limit` of them from `offset`."""
    if connection.vendor == "sqlite":
        sql, match_params = matches(terms, any_term=any_term, where=where, params=params)
        return (
            f"{sql} ORDER BY bm25(search_fts, 4.0, 1.0), e.page_id LIMIT %s OFFSET %s",
            [*match_params, limit, offset],
        )
    query, in_title = _tsquery(terms, any_term), _tsquery(terms, any_term, ":A")
    return (
        "SELECT c.page_id FROM ("
        "SELECT e.page_id, e.rank_tsv FROM portal_search_searchentry e "
        f"WHERE e.tsv @@ %s::tsquery AND {where} "
        "ORDER BY e.rank_tsv @@ %s::tsquery DESC, e.page_id DESC LIMIT %s"
        ") AS c ORDER BY ts_rank(c.rank_tsv, %s::tsquery, 1) DESC, c.page_id LIMIT %s OFFSET %s",
        [query, *params, in_title, max(RANK_WINDOW, offset + limit), query, limit, offset],
    )


@contextlib.contextmanager
def index_plan():
    """On PostgreSQL, searches read the GIN index rather than every row: for a word found in
    much of the library the planner would otherwise scan the table, reading (and unpacking)
    every entry's vector, ten times slower. Elsewhere, nothing to do."""
    if connection.vendor != "postgresql":
        yield
        return
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
        yield


def uses_index_plan(view):
    """Runs a view that searches within `index_plan`."""

    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        with index_plan():
            return view(*args, **kwargs)

    return wrapper
