"""Roll-ups, counters, reporting periods and the on-time rate."""

import datetime

import pytest
from django.test import override_settings
from django.utils import timezone

from portal.institutions.models import InstitutionPage
from portal.strategy import periods, selectors
from portal.strategy.models import Cycle, Item, Level, ProgressReport, ReportState, Status

pytestmark = pytest.mark.django_db


def institution(slug):
    return InstitutionPage.objects.get(slug=slug, locale__language_code="ar")


@pytest.fixture
def cycle():
    return Cycle.objects.create(
        slug="test",
        title_ar="اختبار",
        start_date=datetime.date(2030, 1, 1),
        end_date=datetime.date(2034, 12, 31),
    )


def item(cycle, code, level, parent=None, **fields):
    fields.setdefault("responsible", institution("cdai") if level == Level.MEASURE else None)
    return Item.objects.create(
        cycle=cycle, code=code, level=level, parent=parent, title_ar=code, **fields
    )


def test_progress_rolls_up_weighted_and_leaves_dropped_measures_out(cycle):
    programme = item(cycle, "P1", Level.PROGRAMME)
    project = item(cycle, "P1.1", Level.PROJECT, programme)
    item(cycle, "P1.1.1", Level.MEASURE, project, progress=100, weight=3)
    item(cycle, "P1.1.2", Level.MEASURE, project, progress=0, weight=1)
    item(cycle, "P1.1.3", Level.MEASURE, project, progress=0, weight=50, status=Status.DROPPED)
    empty = item(cycle, "P1.2", Level.PROJECT, programme, progress=10, weight=1)
    roots, nodes = selectors.cycle_tree(selectors.tree_items(cycle))
    assert [root.item.code for root in roots] == ["P1"]
    assert nodes[project.pk].progress == 75.0
    # A project without measures counts with its own figure.
    assert nodes[empty.pk].progress == 10.0
    assert roots[0].progress == pytest.approx((75 + 10) / 2)
    assert [node.item.code for node in roots[0].measures] == ["P1.1.1", "P1.1.2", "P1.1.3"]


def test_a_filtered_list_rolls_up_what_it_holds(cycle):
    programme = item(cycle, "P1", Level.PROGRAMME)
    project = item(cycle, "P1.1", Level.PROJECT, programme)
    measure = item(cycle, "P1.1.1", Level.MEASURE, project, progress=40)
    roots, _ = selectors.cycle_tree([project, measure])
    assert [(root.item.code, root.progress) for root in roots] == [("P1.1", 40.0)]


def test_status_counts_count_measures_only_with_every_status(cycle):
    programme = item(cycle, "P1", Level.PROGRAMME, status=Status.DELAYED)
    project = item(cycle, "P1.1", Level.PROJECT, programme)
    item(cycle, "P1.1.1", Level.MEASURE, project, status=Status.DELAYED)
    item(cycle, "P1.1.2", Level.MEASURE, project, status=Status.COMPLETED)
    counts = selectors.status_counts(selectors.tree_items(cycle))
    assert counts == {
        "not_started": 0,
        "ongoing": 0,
        "completed": 1,
        "delayed": 1,
        "dropped": 0,
    }


@pytest.mark.parametrize(
    ("today", "period", "recent"),
    [
        (datetime.date(2026, 11, 23), (2026, 3), [(2026, 3), (2026, 2)]),
        # Reports on the third quarter are due by 30 October: on 10 October it is not yet late.
        (datetime.date(2026, 10, 10), (2026, 3), [(2026, 2), (2026, 1)]),
        (datetime.date(2026, 2, 1), (2025, 4), [(2025, 4), (2025, 3)]),
    ],
)
def test_periods(today, period, recent):
    assert periods.current_period(today) == period
    assert periods.recent_periods(2, today) == recent


def test_quarter_bounds_and_deadline():
    assert periods.quarter_start(2026, 3) == datetime.date(2026, 7, 1)
    assert periods.quarter_end(2026, 1) == datetime.date(2026, 3, 31)
    assert periods.quarter_end(2026, 4) == datetime.date(2026, 12, 31)
    with override_settings(STRATEGY_REPORT_DAYS=15):
        assert periods.report_deadline(2026, 2) == datetime.date(2026, 7, 15)


def report(measure, year, quarter, sent, state=ReportState.PUBLISHED):
    return ProgressReport.objects.create(
        item=measure,
        year=year,
        quarter=quarter,
        state=state,
        status=Status.ONGOING,
        progress=10,
        narrative="…",
        submitted_at=timezone.make_aware(datetime.datetime.combine(sent, datetime.time(12))),
    )


def test_reporting_lists_institutions_without_an_update_first(cycle):
    programme = item(cycle, "P1", Level.PROGRAMME)
    project = item(cycle, "P1.1", Level.PROJECT, programme)
    cdai = item(cycle, "P1.1.1", Level.MEASURE, project, status=Status.ONGOING)
    item(cycle, "P1.1.2", Level.MEASURE, project, responsible=institution("cgem"))
    item(
        cycle,
        "P1.1.3",
        Level.MEASURE,
        project,
        responsible=institution("igf"),
        status=Status.COMPLETED,
    )
    report(cdai, 2031, 2, datetime.date(2031, 7, 5))
    # A draft or a returned report is not an update received.
    report(cdai, 2031, 1, datetime.date(2031, 4, 5), state=ReportState.RETURNED)
    rows = selectors.reporting(cycle, period=(2031, 2))
    assert [(row["institution"].slug, row["expected"], row["received"]) for row in rows] == [
        ("cgem", 1, 0),
        ("cdai", 1, 1),
    ]
    assert rows[1]["last_report"].date() == datetime.date(2031, 7, 5)
    assert rows[0]["last_report"] is None


def test_on_time_rate_counts_reports_sent_by_the_deadline(cycle):
    programme = item(cycle, "P1", Level.PROGRAMME)
    project = item(cycle, "P1.1", Level.PROJECT, programme)
    measure = item(
        cycle,
        "P1.1.1",
        Level.MEASURE,
        project,
        start_date=datetime.date(2030, 1, 1),
        responsible=institution("cndp"),
    )
    today = datetime.date(2031, 5, 20)  # the last four quarters due: 2030-Q2 to 2031-Q1
    report(measure, 2031, 1, datetime.date(2031, 4, 30))  # on the deadline
    report(measure, 2030, 4, datetime.date(2031, 2, 15))  # late
    report(measure, 2030, 3, datetime.date(2030, 10, 1), state=ReportState.SUBMITTED)
    assert selectors.on_time_rate(institution("cndp"), today=today) == 0.5
    assert selectors.on_time_rate(institution("umt"), today=today) is None
