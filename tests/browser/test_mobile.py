"""On a small phone screen the main navigation stays usable."""

import re

import pytest
from playwright.sync_api import expect

from .support import LANGUAGES

pytestmark = pytest.mark.browser

WIDTH, HEIGHT = 375, 800
MIN_TARGET = 24  # px, WCAG 2.2 success criterion 2.5.8 (target size, minimum)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_main_navigation_is_reachable_on_mobile(new_page, lang):
    page = new_page(
        viewport={"width": WIDTH, "height": HEIGHT}, is_mobile=True, has_touch=True
    ).page
    page.goto(f"/{lang}/")

    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= WIDTH, f"/{lang}/ scrolls sideways: {scroll_width}px wide"

    links = page.locator("nav.main-nav a")
    assert links.count() >= 3, "the main menu should list the home page and the sections"
    if not links.first.is_visible():  # a collapsed menu opens from its toggle
        page.locator("nav.main-nav summary").click()

    hrefs = []
    for index in range(links.count()):
        link = links.nth(index)
        expect(link).to_be_visible()
        link.scroll_into_view_if_needed()
        box = link.bounding_box()
        assert box is not None
        assert box["x"] >= 0 and box["x"] + box["width"] <= WIDTH, (
            f"{link.get_attribute('href')} sticks out of the {WIDTH}px screen: {box}"
        )
        assert box["height"] >= MIN_TARGET, f"{link.get_attribute('href')} is {box} high"
        # Nothing covers the link: a tap on its centre lands on it.
        covered = page.evaluate(
            """(link) => {
                const box = link.getBoundingClientRect();
                const hit = document.elementFromPoint(
                    box.left + box.width / 2, box.top + box.height / 2);
                return !(hit === link || link.contains(hit));
            }""",
            link.element_handle(),
        )
        assert not covered, f"{link.get_attribute('href')} is covered by another element"
        hrefs.append(link.get_attribute("href"))

    assert f"/{lang}/partners/" in hrefs
    page.locator(f"nav.main-nav a[href='/{lang}/partners/']").tap()
    expect(page).to_have_url(re.compile(rf"/{lang}/partners/$"))
    expect(page.locator("html")).to_have_attribute("lang", lang)
