"""Reporting periods: partners report on each quarter within `STRATEGY_REPORT_DAYS` days after
it ends. The current period is the last complete quarter."""

import datetime

from django.conf import settings
from django.utils import timezone


def quarter_end(year, quarter):
    if quarter == 4:
        return datetime.date(year, 12, 31)
    return datetime.date(year, 3 * quarter + 1, 1) - datetime.timedelta(days=1)


def quarter_start(year, quarter):
    return datetime.date(year, 3 * quarter - 2, 1)


def report_deadline(year, quarter):
    """The last day a report on the quarter counts as on time."""
    return quarter_end(year, quarter) + datetime.timedelta(days=settings.STRATEGY_REPORT_DAYS)


def previous_quarter(year, quarter):
    return (year, quarter - 1) if quarter > 1 else (year - 1, 4)


def current_period(today=None):
    """`(year, quarter)` of the last complete quarter."""
    today = today or timezone.localdate()
    return previous_quarter(today.year, (today.month - 1) // 3 + 1)


def recent_periods(count, today=None):
    """The last `count` complete quarters whose deadline has passed, newest first."""
    today = today or timezone.localdate()
    period = current_period(today)
    if report_deadline(*period) >= today:
        period = previous_quarter(*period)
    periods = []
    for _ in range(count):
        periods.append(period)
        period = previous_quarter(*period)
    return periods
