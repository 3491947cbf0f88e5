"""The portal's public, read-only JSON API (version 1)."""

from ninja import NinjaAPI

from .claims import router as claims_router
from .indicators import router as indicators_router
from .publications import router as publications_router

DESCRIPTION = """Read-only access to the library of the National Integrity Portal: laws, decrees,
circulars, conventions, reports, studies, guides… published by the institutions of the national
integrity system, with their files; and to its statistics: national and international indicators
with their metadata and observations, as open data.

- **Languages.** The portal has one tree of pages per language (Arabic first, then French, English
  and Amazigh). `lang` chooses the tree read and the language of the labels (`ar` by default).
  Codes (`type`, `source`, `periodicity`, licences, slugs of themes, sectors and institutions,
  languages, breakdowns) are the same in every language.
- **Ids.** A publication's `id` is permanent and the same in every language: the number of its
  original page, the one of its permanent address (`url`) and of its OAI-PMH record (`/oai/`).
  An indicator's `id` is likewise the number of its original page (in Arabic).
- **Pagination.** `page` (from 1) and `page_size` (1 to 100, 20 by default; for observations 1
  to 1,000, 100 by default); `next` and `previous` are absolute addresses, or null.
- **Errors.** A parameter of the wrong form is refused with status 422 and the body
  `{"detail": [{"type": …, "loc": ["query", "<parameter>"], "msg": …}]}` (one entry per problem);
  an unknown publication or indicator gives 404 and `{"detail": "…"}`. Only `GET` (and `HEAD`)
  are allowed.
- Only live, public publications and indicators are given. Content is licensed as stated on the
  portal; each indicator states the licence of its data (`licence`).
- **Open data.** Each indicator's data can be downloaded as CSV, JSON or Excel (`links`), current
  or of an earlier version. `/api/v1/catalog.ttl` and `/api/v1/catalog.jsonld` describe them all as
  a DCAT catalogue (Turtle or JSON-LD) for harvesting by open-data portals. Values marked
  `is_sample` are examples, not published figures.
"""

api = NinjaAPI(
    title="National Integrity Portal API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api-v1",
    openapi_url="/openapi.json",
    docs_url=None,
)
api.add_router("/", publications_router)
api.add_router("/", indicators_router)
api.add_router("/", claims_router)
