"""Public statistics of the claims, computed from their clear metadata only (never from their
content): counts by month of filing, kind, offence, sector, region, status (and open/closed
group) and channel, and the median number of days to acknowledge a claim.

Fixed periods, never revised. The unit of publication is a calendar month of filing (Africa/
Casablanca). A month is computed once, when a full month has passed since it ended (on the 1st
of the month after next: most of its claims are acknowledged by then), and stored as published
(`StatisticsMonth`): later runs, the API and the statistics section all read that record, so a
published figure never changes. Statuses are those of the day the month was computed, and the
table says so. Nothing is added up across months (no year-to-date table, no year table by
offence): a sum over months that hid different cells would let a reader subtract one release
from another and find a suppressed count. The one total over months, the year's number of
claims in the list of months, is shown only when no month of it is suppressed. Purged claims
count (their metadata stays), and so do claims that handlers registered from other channels.

Suppression, within each month. A count from 1 to 4 could point at a person, so it is
suppressed (stored and returned as null, shown "< 5"); zeros are shown. A suppressed cell must
not be recoverable by subtraction from a total, so every additive relation of the month (a
"line": its parts and their total) has either no suppressed member or at least two (secondary
suppression): when a line has exactly one, the smallest non-zero part still shown is suppressed
too, and this is repeated until no line has a single one. The lines are: each dimension's cells
and the month's total; the open and closed groups and the total; each group's statuses and the
group. A median of fewer than 5 acknowledged claims is suppressed as well.
"""

import datetime as dt
import statistics as stats
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.db.models import Count, Min
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Locale

from portal.core.models import TermKind, term_names

from .choices import CLOSED, Channel, Kind, Offence, Region, Status
from .models import Claim, StatisticsMonth

THRESHOLD = 5
TIMEZONE = ZoneInfo("Africa/Casablanca")
DIMENSIONS = ("month", "kind", "offence", "sector", "region", "status", "status_group", "channel")
OPEN, CLOSED_GROUP = "open", "closed"
GROUPS = (OPEN, CLOSED_GROUP)
NOT_GIVEN = ""  # the value of the cell of claims filed without a sector or a region
OPEN_STATUSES = [status for status in Status.values if status not in CLOSED]
CLOSED_STATUSES = [status for status in Status.values if status in CLOSED]
TOTAL = ("total",)
# The clear fields a statistic is counted on (`month` is computed from `filed_at`).
FIELDS = ("kind", "offence", "sector", "region", "status", "channel")


@dataclass(frozen=True)
class Cell:
    """One published count: `count` is None when it is suppressed."""

    value: str
    label: str
    count: int | None
    suppressed: bool
    median_days: float | None = None  # month cells: median days to acknowledge
    median_suppressed: bool = False

    @property
    def shown(self):
        return f"< {THRESHOLD}" if self.suppressed else str(self.count)


@dataclass(frozen=True)
class Median:
    days: float | None
    claims: int  # acknowledged claims it is the median of (0 when suppressed or none)
    suppressed: bool


@dataclass(frozen=True)
class Table:
    dimension: str
    year: int
    month: int | None  # None for the list of months
    through: dt.date | None  # the last day counted; None when nothing is published
    computed_at: dt.datetime | None  # statuses are those of that moment
    total: Cell
    cells: list[Cell]
    median: Median  # of the month


def cutoff(now=None):
    """The first instant not counted: the start of the current month in Casablanca."""
    local = timezone.localtime(now or timezone.now(), TIMEZONE)
    return local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def _month_start(year, month):
    return dt.datetime(year, month, 1, tzinfo=TIMEZONE)


def _next_month(year, month):
    return (year + 1, 1) if month == 12 else (year, month + 1)


def latest_freezable(now=None):
    """`(year, month)` of the last month that may be computed: the month before last."""
    start = cutoff(now)
    previous = (start - dt.timedelta(days=1)).replace(day=1)
    before = previous - dt.timedelta(days=1)
    return before.year, before.month


def _median(durations):
    if len(durations) < THRESHOLD:
        return Median(None, 0, True) if durations else Median(None, 0, False)
    return Median(round(stats.median(durations), 1), len(durations), False)


def _protect(counts, lines):
    """The keys of `counts` to suppress: the primary (1 to 4) and the secondary ones, so that no
    line (members, parts) has exactly one suppressed member. The part chosen is the smallest
    non-zero one still shown (by key on a tie, so that the result is stable); a line without
    such a part (its only non-zero part is suppressed already) gives up its total."""
    hidden = {key for key, count in counts.items() if 0 < count < THRESHOLD}
    changed = True
    while changed:
        changed = False
        for members, parts in lines:
            if sum(member in hidden for member in members) != 1:
                continue
            options = [key for key in parts if key not in hidden and counts.get(key, 0) > 0]
            if not options:
                options = [key for key in members if key not in hidden and counts.get(key, 0) > 0]
            if options:
                hidden.add(min(options, key=lambda key: (counts[key], key)))
                changed = True
    return hidden


def _values(name, present, sectors):
    known = {
        "kind": Kind.values,
        "offence": Offence.values,
        "sector": list(sectors),
        "region": Region.values,
        "status": OPEN_STATUSES + CLOSED_STATUSES,
        "channel": Channel.values,
        "status_group": list(GROUPS),
    }[name]
    extra = sorted(set(present) - set(known) - {NOT_GIVEN})
    not_given = [NOT_GIVEN] if NOT_GIVEN in present else []
    return [*known, *extra, *not_given]


def month_compute(year, month, *, now=None):
    """A `StatisticsMonth` (not saved) of the claims filed in the month. Two queries, and one
    for the sectors' names."""
    start, end = _month_start(year, month), _month_start(*_next_month(year, month))
    claims = Claim.objects.filter(filed_at__gte=start, filed_at__lt=end).order_by()
    counts = {}
    for *values, n in claims.values_list(*FIELDS).annotate(n=Count("pk")):
        counts[TOTAL] = counts.get(TOTAL, 0) + n
        for name, value in zip(FIELDS, values, strict=True):
            counts[(name, value)] = counts.get((name, value), 0) + n
        group = ("status_group", CLOSED_GROUP if values[4] in CLOSED else OPEN)
        counts[group] = counts.get(group, 0) + n
    sectors = sector_slugs()
    values = {
        name: _values(name, [key[1] for key in counts if key[0] == name], sectors)
        for name in (*FIELDS, "status_group")
    }
    lines = []
    for name in ("kind", "offence", "sector", "region", "channel", "status_group"):
        parts = [(name, value) for value in values[name]]
        lines.append(([*parts, TOTAL], parts))
    for group, statuses in ((OPEN, OPEN_STATUSES), (CLOSED_GROUP, CLOSED_STATUSES)):
        parts = [("status", status) for status in values["status"] if status in statuses]
        lines.append(([*parts, ("status_group", group)], parts))
    hidden = _protect(counts, lines)

    def shown(key):
        return None if key in hidden else counts.get(key, 0)

    durations = [
        max((acknowledged_at - filed_at).total_seconds(), 0) / 86400
        for filed_at, acknowledged_at in claims.filter(acknowledged_at__isnull=False).values_list(
            "filed_at", "acknowledged_at"
        )
    ]
    median = _median(durations)
    return StatisticsMonth(
        year=year,
        month=month,
        frozen_at=now or timezone.now(),
        total=shown(TOTAL),
        cells={name: {value: shown((name, value)) for value in values[name]} for name in values},
        median_days=median.days,
        median_claims=median.claims,
        median_suppressed=median.suppressed,
    )


def months_freeze(*, now=None):
    """Computes and stores every month not stored yet, from the month of the first claim to
    the month before last; returns the new `StatisticsMonth`s. A stored month is never
    computed again."""
    first = Claim.objects.aggregate(first=Min("filed_at"))["first"]
    if first is None:
        return []
    local = timezone.localtime(first, TIMEZONE)
    period, last = (local.year, local.month), latest_freezable(now)
    done = set(StatisticsMonth.objects.values_list("year", "month"))
    created = []
    while period <= last:
        if period not in done:
            created.append(month_compute(*period, now=now))
        period = _next_month(*period)
    # ignore_conflicts: two runs at once store each month once; the first one wins.
    StatisticsMonth.objects.bulk_create(created, ignore_conflicts=True)
    return created


def _labels(dimension, values, year, lang):
    """`{value: label}` in `lang`."""
    with translation.override(lang):
        if dimension == "month":
            return {
                value: formats.date_format(dt.date(year, int(value[5:]), 1), "F Y")
                for value in values
            }
        choices = {
            "kind": Kind,
            "offence": Offence,
            "region": Region,
            "status": Status,
            "channel": Channel,
        }
        if dimension in choices:
            labels = {value: str(label) for value, label in choices[dimension].choices}
        elif dimension == "status_group":
            labels = {OPEN: _("Open"), CLOSED_GROUP: _("Closed")}
        else:
            locale = Locale.objects.filter(language_code=lang).first() or Locale.get_default()
            labels = term_names(TermKind.SECTOR, locale)
        not_given = _("Not given")
        return {value: labels.get(value, value) if value else not_given for value in values}


def sector_slugs():
    return list(term_names(TermKind.SECTOR, Locale.get_default()))


def _cell(value, label, count, **median):
    return Cell(value, label, count, count is None, **median)


def _last_day(year, month):
    return (_month_start(*_next_month(year, month)) - dt.timedelta(days=1)).date()


def statistics_table(dimension, *, year=None, month=None, lang="ar"):
    """A published table, labels in `lang`, or None when the month asked for is not published
    (yet). `dimension="month"`: the months of `year` (by default the year of the last published
    month) with their totals and medians. Any other dimension: one month's cells (by default the
    last published month, of `year` if given). A few queries, whatever the number of claims."""
    months = StatisticsMonth.objects.all()
    if year is not None:
        months = months.filter(year=year)
    if dimension == "month":
        if year is None:
            last = months.order_by("-year", "-month").first()
            year = last.year if last else latest_freezable()[0]
            months = months.filter(year=year)
        months = list(months.order_by("month"))
        values = [f"{year}-{m.month:02d}" for m in months]
        labels = _labels("month", values, year, lang)
        cells = [
            _cell(
                value,
                labels[value],
                m.total,
                median_days=m.median_days,
                median_suppressed=m.median_suppressed,
            )
            for value, m in zip(values, months, strict=True)
        ]
        complete = all(m.total is not None for m in months)
        total = sum(m.total for m in months) if complete else None
        with translation.override(lang):
            total_cell = _cell("", _("Total"), total)
        return Table(
            dimension,
            year,
            None,
            _last_day(year, months[-1].month) if months else None,
            months[-1].frozen_at if months else None,
            total_cell,
            cells,
            Median(None, 0, False),
        )
    record = (
        months.filter(month=month).first()
        if month is not None
        else months.order_by("-year", "-month").first()
    )
    if record is None:
        return None
    found = record.cells[dimension]
    labels = _labels(dimension, list(found), record.year, lang)
    with translation.override(lang):
        total_cell = _cell("", _("Total"), record.total)
    return Table(
        dimension,
        record.year,
        record.month,
        _last_day(record.year, record.month),
        record.frozen_at,
        total_cell,
        [_cell(value, labels[value], count) for value, count in found.items()],
        Median(record.median_days, record.median_claims, record.median_suppressed),
    )
