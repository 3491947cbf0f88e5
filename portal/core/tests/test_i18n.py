"""Every UI string is translated in Arabic, French and English; the Amazigh pages' header, menu
and footer are in Tifinagh."""

import re
from pathlib import Path

import polib
import pytest

LOCALE = Path(__file__).resolve().parents[3] / "locale"
ARABIC_LETTERS = re.compile(r"[\u0600-\u06FF]")


@pytest.mark.parametrize("lang", ["ar", "fr", "en"])
def test_catalogue_is_complete(lang):
    catalogue = polib.pofile(LOCALE / lang / "LC_MESSAGES" / "django.po")
    missing = [entry.msgid for entry in catalogue.untranslated_entries()]
    assert not missing, f"{lang}: {missing}"
    assert not catalogue.fuzzy_entries()


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/zgh/", "/zgh/partners/", "/zgh/platforms/", "/zgh/nowhere/"])
def test_amazigh_pages_frame_is_in_tifinagh(client, url):
    html = client.get(url).content.decode()
    # Links that name another language in that language are marked with their own lang.
    html = re.sub(r'<a [^>]*lang="ar"[^>]*>.*?</a>', "", html)
    header = html.split("<header", 1)[1].split("</header>", 1)[0]
    footer = html.split("<footer", 1)[1].split("</footer>", 1)[0]
    skip = html.split('class="skip-link"', 1)[1].split("</a>", 1)[0]
    for part in (header, footer, skip):
        labels = " ".join(re.findall(r'aria-label="([^"]*)"', part))
        text = re.sub(r"<[^>]+>", " ", part) + " " + labels
        assert not ARABIC_LETTERS.search(text), text
        assert re.search(r"[\u2D30-\u2D7F]", text)
