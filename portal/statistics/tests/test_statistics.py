"""The statistics as their users see them: the list of indicators, an indicator with its chart,
table, breakdowns and downloads, the embed, and the partners' import of data in the admin."""

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from decimal import Decimal
from html import unescape

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from portal.core.models import Term
from portal.core.testing import login_verified
from portal.institutions.models import InstitutionPage, InstitutionWorkspace
from portal.search.models import SearchEntry
from portal.statistics.models import (
    Dataset,
    IndicatorFolderPage,
    IndicatorPage,
    PendingImport,
    SeriesNote,
)
from portal.statistics.services import dataset_version_create

from .factories import IndicatorPageFactory, rows

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"


def html(response):
    return response.content.decode()


def chart_of(response):
    """The chart's SVG element, parsed."""
    match = re.search(r"<svg[^>]*role=\"img\".*?</svg>", html(response), re.DOTALL)
    assert match, "no chart on the page"
    return ET.fromstring(match[0])  # noqa: S314 (our own output)


def card_titles(response):
    return [unescape(t) for t in re.findall(r"<h3><a href=\"[^\"]*\">([^<]*)</a>", html(response))]


@pytest.fixture
def cpi(db):
    prevention = Term.objects.get(slug="prevention", locale__language_code="ar")
    page = IndicatorPageFactory(
        title="مؤشر التجريب",
        slug="mouchir",
        source_kind="international",
        unit="نقطة",
        licence="cc-by-nd-4.0",
        scale_min=Decimal(0),
        scale_max=Decimal(100),
        higher_is_better=True,
        target_value=Decimal(60),
        target_period="2025",
        target_source="الاستراتيجية الوطنية",
        data=rows({"2012": 37, "2018": 43, "2024": 37, "2025": 39}),
        themes=[prevention],
    )
    page.notes = [SeriesNote(period="2012", is_break=True, text="Nouvelle méthode")]
    page.save_revision().publish()
    return page


@pytest.fixture
def by_region(db):
    data = rows({"2023": 10, "2024": 12}, region="Souss-Massa")
    data += rows({"2023": 20, "2024": 18}, region="Casablanca-Settat")
    data += rows({"2023": 30, "2024": 30})
    return IndicatorPageFactory(
        title="Déclarations par région",
        slug="par-region",
        folder="cspj",
        data=data,
        dimension_codes=["region"],
    )


def card_of(response, title):
    return html(response).split(title, 1)[1].split("</li>", 1)[0]


def test_listing_shows_each_indicator_with_its_latest_value_and_trend(client, db):
    IndicatorPageFactory(title="Zébulon", slug="zebulon", data=rows({"2024": 12, "2025": 9}))
    response = client.get("/ar/statistics/")
    assert response.status_code == 200
    card = card_of(response, "Zébulon")
    assert '<span class="indicator-value" dir="ltr">9</span>' in card
    assert "(2025)" in card
    assert 'class="sparkline"' in card
    assert "trend-down" in card and "3" in card  # 12 → 9


def test_values_under_a_no_derivatives_licence_are_shown_without_computed_change(client, cpi):
    card = card_of(client.get("/ar/statistics/"), "مؤشر التجريب")
    assert '<span class="indicator-value" dir="ltr">39</span>' in card
    assert "trend-" not in card
    assert "37 (2024)" in card  # the previous value, as published
    target = html(client.get(cpi.url)).split('class="target-status"', 1)[1].split("</p>", 1)[0]
    assert "60" in target and "39" in target and "21" not in target


@pytest.mark.parametrize(
    ("params", "shown", "hidden"),
    [
        ({"source": "international"}, "مؤشر التجريب", "Déclarations par région"),
        ({"source": "national"}, "Déclarations par région", "مؤشر التجريب"),
        ({"theme": "prevention"}, "مؤشر التجريب", "Déclarations par région"),
        ({"institution": "cspj"}, "Déclarations par région", "مؤشر التجريب"),
    ],
)
def test_each_filter_narrows_the_listing(client, cpi, by_region, params, shown, hidden):
    titles = card_titles(client.get("/ar/statistics/", params))
    assert shown in titles and hidden not in titles


def test_filter_counts_and_made_up_filters(client, cpi, by_region):
    response = client.get("/ar/statistics/", {"source": "international"})
    selected = re.search(r'aria-current="true">[^<(]+\((\d+)\)', html(response))
    shown = len(card_titles(response))
    assert (
        int(selected[1])
        == shown
        == len(card_titles(client.get("/ar/statistics/")))
        - (len(card_titles(client.get("/ar/statistics/", {"source": "national"}))))
    )
    made_up = client.get("/ar/statistics/", {"theme": "inventé"})
    assert made_up.status_code == 200
    assert "private" in made_up["Cache-Control"]
    assert "Déclarations par région" in card_titles(made_up)  # ignored filter


def test_listing_queries_are_bounded(client, cpi, by_region):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/fr/statistics/", HTTP_COOKIE="sessionid=x").status_code == 200
        return len(queries)

    count()  # the menu is cached from then on
    before = count()
    for n in range(5):
        IndicatorPageFactory(slug=f"extra-{n}", data=rows({"2024": n, "2025": n + 1}))
    count()
    assert count() == before <= 25


def test_indicator_page_shows_chart_table_metadata_target_and_break(client, cpi):
    response = client.get(cpi.url)
    assert response.status_code == 200
    page = html(response)
    svg = chart_of(response)
    assert svg.find(f"{SVG}title").text == "مؤشر التجريب"
    assert "37" in svg.find(f"{SVG}desc").text and "2025" in svg.find(f"{SVG}desc").text
    assert svg.findall(".//*[@class='chart-target']") or "chart-target" in ET.tostring(
        svg, encoding="unicode"
    )
    assert "chart-marker" in ET.tostring(svg, encoding="unicode")  # the 2012 break
    assert re.search(r"<th scope=\"row\">2018</th><td><bdi dir=\"ltr\">43", page)
    assert "CC BY-ND 4.0" in page and "creativecommons.org/licenses/by-nd/4.0/" in page
    assert "Nouvelle méthode" in page
    assert 'class="target-status"' in page and "60" in page
    assert 'href="' + cpi.url + 'data.csv"' in page


def test_the_chart_reads_right_to_left_in_arabic_and_left_to_right_in_french(client, cpi):
    fr = cpi.copy_for_translation(cpi.locale.__class__.objects.get(language_code="fr"))
    fr.save_revision().publish()

    def first_and_last_x(response):
        svg = chart_of(response)
        points = [el for el in svg.iter() if "chart-point" in (el.get("class") or "")]
        xs = [float(el.get("cx") or el.get("x") or 0) for el in points]
        return xs[0], xs[-1]

    first, last = first_and_last_x(client.get(cpi.url))
    assert first > last
    first, last = first_and_last_x(client.get(fr.url))
    assert first < last


def test_breakdowns_follow_the_visitors_choice(client, by_region):
    total = client.get(by_region.url)
    assert re.search(r"<th scope=\"row\">2024</th><td><bdi dir=\"ltr\">30<", html(total))
    compare = client.get(by_region.url, {"by": "region"})
    page = html(compare)
    assert "Casablanca-Settat" in page and "Souss-Massa" in page
    assert len(re.findall(r'class="chart-line series-\d', page)) == 2
    one = client.get(by_region.url, {"d": "region:Souss-Massa"})
    assert re.search(r"<th scope=\"row\">2024</th><td><bdi dir=\"ltr\">12<", html(one))
    wrong = client.get(by_region.url, {"d": "region:Atlantide"})
    assert wrong.status_code == 200 and "private" in wrong["Cache-Control"]


def test_indicator_page_queries_are_bounded(client, by_region, django_assert_max_num_queries):
    with django_assert_max_num_queries(30):
        response = client.get(by_region.url, {"by": "region"}, HTTP_COOKIE="sessionid=x")
    assert response.status_code == 200


def test_an_indicator_without_data_says_so(client):
    page = IndicatorPageFactory(slug="vide")
    response = client.get(page.url)
    assert response.status_code == 200
    assert "data.csv" not in html(response)
    assert client.get(page.url + "data.csv").status_code == 404


def test_downloads_carry_the_full_series_with_metadata(client, by_region):
    response = client.get(by_region.url + "data.csv")
    assert response["Content-Type"].startswith("text/csv")
    body = response.content.decode("utf-8-sig")
    table = list(csv.reader(io.StringIO(body)))
    assert table[0][:4] == ["indicator", "period", "region", "value"]
    assert len(table) == 1 + 6
    data = json.loads(client.get(by_region.url + "data.json").content)
    assert data["indicator"]["licence"] == "CC BY 4.0"
    assert {"period": "2024", "dimensions": {"region": "Souss-Massa"}, "value": 12.0}.items() <= {
        **next(
            o
            for o in data["observations"]
            if o["dimensions"]
            and o["period"] == "2024"
            and o["dimensions"]["region"] == "Souss-Massa"
        ),
    }.items()
    workbook = openpyxl.load_workbook(io.BytesIO(client.get(by_region.url + "data.xlsx").content))
    assert workbook.sheetnames == ["data", "metadata"]
    assert workbook["data"].max_row == 7


def test_a_note_cannot_run_as_a_formula_in_a_spreadsheet(client):
    data = rows({"2024": 5})
    data[0]["note"] = '=HYPERLINK("http://evil")'
    page = IndicatorPageFactory(slug="formule", data=data)
    body = client.get(page.url + "data.csv").content.decode("utf-8-sig")
    assert "'=HYPERLINK" in body
    sheet = openpyxl.load_workbook(io.BytesIO(client.get(page.url + "data.xlsx").content))["data"]
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_past_versions_stay_downloadable(client, cpi):
    dataset_version_create(indicator=cpi, rows=rows({"2012": 37, "2026": 41}), comment="2026")
    page = html(client.get(cpi.url))
    assert "Nouvelle" in page
    current = client.get(cpi.url + "data.json").json()
    first = client.get(cpi.url + "versions/1/data.json").json()
    assert [o["period"] for o in current["observations"]] == ["2012", "2026"]
    assert len(first["observations"]) == 4
    assert client.get(cpi.url + "versions/9/data.csv").status_code == 404


def test_embed_may_be_framed_by_other_sites_and_the_page_may_not(client, cpi):
    embed = client.get(cpi.url + "embed/")
    assert embed.status_code == 200
    assert "frame-ancestors *" in embed["Content-Security-Policy"]
    assert "X-Frame-Options" not in embed
    assert "<header" not in html(embed)
    page = client.get(cpi.url)
    assert "frame-ancestors 'none'" in page["Content-Security-Policy"]
    assert f"{cpi.url}embed/" in unescape(html(page))


def test_indicators_are_found_by_the_site_search(client, cpi):
    assert SearchEntry.objects.get(page=cpi).kind == SearchEntry.Kind.INDICATOR
    response = client.get("/ar/search/", {"q": "التجريب"})
    assert "مؤشر التجريب" in html(response)


def test_editor_checks_reject_incoherent_metadata(cpi):
    cpi.scale_min, cpi.scale_max = Decimal(10), Decimal(5)
    cpi.target_period = ""
    with pytest.raises(ValidationError) as error:
        cpi.full_clean()
    assert {"scale_max", "target_period"} <= set(error.value.message_dict)
    cpi.scale_min, cpi.scale_max, cpi.target_period = None, None, "2025-Q1"
    with pytest.raises(ValidationError) as error:
        cpi.full_clean()
    assert "target_period" in error.value.message_dict


# The partners' import, in the admin


@pytest.fixture
def cspj_editor(django_user_model):
    user = django_user_model.objects.create_user("cspj-stats", password="x" * 16)
    cspj = InstitutionPage.objects.get(slug="cspj", locale__language_code="ar")
    user.groups.add(InstitutionWorkspace.objects.get(translation_key=cspj.translation_key).editors)
    return user


def upload(client, page, content, name="data.csv"):
    return client.post(
        f"/admin/statistics/{page.pk}/import/",
        {"file": SimpleUploadedFile(name, content)},
    )


def test_partner_imports_a_file_after_a_preview(client, cspj_editor, by_region):
    login_verified(client, cspj_editor)
    csv_bytes = b"period,region,value\n2025,Souss-Massa,14\n2025,,32\n2024,,30\n"
    response = upload(client, by_region, csv_bytes)
    assert response.status_code == 302
    preview = client.get(response["Location"])
    assert preview.status_code == 200
    assert "Souss-Massa" in html(preview)
    assert Dataset.objects.get(translation_key=by_region.translation_key).current.number == 1
    confirmed = client.post(response["Location"], {"comment": "2025 ajouté"})
    assert confirmed.status_code == 302
    dataset = Dataset.objects.get(translation_key=by_region.translation_key)
    assert dataset.current.number == 2 and dataset.current.row_count == 3
    assert dataset.current.created_by == cspj_editor
    assert not PendingImport.objects.exists()
    client.logout()
    page = html(client.get(by_region.url))
    assert re.search(r"<th scope=\"row\">2025</th><td><bdi dir=\"ltr\">32<", page)
    assert client.get(by_region.url + "versions/1/data.csv").status_code == 200


def test_a_file_with_problems_is_refused_with_every_problem_and_nothing_saved(
    client, cspj_editor, by_region
):
    login_verified(client, cspj_editor)
    bad = b"period,value,colour\n2024,abc,red\n2024,12,blue\n"
    response = upload(client, by_region, bad)
    assert response.status_code == 422
    page = html(response)
    assert "colour" in page
    assert page.count("<tr><td>") >= 2
    assert not PendingImport.objects.exists()
    assert Dataset.objects.get(translation_key=by_region.translation_key).current.number == 1


def test_a_partner_cannot_import_into_another_institutions_indicator(client, cspj_editor, cpi):
    login_verified(client, cspj_editor)
    refused = client.get(f"/admin/statistics/{cpi.pk}/import/")
    assert refused.status_code == 302 and refused["Location"] == "/admin/"
    response = upload(client, cpi, b"period,value\n2026,50\n")
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert not PendingImport.objects.exists()
    assert Dataset.objects.get(translation_key=cpi.translation_key).current.number == 1


def test_a_pending_import_belongs_to_its_uploader(
    client, cspj_editor, by_region, django_user_model
):
    login_verified(client, cspj_editor)
    location = upload(client, by_region, b"period,value\n2026,50\n")["Location"]
    other = django_user_model.objects.create_superuser("other-admin", password="y" * 16)
    client.logout()
    login_verified(client, other)
    assert client.post(location, {"comment": ""}).status_code in (302, 404)
    assert Dataset.objects.get(translation_key=by_region.translation_key).current.number == 1
    assert PendingImport.objects.count() == 1


def test_a_new_institution_gets_its_statistics_folder(db):
    from portal.institutions.tests.factories import InstitutionPageFactory

    institution = InstitutionPageFactory(slug="nouvelle-stat", acronym="NSTAT")
    folder = IndicatorFolderPage.objects.get(slug="nouvelle-stat")
    assert folder.institution_id == institution.pk
    assert IndicatorPage.objects.child_of(folder).count() == 0


def test_a_file_over_the_size_limit_is_refused_before_reading(client, cspj_editor, by_region):
    login_verified(client, cspj_editor)
    with override_settings(STATISTICS_MAX_UPLOAD_BYTES=1024):
        response = upload(client, by_region, b"period,value\n" + b"2024,1\n" * 400)
    assert response.status_code == 422
    assert "MB" in html(response)
    assert not PendingImport.objects.exists()


def test_a_spreadsheet_formula_is_refused_at_its_cell(client, cspj_editor, by_region):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["period", "value"])
    sheet.append([2025, "=1+1"])
    content = io.BytesIO()
    workbook.save(content)
    login_verified(client, cspj_editor)
    response = upload(client, by_region, content.getvalue(), name="data.xlsx")
    assert response.status_code == 422
    assert re.search(r"<tr><td>2</td><td>value</td>", html(response))
    assert Dataset.objects.get(translation_key=by_region.translation_key).current.number == 1


def test_the_edit_form_shows_the_data_history_and_the_import_link(client, cspj_editor, by_region):
    login_verified(client, cspj_editor)
    response = client.get(f"/admin/pages/{by_region.pk}/edit/")
    assert response.status_code == 200
    page = html(response)
    assert f"/admin/statistics/{by_region.pk}/import/" in page
    assert re.search(r"<td>1 \(", page)  # version 1, the current one


def test_a_statistics_section_added_in_the_admin_gets_every_institutions_folder(db):
    from portal.core.models import HomePage
    from portal.statistics.models import StatisticsIndexPage

    StatisticsIndexPage.objects.filter(locale__language_code="ar").delete()
    home = HomePage.objects.get(locale__language_code="ar")
    index = home.add_child(instance=StatisticsIndexPage(title="Statistiques", slug="stats"))
    slugs = set(IndicatorFolderPage.objects.child_of(index).values_list("slug", flat=True))
    institutions = InstitutionPage.objects.filter(locale__language_code="ar", alias_of__isnull=True)
    assert slugs == set(institutions.values_list("slug", flat=True))


def test_a_long_series_is_drawn_as_a_line_and_its_table_shows_the_latest_periods(client):
    months = {f"{1990 + m // 12}-{m % 12 + 1:02d}": m for m in range(400)}
    page = IndicatorPageFactory(slug="longue", periodicity="monthly", data=rows(months))
    response = client.get(page.url)
    content = html(response)
    assert "chart-point" not in content and "chart-line" in content
    assert len(re.findall(r'<th scope="row">', content)) == 120
    assert '<th scope="row">2023-04</th>' in content  # the latest month
    assert len(client.get(page.url + "data.json").json()["observations"]) == 400


def test_a_locked_indicator_refuses_an_import(client, cspj_editor, by_region, django_user_model):
    moderator = django_user_model.objects.create_superuser("locker", password="z" * 16)
    by_region.locked, by_region.locked_by = True, moderator
    by_region.save()
    login_verified(client, cspj_editor)
    assert upload(client, by_region, b"period,value\n2026,50\n").status_code == 302
    assert not PendingImport.objects.exists()


def test_a_target_is_judged_on_the_totals_only(client):
    data = rows({"2005": 4}) + rows({"2005": 68}, region="A") + rows({"2005": 63}, region="B")
    page = IndicatorPageFactory(
        slug="cible", data=data, dimension_codes=["region"], higher_is_better=True,
        target_value=Decimal(5), target_period="2005",
    )  # fmt: skip
    total = html(client.get(page.url)).split('class="target-status"', 1)[1].split("</p>")[0]
    # Target 5 for 2005; the total was 4 (1 short): not a region's 68 or 63.
    assert set(re.findall(r"\d+", re.sub(r"<[^>]+>", " ", total))) == {"2005", "5", "4", "1"}
    assert "target-status" not in html(client.get(page.url, {"by": "region"}))


def test_an_indicator_given_by_breakdown_only_shows_no_headline_value(client):
    data = rows({"2015": 36}, country="Morocco") + rows({"2015": 38}, country="Brazil")
    IndicatorPageFactory(title="Pays comparés", slug="pays", data=data, dimension_codes=["country"])
    card = card_of(client.get("/ar/statistics/"), "Pays comparés")
    assert "indicator-value" not in card


def test_the_embed_code_is_escaped_for_copying(client):
    page = IndicatorPageFactory(
        title='Titre "><script>x</script>', slug="titre", data=rows({"2024": 1})
    )
    content = html(client.get(page.url))
    code = content.split('id="embed-code"', 1)[1].split("</textarea>", 1)[0]
    assert "<script>" not in code and "&lt;script&gt;" not in code
    assert "&amp;quot;&amp;gt;&amp;lt;script&amp;gt;" in code  # copied text: &quot;&gt;&lt;…


def test_the_breakdown_form_leaves_totals_cacheable_and_made_up_choices_private(client, by_region):
    totals = client.get(by_region.url, {"by": "region", "d": ""})
    assert "private" not in totals.get("Cache-Control", "")
    embed = client.get(by_region.url + "embed/", {"by": "made-up"})
    assert "private" in embed["Cache-Control"]


def test_crossed_breakdowns_without_subtotals_still_draw_a_chart(client):
    data = rows({"2024": 1}, region="A", sex="f") + rows({"2024": 2}, region="A", sex="m")
    data += rows({"2024": 3}, region="B", sex="f") + rows({"2024": 4}, region="B", sex="m")
    page = IndicatorPageFactory(slug="croise", data=data, dimension_codes=["region", "sex"])
    for params in ({}, {"by": "sex", "d": ["", "sex:f"]}, {"d": ["region:A", ""]}):
        content = html(client.get(page.url, params))
        assert '<p class="empty">' not in content and "chart-bar" in content


def test_a_translation_missing_a_breakdown_still_separates_its_values(client, by_region):
    by_region.dimensions = []
    by_region.save_revision().publish()
    content = html(client.get(by_region.url))
    assert re.search(r"<th scope=\"row\">2024</th><td><bdi dir=\"ltr\">30<", content)


def test_note_periods_are_normalised_or_refused_by_the_edit_form(client, django_user_model):
    page = IndicatorPageFactory(slug="notes", data=rows({"2024": 1}))
    admin = django_user_model.objects.create_superuser("notes-admin", password="x" * 16)
    login_verified(client, admin)

    def post(period):
        fields = {
            "title": page.title,
            "slug": page.slug,
            "source_kind": "national",
            "periodicity": "quarterly",
            "definition": rich_text("Définition"),
            "unit": "cas",
            "decimals": "0",
            "source_name": "Source",
            "citation": "Citation",
            "licence": "cc-by-4.0",
            "dimensions": inline_formset([]),
            "notes": inline_formset([{"period": period, "is_break": "on", "text": "Rupture"}]),
            "comments": inline_formset([]),
        }
        return client.post(f"/admin/pages/{page.pk}/edit/", nested_form_data(fields))

    assert post("T2 2020").status_code == 302
    page.refresh_from_db()
    assert [n.period for n in page.get_latest_revision_as_object().notes.all()] == ["2020-Q2"]
    revisions = page.revisions.count()
    refused = post("2020-13")
    assert refused.status_code == 200
    assert refused.context["form"].formsets["notes"].forms[0].errors["period"]
    assert page.revisions.count() == revisions
