"""Property-based tests: whatever is typed into the claim form or the receipt field, the portal
answers without a server error and stores a claim only for valid answers."""

import re

import pytest
from django.test import override_settings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ..models import Claim
from ..receipts import receipt_parse
from .test_public import answers, challenge_of, final_page, solve

DIGIT_SCRIPTS = ("0123456789", "٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹")
SEPARATORS = st.sampled_from(["", " ", "-", "\u00a0", " - ", "\u2013"])


@given(st.text(max_size=200))
def test_receipt_parse_never_raises(value):
    parsed = receipt_parse(value)
    assert parsed is None or re.fullmatch(r"\d{16}", parsed)


@given(
    st.text(alphabet="0123456789", min_size=16, max_size=16),
    st.lists(st.sampled_from(range(len(DIGIT_SCRIPTS))), min_size=16, max_size=16),
    st.lists(SEPARATORS, min_size=16, max_size=16),
)
def test_any_written_form_of_a_receipt_parses_back(receipt, scripts, separators):
    written = "".join(
        DIGIT_SCRIPTS[script][int(digit)] + separator
        for digit, script, separator in zip(receipt, scripts, separators, strict=True)
    )
    assert receipt_parse(written) == receipt


FIELD_VALUES = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["", "0", "-1", "2999", "2025-02-30", "1e9", "complaint", "anonymous"]),
    st.text(alphabet="٠١٢٣٤٥٦٧٨٩ -", max_size=20),
)
FIELDS = [
    "kind",
    "identity",
    "offence",
    "sector",
    "region",
    "institution",
    "other_body",
    "when_date",
    "when_month",
    "when_year",
    "facts",
    "place",
    "people",
    "amount",
    "name",
    "email",
    "phone",
    "consent",
    "step",
    "goto",
    "action",
]


@pytest.mark.django_db
@override_settings(CLAIMS_RATE_LIMIT=False)
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(changes=st.dictionaries(st.sampled_from(FIELDS), FIELD_VALUES, max_size=6))
def test_random_answers_never_break_the_form(client, changes):
    before = Claim.objects.count()
    challenge = challenge_of(final_page(client, "en"))
    data = {
        **answers(),
        "step": "4",
        "action": "submit",
        "consent": "on",
        "pow_challenge": challenge,
        "pow_solution": solve(challenge),
        **changes,
    }
    response = client.post("/en/complaints/new/", data)
    assert response.status_code in (200, 400, 429)
    filed = 'class="receipt"' in response.content.decode()
    assert Claim.objects.count() == before + (1 if filed else 0)
    if filed:
        claim = Claim.objects.latest("filed_at")
        assert claim.kind in {"complaint", "denunciation", "information"}
        assert len(data["facts"].strip()) >= 30
