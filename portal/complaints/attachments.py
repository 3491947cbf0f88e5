"""Evidence files sent by reporters: checked by their content, stripped of metadata, kept in
memory only.

A file is accepted when its bytes are one of the allowed types and parse as such, whatever its
name or declared type says: PDF, JPEG, PNG, plain UTF-8 text. Pictures are re-encoded from their
pixels alone (no EXIF, location, XMP, colour profile or text chunks; the EXIF orientation is
applied first); PDFs are rebuilt from their pages alone and scrubbed of metadata, annotations
with authors, attached files, scripts, the metadata of their pictures and their file identifier
(see docs/claims-security.md, "Evidence files"). The result is a `CleanFile`, which `services`
encrypts; nothing here writes to disk.
"""

import io
import re
import unicodedata
from dataclasses import dataclass, field

from django.conf import global_settings, settings
from django.core.exceptions import RequestDataTooBig, ValidationError
from django.core.files.uploadedfile import InMemoryUploadedFile
from django.core.files.uploadhandler import FileUploadHandler
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from PIL import Image, ImageOps
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    NumberObject,
    StreamObject,
)

ALLOWED_LABEL = gettext_lazy(
    "Allowed: PDF documents, JPEG and PNG pictures, and plain text files (.txt)."
)
NAME_MAX = 120
# Bidirectional formatting characters: they can make "exe.pdf" display as "fdp.exe".
BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
TEXT_CONTROLS_ALLOWED = frozenset("\t\n\r\f")
# The start of an HTML, SVG or XML document (the patterns browsers sniff as markup).
MARKUP = re.compile(r"\s*<(?:!doctype|!--|\?xml|[a-z][a-z0-9-]*[\s/>])", re.IGNORECASE)
JPEG_MAGIC = b"\xff\xd8\xff"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
PDF_MAGIC = b"%PDF-"
EXTENSIONS = {
    "application/pdf": (".pdf",),
    "image/jpeg": (".jpg", ".jpeg"),
    "image/png": (".png",),
    "text/plain": (".txt",),
}
GPS_IFD = 0x8825
# 24 million pixels: a 6000 by 4000 photo. Checked from the header, before any decoding: a
# larger picture would take hundreds of megabytes to clean.
IMAGE_MAX_PIXELS = 24_000_000
PART_OVERHEAD = 1024  # a multipart part's boundary and headers, generously


@dataclass(frozen=True)
class CleanFile:
    name: str
    content_type: str
    data: bytes
    removed: list[str] = field(default_factory=list)


# --- Names


def clean_name(name):
    """The base name only, without control or bidirectional formatting characters, at most
    NAME_MAX characters (the extension kept), never empty."""
    name = unicodedata.normalize("NFC", str(name or ""))
    name = re.split(r"[/\\]", name)[-1]
    name = "".join(
        char
        for char in name
        if char not in BIDI_CONTROLS and unicodedata.category(char) not in {"Cc", "Zl", "Zp"}
    )
    name = name.strip().lstrip(".").strip()
    stem, dot, extension = name.rpartition(".")
    if not dot or not stem or len(extension) > 10:
        stem, extension = name, ""
    extension = f".{extension}" if extension else ""
    stem = stem[: NAME_MAX - len(extension)].strip()
    return f"{stem}{extension}" if stem else f"file{extension}"


def _named_for(name, content_type):
    """`name` with an extension that matches its content ("photo.png" holding a JPEG becomes
    "photo.jpg"), so that whoever opens the file gets the right program."""
    allowed = EXTENSIONS[content_type]
    stem, dot, extension = name.rpartition(".")
    if dot and f".{extension.lower()}" in allowed:
        return name
    stem = stem if dot else name
    return f"{stem[: NAME_MAX - len(allowed[0])]}{allowed[0]}"


# --- Content


def _refuse(message, name, **values):
    return ValidationError(message % {"name": name, **values}, code="invalid_file")


def _not_allowed(name):
    return _refuse(
        _("“%(name)s” is not a file type we accept. %(allowed)s"), name, allowed=ALLOWED_LABEL
    )


def _image(data, name, content_type):
    """Re-encodes a picture from its pixels only; returns (bytes, removed)."""
    try:
        image = Image.open(io.BytesIO(data), formats=["JPEG", "PNG"])
        width, height = image.size
        if width * height > min(IMAGE_MAX_PIXELS, Image.MAX_IMAGE_PIXELS):
            raise Image.DecompressionBombError
        image.load()
        info = dict(image.info)
        text = dict(getattr(image, "text", {}) or {})
        exif = image.getexif()
        gps = bool(exif.get_ifd(GPS_IFD)) if exif else False
        upright = ImageOps.exif_transpose(image)
        if content_type == "image/jpeg":
            mode = "L" if upright.mode == "L" else "RGB"
            save = {"format": "JPEG", "quality": 95}
        else:
            keep = {"1", "L", "LA", "I;16", "RGB", "RGBA"}
            mode = upright.mode if upright.mode in keep else "RGBA"
            save = {"format": "PNG", "optimize": True}
        pixels = upright if upright.mode == mode else upright.convert(mode)
        clean = Image.frombytes(mode, pixels.size, pixels.tobytes())
        output = io.BytesIO()
        clean.save(output, **save)
    except Image.DecompressionBombError as error:
        raise _refuse(
            _("“%(name)s” is a picture too large to open. Send a smaller version of it."), name
        ) from error
    except Exception as error:
        raise _refuse(
            _("“%(name)s” is damaged or incomplete: it cannot be opened as a picture."), name
        ) from error
    removed = []
    if exif or "exif" in info:
        removed.append(_("Photo metadata (EXIF, location)") if gps else _("Photo metadata (EXIF)"))
    if any(key == "xmp" or key.startswith("XML:com.adobe.xmp") for key in [*info, *text]):
        removed.append(_("Photo metadata (XMP)"))
    if "photoshop" in info or "iptc" in info:
        removed.append(_("Photo metadata (IPTC)"))
    if "icc_profile" in info:
        removed.append(_("Colour profile"))
    if "comment" in info or any(not key.startswith("XML:com.adobe.xmp") for key in text):
        removed.append(_("Text notes embedded in the picture"))
    return output.getvalue(), removed


# Keys that carry metadata, scripts, attachments or previews, wherever they appear.
PDF_DROPPED_KEYS = {
    "/Metadata": "xmp",
    "/PieceInfo": "private",
    "/LastModified": "private",
    "/Thumb": "thumbnail",
    "/AA": "script",
    "/JS": "script",
    "/JavaScript": "script",
    "/EmbeddedFiles": "attachment",
    "/AF": "attachment",
}
# Annotations kept: links (without scripts) and the widgets that draw filled-in form fields. The
# others (comments, highlights, stamps, attached files...) carry their author and notes.
PDF_KEPT_ANNOTATIONS = {"/Link", "/Widget"}
PDF_ANNOTATION_KEYS = ("/T", "/M", "/NM", "/Contents", "/RC", "/Popup", "/CreationDate")
PDF_UNSAFE_ACTIONS = {"/JavaScript", "/Launch", "/SubmitForm", "/ImportData", "/RichMediaExecute"}
PDF_MAX_PAGES = 500
PDF_MAX_OBJECTS = 200_000
# JPEG segments kept inside a PDF's pictures: JFIF (APP0) and Adobe's colour transform (APP14).
JPEG_KEPT_APPS = {0xE0, 0xEE}
PDF_REMOVED_LABELS = {
    "properties": gettext_lazy("Document properties (author, software)"),
    "xmp": gettext_lazy("Document metadata (XMP)"),
    "annotation": gettext_lazy("Comments and annotations, with their authors"),
    "attachment": gettext_lazy("Files attached inside the document"),
    "script": gettext_lazy("Scripts and automatic actions"),
    "thumbnail": gettext_lazy("Page thumbnails"),
    "private": gettext_lazy("Data private to the software that made it"),
    "image_metadata": gettext_lazy("Photo metadata inside the pictures (EXIF, location, XMP)"),
    "identifier": gettext_lazy("The file identifier"),
}


class PdfTooComplex(Exception):
    pass


def _jpeg_without_metadata(data):
    """The JPEG `data` without its EXIF, XMP, IPTC and comment segments, or None when it has
    none (or cannot be read, which leaves the stream as it is for the viewer to judge)."""
    if not data.startswith(b"\xff\xd8"):
        return None
    out, position, dropped = [data[:2]], 2, False
    while position + 4 <= len(data) and data[position] == 0xFF:
        marker = data[position + 1]
        if marker == 0xDA:  # start of scan: the picture itself follows
            break
        length = int.from_bytes(data[position + 2 : position + 4], "big")
        segment = data[position : position + 2 + length]
        if (0xE0 <= marker <= 0xEF and marker not in JPEG_KEPT_APPS) or marker == 0xFE:
            dropped = True
        else:
            out.append(segment)
        position += 2 + length
    else:
        return None
    out.append(data[position:])
    return b"".join(out) if dropped else None


def _scrub_pdf(writer):
    """Walks every object the copied pages reach, removing metadata, scripts, attachments,
    annotations with authors and the metadata of JPEG pictures; returns what it found."""
    found = set()
    seen = set()
    stack = [page.indirect_reference for page in writer.pages]
    count = 0
    while stack:
        item = stack.pop()
        if isinstance(item, IndirectObject):
            key = (item.idnum, item.generation)
            if key in seen:
                continue
            seen.add(key)
            item = item.get_object()
        count += 1
        if count > PDF_MAX_OBJECTS:
            raise PdfTooComplex
        if isinstance(item, ArrayObject):
            stack.extend(item)
            continue
        if not isinstance(item, DictionaryObject):
            continue
        for name, kind in PDF_DROPPED_KEYS.items():
            if name in item:
                del item[NameObject(name)]
                found.add(kind)
        if "/Annots" in item:
            kept = ArrayObject()
            for reference in item["/Annots"]:
                annotation = reference.get_object()
                if not isinstance(annotation, DictionaryObject):
                    continue
                if annotation.get("/Subtype") not in PDF_KEPT_ANNOTATIONS:
                    found.add("annotation")
                    continue
                for name in PDF_ANNOTATION_KEYS:
                    if name in annotation and not (
                        name == "/T" and annotation.get("/Subtype") == "/Widget"
                    ):
                        del annotation[NameObject(name)]
                        found.add("annotation")
                kept.append(reference)
            item[NameObject("/Annots")] = kept
        action = item.get("/A")
        if action is not None and action.get_object().get("/S") in PDF_UNSAFE_ACTIONS:
            del item[NameObject("/A")]
            found.add("script")
        if isinstance(item, StreamObject) and item.get("/Subtype") == "/Image":
            filters = item.get("/Filter")
            filters = filters if isinstance(filters, ArrayObject) else [filters]
            if filters == ["/DCTDecode"]:
                jpeg = _jpeg_without_metadata(item._data)
                if jpeg is not None:
                    item._data = jpeg
                    item[NameObject("/Length")] = NumberObject(len(jpeg))
                    found.add("image_metadata")
        for name, value in item.items():
            if name != "/Parent":
                stack.append(value)
    return found


def _pdf(data, name):
    """A new PDF holding the pages only, scrubbed (`_scrub_pdf`): no document properties, no
    catalogue (outlines, forms' data, attached files, document scripts), no file identifier;
    returns (bytes, removed)."""
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise _refuse(
                _(
                    "“%(name)s” is protected by a password. Send a copy without the password, "
                    "or print it to a new PDF."
                ),
                name,
            )
        if not len(reader.pages):
            raise ValueError("no page")
        if len(reader.pages) > PDF_MAX_PAGES:
            raise PdfTooComplex
        found = set()
        if reader.metadata:
            found.add("properties")
        root = reader.root_object
        if "/Metadata" in root:
            found.add("xmp")
        names = root.get("/Names")
        if names is not None and "/EmbeddedFiles" in names.get_object():
            found.add("attachment")
        if (
            "/OpenAction" in root
            or "/AA" in root
            or (names is not None and "/JavaScript" in names.get_object())
        ):
            found.add("script")
        if "/ID" in reader.trailer:
            found.add("identifier")
        writer = PdfWriter()
        writer.metadata = None
        for page in reader.pages:
            writer.add_page(page)
        found |= _scrub_pdf(writer)
        # Without this the removed objects would still be written, only unreferenced.
        writer.compress_identical_objects(remove_duplicates=False, remove_unreferenced=True)
        output = io.BytesIO()
        writer.write(output)
    except ValidationError:
        raise
    except PdfTooComplex as error:
        raise _refuse(
            _(
                "“%(name)s” is too long or too complex to clean. Send the pages that matter, "
                "or split it into several files."
            ),
            name,
        ) from error
    except Exception as error:
        raise _refuse(
            _("“%(name)s” is damaged: it cannot be opened as a PDF document."), name
        ) from error
    return output.getvalue(), [
        str(PDF_REMOVED_LABELS[kind]) for kind in PDF_REMOVED_LABELS if kind in found
    ]


def _text(data, name):
    """Plain UTF-8 text (with or without a byte order mark), not markup, no control bytes."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise _not_allowed(name) from error
    controls = any(
        unicodedata.category(char) == "Cc" and char not in TEXT_CONTROLS_ALLOWED for char in text
    )
    if controls or MARKUP.match(text[:1024]):
        raise _not_allowed(name)
    return data, []


def _sniff(data):
    if data.startswith(PDF_MAGIC):
        return "application/pdf"
    if data.startswith(JPEG_MAGIC):
        return "image/jpeg"
    if data.startswith(PNG_MAGIC):
        return "image/png"
    return "text/plain"


def clean_upload(uploaded):
    """A `CleanFile` for an uploaded file, or a ValidationError naming the file. The size is
    checked before anything is read."""
    name = clean_name(getattr(uploaded, "name", ""))
    limit = settings.CLAIMS_MAX_FILE_BYTES
    too_large = _refuse(
        _("“%(name)s” is larger than %(size)s, the limit for one file."),
        name,
        size=filesizeformat(limit),
    )
    size = getattr(uploaded, "size", None)
    if size is not None and size > limit:
        raise too_large
    if size == 0:
        raise _refuse(_("“%(name)s” is empty."), name)
    if hasattr(uploaded, "seek"):
        uploaded.seek(0)
    data = uploaded.read(limit + 1)
    if len(data) > limit:
        raise too_large
    if not data:
        raise _refuse(_("“%(name)s” is empty."), name)
    content_type = _sniff(data)
    if content_type == "application/pdf":
        data, removed = _pdf(data, name)
    elif content_type == "text/plain":
        data, removed = _text(data, name)
    else:
        data, removed = _image(data, name, content_type)
    return CleanFile(
        name=_named_for(name, content_type),
        content_type=content_type,
        data=data,
        removed=removed,
    )


def clean_uploads(files):
    """Cleans every file; all the problems are reported together, each naming its file."""
    files = list(files)
    limit = settings.CLAIMS_MAX_FILES
    if len(files) > limit:
        raise ValidationError(
            ngettext(
                "You can send at most %(count)s file.",
                "You can send at most %(count)s files.",
                limit,
            )
            % {"count": limit},
            code="too_many_files",
        )
    cleaned, errors = [], []
    for uploaded in files:
        try:
            cleaned.append(clean_upload(uploaded))
        except ValidationError as error:
            errors.extend(error.error_list)
    if errors:
        raise ValidationError(errors)
    return cleaned


# --- Upload handler


class LimitedMemoryUploadHandler(FileUploadHandler):
    """Keeps every uploaded file in memory, whatever its size (plaintext evidence never reaches
    a temporary file). Past CLAIMS_MAX_FILE_BYTES the rest of a file is discarded: it arrives
    empty, with its real `size`, so `clean_upload` refuses it as too large. A request larger than
    CLAIMS_MAX_FILES full files plus the form fields is refused (400) before it is read. A form
    that takes smaller or fewer files (the proof of filing) gives its own limits."""

    def __init__(self, request=None, *, max_files=None, max_file_bytes=None, max_fields=None):
        super().__init__(request)
        self.max_files = max_files or settings.CLAIMS_MAX_FILES
        self.max_file_bytes = max_file_bytes or settings.CLAIMS_MAX_FILE_BYTES
        self.max_fields = max_fields

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        fields = (
            self.max_fields
            or settings.DATA_UPLOAD_MAX_MEMORY_SIZE
            or global_settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        )
        files = self.max_files * (self.max_file_bytes + PART_OVERHEAD)
        bound = files + fields + PART_OVERHEAD
        if content_length is not None and content_length > bound:
            raise RequestDataTooBig("The request is larger than the evidence files allowed.")

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.file = io.BytesIO()
        self.oversize = False

    def receive_data_chunk(self, raw_data, start):
        if start + len(raw_data) > self.max_file_bytes:
            if not self.oversize:
                self.oversize = True
                self.file = io.BytesIO()
        else:
            self.file.write(raw_data)

    def file_complete(self, file_size):
        self.file.seek(0)
        return InMemoryUploadedFile(
            file=self.file,
            field_name=self.field_name,
            name=self.file_name,
            content_type=self.content_type,
            size=file_size,
            charset=self.charset,
            content_type_extra=self.content_type_extra,
        )
