"""`manage.py generate_corpus`: fake publications for benchmarks, written in bulk but exactly as
the site would have them (tree, listing, search), and removed exactly by `--clear`."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Locale, Page

from portal.documents.models import PortalDocument, TextExtraction
from portal.library.management.commands.generate_corpus import PLACEHOLDER, SOURCE
from portal.library.models import PublicationFile, PublicationPage, PublicationTombstone
from portal.search.index import index_page
from portal.search.models import SearchEntry
from portal.search.selectors import search

pytestmark = pytest.mark.django_db


def generate(**options):
    out = io.StringIO()
    call_command("generate_corpus", stdout=out, **options)
    return out.getvalue()


def tree_problems():
    return [ids for ids in Page.find_problems() if ids]


def test_generated_publications_are_live_listed_searched_and_cleared(client):
    ar, fr = Locale.objects.get(language_code="ar"), Locale.objects.get(language_code="fr")
    before = {
        "pages": set(Page.objects.values_list("pk", flat=True)),
        "entries": set(SearchEntry.objects.values_list("pk", flat=True)),
        "documents": set(PortalDocument.objects.values_list("pk", flat=True)),
        "files": PublicationFile.objects.count(),
        "reports": PublicationPage.objects.live()
        .filter(locale=ar, publication_type="report")
        .count(),
    }

    assert "Generated 30 publications" in generate(count=30, seed=1)

    generated = PublicationPage.objects.filter(slug__startswith="corpus-", source=SOURCE)
    originals = generated.filter(locale=ar, alias_of__isnull=True)
    assert originals.count() == 30
    assert all(page.live for page in originals)
    # Each has its French language version (an alias), as the site gives untranslated pages.
    assert generated.filter(locale=fr, alias_of__in=originals).count() == 30
    assert set(generated.values_list("pk", flat=True)) == (
        set(Page.objects.values_list("pk", flat=True)) - before["pages"]
    )
    assert tree_problems() == []
    page = originals.first()
    assert page.get_parent().specific_class.__name__ == "PublicationFolderPage"
    assert page.url_path == page.get_parent().url_path + page.slug + "/"
    assert {t.kind for t in page.themes.all()} == {"theme"}
    assert page.institutions.exists()

    # Each has a document with its extracted text, on the shared placeholder PDF.
    document = page.files.get().document
    assert document.file.name == PLACEHOLDER
    assert document.extraction == TextExtraction.OK
    assert document.extracted_hash == document.file_hash
    assert 2000 <= len(document.text) <= 8000
    assert document.file.open("rb").read(5) == b"%PDF-"

    # Search entries are what the site's indexing writes.
    for version in (page, generated.get(locale=fr, alias_of=page)):
        entry = SearchEntry.objects.get(page_id=version.pk)
        written = (entry.locale_id, entry.title_terms, entry.body_terms, entry.text)
        index_page(version)
        entry.refresh_from_db()
        assert (entry.locale_id, entry.title_terms, entry.body_terms, entry.text) == written

    # The library lists them, with its filters.
    response = client.get("/ar/publications/?type=report")
    assert response.status_code == 200
    reports = originals.filter(publication_type="report").count()
    assert response.context["page_obj"].paginator.count == before["reports"] + reports
    response = client.get(f"/fr/publications/?q={page.slug}")
    assert response.status_code == 200

    # The search finds them: every generated text ends with a notice in its language.
    arabic = set(originals.filter(language="ar").values_list("pk", flat=True))
    found = search("اختبارات الأداء", locale=ar, limit=100)
    assert arabic and arabic <= set(found.page_ids)
    french = set(generated.filter(locale=fr, language="fr").values_list("pk", flat=True))
    found = search("généré automatiquement tests performance", locale=fr, limit=100)
    assert french and french <= set(found.page_ids)
    response = client.get("/ar/search/", {"q": page.title})
    assert response.status_code == 200
    assert page.pk in [result["page"].pk for result in response.context["results"]]

    # Asked again for as many, it keeps them.
    assert "already present" in generate(count=30, if_missing=True)
    assert originals.count() == 30

    # --clear removes exactly what was generated, and leaves no tombstone.
    assert "Removed 30 generated publications" in generate(clear=True)
    assert not PublicationPage.objects.filter(slug__startswith="corpus-").exists()
    assert set(Page.objects.values_list("pk", flat=True)) == before["pages"]
    assert set(SearchEntry.objects.values_list("pk", flat=True)) == before["entries"]
    assert set(PortalDocument.objects.values_list("pk", flat=True)) == before["documents"]
    assert PublicationFile.objects.count() == before["files"]
    assert not PublicationTombstone.objects.filter(original_id__in=[page.pk]).exists()
    assert tree_problems() == []


def test_clear_deletes_an_edited_publication_the_usual_way():
    generate(count=3, seed=2)
    page = PublicationPage.objects.filter(slug__startswith="corpus-", alias_of__isnull=True)[0]
    page.summary = "Résumé revu."
    page.save_revision().publish()

    assert "1 of them edited since" in generate(clear=True)
    assert not PublicationPage.objects.filter(slug__startswith="corpus-").exists()
    assert not SearchEntry.objects.filter(page_id=page.pk).exists()
    assert tree_problems() == []


def test_refuses_to_run_without_a_count():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("generate_corpus", stdout=io.StringIO())
