"""Public statistics of the claims, computed from their clear metadata only (never from their
content): counts by month of filing, kind, offence, sector, region, status (and open/closed
group) and channel, and the median number of days to acknowledge a claim.

Scope. A year's statistics cover the claims filed in that year (months and years are those of
Africa/Casablanca) up to the end of the last complete month: the month under way is left out,
so that the figures of a month are published once it is over and every table of a year (here,
in the API and in the statistics section) adds up the same way. Purged claims count (their
metadata stays), and so do claims that handlers registered from other channels (`channel`).

Suppression. A count from 1 to 4 could point at a person, so it is suppressed (returned as
`count=None`, `suppressed=True`, shown "< 5"); zeros are shown. A suppressed cell must not be
recoverable by subtraction from a total of the same table, so every additive relation the
published tables contain (a "line": its parts and their total) has either no suppressed member
or at least two (secondary suppression, the usual method of statistical offices): when a line
has exactly one, the smallest non-zero part still shown is suppressed too, and this is repeated
until no line has a single one. The lines are, for one year: each dimension's cells and the
year's total; the open and closed groups and the total; each group's statuses and the group;
and the grid of months by kind that the statistics section publishes (each month's kinds and
the month's total, each kind's months and the kind's total). Totals are the true totals (never
recomputed from the cells shown), so every table is computed from the same counts and the same
set of suppressed cells. A median of fewer than 5 acknowledged claims is suppressed as well.
"""

import datetime as dt
import statistics as stats
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.db.models import Count, Min
from django.db.models.functions import ExtractMonth
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Locale

from portal.core.models import TermKind, term_names

from .choices import CLOSED, Channel, Kind, Offence, Region, Status
from .models import Claim

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
    through: dt.date | None  # the last day counted; None when no month of the year is over
    total: Cell
    cells: list[Cell]
    median: Median  # of the year


def cutoff(now=None):
    """The first instant not counted: the start of the current month in Casablanca."""
    local = timezone.localtime(now or timezone.now(), TIMEZONE)
    return local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def latest_year(now=None):
    """The year of the last complete month (last year's in January)."""
    return (cutoff(now) - dt.timedelta(days=1)).year


def first_year():
    """The year the first claim was filed, or None without claims."""
    first = Claim.objects.aggregate(first=Min("filed_at"))["first"]
    return timezone.localtime(first, TIMEZONE).year if first else None


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


@dataclass
class YearStatistics:
    """Every count of one year, its suppressed cells and its medians."""

    year: int
    through: dt.date | None
    months: list[int]
    values: dict  # dimension -> list of values
    counts: dict = field(default_factory=dict)  # key tuple -> int
    hidden: set = field(default_factory=set)
    month_medians: dict = field(default_factory=dict)  # month -> Median
    median: Median = Median(None, 0, False)

    def cell(self, key, value="", label=""):
        count = self.counts.get(key, 0)
        suppressed = key in self.hidden
        return Cell(value, label, None if suppressed else count, suppressed)


def year_statistics(year, *, now=None, sectors=()):
    """The statistics of `year` (see the module's docstring). Two queries. `sectors`: the sector
    slugs to list even without claims."""
    end_of_counting = cutoff(now)
    start = dt.datetime(year, 1, 1, tzinfo=TIMEZONE)
    end = min(dt.datetime(year + 1, 1, 1, tzinfo=TIMEZONE), end_of_counting)
    months = list(range(1, end.month if end.year == year else 13)) if end > start else []
    through = (end - dt.timedelta(days=1)).date() if months else None
    claims = Claim.objects.filter(filed_at__gte=start, filed_at__lt=end).order_by()
    counts = {}

    def add(key, n):
        counts[key] = counts.get(key, 0) + n

    rows = (
        claims.annotate(month=ExtractMonth("filed_at", tzinfo=TIMEZONE))
        .values_list("month", *FIELDS)
        .annotate(n=Count("pk"))
    )
    for month, kind, offence, sector, region, status, channel, n in rows:
        add(TOTAL, n)
        add(("month", month), n)
        add(("mk", month, kind), n)
        for name, value in zip(
            FIELDS, (kind, offence, sector, region, status, channel), strict=True
        ):
            add((name, value), n)
        add(("status_group", CLOSED_GROUP if status in CLOSED else OPEN), n)

    def present(name):
        return [key[1] for key in counts if key[0] == name]

    def with_present(name, known):
        extra = sorted(set(present(name)) - set(known) - {NOT_GIVEN})
        not_given = [NOT_GIVEN] if NOT_GIVEN in present(name) else []
        return [*known, *extra, *not_given]

    values = {
        "month": months,
        "kind": with_present("kind", Kind.values),
        "offence": with_present("offence", Offence.values),
        "sector": with_present("sector", list(sectors)),
        "region": with_present("region", Region.values),
        "status": with_present("status", OPEN_STATUSES + CLOSED_STATUSES),
        "status_group": list(GROUPS),
        "channel": with_present("channel", Channel.values),
    }
    lines = []
    for name in ("month", "kind", "offence", "sector", "region", "channel", "status_group"):
        parts = [(name, value) for value in values[name]]
        lines.append(([*parts, TOTAL], parts))
    for group, statuses in ((OPEN, OPEN_STATUSES), (CLOSED_GROUP, CLOSED_STATUSES)):
        parts = [("status", status) for status in values["status"] if status in statuses]
        lines.append(([*parts, ("status_group", group)], parts))
    for month in months:
        parts = [("mk", month, kind) for kind in values["kind"]]
        lines.append(([*parts, ("month", month)], parts))
    for kind in values["kind"]:
        parts = [("mk", month, kind) for month in months]
        lines.append(([*parts, ("kind", kind)], parts))
    result = YearStatistics(year, through, months, values, counts, _protect(counts, lines))

    durations = {}
    acknowledged = (
        claims.filter(acknowledged_at__isnull=False)
        .annotate(month=ExtractMonth("filed_at", tzinfo=TIMEZONE))
        .values_list("month", "filed_at", "acknowledged_at")
    )
    for month, filed_at, acknowledged_at in acknowledged:
        days = max((acknowledged_at - filed_at).total_seconds(), 0) / 86400
        durations.setdefault(month, []).append(days)
    result.month_medians = {month: _median(durations.get(month, [])) for month in months}
    result.median = _median([days for month in durations.values() for days in month])
    return result


def _labels(dimension, values, year, lang):
    """`{value: label}` in `lang`."""
    with translation.override(lang):
        if dimension == "month":
            return {month: formats.date_format(dt.date(year, month, 1), "F Y") for month in values}
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


def statistics_table(dimension, *, year=None, lang="ar", now=None):
    """The published table of one dimension for a year (by default the year of the last
    complete month), labels in `lang`. Month cells carry the month's median days to
    acknowledge. A few queries, whatever the number of claims."""
    year = year or latest_year(now)
    data = year_statistics(year, now=now, sectors=sector_slugs() if dimension == "sector" else ())
    values = data.values[dimension]
    labels = _labels(dimension, values, year, lang)
    cells = []
    for value in values:
        if dimension == "month":
            median = data.month_medians[value]
            cell = data.cell(("month", value), f"{year}-{value:02d}", labels[value])
            cell = Cell(
                cell.value,
                cell.label,
                cell.count,
                cell.suppressed,
                median_days=median.days,
                median_suppressed=median.suppressed,
            )
        else:
            cell = data.cell((dimension, value), value, labels[value])
        cells.append(cell)
    with translation.override(lang):
        total = data.cell(TOTAL, "", _("Total"))
    return Table(dimension, year, data.through, total, cells, data.median)
