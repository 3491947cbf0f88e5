"""The demo strategy: the real 2015-2025 programmes, sample projects and measures labelled as
such, a successor cycle linked measure by measure, and reports that leave some institutions
without an update in the current quarter."""

import io

import pytest
from django.core.management import call_command

from portal.strategy import selectors
from portal.strategy.models import Cycle, Item, Level, ProgressReport, ReportState

pytestmark = pytest.mark.django_db


def test_the_2015_2025_strategy_has_its_ten_programmes_with_sources():
    cycle = Cycle.objects.get(slug="snlcc-2015-2025")
    programmes = Item.objects.filter(cycle=cycle, level=Level.PROGRAMME)
    assert programmes.count() == 10
    assert set(programmes.values_list("sample", flat=True)) == {False}
    assert all("maghress.com" in source for source in programmes.values_list("source", flat=True))
    assert programmes.get(code="P07").title_fr == "Commande publique"
    assert [phase.title_en for phase in cycle.phases.all()] == [
        "Phase 1 2015-2016 (174 projects)",
        "Phase 2 2017-2020 (59 projects)",
        "Phase 3 2021-2025 (6 projects)",
    ]


def test_projects_and_measures_are_labelled_as_samples():
    below = Item.objects.exclude(level=Level.PROGRAMME)
    assert below.exists()
    assert not below.filter(sample=False, cycle__slug="snlcc-2015-2025").exists()
    assert not Item.objects.filter(level=Level.MEASURE, responsible__isnull=True).exists()


def test_unfinished_measures_lead_to_their_successor():
    measure = Item.objects.get(cycle__slug="snlcc-2015-2025", code="P03.1.2")
    assert measure.successor.cycle.slug == "snlcc-2025-2030"
    assert list(measure.successor.predecessors.all()) == [measure]


def test_the_current_quarter_shows_who_reported_and_who_did_not():
    rows = selectors.reporting(Cycle.objects.get(slug="snlcc-2025-2030"))
    silent = [row["institution"].slug for row in rows if row["received"] == 0]
    reported = [row["institution"].slug for row in rows if row["received"] > 0]
    assert "cgem" in silent
    assert "cdai" in reported
    # Those that sent nothing come first.
    assert rows[0]["received"] == 0


def test_reports_are_published_submitted_or_absent():
    states = set(ProgressReport.objects.values_list("state", flat=True))
    assert states == {ReportState.PUBLISHED, ReportState.SUBMITTED}


def test_loading_again_adds_nothing():
    counts = (Cycle.objects.count(), Item.objects.count(), ProgressReport.objects.count())
    call_command("load_demo", stdout=io.StringIO())
    assert (Cycle.objects.count(), Item.objects.count(), ProgressReport.objects.count()) == counts
