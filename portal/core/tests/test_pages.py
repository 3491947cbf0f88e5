"""What a visitor sees on each page type, in each language."""

import re

import pytest
from django.utils.html import escape

from portal.core.testing import html_lang_dir

pytestmark = pytest.mark.django_db

LANGS = {"ar": "rtl", "fr": "ltr", "en": "ltr", "zgh": "ltr"}
PAGES = [
    "/{lang}/",
    "/{lang}/partners/",
    "/{lang}/partners/cour-des-comptes/",
    "/{lang}/platforms/",
]


def switcher_links(response):
    html = response.content.decode()
    nav = html.split('class="lang-switcher"', 1)[1].split("</nav>", 1)[0]
    return dict(
        (code, href) for href, code in re.findall(r'href="([^"]+)" hreflang="([\w-]+)"', nav)
    )


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("pattern", PAGES)
def test_every_page_in_every_language(client, lang, pattern):
    url = pattern.format(lang=lang)
    response = client.get(url)
    assert response.status_code == 200
    assert html_lang_dir(response) == (lang, LANGS[lang])
    links = switcher_links(response)
    # The switcher keeps the visitor on the same page in each other language.
    assert links == {other: pattern.format(lang=other) for other in LANGS}


@pytest.mark.parametrize(
    ("accept", "target"),
    [
        ("fr-FR,fr;q=0.9", "/fr/"),
        ("en", "/en/"),
        ("zgh", "/zgh/"),
        ("ar-MA", "/ar/"),
        ("de", "/ar/"),
        ("", "/ar/"),
    ],
)
def test_root_redirects_by_accept_language(client, accept, target):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 302
    assert response["Location"] == target


def test_home_page_introduces_the_portal_and_links_to_its_sections(client):
    html = client.get("/fr/").content.decode()
    assert "<h1>Portail national de l&#x27;intégrité</h1>" in html
    assert 'href="/fr/partners/"' in html
    assert 'href="/fr/platforms/"' in html
    # Every key figure cites its source.
    figures = re.findall(r'<li class="key-figure">(.*?)</li>', html, re.S)
    assert len(figures) == 4
    assert all('class="source"' in figure for figure in figures)
    assert "39/100" in html and "Corruption Perceptions Index 2025" in html


def test_partners_list_names_the_authority_and_its_partners(client):
    html = client.get("/ar/partners/").content.decode()
    assert "الهيئة الوطنية للنزاهة والوقاية من الرشوة ومحاربتها" in html
    assert html.count('class="card institution-card"') == 22
    # Without an authorised logo, each institution gets a drawn monogram of its acronym.
    assert '<svg class="monogram"' in html
    assert (
        'font-size="15" font-weight="700" text-anchor="middle" dominant-baseline="middle"' in html
    )
    assert 'direction="ltr">INPPLC</text>' in html


def test_partners_filter_by_kind_with_counts(client):
    html = client.get("/en/partners/?kind=parliament").content.decode()
    assert html.count('class="card institution-card"') == 2
    assert "House of Representatives" in html and "House of Councillors" in html
    assert 'href="?kind=parliament" aria-current="true"' in html
    assert 'Parliament <span class="count">(2)</span>' in html


@pytest.mark.parametrize(
    "query",
    [
        "?kind=<script>",
        "?page=abc",
        "?page=9999",
        "?page=-1",
        "?kind=%00",
        "?page=1e99",
        "?kind=a&kind=b",
    ],
)
def test_malformed_query_strings_never_fail(client, query):
    response = client.get("/fr/partners/" + query)
    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("<main", 1)[1]


def test_institution_profile(client):
    html = client.get("/fr/partners/cour-des-comptes/").content.decode()
    assert "<h1>Cour des comptes</h1>" in html
    assert 'href="https://www.courdescomptes.ma"' in html
    assert "Organe de contrôle et d&#x27;inspection" in html  # the type, translated
    assert escape("Constitution 2011, art. 147") in html


def test_untranslated_page_says_so_and_offers_the_available_languages(client):
    html = client.get("/zgh/partners/cndp/").content.decode()
    assert 'class="notice wrap" role="note"' in html
    notice = html.split('class="notice wrap"', 1)[1].split("</aside>", 1)[0]
    assert 'href="/ar/partners/cndp/"' in notice
    assert 'href="/fr/partners/cndp/"' in notice
    assert 'href="/en/partners/cndp/"' in notice
    # The content itself is marked up in its own language and direction.
    assert '<div class="wrap page-body" lang="ar" dir="rtl">' in html


def test_translated_page_has_no_notice(client):
    assert 'class="notice' not in client.get("/fr/partners/cndp/").content.decode()


def test_platforms_directory_groups_by_category(client):
    html = client.get("/fr/platforms/").content.decode()
    assert "Portail national des réclamations" in html
    assert 'href="https://www.chikaya.ma"' in html
    assert 'id="reporting"' in html and 'id="information"' in html
    # Amazigh visitors see the Arabic entries, marked as Arabic, until they are translated.
    zgh = client.get("/zgh/platforms/").content.decode()
    assert '<li class="card" lang="ar" dir="rtl">' in zgh


@pytest.mark.parametrize("lang", LANGS)
def test_unknown_page_gives_404_in_the_visitors_language(client, lang):
    response = client.get(f"/{lang}/no-such-page/")
    assert response.status_code == 404
    assert html_lang_dir(response) == (lang, LANGS[lang])


@pytest.mark.parametrize(("accept", "lang"), [("fr", "fr"), ("en", "en"), ("ar", "ar")])
def test_unknown_language_prefix_gives_404_in_the_visitors_language(client, accept, lang):
    response = client.get("/de/partners/", HTTP_ACCEPT_LANGUAGE=accept, follow=True)
    assert response.status_code == 404
    assert html_lang_dir(response)[0] == lang


def test_pages_need_no_javascript_and_load_nothing_from_other_hosts(client):
    for url in ["/ar/", "/fr/partners/", "/en/partners/inpplc/", "/zgh/platforms/"]:
        html = client.get(url).content.decode()
        assert "<script" not in html
        # What a browser fetches by itself: src attributes and <link> hrefs (links to other
        # sites that a visitor may follow are fine).
        loaded = re.findall(r'\ssrc="([^"]+)"', html) + re.findall(
            r'<link [^>]*href="([^"]+)"', html
        )
        assert loaded
        for address in loaded:
            assert address.startswith("/") and not address.startswith("//"), f"{url}: {address}"


@pytest.mark.parametrize(
    ("url", "max_queries"),
    [
        ("/ar/", 15),
        ("/fr/", 17),
        ("/fr/partners/", 21),
        ("/en/partners/inpplc/", 18),
        ("/zgh/partners/inpplc/", 21),
        ("/ar/platforms/", 17),
        ("/zgh/platforms/", 19),
    ],
)
def test_pages_render_in_a_bounded_number_of_queries(
    client, django_assert_max_num_queries, url, max_queries
):
    client.get(url)  # warms Wagtail's cache of site root paths, as on a running server
    with django_assert_max_num_queries(max_queries):
        assert client.get(url + "?uncached").status_code == 200


def test_partners_list_queries_do_not_grow_with_the_number_of_institutions(
    client, django_assert_max_num_queries
):
    from portal.institutions.tests.factories import InstitutionPageFactory

    client.get("/fr/partners/")
    with django_assert_max_num_queries(21) as before:
        client.get("/fr/partners/?first")
    InstitutionPageFactory.create_batch(30, language="fr")
    with django_assert_max_num_queries(len(before)):
        response = client.get("/fr/partners/?second")
    assert response.content.decode().count('class="card institution-card"') == 24  # one page


def test_language_switcher_keeps_the_filters(client):
    links = switcher_links(client.get("/fr/partners/?kind=media"))
    assert links["ar"] == "/ar/partners/?kind=media"
