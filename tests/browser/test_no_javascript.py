"""The public site works with JavaScript disabled."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_language_switcher_works_without_javascript(new_page):
    visit = new_page(java_script_enabled=False)
    page = visit.page
    response = page.goto("/fr/partners/")
    assert response is not None and response.status == 200
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.locator("html")).to_have_attribute("dir", "ltr")

    arabic = page.locator("nav.lang-switcher a[hreflang='ar']")
    expect(arabic).to_have_attribute("href", "/ar/partners/")
    arabic.click()

    page.wait_for_url("**/ar/partners/")
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("nav.lang-switcher a[hreflang='ar']")).to_have_attribute(
        "aria-current", "true"
    )
    expect(page.locator("main h1")).to_be_visible()
    visit.assert_only_local_requests()
