"""The demo content of the claims: response templates in every language, the demo handler and
the sample claims that the workspace and the statistics show."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Locale

from portal.statistics.models import IndicatorPage

from ..access import claim_open
from ..choices import CLOSED, Channel, Status
from ..demo import (
    DEMO_CLAIMS,
    DEMO_MONTHS,
    demo_claims_load,
    demo_handler_ensure,
    response_templates_load,
)
from ..models import Claim, ResponseTemplate
from ..selectors import statistics_table
from ..services import handler_key_unlock

PASSWORD = "demo password printed once 7"

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin():
    return get_user_model().objects.create_superuser(username="demo-admin", password=PASSWORD)


def test_response_templates_in_every_language():
    # load_demo (run once for the whole test session) loaded them; again, nothing is added.
    assert ResponseTemplate.objects.count() == 6 * 4
    assert response_templates_load() == 0
    ResponseTemplate.objects.filter(locale__language_code="zgh").delete()
    assert response_templates_load() == 6
    templates = ResponseTemplate.objects.all()
    by_key = {}
    for template in templates:
        by_key.setdefault(template.translation_key, {})[template.locale.language_code] = template
    assert len(by_key) == 6
    statuses = {next(iter(t.values())).status for t in by_key.values()}
    assert statuses == {
        Status.ACKNOWLEDGED,
        Status.INFORMATION_REQUESTED,
        Status.REFERRED,
        *CLOSED,
    }
    for versions in by_key.values():
        assert set(versions) == {"ar", "fr", "en", "zgh"}
        assert versions["ar"].body != versions["fr"].body != versions["en"].body
        assert versions["zgh"].body == versions["fr"].body  # until translated into Tifinagh
    acknowledgement = ResponseTemplate.objects.get(
        status=Status.ACKNOWLEDGED, locale=Locale.objects.get(language_code="en")
    )
    assert acknowledgement.title == "Acknowledgement of receipt"
    assert "follow-up page" in acknowledgement.body


def test_the_demo_handler_can_read_the_sample_claims(admin):
    handler = demo_handler_ensure(admin, PASSWORD)
    assert handler.has_key and handler.is_custodian
    assert handler.institution == demo_handler_ensure(admin, PASSWORD).institution  # idempotent
    assert demo_claims_load() == DEMO_CLAIMS
    assert demo_claims_load() == 0  # never twice, nor over real claims
    assert Claim.objects.count() == DEMO_CLAIMS

    now = timezone.now()
    oldest = Claim.objects.order_by("filed_at").first().filed_at
    assert dt.timedelta(days=120) < now - oldest <= dt.timedelta(days=DEMO_MONTHS * 31)
    statuses = set(Claim.objects.values_list("status", flat=True))
    assert {Status.RECEIVED, Status.ACKNOWLEDGED, Status.REFERRED} <= statuses
    assert statuses & CLOSED
    assert Claim.objects.filter(status=Status.REFERRED, referred_to__isnull=False).exists()
    assert Claim.objects.exclude(channel=Channel.ONLINE).exists()
    assert len(set(Claim.objects.values_list("offence", flat=True))) >= 6
    assert len(set(Claim.objects.values_list("region", flat=True))) >= 8
    for claim in Claim.objects.exclude(status=Status.RECEIVED):
        assert claim.acknowledged_at >= claim.filed_at
        assert claim.timeline.last().status == claim.status

    private_key = handler_key_unlock(handler=handler, password=PASSWORD)
    claim = Claim.objects.order_by("filed_at").first()
    opened = claim_open(handler=handler, claim=claim, private_key=private_key)
    assert opened.content["facts"].startswith("Sample claim for the demonstration")

    table = statistics_table("month")
    assert any(cell.count and cell.count >= 5 for cell in table.cells)
    indicator = IndicatorPage.objects.get(
        slug="claims-received-by-month", locale__language_code="ar"
    )
    assert indicator.live and indicator.dataset.current.observations.exists()


def test_without_the_authority_or_with_a_wrong_password(admin):
    assert demo_handler_ensure(admin, "not the password") is None
