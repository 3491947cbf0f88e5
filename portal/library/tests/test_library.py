"""The library as its users see it: listing and filters, a publication, citations, partners'
rights, text extraction of files and withdrawn publications."""

import re
from html import unescape
from urllib.parse import quote

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext
from wagtail.models import Page

from portal.core.testing import login_verified
from portal.documents.models import PortalDocument, TextExtraction
from portal.institutions.models import InstitutionPage, InstitutionWorkspace
from portal.library.models import (
    PublicationFolderPage,
    PublicationPage,
    PublicationTombstone,
)
from portal.library.views import PER_PAGE
from portal.search.models import SearchEntry

from .factories import PublicationPageFactory, pdf_document

pytestmark = pytest.mark.django_db


def titles(response):
    found = re.findall(
        r'<h3 class="card-title"[^>]*><a href="[^"]*">([^<]*)</a>', response.content.decode()
    )
    return [unescape(title) for title in found]


def count_in_heading(response):
    match = re.search(r'id="results-title"[^>]*>\s*(\d+)', response.content.decode())
    return int(match[1])


def test_listing_shows_the_demo_library_newest_first(client):
    response = client.get("/ar/publications/")
    assert response.status_code == 200
    live = PublicationPage.objects.live().filter(locale__language_code="ar")
    assert live.count() >= 60
    assert count_in_heading(response) == live.count()
    newest = live.order_by("-publication_date", "-pk")[:PER_PAGE]
    assert titles(response) == [page.title for page in newest]


@pytest.mark.parametrize(
    ("params", "check"),
    [
        ({"type": "law"}, lambda p: p.publication_type == "law"),
        ({"theme": "asset-declaration"}, lambda p: p.themes.filter(slug="asset-declaration")),
        ({"sector": "health"}, lambda p: p.sectors.filter(slug="health")),
        ({"institution": "inpplc"}, lambda p: p.institutions.filter(slug="inpplc")),
        ({"year": "2021"}, lambda p: p.publication_date.year == 2021),
        ({"language": "fr"}, lambda p: p.files.filter(language="fr")),
    ],
)
def test_each_filter_narrows_the_listing_and_counts_match(client, params, check):
    response = client.get("/ar/publications/", {**params, "sort": "oldest"})
    live = PublicationPage.objects.live().filter(locale__language_code="ar")
    expected = [p for p in live.order_by("publication_date", "pk") if check(p)]
    assert expected, "the demo library has publications for every filter"
    assert count_in_heading(response) == len(expected)
    assert titles(response) == [p.title for p in expected[:PER_PAGE]]
    name, value = next(iter(params.items()))
    html = response.content.decode()
    # The selected value is marked and shows the same count.
    assert re.search(rf'aria-current="true">[^<]*\({len(expected)}\)</a>', html)
    assert f"{name}={value}" in html


def test_two_filters_and_a_search_combine_with_counts_per_value(client):
    response = client.get(
        "/fr/publications/", {"type": "law", "theme": "transparency", "q": "information"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert count_in_heading(response) >= 1
    # The type facet counts what each type would give with the other filters kept.
    assert re.search(r'aria-current="true">Loi \(\d+\)</a>', html)
    assert "<mark>" in html


def test_bad_filters_are_ignored_and_pagination_is_bounded(client):
    for params in (
        {"type": "nonsense"},
        {"year": "20x1"},
        {"page": "99999"},
        {"page": "-1"},
        {"sort": "'; drop"},
        {"theme": "x" * 500},
        {"theme": "a\x00b", "institution": "\x00", "language": "xx\x00"},
        {"q": "\x00", "sort": "relevance"},
    ):
        assert client.get("/ar/publications/", params).status_code == 200
    last = client.get("/ar/publications/", {"page": "99999"}).content.decode()
    assert 'aria-current="page"' in last


def test_empty_result_has_a_clear_message(client):
    response = client.get("/fr/publications/", {"year": "1901"})
    assert count_in_heading(response) == 0
    assert 'class="empty"' in response.content.decode()


def test_listing_queries_are_bounded(client, django_assert_max_num_queries):
    client.get("/ar/publications/")  # warm the caches of content types and sites
    with django_assert_max_num_queries(40):
        client.get("/ar/publications/", {"type": "report", "theme": "prevention"})
    with django_assert_max_num_queries(40):
        client.get("/ar/publications/", {"q": "الرشوة", "sector": "justice"})


def test_publication_page_shows_metadata_files_citation_and_timeline(client):
    law = PublicationPage.objects.get(slug="loi-46-19-inpplc", locale__language_code="ar")
    response = client.get(law.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert law.title in html and law.summary.split()[0] in html
    assert law.legal_number in html
    assert ("PDF" in html and re.search(r"\d+(\.\d+)?\s*(KB|ك|كيلو)", html)) or "بايت" in html
    # The amendment timeline links the repealed law.
    repealed = PublicationPage.objects.get(
        slug=law.legal_relations.first().target.slug, locale=law.locale
    )
    assert f'href="{repealed.url}"' in html
    assert f'href="http://testserver/ar/publications/{law.pk}/"' in html  # permanent address
    assert 'class="citation"' in html
    # The repealed law's own page shows the way back.
    assert f'href="{law.url}"' in client.get(repealed.url).content.decode()


def test_permanent_address_redirects_to_the_language_version(client):
    law = PublicationPage.objects.get(slug="loi-46-19-inpplc", locale__language_code="ar")
    french = law.get_translation(law.locale.__class__.objects.get(language_code="fr"))
    response = client.get(f"/fr/publications/{law.pk}/")
    assert response.status_code == 302
    assert response["Location"] == french.url
    assert client.get("/fr/publications/999999/").status_code == 404


def test_citations_download_as_bibtex_and_ris(client):
    law = PublicationPage.objects.get(slug="loi-46-19-inpplc", locale__language_code="ar")
    bib = client.get(law.url + "cite/bibtex/")
    assert bib["Content-Type"].startswith("application/x-bibtex")
    text = bib.content.decode()
    assert text.startswith(f"@misc{{portal{law.pk},") and f"number = {{{law.legal_number}}}" in text
    assert text.count("{") == text.count("}")
    ris = client.get(law.url + "cite/ris/").content.decode()
    lines = ris.split("\r\n")
    assert lines[0] == "TY  - STAT" and f"TI  - {law.title}" in lines and "ER  - " in lines
    assert any(
        line.startswith("UR  - http://") and f"/publications/{law.pk}/" in line for line in lines
    )


def test_alias_in_the_publication_language_shows_no_untranslated_notice(client):
    french_report = PublicationPage.objects.filter(
        locale__language_code="fr", language="fr", alias_of__isnull=False
    ).first()
    html = client.get(french_report.url).content.decode()
    assert 'id="untranslated-title"' not in html
    arabic = PublicationPage.objects.filter(
        locale__language_code="fr", language="ar", alias_of__isnull=False
    ).first()
    html = client.get(arabic.url).content.decode()
    assert 'id="untranslated-title"' in html
    assert '<h1 lang="ar" dir="rtl">' in html


def test_folder_address_shows_the_institution_filter(client):
    response = client.get("/fr/publications/cndp/")
    assert response.status_code == 302
    assert response["Location"] == "/fr/publications/?institution=cndp"


@pytest.fixture
def cspj_editor(django_user_model):
    user = django_user_model.objects.create_user("cspj-editor", password="x" * 16)
    cspj = InstitutionPage.objects.get(slug="cspj", locale__language_code="ar")
    user.groups.add(InstitutionWorkspace.objects.get(translation_key=cspj.translation_key).editors)
    return user


def test_partner_editor_works_only_in_its_institution_folder(client, cspj_editor):
    login_verified(client, cspj_editor)
    own = PublicationFolderPage.objects.get(slug="cspj", locale__language_code="ar")
    other = PublicationFolderPage.objects.get(slug="inpplc", locale__language_code="ar")
    add = "/admin/pages/add/library/publicationpage/{}/"
    assert client.get(add.format(own.pk)).status_code == 200
    assert client.get(add.format(other.pk)).status_code in (302, 403)
    theirs = PublicationPage.objects.child_of(other).first()
    assert client.get(f"/admin/pages/{theirs.pk}/edit/").status_code in (302, 403)
    permissions = own.permissions_for_user(cspj_editor)
    assert permissions.can_add_subpage() and not permissions.can_publish_subpage()


def test_authority_moderators_can_publish_every_institution_publication(django_user_model):
    user = django_user_model.objects.create_user("inpplc-moderator", password="x" * 16)
    inpplc = InstitutionPage.objects.get(slug="inpplc", locale__language_code="ar")
    user.groups.add(
        InstitutionWorkspace.objects.get(translation_key=inpplc.translation_key).moderators
    )
    cspj_publication = PublicationPage.objects.filter(
        locale__language_code="ar", institutions__slug="cspj"
    ).first()
    assert cspj_publication.permissions_for_user(user).can_publish()


def test_a_new_institution_gets_its_folder(db):
    from portal.institutions.tests.factories import InstitutionPageFactory

    institution = InstitutionPageFactory(slug="nouvelle", acronym="NOUV")
    folder = PublicationFolderPage.objects.get(slug="nouvelle")
    assert folder.institution_id == institution.pk
    PublicationPageFactory(folder="nouvelle", title="Gardée")
    institution.delete()  # its publications stay, in a folder without institution
    folder.refresh_from_db()
    assert folder.institution_id is None
    again = InstitutionPageFactory(slug="nouvelle", acronym="NOUV")
    folder.refresh_from_db()
    assert folder.institution_id == again.pk
    assert PublicationPage.objects.child_of(folder).get().title == "Gardée"


def test_pdf_text_is_extracted_and_searchable(client):
    document = pdf_document(title="Rapport test", text="La transparence budgétaire exemplaire.")
    document.refresh_from_db()
    assert document.extraction == TextExtraction.OK
    assert "transparence budgétaire" in document.text
    assert document.extraction_pages_done == document.extraction_pages_total >= 1
    # Its first page is the cover of a publication that has no cover of its own.
    assert document.cover.width == 320 and document.cover.collection_id == document.collection_id
    page = PublicationPageFactory(title="Avec couverture", file_text="Page de garde.")
    html = client.get(page.url).content.decode()
    assert re.search(r'<img [^>]*alt=""[^>]*class="cover"|<img [^>]*class="cover"[^>]*alt=""', html)


def test_scanned_corrupt_and_encrypted_pdfs_are_flagged_without_breaking_others(db):
    from fpdf import FPDF

    from portal.library import pdf as pdf_module

    scan = FPDF()
    scan.add_page()
    scan.rect(10, 10, 100, 100, style="F")
    locked = FPDF()
    locked.add_page()
    locked.set_font("helvetica", size=12)
    locked.cell(text="secret")
    locked.set_encryption(owner_password="o", user_password="u")
    flagged = {}
    for name, content in (
        ("scan", bytes(scan.output())),
        ("broken", b"%PDF-1.7\n" + b"\x00garbage" * 50),
        ("locked", bytes(locked.output())),
    ):
        document = PortalDocument(title=name)
        document.file.save(f"{name}.pdf", SimpleUploadedFile(f"{name}.pdf", content), save=False)
        document._set_document_file_metadata()
        document.save()
        document.refresh_from_db()
        flagged[name] = document.extraction
    assert flagged == {
        "scan": TextExtraction.SCANNED,
        "broken": TextExtraction.CORRUPT,
        "locked": TextExtraction.ENCRYPTED,
    }
    assert pdf_module.OK == TextExtraction.OK
    good = PublicationPageFactory(title="Encore lisible", file_text="Texte toujours indexé.")
    entry = SearchEntry.objects.get(page_id=good.pk)
    assert "indexé" in entry.text


@pytest.fixture
def admin(client, django_user_model):
    login_verified(client, django_user_model.objects.create_superuser("lib", password="x" * 16))
    return client


def test_upload_form_refuses_a_fake_pdf_and_an_oversized_file(admin):
    before = PortalDocument.objects.count()
    fake = SimpleUploadedFile("report.pdf", b"<html>not a pdf</html>")
    response = admin.post("/admin/documents/add/", {"title": "Faux", "file": fake, "collection": 1})
    assert response.status_code == 200
    assert "not a PDF" in response.content.decode() or "PDF" in response.content.decode()
    with override_settings(DOCUMENT_MAX_UPLOAD_BYTES=100):
        big = SimpleUploadedFile("big.pdf", b"%PDF-1.7\n" + b"x" * 500)
        response = admin.post(
            "/admin/documents/add/", {"title": "Gros", "file": big, "collection": 1}
        )
        assert response.status_code == 200
    assert PortalDocument.objects.count() == before


def test_withdrawn_publications_leave_a_tombstone_until_republished(db):
    page = PublicationPageFactory(title="Bientôt retiré")
    page.unpublish()
    assert PublicationTombstone.objects.filter(original_id=page.pk).exists()
    page.save_revision().publish()
    assert not PublicationTombstone.objects.filter(original_id=page.pk).exists()
    Page.objects.get(pk=page.pk).delete()
    assert PublicationTombstone.objects.filter(original_id=page.pk).exists()


def test_editors_see_the_extraction_on_the_dashboard_and_the_edit_form(admin):
    broken = PortalDocument(title="Fichier abîmé")
    broken.file.save(
        "abime.pdf", SimpleUploadedFile("abime.pdf", b"%PDF-1.4\n\x00\x01"), save=False
    )
    broken._set_document_file_metadata()
    broken.save()
    dashboard = admin.get("/admin/").content.decode()
    assert "Fichier abîmé" in dashboard
    assert str(TextExtraction.CORRUPT.label) in dashboard or "corrupt" in dashboard.lower()
    page = PublicationPageFactory(title="Avec fichier", file_text="Un texte lu.")
    edit = admin.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    panel = edit[edit.index('class="extraction-status"') :]
    assert page.files.first().document.title in panel[:2000]


def test_the_timeline_shows_only_published_public_texts(client):
    law = PublicationPage.objects.get(slug="loi-46-19-inpplc", locale__language_code="ar")
    repealed = law.legal_relations.first().target
    assert f'href="{repealed.url}"' in client.get(law.url).content.decode()
    repealed.unpublish()
    assert repealed.title not in client.get(law.url).content.decode()


def test_permanent_id_is_the_same_in_every_language(client):
    law = PublicationPage.objects.get(slug="loi-46-19-inpplc", locale__language_code="ar")
    french = PublicationPage.objects.get(
        translation_key=law.translation_key, locale__language_code="fr"
    )
    assert french.alias_of_id is None and french.original_id == law.pk
    assert f"/fr/publications/{law.pk}/" in client.get(french.url).content.decode()


def test_citation_file_name_keeps_an_arabic_slug(client):
    page = PublicationPageFactory(title="تقرير", slug="تقرير-تجريبي")
    response = client.get(page.url + "cite/ris/")
    assert response["Content-Disposition"] == "attachment; filename*=utf-8''" + quote(
        "تقرير-تجريبي.ris"
    )


def test_restricting_a_publication_withdraws_it_from_harvesters(db):
    from wagtail.models import PageViewRestriction

    page = PublicationPageFactory(title="Bientôt privée")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )
    assert PublicationTombstone.objects.filter(original_id=page.pk).exists()
    restriction.delete()
    assert not PublicationTombstone.objects.filter(original_id=page.pk).exists()


def test_made_up_filters_are_not_kept_by_the_page_cache(client):
    assert client.get("/fr/publications/", {"type": "law"})["X-Cache"] == "miss"
    assert "X-Cache" not in client.get("/fr/publications/", {"theme": "inventé"})
    assert "X-Cache" not in client.get("/fr/publications/", {"page": "9999"})


def test_partner_form_refuses_another_institution_and_its_documents(client, cspj_editor):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    login_verified(client, cspj_editor)
    folder = PublicationFolderPage.objects.get(slug="cspj", locale__language_code="ar")
    inpplc = InstitutionPage.objects.get(slug="inpplc", locale__language_code="ar")
    theirs = PublicationPage.objects.filter(institutions=inpplc).first().files.first().document
    before = PublicationPage.objects.count()
    data = nested_form_data(
        {
            "title": "Essai",
            "slug": "essai-partenaire",
            "publication_type": "report",
            "language": "fr",
            "summary": "Résumé.",
            "publication_date": "2024-01-01",
            "institutions": [inpplc.pk],
            "source": "Test",
            "files": inline_formset([{"document": theirs.pk, "language": "fr"}]),
            "legal_relations": inline_formset([]),
            "comments": inline_formset([]),
        }
    )
    response = client.post(f"/admin/pages/add/library/publicationpage/{folder.pk}/", data)
    html = response.content.decode()
    assert response.status_code == 200
    assert PublicationPage.objects.count() == before
    with translation.override("ar"):  # the editor's language
        refused = gettext("You may not use this document.")
        missing = gettext("Include %(name)s: this publication is in its folder.") % {
            "name": folder.institution.title
        }
    assert escape(refused) in html and escape(missing) in html
