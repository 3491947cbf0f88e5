"""`/oai/`: the library as an OAI-PMH 2.0 data provider, in Dublin Core (`oai_dc`).

http://www.openarchives.org/OAI/2.0/openarchivesprotocol.htm

- One record per publication, named after its original page (the page in the default language
  that is not an alias): `oai:<host>:publication/<page id>`, the number of its permanent address.
  Only live, public publications are records; their datestamp is their last publication.
- A withdrawn publication (`PublicationTombstone`) stays a deleted record, for ever
  (`deletedRecord` = persistent), dated when it was withdrawn.
- Sets: `type:<publication type>` and `theme:<theme slug>`, under `type` and `theme`.
- Lists come 100 records at a time. The resumption token carries the request and the position
  (datestamp and id) of the last record sent, signed so that it cannot be forged; no state is kept
  on the server, and a record changed during a harvest moves to the end of the list instead of
  shifting the pages after it.
- The responses are built with ElementTree, which escapes every value; characters that XML 1.0
  does not allow are dropped.
"""

import datetime as dt
import heapq
import itertools
import mimetypes
import re
from dataclasses import dataclass
from xml.etree import ElementTree as ET

from django.conf import settings
from django.core import signing
from django.db.models import Min, Q
from django.http import HttpResponse
from django.http.request import split_domain_port
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from wagtail.models import Locale, Page

from portal.core.models import Term, TermKind

from .models import (
    PublicationFile,
    PublicationIndexPage,
    PublicationPage,
    PublicationTombstone,
    PublicationType,
)

PAGE_SIZE = 100  # records or headers per response of ListRecords and ListIdentifiers

OAI_NS = "http://www.openarchives.org/OAI/2.0/"
OAI_SCHEMA = "http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"
OAI_DC_NS = "http://www.openarchives.org/OAI/2.0/oai_dc/"
OAI_DC_SCHEMA = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd"
DC_NS = "http://purl.org/dc/elements/1.1/"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
XML_NS = "http://www.w3.org/XML/1998/namespace"
OAI_IDENTIFIER_NS = "http://www.openarchives.org/OAI/2.0/oai-identifier"
OAI_IDENTIFIER_SCHEMA = "http://www.openarchives.org/OAI/2.0/oai-identifier.xsd"

for _prefix, _uri in (
    ("oai_dc", OAI_DC_NS),
    ("dc", DC_NS),
    ("xsi", XSI_NS),
    ("oai-identifier", OAI_IDENTIFIER_NS),
):
    ET.register_namespace(_prefix, _uri)

SCHEMA_LOCATION = f"{{{XSI_NS}}}schemaLocation"
XML_LANG = f"{{{XML_NS}}}lang"
METADATA_PREFIX = "oai_dc"
DEFAULT_ADMIN_EMAIL = "contact@example.org"
EARLIEST_FALLBACK = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
GRANULARITY = "YYYY-MM-DDThh:mm:ssZ"
RESUMPTION_SALT = "portal.library.oai.resumption-token"

# verb: (required arguments, optional arguments, whether it takes a resumptionToken)
VERBS = {
    "Identify": (set(), set(), False),
    "ListMetadataFormats": (set(), {"identifier"}, False),
    "ListSets": (set(), set(), True),
    "ListIdentifiers": ({"metadataPrefix"}, {"from", "until", "set"}, True),
    "ListRecords": ({"metadataPrefix"}, {"from", "until", "set"}, True),
    "GetRecord": ({"identifier", "metadataPrefix"}, set(), False),
}

_ILLEGAL_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DATETIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z")
_IDENTIFIER = re.compile(r"oai:(?P<repository>.+):publication/(?P<id>[1-9][0-9]{0,9})")
# The repositoryIdentifier syntax of the oai-identifier scheme (a domain name).
_DOMAIN = re.compile(r"[a-zA-Z][a-zA-Z0-9\-]*(\.[a-zA-Z][a-zA-Z0-9\-]*)+")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+")


class OAIError(Exception):
    def __init__(self, code, message):
        super().__init__(message)
        self.code = code
        self.message = message


def _clean(value):
    """Text as XML 1.0 allows it."""
    return _ILLEGAL_XML.sub("", str(value))


def _oai(tag):
    """An element of the protocol: in the default namespace, which the root element declares
    (ElementTree's `default_namespace` would refuse the unqualified attributes)."""
    return tag


def _sub(parent, tag, text=None, attrib=None):
    element = ET.SubElement(parent, tag if tag.startswith("{") else _oai(tag))
    for name, value in (attrib or {}).items():
        element.set(name, _clean(value))
    if text is not None:
        element.text = _clean(text)
    return element


def datestamp(moment):
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _parse_datestamp(value, name):
    """(moment, granularity) of a `from` or `until` argument."""
    try:
        if _DATE.fullmatch(value):
            day = dt.date.fromisoformat(value)
            return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC), "day"
        if _DATETIME.fullmatch(value):
            moment = dt.datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ")
            return moment.replace(tzinfo=dt.UTC), "second"
    except ValueError:
        pass
    raise OAIError(
        "badArgument", f"The {name} argument is not a date (YYYY-MM-DD or {GRANULARITY})."
    )


def _admin_email():
    contact = settings.SECURITY_CONTACT
    candidates = [
        settings.OAI_ADMIN_EMAIL,
        contact.removeprefix("mailto:").split("?")[0] if contact.startswith("mailto:") else None,
    ]
    for candidate in candidates:
        if candidate and _EMAIL.fullmatch(candidate):
            return candidate
    return DEFAULT_ADMIN_EMAIL


@dataclass(frozen=True)
class Selection:
    """The arguments of a list request (from its arguments or its resumption token), and where
    the previous page ended."""

    verb: str
    from_: str | None = None
    until: str | None = None
    set_spec: str | None = None
    after: tuple | None = None  # (datestamp, id) of the last record already sent
    cursor: int = 0

    def token(self, after, cursor):
        payload = {
            "v": self.verb,
            "f": self.from_,
            "u": self.until,
            "s": self.set_spec,
            "a": [after[0].isoformat(), after[1]],
            "c": cursor,
        }
        return signing.dumps(payload, salt=RESUMPTION_SALT, compress=True)

    @classmethod
    def from_token(cls, verb, token):
        invalid = OAIError("badResumptionToken", "The resumption token is invalid or has expired.")
        try:
            payload = signing.loads(token, salt=RESUMPTION_SALT)
            moment, last_id = payload["a"]
            selection = cls(
                verb=payload["v"],
                from_=payload["f"],
                until=payload["u"],
                set_spec=payload["s"],
                after=(dt.datetime.fromisoformat(moment), int(last_id)),
                cursor=int(payload["c"]),
            )
        except (signing.BadSignature, KeyError, TypeError, ValueError) as error:
            raise invalid from error
        if selection.verb != verb or selection.after[0].tzinfo is None:
            raise invalid
        return selection

    def bounds(self):
        """The datestamps the records must lie in: [start, end)."""
        start = end = None
        if self.from_ is not None:
            start, start_granularity = _parse_datestamp(self.from_, "from")
        if self.until is not None:
            until, until_granularity = _parse_datestamp(self.until, "until")
            step = dt.timedelta(days=1) if until_granularity == "day" else dt.timedelta(seconds=1)
            try:
                end = until + step  # until is inclusive
            except OverflowError:
                end = None
            if start is not None:
                if start_granularity != until_granularity:
                    raise OAIError(
                        "badArgument", "The from and until arguments have different granularities."
                    )
                if start > until:
                    raise OAIError("badArgument", "The from argument is later than until.")
        return start, end


class Provider:
    def __init__(self, request):
        self.request = request
        self.locale = Locale.get_default()
        self.base_url = request.build_absolute_uri(reverse("oai"))
        configured = settings.OAI_REPOSITORY_IDENTIFIER
        self.repository_id = configured or split_domain_port(request.get_host())[0]
        self._private = None

    # --- The protocol

    def respond(self, params):
        root = ET.Element(
            _oai("OAI-PMH"), {"xmlns": OAI_NS, SCHEMA_LOCATION: f"{OAI_NS} {OAI_SCHEMA}"}
        )
        _sub(root, "responseDate", datestamp(timezone.now()))
        request_element = _sub(root, "request", self.base_url)
        try:
            verb, arguments = self.parse(params)
            for name, value in [("verb", verb), *arguments.items()]:
                request_element.set(name, _clean(value))
            root.append(getattr(self, verb.lower())(arguments))
        except OAIError as error:
            if error.code in ("badVerb", "badArgument"):
                request_element.attrib.clear()
            _sub(root, "error", error.message, {"code": error.code})
        xml = ET.tostring(root, encoding="unicode")
        response = HttpResponse(
            '<?xml version="1.0" encoding="UTF-8"?>\n' + xml,
            content_type="text/xml; charset=utf-8",
        )
        response["Cache-Control"] = "no-cache"
        return response

    def parse(self, params):
        verbs = params.getlist("verb")
        if len(verbs) != 1 or verbs[0] not in VERBS:
            message = "The verb argument is repeated." if len(verbs) > 1 else "Illegal OAI verb."
            raise OAIError("badVerb", message)
        verb = verbs[0]
        required, optional, resumable = VERBS[verb]
        allowed = required | optional | ({"resumptionToken"} if resumable else set())
        arguments = {}
        for name, values in params.lists():
            if name == "verb":
                continue
            if name not in allowed:
                raise OAIError("badArgument", f"{verb} has no argument {name[:40]!r}.")
            if len(values) > 1:
                raise OAIError("badArgument", f"The {name} argument is repeated.")
            arguments[name] = values[0]
        if "resumptionToken" in arguments:
            if len(arguments) > 1:
                raise OAIError("badArgument", "resumptionToken is an exclusive argument.")
        elif missing := sorted(required - arguments.keys()):
            raise OAIError("badArgument", f"{verb} requires the {', '.join(missing)} argument.")
        return verb, arguments

    def identify(self, arguments):
        identify = ET.Element(_oai("Identify"))
        _sub(identify, "repositoryName", settings.OAI_REPOSITORY_NAME)
        _sub(identify, "baseURL", self.base_url)
        _sub(identify, "protocolVersion", "2.0")
        _sub(identify, "adminEmail", _admin_email())
        earliest = [
            self.live().aggregate(earliest=Min("last_published_at"))["earliest"],
            PublicationTombstone.objects.aggregate(earliest=Min("withdrawn_at"))["earliest"],
        ]
        earliest = min((moment for moment in earliest if moment), default=EARLIEST_FALLBACK)
        _sub(identify, "earliestDatestamp", datestamp(earliest))
        _sub(identify, "deletedRecord", "persistent")
        _sub(identify, "granularity", GRANULARITY)
        if _DOMAIN.fullmatch(self.repository_id):
            description = _sub(identify, "description")
            scheme = ET.SubElement(
                description,
                f"{{{OAI_IDENTIFIER_NS}}}oai-identifier",
                {SCHEMA_LOCATION: f"{OAI_IDENTIFIER_NS} {OAI_IDENTIFIER_SCHEMA}"},
            )
            for tag, text in (
                ("scheme", "oai"),
                ("repositoryIdentifier", self.repository_id),
                ("delimiter", ":"),
                ("sampleIdentifier", self.identifier(1)),
            ):
                _sub(scheme, f"{{{OAI_IDENTIFIER_NS}}}{tag}", text)
        return identify

    def listmetadataformats(self, arguments):
        if "identifier" in arguments:
            page_id = self.page_id(arguments["identifier"])
            if not (
                self.live().filter(pk=page_id).exists()
                or PublicationTombstone.objects.filter(original_id=page_id).exists()
            ):
                raise self.unknown(arguments["identifier"])
        formats = ET.Element(_oai("ListMetadataFormats"))
        entry = _sub(formats, "metadataFormat")
        _sub(entry, "metadataPrefix", METADATA_PREFIX)
        _sub(entry, "schema", OAI_DC_SCHEMA)
        _sub(entry, "metadataNamespace", OAI_DC_NS)
        return formats

    def listsets(self, arguments):
        if "resumptionToken" in arguments:
            raise OAIError("badResumptionToken", "The list of sets is never split.")
        sets = ET.Element(_oai("ListSets"))
        with translation.override("en"):
            entries = [("type", "Publication type")]
            entries += [(f"type:{value}", str(label)) for value, label in PublicationType.choices]
        entries.append(("theme", "Theme"))
        entries += [
            (f"theme:{slug}", name)
            for slug, name in Term.objects.filter(kind=TermKind.THEME, locale=self.locale)
            .order_by("sort_order", "slug")
            .values_list("slug", "name")
        ]
        for spec, name in entries:
            entry = _sub(sets, "set")
            _sub(entry, "setSpec", spec)
            _sub(entry, "setName", name)
        return sets

    def listidentifiers(self, arguments):
        return self.list_records(arguments, "ListIdentifiers", full=False)

    def listrecords(self, arguments):
        return self.list_records(arguments, "ListRecords", full=True)

    def getrecord(self, arguments):
        self.check_format(arguments["metadataPrefix"])
        page_id = self.page_id(arguments["identifier"])
        records = self.records(
            live_ids=list(self.live().filter(pk=page_id).values_list("pk", flat=True)),
            tombstone_ids=[page_id],
            full=True,
        )
        if page_id not in records:
            raise self.unknown(arguments["identifier"])
        element = ET.Element(_oai("GetRecord"))
        element.append(records[page_id])
        return element

    # --- Lists

    def list_records(self, arguments, verb, *, full):
        if "resumptionToken" in arguments:
            selection = Selection.from_token(verb, arguments["resumptionToken"])
        else:
            self.check_format(arguments["metadataPrefix"])
            selection = Selection(
                verb=verb,
                from_=arguments.get("from"),
                until=arguments.get("until"),
                set_spec=arguments.get("set"),
            )
        live, tombstones = self.selected(selection)
        total = live.count() + tombstones.count()
        after = selection.after
        if after is not None:
            moment, last_id = after
            live = live.filter(
                Q(last_published_at__gt=moment) | Q(last_published_at=moment, pk__gt=last_id)
            )
            tombstones = tombstones.filter(
                Q(withdrawn_at__gt=moment) | Q(withdrawn_at=moment, original_id__gt=last_id)
            )
        size = PAGE_SIZE
        live_keys = live.order_by("last_published_at", "pk").values_list("last_published_at", "pk")
        tombstone_keys = tombstones.order_by("withdrawn_at", "original_id").values_list(
            "withdrawn_at", "original_id"
        )
        merged = heapq.merge(
            ((moment, pk, False) for moment, pk in live_keys[: size + 1]),
            ((moment, pk, True) for moment, pk in tombstone_keys[: size + 1]),
        )
        keys = list(itertools.islice(merged, size + 1))
        more, keys = len(keys) > size, keys[:size]
        if not keys:
            raise OAIError("noRecordsMatch", "No record matches the arguments.")
        records = self.records(
            live_ids=[pk for _, pk, deleted in keys if not deleted],
            tombstone_ids=[pk for _, pk, deleted in keys if deleted],
            full=full,
        )
        element = ET.Element(_oai(verb))
        for _, pk, _ in keys:
            record = records.get(pk)
            if record is not None:
                element.append(record if full else record.find(_oai("header")))
        cursor = selection.cursor
        if more or selection.after is not None:
            token = selection.token(keys[-1][:2], cursor + len(keys)) if more else None
            _sub(
                element,
                "resumptionToken",
                token,
                {"completeListSize": str(total), "cursor": str(cursor)},
            )
        return element

    def selected(self, selection):
        """The live publications and the tombstones of a selection."""
        start, end = selection.bounds()
        live = self.live()
        tombstones = PublicationTombstone.objects.exclude(original_id__in=live.values("pk"))
        if start is not None:
            live = live.filter(last_published_at__gte=start)
            tombstones = tombstones.filter(withdrawn_at__gte=start)
        if end is not None:
            live = live.filter(last_published_at__lt=end)
            tombstones = tombstones.filter(withdrawn_at__lt=end)
        if selection.set_spec is not None:
            kind, colon, value = selection.set_spec.partition(":")
            through = PublicationPage.themes.through.objects
            if kind == "type" and not colon:
                pass
            elif kind == "type" and value:
                live = live.filter(publication_type=value)
                tombstones = tombstones.filter(publication_type=value)
            elif kind == "theme" and not colon:
                live = live.filter(pk__in=through.values("publicationpage_id"))
                tombstones = tombstones.exclude(themes="")
            elif kind == "theme" and value:
                live = live.filter(
                    pk__in=through.filter(term__slug=value).values("publicationpage_id")
                )
                tombstones = tombstones.filter(
                    Q(themes=value)
                    | Q(themes__startswith=f"{value} ")
                    | Q(themes__endswith=f" {value}")
                    | Q(themes__contains=f" {value} ")
                )
            else:
                live, tombstones = live.none(), tombstones.none()
        return live, tombstones

    # --- Records

    def records(self, *, live_ids, tombstone_ids, full):
        """`{id: <record> element}` of live publications and withdrawn ones (a bounded number
        of queries, whatever their number)."""
        records = {}
        if live_ids:
            pages = list(PublicationPage.objects.filter(pk__in=live_ids))
            themes = self._terms(PublicationPage.themes.through, live_ids)
            if full:
                sectors = self._terms(PublicationPage.sectors.through, live_ids)
                names = self._term_names()
                context = {
                    "themes": themes,
                    "subjects": {
                        pk: [names.get(slug, name) for slug, name in themes.get(pk, [])]
                        + [names.get(slug, name) for slug, name in sectors.get(pk, [])]
                        for pk in live_ids
                    },
                    "institutions": self._institutions(live_ids),
                    "files": self._files(live_ids),
                    "translations": self._translations(pages),
                    "indexes": self._indexes(pages),
                }
            for page in pages:
                record = ET.Element(_oai("record"))
                header = _sub(record, "header")
                _sub(header, "identifier", self.identifier(page.pk))
                _sub(header, "datestamp", datestamp(page.last_published_at))
                _sub(header, "setSpec", f"type:{page.publication_type}")
                for slug, _name in themes.get(page.pk, []):
                    _sub(header, "setSpec", f"theme:{slug}")
                if full:
                    metadata = _sub(record, "metadata")
                    metadata.append(self.dublin_core(page, context))
                records[page.pk] = record
        tombstone_ids = [pk for pk in tombstone_ids if pk not in records]
        if tombstone_ids:
            for tombstone in PublicationTombstone.objects.filter(original_id__in=tombstone_ids):
                record = ET.Element(_oai("record"))
                header = _sub(record, "header", attrib={"status": "deleted"})
                _sub(header, "identifier", self.identifier(tombstone.original_id))
                _sub(header, "datestamp", datestamp(tombstone.withdrawn_at))
                _sub(header, "setSpec", f"type:{tombstone.publication_type}")
                for slug in sorted(set(tombstone.themes.split())):
                    _sub(header, "setSpec", f"theme:{slug}")
                records[tombstone.original_id] = record
        return records

    def dublin_core(self, page, context):
        dc = ET.Element(f"{{{OAI_DC_NS}}}dc", {SCHEMA_LOCATION: f"{OAI_DC_NS} {OAI_DC_SCHEMA}"})

        def add(name, text, lang=None):
            if text:
                _sub(dc, f"{{{DC_NS}}}{name}", text, {XML_LANG: lang} if lang else None)

        add("title", page.title, page.language)
        seen = {(page.title, page.language)}
        for title, language in context["translations"].get(page.translation_key, []):
            if title != page.title and (title, language) not in seen:
                seen.add((title, language))
                add("title", title, language)
        institutions = context["institutions"].get(page.pk, [])
        creators = [name.strip() for name in page.authors.split(";") if name.strip()]
        for creator in creators or institutions:
            add("creator", creator)
        for publisher in institutions:
            add("publisher", publisher)
        for subject in dict.fromkeys(context["subjects"].get(page.pk, [])):
            add("subject", subject)
        add("description", page.summary, page.language)
        add("date", page.publication_date.isoformat())
        with translation.override("en"):
            add("type", str(PublicationType(page.publication_type).label))
        add("type", "Text")
        files = context["files"].get(page.pk, [])
        for content_type in dict.fromkeys(
            mimetypes.guess_type(file.document.filename)[0] for file in files
        ):
            add("format", content_type)
        index = context["indexes"].get(page.path[: -2 * Page.steplen])
        url = index.permalink_url(page, self.request) if index else page.get_url(self.request)
        if url:
            add("identifier", self.request.build_absolute_uri(url))
        add("identifier", page.legal_number)
        for language in dict.fromkeys([page.language, *(file.language for file in files)]):
            add("language", language)
        for file in files:
            add("relation", self.request.build_absolute_uri(file.document.url))
        add("source", page.source)
        add("source", page.source_url)
        return dc

    def _terms(self, through, ids):
        terms = {}
        for pk, slug, name in (
            through.objects.filter(publicationpage_id__in=ids)
            .order_by("term__slug")
            .values_list("publicationpage_id", "term__slug", "term__name")
        ):
            terms.setdefault(pk, []).append((slug, name))
        return terms

    def _term_names(self):
        """The name of each term in the default language."""
        return dict(Term.objects.filter(locale=self.locale).values_list("slug", "name"))

    def _institutions(self, ids):
        institutions = {}
        for pk, title in (
            PublicationPage.institutions.through.objects.filter(publicationpage_id__in=ids)
            .order_by("institutionpage_id")
            .values_list("publicationpage_id", "institutionpage__title")
        ):
            institutions.setdefault(pk, []).append(title)
        return institutions

    def _files(self, ids):
        files = {}
        for file in (
            PublicationFile.objects.filter(page_id__in=ids)
            .select_related("document")
            .order_by("page_id", "sort_order", "pk")
        ):
            files.setdefault(file.page_id, []).append(file)
        return files

    def _translations(self, pages):
        """`{translation_key: [(title, language)]}` of the live translations (not aliases)."""
        translations = {}
        for key, title, language in (
            PublicationPage.objects.live()
            .exclude(self.private_q())
            .filter(
                translation_key__in=[page.translation_key for page in pages],
                alias_of__isnull=True,
            )
            .exclude(locale=self.locale)
            .order_by("locale__language_code", "pk")
            .values_list("translation_key", "title", "language")
        ):
            translations.setdefault(key, []).append((title, language))
        return translations

    def _indexes(self, pages):
        """The library of each page (its grandparent), by path."""
        paths = {page.path[: -2 * Page.steplen] for page in pages}
        return {index.path: index for index in PublicationIndexPage.objects.filter(path__in=paths)}

    # --- Helpers

    def private_q(self):
        if self._private is None:
            self._private = PublicationPage.objects.all().private_q()
        return self._private

    def live(self):
        """The publications that are records: live, public originals."""
        return (
            PublicationPage.objects.live()
            .exclude(self.private_q())
            .filter(locale=self.locale, alias_of__isnull=True, last_published_at__isnull=False)
        )

    def identifier(self, page_id):
        return f"oai:{self.repository_id}:publication/{page_id}"

    def page_id(self, identifier):
        match = _IDENTIFIER.fullmatch(identifier)
        if match is None or match["repository"].lower() != self.repository_id.lower():
            raise self.unknown(identifier)
        return int(match["id"])

    @staticmethod
    def unknown(identifier):
        return OAIError("idDoesNotExist", f"No record has the identifier {identifier[:200]!r}.")

    @staticmethod
    def check_format(prefix):
        if prefix != METADATA_PREFIX:
            raise OAIError("cannotDisseminateFormat", "The only metadata format is oai_dc.")


@csrf_exempt
@require_http_methods(["GET", "POST", "HEAD"])
def oai_endpoint(request):
    """The OAI-PMH base URL. Arguments come in the query string (GET) or the form-encoded body
    (POST); the protocol only reads, so POST needs no CSRF token."""
    params = request.POST if request.method == "POST" else request.GET
    return Provider(request).respond(params)
