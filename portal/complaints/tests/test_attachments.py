"""Evidence files: accepted by content only, stripped of metadata, size and count limits, names
made safe, and the upload handler that keeps files in memory and stops reading oversize ones."""

import io
import json
import struct
import unicodedata
import zlib
from unittest import mock

import pytest
from django.core.exceptions import RequestDataTooBig, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import JsonResponse
from django.test import RequestFactory
from django.utils import translation
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from PIL import Image, ImageOps, PngImagePlugin
from pypdf import PdfReader, PdfWriter

from ..attachments import (
    ALLOWED_LABEL,
    BIDI_CONTROLS,
    CleanFile,
    LimitedMemoryUploadHandler,
    clean_name,
    clean_upload,
    clean_uploads,
)

ORIENTATION = 0x0112
GPS_IFD = 0x8825
SECRET = "Fatima Zahra El Idrissi"


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def upload(name, data, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def jpeg_with_gps(size=(60, 30), orientation=None):
    image = Image.new("RGB", size, (200, 30, 30))
    image.paste((10, 10, 250), (0, 0, size[0] // 2, size[1]))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif[0x013B] = SECRET  # Artist
    if orientation:
        exif[ORIENTATION] = orientation
    gps = exif.get_ifd(GPS_IFD)
    gps[1], gps[2] = "N", (33.0, 58.0, 12.5)
    gps[3], gps[4] = "W", (6.0, 50.0, 30.0)
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif, icc_profile=b"ICC " * 20, comment=SECRET.encode())
    return out.getvalue()


def png_with_text():
    image = Image.new("RGBA", (32, 16), (0, 128, 0, 255))
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", SECRET)
    info.add_text("Comment", SECRET, zip=True)
    info.add_itxt("Description", SECRET)
    out = io.BytesIO()
    image.save(out, "PNG", pnginfo=info)
    return out.getvalue()


def pdf(pages=2, *, author=SECRET, xmp=True, password=None):
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(200, 300)
    if author:
        writer.add_metadata({"/Author": author, "/Creator": "Word for Windows"})
    if xmp:
        writer.xmp_metadata = (
            b'<?xpacket begin=""?><x:xmpmeta xmlns:x="adobe:ns:meta/"><dc:creator>'
            + SECRET.encode()
            + b'</dc:creator></x:xmpmeta><?xpacket end="w"?>'
        )
    if password:
        writer.encrypt(password)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def messages(error):
    return " ".join(error.value.messages)


# --- Allowed types, with their metadata removed


def test_jpeg_loses_exif_and_location_and_keeps_its_picture():
    data = jpeg_with_gps()
    assert SECRET.encode() in data
    clean = clean_upload(upload("photo.jpg", data))
    assert isinstance(clean, CleanFile)
    assert (clean.name, clean.content_type) == ("photo.jpg", "image/jpeg")
    assert clean.removed == [
        "Photo metadata (EXIF, location)",
        "Colour profile",
        "Text notes embedded in the picture",
    ]
    assert SECRET.encode() not in clean.data and b"PhoneMaker" not in clean.data
    image = Image.open(io.BytesIO(clean.data))
    assert image.format == "JPEG" and image.size == (60, 30)
    assert not image.getexif() and "exif" not in image.info and "icc_profile" not in image.info
    assert "comment" not in image.info
    left, right = image.getpixel((5, 15)), image.getpixel((55, 15))
    assert left[2] > 200 and right[0] > 170


def test_jpeg_orientation_is_applied_before_exif_is_dropped():
    clean = clean_upload(upload("sideways.jpeg", jpeg_with_gps(orientation=6)))
    image = Image.open(io.BytesIO(clean.data))
    assert image.size == (30, 60)  # turned upright: it would display so with its EXIF
    expected = ImageOps.exif_transpose(Image.open(io.BytesIO(jpeg_with_gps(orientation=6))))
    assert expected.size == image.size
    top, bottom = image.getpixel((15, 5)), image.getpixel((15, 55))
    assert top == pytest.approx(expected.getpixel((15, 5)), abs=12)
    assert bottom == pytest.approx(expected.getpixel((15, 55)), abs=12)


def test_jpeg_renamed_png_is_a_jpeg():
    clean = clean_upload(upload("photo.png", jpeg_with_gps(), "image/png"))
    assert (clean.name, clean.content_type) == ("photo.jpg", "image/jpeg")


def test_png_loses_its_text_chunks():
    data = png_with_text()
    clean = clean_upload(upload("screen.png", data))
    assert (clean.name, clean.content_type) == ("screen.png", "image/png")
    assert clean.removed == ["Text notes embedded in the picture"]
    assert SECRET.encode() not in clean.data
    assert not any(kind in clean.data for kind in (b"tEXt", b"zTXt", b"iTXt", b"eXIf"))
    image = Image.open(io.BytesIO(clean.data))
    assert image.size == (32, 16) and image.text == {}
    assert image.getpixel((3, 3)) == (0, 128, 0, 255)


def test_clean_picture_reports_nothing_removed():
    out = io.BytesIO()
    Image.new("L", (8, 8), 90).save(out, "PNG")
    clean = clean_upload(upload("plain.png", out.getvalue()))
    assert clean.removed == []
    assert Image.open(io.BytesIO(clean.data)).getpixel((1, 1)) == 90


def test_pdf_loses_its_properties_and_xmp_and_keeps_its_pages():
    data = pdf(pages=3)
    assert SECRET.encode() in data
    clean = clean_upload(upload("statement.pdf", data))
    assert (clean.name, clean.content_type) == ("statement.pdf", "application/pdf")
    assert clean.removed == ["Document properties (author, software)", "Document metadata (XMP)"]
    assert SECRET.encode() not in clean.data and b"Word for Windows" not in clean.data
    reader = PdfReader(io.BytesIO(clean.data))
    assert len(reader.pages) == 3
    assert not reader.metadata and reader.xmp_metadata is None


def test_text_is_accepted_as_utf8_with_or_without_bom():
    body = "شكاية: طُلب مني مبلغ 500 درهم.\nⵜⴰⵎⴰⵣⵉⵖⵜ — français.\n".encode()
    for data in (body, b"\xef\xbb\xbf" + body):
        clean = clean_upload(upload("notes.txt", data, "text/plain"))
        assert (clean.name, clean.content_type, clean.data) == ("notes.txt", "text/plain", data)
        assert clean.removed == []
    assert clean_upload(upload("notes", body)).name == "notes.txt"


# --- Refusals


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("tool.exe", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + bytes(200)),
        ("page.html", b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"),
        ("page.txt", b"  <html><body>hello</body></html>"),
        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>1</script></svg>'),
        ("data.xml", b'<?xml version="1.0"?><a/>'),
        ("report.docx", b"PK\x03\x04\x14\x00\x06\x00\x08\x00" + bytes(100)),
        ("archive.zip", b"PK\x05\x06" + bytes(18)),
        ("report.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100)),
        ("fake.pdf", b"\x7fELF\x02\x01\x01\x00" + bytes(100)),
        ("latin1.txt", "Témara, déclaration".encode("latin-1")),
        ("utf16.txt", "hello".encode("utf-16")),
        ("anim.gif", b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04"),
    ],
)
def test_other_types_are_refused_by_content(name, data):
    with pytest.raises(ValidationError) as error:
        clean_upload(upload(name, data, "application/pdf"))
    assert f"“{name}”" in messages(error)
    assert str(ALLOWED_LABEL) in messages(error)


def test_damaged_pdf_is_refused():
    data = pdf()
    with pytest.raises(ValidationError) as error:
        clean_upload(upload("cut.pdf", b"%PDF-1.7\n" + b"\x00garbage" * 50))
    assert "“cut.pdf” is damaged" in messages(error)
    with pytest.raises(ValidationError):
        clean_upload(upload("half.pdf", data[: len(data) // 3]))


def test_password_protected_pdf_is_refused():
    with pytest.raises(ValidationError) as error:
        clean_upload(upload("locked.pdf", pdf(password="secret")))
    assert "“locked.pdf” is protected by a password" in messages(error)


def test_corrupt_images_are_refused():
    jpeg, png = jpeg_with_gps(), png_with_text()
    for name, data in (
        ("cut.jpg", jpeg[: len(jpeg) // 2]),
        ("noise.jpg", b"\xff\xd8\xff\xe0" + bytes(range(256)) * 4),
        ("cut.png", png[:60]),
    ):
        with pytest.raises(ValidationError) as error:
            clean_upload(upload(name, data))
        assert f"“{name}” is damaged or incomplete" in messages(error)


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
@pytest.mark.parametrize("pixels", [6400, 12100])  # Pillow's warning, then its error
def test_decompression_bomb_is_refused(pixels):
    side = int(pixels**0.5)
    out = io.BytesIO()
    Image.new("1", (side, side)).save(out, "PNG")
    with (
        mock.patch.object(Image, "MAX_IMAGE_PIXELS", 5000),
        pytest.raises(ValidationError) as error,
    ):
        clean_upload(upload("bomb.png", out.getvalue()))
    assert "“bomb.png” is a picture too large to open" in messages(error)


def test_empty_file_is_refused():
    with pytest.raises(ValidationError) as error:
        clean_upload(upload("nothing.pdf", b""))
    assert "“nothing.pdf” is empty." in messages(error)


def test_oversize_file_is_refused_without_being_read(settings):
    settings.CLAIMS_MAX_FILE_BYTES = 1000
    big = mock.Mock(spec=["name", "size", "read", "seek"])
    big.name, big.size = "video.pdf", 5000
    with pytest.raises(ValidationError) as error:
        clean_upload(big)
    assert "“video.pdf” is larger than" in messages(error)
    big.read.assert_not_called()
    # A size that lies is caught while reading, which never reads more than the limit.
    liar = upload("liar.txt", b"a" * 1500)
    liar.size = 10
    with pytest.raises(ValidationError) as error:
        clean_upload(liar)
    assert "“liar.txt” is larger than" in messages(error)


def test_too_many_files_are_refused(settings):
    settings.CLAIMS_MAX_FILES = 2
    files = [upload(f"n{i}.txt", b"note") for i in range(3)]
    with pytest.raises(ValidationError) as error:
        clean_uploads(files)
    assert messages(error) == "You can send at most 2 files."
    assert [clean.name for clean in clean_uploads(files[:2])] == ["n0.txt", "n1.txt"]


def test_every_bad_file_is_named_in_one_error():
    files = [upload("good.txt", b"fine"), upload("a.exe", b"MZ\x00\x00"), upload("b.txt", b"")]
    with pytest.raises(ValidationError) as error:
        clean_uploads(files)
    assert len(error.value.messages) == 2
    assert "“a.exe”" in error.value.messages[0] and "“b.txt”" in error.value.messages[1]


# --- Names


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("../../etc/passwd.txt", "passwd.txt"),
        ("C:\\Users\\amina\\Desktop\\reçu.pdf", "reçu.pdf"),
        ("invoice\u202efdp.exe", "invoicefdp.exe"),
        ("a\u2066b\u2069\u200fc\u061c.txt", "abc.txt"),
        ("line\nbreak\x00\x1b.txt", "linebreak.txt"),
        ("...hidden.txt", "hidden.txt"),
        ("", "file"),
        ("  \u202e ", "file"),
        (".pdf", "pdf"),
        ("وثيقة الرشوة.pdf", "وثيقة الرشوة.pdf"),
    ],
)
def test_names_are_made_safe(raw, expected):
    assert clean_name(raw) == expected


def test_long_names_are_cut_keeping_the_extension():
    name = clean_name("ⵜ" * 300 + ".jpeg")
    assert len(name) == 120 and name.endswith("ⵜ.jpeg")
    assert clean_name("x" * 300) == "x" * 120


def test_stored_name_gets_the_extension_of_its_content():
    assert clean_upload(upload("evil.exe", b"just text")).name == "evil.txt"
    assert clean_upload(upload("scan.PDF", pdf())).name == "scan.PDF"
    assert clean_upload(upload("../\u202eslip.JPEG", jpeg_with_gps())).name == "slip.JPEG"


# --- Arbitrary input


class RawUpload(io.BytesIO):
    """An uploaded file with any name (Django's own classes refuse some names on their own)."""

    def __init__(self, name, data):
        super().__init__(data)
        self.name, self.size = name, len(data)


@hypothesis_settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    prefix=st.sampled_from(
        [b"", b"%PDF-1.4\n", b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"\xef\xbb\xbf"]
    ),
    body=st.binary(max_size=2000),
    name=st.text(max_size=300),
)
def test_any_bytes_give_a_clean_file_or_a_validation_error(prefix, body, name):
    try:
        clean = clean_upload(RawUpload(name, prefix + body))
    except ValidationError as error:
        assert error.messages
    else:
        assert isinstance(clean, CleanFile) and clean.data
        assert clean.content_type in {"application/pdf", "image/jpeg", "image/png", "text/plain"}
        assert 0 < len(clean.name) <= 120


@given(st.text(max_size=400))
def test_any_name_gives_a_short_safe_name(raw):
    name = clean_name(raw)
    assert 0 < len(name) <= 120
    assert not any(unicodedata.category(char) == "Cc" for char in name)
    assert not set(name) & (BIDI_CONTROLS | {"/", "\\"})


# --- The upload handler


def evidence_view(request):
    """A tiny view like the claim form's: installs the handler, then cleans the files."""
    request.upload_handlers = [LimitedMemoryUploadHandler(request)]
    files = request.FILES.getlist("files")
    try:
        cleaned = clean_uploads(files)
    except ValidationError as error:
        return JsonResponse(
            {"errors": error.messages, "note": request.POST.get("note")}, status=400
        )
    return JsonResponse(
        {
            "files": [[c.name, c.content_type, len(c.data)] for c in cleaned],
            "types": [type(f).__name__ for f in files],
            "note": request.POST.get("note"),
        }
    )


def post(files, **fields):
    return evidence_view(RequestFactory().post("/evidence/", {"files": files, **fields}))


def test_handler_keeps_files_in_memory_whatever_their_size(settings):
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 100  # Django's default handlers would use a temp file
    settings.CLAIMS_MAX_FILE_BYTES = 200_000
    response = post([io.BytesIO(pdf(pages=40)), io.BytesIO(b"notes " * 1000)], note="ok")
    assert response.status_code == 200
    body = json.loads(response.content)
    assert body["types"] == ["InMemoryUploadedFile", "InMemoryUploadedFile"]
    assert [f[1] for f in body["files"]] == ["application/pdf", "text/plain"]
    assert body["note"] == "ok"


def test_handler_stops_keeping_an_oversize_file_and_the_form_says_too_large(settings):
    settings.CLAIMS_MAX_FILE_BYTES = 100_000
    kept = []

    class Spy(LimitedMemoryUploadHandler):
        def receive_data_chunk(self, raw_data, start):
            result = super().receive_data_chunk(raw_data, start)
            kept.append(self.file.getbuffer().nbytes)
            return result

    big = io.BytesIO(b"x" * 450_000)
    big.name = "film.txt"
    request = RequestFactory().post("/", {"files": [big, io.BytesIO(b"small note")], "note": "n"})
    request.upload_handlers = [Spy(request)]
    files = request.FILES.getlist("files")
    assert max(kept) <= 100_000
    assert files[0].size == 450_000 and files[0].read() == b""
    assert files[1].read() == b"small note"
    assert request.POST["note"] == "n"  # the fields after the big file are still read
    with pytest.raises(ValidationError) as error:
        clean_uploads(files)
    assert error.value.messages == ["“film.txt” is larger than 97.7\xa0KB, the limit for one file."]


def test_handler_refuses_a_request_larger_than_all_files_allowed(settings):
    settings.CLAIMS_MAX_FILE_BYTES = 10_000
    settings.CLAIMS_MAX_FILES = 2
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    files = [io.BytesIO(b"y" * 9_000) for _ in range(2)]
    assert post(files).status_code == 200
    with pytest.raises(RequestDataTooBig):
        post([io.BytesIO(b"y" * 9_000) for _ in range(4)])


def test_handler_result_through_the_view_names_the_oversize_file(settings):
    settings.CLAIMS_MAX_FILE_BYTES = 1000
    big = io.BytesIO(b"z" * 5000)
    big.name = "big.txt"
    response = post([big], note="kept")
    assert response.status_code == 400
    assert json.loads(response.content) == {
        "errors": ["“big.txt” is larger than 1000\xa0bytes, the limit for one file."],
        "note": "kept",
    }


# --- PDFs: everything that can name the reporter, beyond the document properties

ANNOTATION_AUTHOR = "Reviewer Youssef Bennani"
ATTACHED = b"hidden attachment naming Karim Alaoui"
IMAGE_XMP = b"<x:xmpmeta>image by Nadia Cherkaoui</x:xmpmeta>"


def pdf_with_everything():
    """A one-page PDF with text, a commented annotation, a link, an attached file, a script,
    a JPEG picture carrying EXIF (with GPS) and XMP, and a file identifier."""
    from pypdf.generic import (
        ArrayObject,
        ByteStringObject,
        DecodedStreamObject,
        DictionaryObject,
        NameObject,
        NumberObject,
        TextStringObject,
    )

    writer = PdfWriter()
    page = writer.add_blank_page(300, 300)
    jpeg = jpeg_with_gps(size=(40, 20))
    image = DecodedStreamObject()
    image.set_data(jpeg)
    image.update(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Image"),
            NameObject("/Width"): NumberObject(40),
            NameObject("/Height"): NumberObject(20),
            NameObject("/ColorSpace"): NameObject("/DeviceRGB"),
            NameObject("/BitsPerComponent"): NumberObject(8),
            NameObject("/Filter"): NameObject("/DCTDecode"),
        }
    )
    image_xmp = DecodedStreamObject()
    image_xmp.set_data(IMAGE_XMP)
    image[NameObject("/Metadata")] = writer._add_object(image_xmp)
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    page[NameObject("/Resources")] = DictionaryObject(
        {
            NameObject("/XObject"): DictionaryObject(
                {NameObject("/Im0"): writer._add_object(image)}
            ),
            NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)}),
        }
    )
    content = DecodedStreamObject()
    content.set_data(
        b"BT /F1 12 Tf 20 250 Td (Bribe of 5000 dirhams) Tj ET q 40 0 0 20 20 20 cm /Im0 Do Q"
    )
    page[NameObject("/Contents")] = writer._add_object(content)
    note = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Text"),
            NameObject("/Rect"): ArrayObject([NumberObject(0)] * 4),
            NameObject("/T"): TextStringObject(ANNOTATION_AUTHOR),
            NameObject("/Contents"): TextStringObject("see page 2"),
        }
    )
    link = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Link"),
            NameObject("/Rect"): ArrayObject([NumberObject(0)] * 4),
            NameObject("/M"): TextStringObject("D:20260101120000"),
            NameObject("/A"): DictionaryObject(
                {
                    NameObject("/S"): NameObject("/JavaScript"),
                    NameObject("/JS"): TextStringObject("app.alert('tracking')"),
                }
            ),
        }
    )
    page[NameObject("/Annots")] = ArrayObject([writer._add_object(note), writer._add_object(link)])
    writer.add_attachment("notes.txt", ATTACHED)
    writer.root_object[NameObject("/OpenAction")] = DictionaryObject(
        {
            NameObject("/S"): NameObject("/JavaScript"),
            NameObject("/JS"): TextStringObject("app.alert('opened');"),
        }
    )
    writer.add_metadata({"/Author": SECRET})
    writer._ID = ArrayObject([ByteStringObject(b"fingerprint-of-")] * 2)  # as a scanner writes
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue(), jpeg


def every_stream(data):
    """The raw bytes of the file and of every stream decoded."""
    reader = PdfReader(io.BytesIO(data))
    chunks = [data]
    for idnum in range(1, reader.trailer["/Size"]):
        try:
            obj = reader.get_object(idnum)
        except Exception:  # noqa: S112 - free entries of the table
            continue
        if hasattr(obj, "get_data"):
            chunks.append(obj.get_data())
    return b"\n".join(chunks)


def test_pdf_loses_annotations_attachments_scripts_image_metadata_and_identifier():
    data, jpeg = pdf_with_everything()
    original = every_stream(data)
    for secret in (ANNOTATION_AUTHOR.encode(), ATTACHED, IMAGE_XMP, SECRET.encode(), b"tracking"):
        assert secret in original or secret.decode() in original.decode("latin-1")
    assert b"Exif" in data and b"/ID" in data

    clean = clean_upload(upload("evidence.pdf", data))

    scrubbed = every_stream(clean.data)
    for secret in (
        ANNOTATION_AUTHOR,
        ATTACHED.decode(),
        IMAGE_XMP.decode(),
        SECRET,
        "tracking",
        "opened",
    ):
        assert secret not in scrubbed.decode("latin-1"), secret
    assert b"Exif" not in clean.data and b"PhoneMaker" not in clean.data
    assert b"/ID" not in clean.data and b"fingerprint-of-" not in clean.data
    assert clean.removed == [
        "Document properties (author, software)",
        "Document metadata (XMP)",
        "Comments and annotations, with their authors",
        "Files attached inside the document",
        "Scripts and automatic actions",
        "Photo metadata inside the pictures (EXIF, location, XMP)",
        "The file identifier",
    ]
    reader = PdfReader(io.BytesIO(clean.data))
    assert len(reader.pages) == 1
    assert "Bribe of 5000 dirhams" in reader.pages[0].extract_text()
    # The link stays (its script does not), the comment goes; the picture still opens.
    annotations = [a.get_object()["/Subtype"] for a in reader.pages[0]["/Annots"]]
    assert annotations == ["/Link"]
    picture = reader.pages[0].images[0].image
    assert picture.size == (40, 20)
    assert len(jpeg) > len(reader.pages[0]["/Resources"]["/XObject"]["/Im0"].get_object()._data)


def test_pdf_with_too_many_pages_is_refused(settings):
    with (
        mock.patch("portal.complaints.attachments.PDF_MAX_PAGES", 3),
        pytest.raises(ValidationError) as error,
    ):
        clean_upload(upload("long.pdf", pdf(pages=4)))
    assert "“long.pdf” is too long or too complex to clean" in messages(error)


def test_picture_too_large_is_refused_from_its_header_before_decoding():
    # A PNG header declaring 6000 by 5000 pixels (30 Mpx), and no picture data at all.
    header = struct.pack(">IIBBBBB", 6000, 5000, 8, 2, 0, 0, 0)
    data = b"\x89PNG\r\n\x1a\n"
    for name, body in ((b"IHDR", header), (b"IDAT", zlib.compress(b"\0" * 64)), (b"IEND", b"")):
        chunk = name + body
        data += struct.pack(">I", len(body)) + chunk + struct.pack(">I", zlib.crc32(chunk))
    with (
        mock.patch.object(Image.Image, "load", side_effect=AssertionError("decoded")),
        pytest.raises(ValidationError) as error,
    ):
        clean_upload(upload("huge.png", data))
    assert "“huge.png” is a picture too large to open" in messages(error)
