"""Every public page type in every language: language and direction, WCAG 2.1 AA (axe-core),
and nothing requested from another host."""

import pytest

from .support import (
    BLOCKING_IMPACTS,
    LANGUAGES,
    expected_dir,
    format_violations,
    html_lang_dir,
    run_axe,
)

pytestmark = pytest.mark.browser

PAGES = {
    "home": "/{lang}/",
    "partners": "/{lang}/partners/",
    "institution": "/{lang}/partners/inpplc/",
    "platforms": "/{lang}/platforms/",
    "library": "/{lang}/publications/",
    "library_search": "/{lang}/publications/?q=corruption&type=law",
    "publication": "/{lang}/publications/chambre-des-representants/loi-46-19-inpplc/",
    "search": "/{lang}/search/?q=الرشوة",
    "statistics": "/{lang}/statistics/",
    "indicator": "/{lang}/statistics/inpplc/cpi-morocco-score/",
    "indicator_breakdown": (
        "/{lang}/statistics/cour-des-comptes/sample-asset-declarations-by-region/?by=region"
    ),
    "indicator_embed": "/{lang}/statistics/inpplc/gcb-2019-bribery-by-service/embed/?by=service",
}


@pytest.mark.parametrize("page_name", list(PAGES))
@pytest.mark.parametrize("lang", LANGUAGES)
def test_page_is_accessible(new_page, lang, page_name):
    # The site forbids inline scripts (CSP); the injected axe-core script needs bypass_csp.
    visit = new_page(bypass_csp=True)
    page = visit.page
    path = PAGES[page_name].format(lang=lang)

    response = page.goto(path, wait_until="load")
    assert response is not None
    assert response.status == 200, f"{path} answered {response.status}"

    assert html_lang_dir(page) == (lang, expected_dir(lang))

    violations = run_axe(page)
    blocking = [v for v in violations if v["impact"] in BLOCKING_IMPACTS]
    assert not blocking, (
        f"axe-core found serious or critical WCAG 2.1 AA violations on {path}:\n"
        + format_violations(blocking)
    )

    visit.assert_only_local_requests()
    visit.assert_no_broken_resources()


CONTRAST_SCRIPT = """() => {
    const channel = (value) => {
        const c = value / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    const luminance = (color) => {
        const [r, g, b] = color.match(/[\\d.]+/g).map(Number);
        return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    return Array.from(document.querySelectorAll('svg.monogram')).map((svg) => {
        const text = luminance(getComputedStyle(svg.querySelector('text')).fill);
        const ground = luminance(getComputedStyle(svg.querySelector('rect')).fill);
        const [light, dark] = text > ground ? [text, ground] : [ground, text];
        return {label: svg.getAttribute('aria-label'), ratio: (light + 0.05) / (dark + 0.05)};
    });
}"""


def test_monogram_text_has_enough_contrast(new_page):
    """axe-core cannot tell the background of SVG text: the drawn monograms are checked here."""
    page = new_page().page
    page.goto("/fr/partners/")
    monograms = page.evaluate(CONTRAST_SCRIPT)
    assert monograms, "the demo partners should be shown with drawn monograms"
    low = [m for m in monograms if m["ratio"] < 4.5]
    assert not low, "monograms with text contrast under 4.5:1: " + ", ".join(
        f"{m['label']} ({m['ratio']:.2f}:1)" for m in low
    )
