"""A copy of the database and of the media folder, taken after claims were filed, answered and
annotated, holds none of their text (issue 4, item 4)."""

import pytest
from django.db import connection

from .. import access, services
from ..attachments import CleanFile
from ..choices import Identity
from .factories import claim_create, handler_create

SECRETS = {
    "facts": "QZXFACTS the mayor's deputy asked for 5000 dirhams",
    "arabic": "طلب نائب الرئيس مبلغ خمسة آلاف درهم سرا",
    "place": "QZXPLACE annex of the town hall",
    "name": "QZXNAME Amina Bennani",
    "phone": "+212 6 11 22 33 44",
    "email": "qzxmail@example.org",
    "message": "QZXMESSAGE please send the receipt",
    "reply": "QZXREPLY here is the receipt",
    "note": "QZXNOTE check the procurement file",
    "motivation": "QZXMOTIVATION the prosecutor needs to hear the witness",
    "file name": "QZXFILENAME-invoice.txt",
    "file text": "QZXFILETEXT invoice number 77",
}


def _values():
    """Every value of every table, as bytes."""
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - names from introspection
            for row in cursor.fetchall():
                for value in row:
                    if isinstance(value, memoryview | bytes | bytearray):
                        yield bytes(value)
                    elif value is not None:
                        yield str(value).encode()


def _database_bytes():
    """The raw database: on SQLite the image of the whole file, page by page (free pages
    included), as this connection sees it inside the test's transaction; elsewhere every value
    of every table."""
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        return connection.connection.serialize()
    return b"\n".join(_values())


@pytest.mark.django_db
def test_database_and_media_hold_no_claim_text(settings):
    custodian, custodian_key = handler_create(custodian=True)
    handler, key = handler_create()
    contact = {"name": SECRETS["name"], "phone": SECRETS["phone"], "email": SECRETS["email"]}
    content = {"facts": f"{SECRETS['facts']} {SECRETS['arabic']}", "place": SECRETS["place"]}
    evidence = CleanFile(
        name=SECRETS["file name"],
        content_type="text/plain",
        data=SECRETS["file text"].encode(),
        removed=[],
    )
    claims = [
        claim_create(identity=identity, content=content, contact=contact, files=[evidence])
        for identity in (Identity.NAMED, Identity.CONFIDENTIAL)
    ] + [claim_create(content=content, files=[evidence])]
    for claim, receipt in claims:
        services.handler_message_add(
            handler=handler, claim=claim, private_key=key, body=SECRETS["message"]
        )
        services.note_add(handler=handler, claim=claim, private_key=key, body=SECRETS["note"])
        claim, claim_key = access.claim_for_receipt(receipt)
        services.reporter_message_add(
            claim=claim, key=claim_key, body=SECRETS["reply"], files=[evidence]
        )
    confidential = claims[1][0]
    services.disclosure_request(
        handler=handler,
        claim=confidential,
        private_key=key,
        motivation=SECRETS["motivation"],
    )
    # The handlers can read it all back…
    opened = access.claim_open(handler=handler, claim=claims[0][0], private_key=key)
    assert opened.contact["name"] == SECRETS["name"]
    assert (
        access.identity_open(handler=custodian, claim=confidential, private_key=custodian_key)[
            "phone"
        ]
        == SECRETS["phone"]
    )

    # …but nothing at rest shows it, in any encoding a reader might try.
    database = _database_bytes()
    media = b"".join(
        path.read_bytes() for path in (settings.MEDIA_ROOT / "claims").rglob("*") if path.is_file()
    )
    assert media, "the attachments were stored"
    for label, text in SECRETS.items():
        for encoded in (text.encode(), text.encode("utf-16-le"), text.encode().hex().encode()):
            assert encoded not in database, f"{label} found in the database"
            assert encoded not in media, f"{label} found in the media folder"
    for _claim, receipt in claims:
        assert receipt.encode() not in database
