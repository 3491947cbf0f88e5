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
