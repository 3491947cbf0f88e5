"""Page weight per language (home, library, search, statistics), and the self-hosted fonts of
the Arabic and Tifinagh scripts."""

import pytest

from .support import LANGUAGES

pytestmark = pytest.mark.browser

MAX_HOME_BYTES = 100 * 1024
# Resource types that count towards the page weight: images are left out.
COUNTED_TYPES = {"document", "stylesheet", "script", "font"}
SCRIPT_FONTS = {
    "ar": ("Noto Naskh Arabic", "noto-naskh-arabic-arabic-400-normal.woff2"),
    "zgh": ("Noto Sans Tifinagh", "noto-sans-tifinagh-tifinagh-400-normal.woff2"),
}


def load_home(new_page, lang, path="/{lang}/"):
    visit = new_page()  # with the site's own CSP: fonts and styles must load under it
    response = visit.page.goto(path.format(lang=lang), wait_until="networkidle")
    assert response is not None
    assert response.status == 200
    # Fonts are fetched only once text needs them: wait until they are settled.
    visit.page.evaluate("document.fonts.ready.then(() => true)")
    visit.page.wait_for_load_state("networkidle")
    return visit


@pytest.mark.parametrize(
    "path",
    [
        "/{lang}/",
        "/{lang}/publications/",
        "/{lang}/search/?q=corruption",
        "/{lang}/statistics/",
        "/{lang}/statistics/inpplc/cpi-morocco-score/",
    ],
)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_page_weight(new_page, lang, path):
    visit = load_home(new_page, lang, path)
    visit.assert_only_local_requests()
    visit.assert_no_broken_resources()
    visit.assert_no_console_errors()

    sizes = {}
    for response in visit.responses:
        if response.request.resource_type in COUNTED_TYPES and not 300 <= response.status < 400:
            sizes[response.url] = len(response.body())
    total = sum(sizes.values())
    detail = "\n".join(f"{size:>8} {url}" for url, size in sorted(sizes.items()))
    url = path.format(lang=lang)
    print(f"\n{url} weighs {total} bytes (HTML, CSS, JS, fonts):\n{detail}")
    assert total <= MAX_HOME_BYTES, (
        f"{url} weighs {total} bytes (HTML, CSS, JS, fonts), more than {MAX_HOME_BYTES}:\n{detail}"
    )


@pytest.mark.parametrize("lang", list(SCRIPT_FONTS))
def test_home_page_loads_its_script_font(new_page, lang):
    family, file_name = SCRIPT_FONTS[lang]
    visit = load_home(new_page, lang)

    font_responses = [
        response
        for response in visit.responses
        if response.request.resource_type == "font" and response.url.endswith(file_name)
    ]
    assert font_responses, f"/{lang}/ did not request {file_name}; fonts requested: " + ", ".join(
        r.url for r in visit.responses if r.request.resource_type == "font"
    )
    assert font_responses[0].status == 200
    assert len(font_responses[0].body()) > 1000

    loaded = visit.page.evaluate(
        """() => Array.from(document.fonts)
            .filter((face) => face.status === 'loaded')
            .map((face) => face.family.replace(/^["']|["']$/g, ''))"""
    )
    assert family in loaded, f"{family} is not among the loaded fonts of /{lang}/: {loaded}"
