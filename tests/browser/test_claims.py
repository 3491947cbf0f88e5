"""Claims in a real browser: filing a claim and following it without JavaScript, the
proof-of-work with JavaScript, and WCAG 2.1 AA (axe-core) on every step in Arabic and French."""

import re

import pytest
from playwright.sync_api import expect

from .support import BLOCKING_IMPACTS, expected_dir, format_violations, html_lang_dir, run_axe

pytestmark = pytest.mark.browser

ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
FACTS = "Un agent a demandé 500 dirhams pour délivrer un certificat de résidence à Témara."
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f"
    b"\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff\x89\x99=\x1d"
    b"\x00\x00\x00\x00IEND\xaeB`\x82"
)
POW_TIMEOUT_MS = 120_000  # the proof-of-work of the test server (CLAIMS_POW_BITS=10)


def assert_accessible(visit, lang):
    page = visit.page
    assert html_lang_dir(page) == (lang, expected_dir(lang))
    blocking = [v for v in run_axe(page) if v["impact"] in BLOCKING_IMPACTS]
    assert not blocking, f"axe-core on {page.url}:\n" + format_violations(blocking)


def step_number(page):
    return page.locator("input[name=step]").get_attribute("value")


def continue_(page):
    page.locator("button[name=action][value=next]").click()
    page.wait_for_load_state()


def fill_steps(page, lang, check=None):
    """Steps 1 to 3 with valid answers; `check(step)` runs on each step's page first."""
    response = page.goto(f"/{lang}/complaints/new/")
    assert response is not None and response.status == 200, page.content()[-3000:]
    for step, fill in enumerate(
        (
            lambda: (
                page.check("input[name=kind][value=denunciation]"),
                page.check("input[name=identity][value=anonymous]"),
            ),
            lambda: (
                page.check("input[name=offence][value=bribery]"),
                page.select_option("#id_region", "rabat-sale-kenitra"),
                page.select_option("#id_when_month", "3"),
                page.fill("#id_when_year", "2025"),
            ),
            lambda: (page.fill("#id_facts", FACTS), page.fill("#id_amount", "500")),
        ),
        start=1,
    ):
        assert step_number(page) == str(step)
        expect(page.locator(".steps li[aria-current=step]")).to_have_count(1)
        if check:
            check(step)
        fill()
        continue_(page)
    assert step_number(page) == "4"


def test_file_and_follow_without_javascript(new_page, tmp_path):
    visit = new_page(java_script_enabled=False)
    page = visit.page
    fill_steps(page, "fr")
    evidence = tmp_path / "preuve.png"
    evidence.write_bytes(PNG)
    page.set_input_files("#id_files", str(evidence))
    page.check("#id_consent")
    page.locator("button[name=action][value=submit]").click()
    page.wait_for_load_state()

    receipt = page.locator("p.receipt")
    expect(receipt).to_have_attribute("dir", "ltr")
    digits = receipt.inner_text().strip()
    assert re.fullmatch(r"\d{4} \d{4} \d{4} \d{4}", digits)
    reference = page.locator("dd[dir=ltr]").first.inner_text().strip()

    page.goto("/en/complaints/follow/")
    page.fill("#id_receipt", digits.translate(ARABIC_INDIC))
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    expect(page.locator(".claim-status")).to_have_text("Received")
    expect(page.locator("main h1")).to_contain_text(reference)
    expect(page.locator("ul.files")).to_contain_text("preuve.png")
    assert "/follow/" in page.url and digits.replace(" ", "") not in page.url
    visit.assert_only_local_requests()


def test_proof_of_work_runs_with_javascript(new_page):
    visit = new_page()
    page = visit.page
    fill_steps(page, "fr")
    page.check("#id_consent")
    with page.expect_request(
        lambda request: request.method == "POST" and "/complaints/new/" in request.url,
        timeout=POW_TIMEOUT_MS,
    ) as sent:
        page.locator("button[name=action][value=submit]").click()
    posted = sent.value.post_data or ""
    solved = re.search(r'name="pow_solution"\r\n\r\n(\d+)\r\n', posted)
    assert solved, "pow.js did not fill the solution"
    expect(page.locator("p.receipt")).to_be_visible(timeout=POW_TIMEOUT_MS)
    visit.assert_only_local_requests()
    visit.assert_no_console_errors()


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_claim_pages_are_accessible(new_page, lang):
    visit = new_page(bypass_csp=True)
    page = visit.page
    for path in ("complaints/", "complaints/follow/", "complaints/verify/"):
        response = page.goto(f"/{lang}/{path}")
        assert response is not None and response.status == 200
        assert_accessible(visit, lang)
    # A wrong receipt: the error is shown and linked to the field.
    page.goto(f"/{lang}/complaints/follow/")
    page.fill("#id_receipt", "1234")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    expect(page.locator("#id_receipt")).to_have_attribute("aria-invalid", "true")
    assert_accessible(visit, lang)
    fill_steps(page, lang, check=lambda step: assert_accessible(visit, lang))
    assert_accessible(visit, lang)  # step 4, with the review
    page.locator("button[name=action][value=back]").click()
    page.wait_for_load_state()
    page.fill("#id_facts", "short")
    continue_(page)
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.locator("#id_facts")).to_have_attribute("aria-invalid", "true")
    assert_accessible(visit, lang)  # a step with errors
    visit.assert_only_local_requests()
    visit.assert_no_broken_resources()
