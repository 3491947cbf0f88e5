"""Reads of the strategy tracker: a cycle's tree with progress rolled up from the measures, the
counters per status, and who has reported on the current period."""

from dataclasses import dataclass, field

from django.db.models import Max, Q
from django.utils import timezone

from .models import Cycle, Item, Level, ProgressReport, ReportState, Status
from .periods import current_period, quarter_end, quarter_start, recent_periods, report_deadline

RECEIVED = (ReportState.SUBMITTED, ReportState.PUBLISHED)


@dataclass
class Node:
    item: Item
    children: list = field(default_factory=list)
    progress: float = 0.0

    @property
    def measures(self):
        """The measures under this node (itself if it is one)."""
        if self.item.level == Level.MEASURE:
            return [self]
        return [measure for child in self.children for measure in child.measures]


def current_cycle(today=None):
    """The cycle running today, else the latest that started, else the first planned."""
    today = today or timezone.localdate()
    cycles = Cycle.objects.order_by("-start_date")
    return (
        cycles.filter(start_date__lte=today, end_date__gte=today).first()
        or cycles.filter(start_date__lte=today).first()
        or cycles.last()
    )


def _roll_up(node):
    """A measure's progress is its own; a parent's is the weighted mean of its children that
    are not dropped (its own figure while it has none)."""
    if not node.children:
        node.progress = float(node.item.progress)
        return node.progress
    total = weights = 0.0
    for child in node.children:
        progress = _roll_up(child)
        if child.item.status != Status.DROPPED:
            total += progress * child.item.weight
            weights += child.item.weight
    node.progress = total / weights if weights else float(node.item.progress)
    return node.progress


def cycle_tree(items):
    """The programmes of `items` (one cycle's, in order) as `Node`s with their descendants and
    rolled-up progress, and `{item id: node}`. Items whose parent is not among them become
    roots, so a filtered list still rolls up what it holds."""
    nodes = {item.pk: Node(item) for item in items}
    roots = []
    for item in items:
        parent = nodes.get(item.parent_id)
        (parent.children if parent else roots).append(nodes[item.pk])
    for root in roots:
        _roll_up(root)
    return roots, nodes


def tree_items(cycle):
    """Every item of a cycle with what the views show, in a fixed number of queries."""
    return list(
        Item.objects.filter(cycle=cycle)
        .select_related("responsible")
        .prefetch_related("partners", "sectors", "themes")
        .order_by("sort_order", "code")
    )


def status_counts(items):
    """`{status: count}` of the measures among `items`, every status present (0 if none)."""
    counts = dict.fromkeys(Status.values, 0)
    for item in items:
        if item.level == Level.MEASURE:
            counts[item.status] += 1
    return counts


def _active_in(measures, year, quarter):
    start, end = quarter_start(year, quarter), quarter_end(year, quarter)
    return [
        m
        for m in measures
        if m.status != Status.DROPPED
        and (m.start_date is None or m.start_date <= end)
        and (m.end_date is None or m.end_date >= start)
    ]


def reporting(cycle, period=None):
    """Per responsible institution of the cycle's measures: how many of its measures are
    expected to be reported on for `period` (the current one by default), how many were, and
    the last report it sent. Ordered with those that sent nothing first."""
    period = period or current_period()
    measures = list(
        Item.objects.filter(cycle=cycle, level=Level.MEASURE)
        .exclude(status=Status.COMPLETED)
        .select_related("responsible")
    )
    expected = _active_in(measures, *period)
    reported = set(
        ProgressReport.objects.filter(
            item__in=[m.pk for m in expected],
            year=period[0],
            quarter=period[1],
            state__in=RECEIVED,
        ).values_list("item_id", flat=True)
    )
    last_sent = dict(
        ProgressReport.objects.filter(item__cycle=cycle, submitted_at__isnull=False)
        .values_list("item__responsible_id")
        .order_by()
        .annotate(last=Max("submitted_at"))
    )
    rows = {}
    for measure in expected:
        row = rows.setdefault(
            measure.responsible_id,
            {
                "institution": measure.responsible,
                "expected": 0,
                "received": 0,
                "last_report": last_sent.get(measure.responsible_id),
            },
        )
        row["expected"] += 1
        row["received"] += measure.pk in reported
    return sorted(
        rows.values(), key=lambda row: (row["received"] > 0, row["institution"].title.lower())
    )


def on_time_rate(institution, *, periods=4, today=None):
    """The share of the reports an institution owed over the last `periods` quarters whose
    deadline has passed that it submitted by the deadline, or None if it owed none."""
    quarters = recent_periods(periods, today)
    oldest = quarter_start(*quarters[-1])
    measures = list(
        Item.objects.filter(level=Level.MEASURE, responsible=institution).filter(
            Q(end_date__isnull=True) | Q(end_date__gte=oldest)
        )
    )
    owed = [(m.pk, q) for q in quarters for m in _active_in(measures, *q)]
    if not owed:
        return None
    submitted = {
        (item_id, (year, quarter)): sent
        for item_id, year, quarter, sent in ProgressReport.objects.filter(
            item__in=[m.pk for m in measures], state__in=RECEIVED
        ).values_list("item_id", "year", "quarter", "submitted_at")
    }
    on_time = sum(
        1
        for key in owed
        if (sent := submitted.get(key)) and timezone.localdate(sent) <= report_deadline(*key[1])
    )
    return on_time / len(owed)
