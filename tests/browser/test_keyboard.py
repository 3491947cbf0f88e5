"""Keyboard users reach the content directly through the skip link."""

import re

import pytest
from playwright.sync_api import expect

from .support import LANGUAGES

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", LANGUAGES)
def test_skip_link_is_first_tab_stop_and_moves_focus_to_main(new_page, lang):
    page = new_page(viewport={"width": 1280, "height": 800}).page
    page.goto(f"/{lang}/")
    skip_link = page.locator("a.skip-link")
    expect(skip_link).to_have_attribute("href", "#main")
    expect(skip_link).not_to_be_in_viewport()  # hidden until focused

    page.keyboard.press("Tab")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_in_viewport(ratio=1)
    box = skip_link.bounding_box()
    assert box is not None and box["width"] > 0 and box["height"] > 0

    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(rf"/{lang}/#main$"))
    expect(page.locator("main#main")).to_be_focused()
