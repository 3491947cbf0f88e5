"""Accessible charts rendered on the server as inline SVG: no JavaScript, mirrored for RTL.

`line_chart` draws time series (gaps, uncertainty bands, a target, method breaks) and
`bar_chart` one period broken down by a dimension, as horizontal bars. Both return one
`<svg role="img">` string labelled by its `<title>` and `<desc>`, or an empty string when
there is no value to draw.

- Readable without CSS: presentation attributes carry the colours (Okabe-Ito palette), and
  series also differ by dash pattern and point shape. Neutral ink (axes, text, target, markers)
  is `currentColor`, so the chart follows the page's colour. The site CSS can restyle the
  classes: `chart` (with `line-chart` or `bar-chart`), `chart-grid`, `chart-zero`,
  `chart-axis` (with `chart-tick`, `chart-period` or `chart-unit` on its texts),
  `chart-series`, `chart-band`, `chart-whisker`, `chart-line`, `chart-point`, `chart-target`,
  `chart-marker`, `chart-legend`, `chart-legend-item`, `chart-legend-point`, `chart-bar`,
  `chart-label`, `chart-value`, `chart-missing`, and `series-0` to `series-7`.
- RTL: the layout is computed left to right, then every x is mirrored (time runs right to left,
  the value axis and the bar labels are on the right). Text is never mirrored: each `<text>` has
  `direction="rtl"` (or `"ltr"`) and a logical `text-anchor` (`start`, `end`), which the
  direction turns to the mirrored side.
- Every text from the caller is escaped. Coordinates are rounded to 0.1 px.
"""

import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe


@dataclass(frozen=True)
class Point:
    """One period of a series; `value=None` is a gap, `lower`/`upper` an uncertainty interval."""

    label: str
    position: float
    value: float | None
    lower: float | None = None
    upper: float | None = None


@dataclass(frozen=True)
class Series:
    label: str  # legend text; may be empty for a chart's only series (hover: period and value)
    points: tuple[Point, ...]


@dataclass(frozen=True)
class Marker:
    """A break in the series (e.g. a new method) at a time position."""

    position: float
    label: str


@dataclass(frozen=True)
class Target:
    position: float
    value: float
    label: str


MAX_SERIES = 8
WIDTH = 720
HEIGHT = 360
FONT_SIZE = 12
CHAR_WIDTH = 7.2  # a generous average advance at 12 px, to keep labels apart
MAX_X_LABELS = 12
# A longer series is drawn as a line only (its points would overlap and weigh the page down);
# the data table gives each value. Points alone between gaps are always drawn.
MAX_MARKED_POINTS = 120
# Okabe-Ito, with yellow (weakest contrast on white) last.
COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442")
DASHES = ("", "8 4", "2 3", "10 3 2 3", "16 4", "4 4", "10 3 2 3 2 3", "1 4")


def _star() -> tuple[tuple[float, float], ...]:
    radii = (1.35, 0.55) * 5
    return tuple(
        (r * math.sin(i * math.pi / 5), -r * math.cos(i * math.pi / 5)) for i, r in enumerate(radii)
    )


# Point shapes as polygons around (0, 0) in units of the point radius (None: a circle).
# All are symmetric about the vertical axis, so mirroring leaves them unchanged.
SHAPES = (
    None,
    ((-0.9, -0.9), (0.9, -0.9), (0.9, 0.9), (-0.9, 0.9)),  # square
    ((0, -1.3), (1.2, 0.8), (-1.2, 0.8)),  # triangle
    ((0, -1.3), (1.3, 0), (0, 1.3), (-1.3, 0)),  # diamond
    ((0, 1.3), (1.2, -0.8), (-1.2, -0.8)),  # triangle pointing down
    ((-0.4, -1.2), (0.4, -1.2), (0.4, -0.4), (1.2, -0.4), (1.2, 0.4), (0.4, 0.4),
     (0.4, 1.2), (-0.4, 1.2), (-0.4, 0.4), (-1.2, 0.4), (-1.2, -0.4), (-0.4, -0.4)),  # plus
    ((-1, -1), (1, -1), (-1, 1), (1, 1)),  # hourglass
    _star(),
)  # fmt: skip

_RTL_LETTERS = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_CHART_ID = re.compile(r"[A-Za-z][\w-]*")


def _text(value: object) -> str:
    """Caller text made safe for XML: escaped, without the characters XML forbids."""
    return escape(_NOT_XML.sub("", str(value)))


def _n(value: float) -> str:
    """A coordinate with at most one decimal: 12.3, 40, 0."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _width(text: str) -> float:
    return len(text) * CHAR_WIDTH


def _fit(text: str, width: float) -> str:
    """`text`, shortened with an ellipsis if it would be wider than `width`."""
    keep = max(1, int(width / CHAR_WIDTH))
    return text if len(text) <= keep else text[: keep - 1] + "…"


def _clamp(x: float, width: float) -> float:
    """The centre of a text `width` wide, moved so that the text stays inside the chart."""
    low, high = width / 2 + 6, WIDTH - width / 2 - 6
    return WIDTH / 2 if low > high else min(max(x, low), high)


def _number(value: float | None) -> float | None:
    """A finite float, or None for a missing (or not finite) value."""
    return float(value) if value is not None and math.isfinite(value) else None


def _position(position: float) -> float:
    if not math.isfinite(position):
        raise ValueError(f"time positions must be finite numbers, got {position!r}")
    return float(position)


def _d(segments: Iterable[Sequence[tuple[float, float]]], rtl: bool, close: bool = False) -> str:
    """Path data with one `M x y L x y …` sub-path per segment, x mirrored when rtl."""
    parts = []
    for segment in segments:
        coords = [f"{_n(WIDTH - x if rtl else x)} {_n(y)}" for x, y in segment]
        parts.append(f"M{coords[0]}" + (f"L{' '.join(coords[1:])}" if len(coords) > 1 else ""))
        if close:
            parts.append("Z")
    return "".join(parts)


def _shape(index: int, x: float, y: float, r: float, rtl: bool, cls: str, inner: str = "") -> str:
    """The point shape of series `index` centred on (x, y), containing `inner`."""
    vertices = SHAPES[index]
    if vertices is None:
        cx = _n(WIDTH - x if rtl else x)
        return f'<circle class="{cls}" cx="{cx}" cy="{_n(y)}" r="{_n(r)}">{inner}</circle>'
    d = _d([[(x + dx * r, y + dy * r) for dx, dy in vertices]], rtl, close=True)
    return f'<path class="{cls}" d="{d}">{inner}</path>'


def _label(
    x: float,
    y: float,
    content: str,
    rtl: bool,
    anchor: str = "start",
    cls: str = "",
    inner: str = "",
    coloured_parent: bool = False,
) -> str:
    """A `<text>` at (x, y) with a logical anchor (start/end/middle), x mirrored when rtl. Its
    colour and direction come from the `<svg>` element, unless it sits in a group of a series'
    colour (`coloured_parent`), where it says `fill="currentColor"` itself."""
    attrs = f' class="{cls}"' if cls else ""
    attrs += ' fill="currentColor"' if coloured_parent else ""
    text = _text(content)
    if rtl and not _RTL_LETTERS.search(content):
        # A number or code ("-0.5", "2021-Q1") between left-to-right marks reads left to right.
        text = f"&#x200e;{text}&#x200e;"
    return (
        f'<text{attrs} x="{_n(WIDTH - x if rtl else x)}" y="{_n(y)}" text-anchor="{anchor}">'
        f"{inner}{text}</text>"
    )


def _nice_scale(
    low: float, high: float, y_min: float | None, y_max: float | None
) -> tuple[float, float, list[float]]:
    """Domain and 4 to 7 ticks at multiples of 1, 2, 2.5 or 5 times 10^n, covering low..high.

    `y_min`/`y_max` fix a bound of the domain, unless a value falls outside it.
    """

    def flat(low: float, high: float) -> bool:
        return high - low <= max(abs(low), abs(high), 1e-3) * 1e-9

    if y_min is not None and y_max is not None and flat(y_min, y_max):
        raise ValueError("y_min must be smaller than y_max")
    fixed_low = y_min is not None and y_min <= low
    fixed_high = y_max is not None and y_max >= high
    low, high = (y_min if fixed_low else low), (y_max if fixed_high else high)
    if flat(low, high):  # a single value: open a window around it
        pad = abs(low) / 10 if abs(low) > 1e-6 else 1.0
        if fixed_low:
            high = low + 2 * pad
        elif fixed_high:
            low = high - 2 * pad
        else:
            low, high = low - pad, high + pad

    def ticks(step: float, digits: int) -> list[float]:
        first = math.ceil(low / step - 1e-9) if fixed_low else math.floor(low / step + 1e-9)
        last = math.floor(high / step + 1e-9) if fixed_high else math.ceil(high / step - 1e-9)
        return [round(k * step, digits) + 0.0 for k in range(first, last + 1)]

    exponent = math.floor(math.log10(high - low))
    candidates = [
        ticks(m * 10.0**n, max(0, 1 - n)) for n in range(exponent - 1, exponent + 2)
        for m in (1, 2, 2.5, 5)
    ]  # fmt: skip
    chosen = next((t for t in candidates if 4 <= len(t) <= 7), None)
    chosen = chosen or next(t for t in candidates if len(t) <= 7)
    # Ticks may miss a value by a rounding error (1e-9 of a step): invisible once drawn.
    return (low if fixed_low else chosen[0]), (high if fixed_high else chosen[-1]), chosen


_Tick = tuple[float, str, float]  # x of the label, its text, x of the tick


def _thin(labels: list[_Tick]) -> list[_Tick]:
    """Every k-th label, always the first and the last, so that at most MAX_X_LABELS show and
    none overlap (only the first if even the first and the last overlap)."""

    def overlap(a: _Tick, b: _Tick) -> bool:
        return abs(a[0] - b[0]) < (_width(a[1]) + _width(b[1])) / 2 + 6

    count = len(labels)
    for stride in range(max(1, (count - 1) // (MAX_X_LABELS - 1)), count):
        chosen = labels[::stride]
        if (count - 1) % stride:
            chosen.append(labels[-1])
        while len(chosen) > 2 and overlap(chosen[-2], chosen[-1]):
            del chosen[-2]
        if len(chosen) <= MAX_X_LABELS and not any(overlap(a, b) for a, b in pairwise(chosen)):
            return chosen
    return labels[:1]


def _svg(
    kind: str,
    height: float,
    title: str,
    description: str,
    chart_id: str,
    body: list[str],
    rtl: bool,
) -> SafeString:
    if not _CHART_ID.fullmatch(chart_id):
        raise ValueError(f"chart_id must be a letter then letters, digits, - or _: {chart_id!r}")
    return mark_safe(  # noqa: S308 (every caller text is escaped by _text)
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart {kind}" '
        f'viewBox="0 0 {WIDTH} {_n(height)}" width="100%" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" focusable="false" '
        f'font-size="{FONT_SIZE}" fill="currentColor" direction="{"rtl" if rtl else "ltr"}">'
        f'<title id="{chart_id}-title">{_text(title)}</title>'
        f'<desc id="{chart_id}-desc">{_text(description)}</desc>' + "".join(body) + "</svg>"
    )


def _legend(series: Sequence[Series], top: float, rtl: bool) -> tuple[str, int]:
    """The legend (line sample, point shape and label of each series) and its number of rows."""
    items, x, row = [], 8.0, 0
    for index, one in enumerate(series):
        label = _fit(one.label, WIDTH - 60)
        width = 34 + _width(label) + 18
        if x + width > WIDTH - 8 and x > 8:
            x, row = 8.0, row + 1
        y = top + 16 + row * 22
        dash = f' stroke-dasharray="{DASHES[index]}"' if DASHES[index] else ""
        items.append(
            f'<g class="chart-legend-item series-{index}" fill="{COLOURS[index]}">'
            f'<path d="{_d([[(x, y - 4), (x + 28, y - 4)]], rtl)}" fill="none" '
            f'stroke="{COLOURS[index]}" stroke-width="2"{dash}/>'
            + _shape(index, x + 14, y - 4, 4, rtl, "chart-legend-point")
            + _label(x + 34, y, label, rtl, coloured_parent=True)
            + "</g>"
        )
        x += width
    return f'<g class="chart-legend">{"".join(items)}</g>', row + 1


def line_chart(
    series: Sequence[Series],
    *,
    title: str,
    description: str,
    unit: str = "",
    rtl: bool = False,
    y_min: float | None = None,
    y_max: float | None = None,
    target: Target | None = None,
    markers: Sequence[Marker] = (),
    format_value: Callable[[float], str] = str,
    chart_id: str = "chart",
) -> SafeString:
    """Time series as lines over `Point.position`; at most 8 series (more raise ValueError).

    A missing value breaks the line; `lower`/`upper` draw a band (a whisker for a lone point);
    `target` draws a dashed line to the target; `markers` draw a vertical dashed line each.
    `format_value` formats the numbers shown (ticks and hover titles) and receives a float.
    """
    series = tuple(series)
    if len(series) > MAX_SERIES:
        raise ValueError(f"at most {MAX_SERIES} series can be drawn, got {len(series)}")
    lines = [sorted(one.points, key=lambda p: _position(p.position)) for one in series]
    values = [p.value for points in lines for p in points if _number(p.value) is not None]
    if not values:
        return SafeString("")
    bounds = values + [
        v for points in lines for p in points for v in (p.lower, p.upper) if _number(v) is not None
    ]
    positions = [p.position for points in lines for p in points]
    positions += [_position(m.position) for m in markers]
    if target is not None:
        positions.append(_position(target.position))
        if _number(target.value) is None:
            raise ValueError(f"the target value must be a finite number, got {target.value!r}")
        bounds.append(target.value)
    low, high, ticks = _nice_scale(min(bounds), max(bounds), y_min, y_max)
    tick_labels = [str(format_value(t)) for t in ticks]

    top, bottom = 52, HEIGHT - 36
    left = min(200, max(36, max(map(_width, tick_labels)) + 16))
    right = WIDTH - 32
    inner_left, inner_right = left + 12, right - 12
    x_low, x_high = min(positions), max(positions)

    def sx(position: float) -> float:
        if x_high == x_low:
            return (inner_left + inner_right) / 2
        return inner_left + (position - x_low) / (x_high - x_low) * (inner_right - inner_left)

    def sy(value: float) -> float:
        return bottom - (value - low) / (high - low) * (bottom - top)

    separator = "، " if rtl else ", "  # the Arabic comma in RTL
    periods: dict[float, str] = {}
    for p in sorted((p for points in lines for p in points), key=lambda p: p.position):
        periods.setdefault(p.position, str(p.label))
    step = (inner_right - inner_left) / max(1, len(periods) - 1)
    radius = max(2, min(4, round(step / 3)))

    grid = _d([[(left, sy(t)), (right, sy(t))] for t in ticks], rtl)
    body = [
        f'<path class="chart-grid" d="{grid}" fill="none" stroke="currentColor" '
        'stroke-opacity="0.15"/>'
    ]
    if low < 0 < high:
        body.append(
            f'<path class="chart-zero" d="{_d([[(left, sy(0)), (right, sy(0))]], rtl)}" '
            'fill="none" stroke="currentColor" stroke-opacity="0.6" stroke-width="1.5"/>'
        )
    shown = _thin([(_clamp(sx(p), _width(text)), text, sx(p)) for p, text in periods.items()])
    axis = [[(left, top), (left, bottom), (right, bottom)]]
    axis += [[(x, bottom), (x, bottom + 4)] for _, _, x in shown]
    body.append(f'<path class="chart-axis" d="{_d(axis, rtl)}" fill="none" stroke="currentColor"/>')
    body += [
        _label(left - 8, sy(t) + 4, text, rtl, "end", "chart-axis chart-tick")
        for t, text in zip(ticks, tick_labels, strict=True)
    ]
    if unit:
        body.append(_label(8, 14, unit, rtl, "start", "chart-axis chart-unit"))
    body += [
        _label(x, bottom + 18, text, rtl, "middle", "chart-axis chart-period")
        for x, text, _ in shown
    ]

    for index, marker in enumerate(markers):
        x, text = sx(marker.position), str(marker.label)
        body.append(
            f'<g class="chart-marker"><path d="{_d([[(x, top - 4), (x, bottom)]], rtl)}" '
            'fill="none" stroke="currentColor" stroke-opacity="0.7" stroke-dasharray="4 3"/>'
            + _label(_clamp(x, _width(text)), top - 10 - 14 * (index % 2), text, rtl, "middle")
            + "</g>"
        )

    for index, points in enumerate(lines):
        intervals = [[]]
        for p in points:
            lower, upper = _number(p.lower), _number(p.upper)
            if lower is None or upper is None:
                intervals.append([])
            else:
                intervals[-1].append((sx(p.position), sy(lower), sy(upper)))
        for run in filter(None, intervals):
            colour = COLOURS[index]
            if len(run) == 1:
                [(x, y_low, y_high)] = run
                whisker = [[(x, y_low), (x, y_high)], [(x - 4, y_low), (x + 4, y_low)]]
                whisker.append([(x - 4, y_high), (x + 4, y_high)])
                body.append(
                    f'<path class="chart-whisker series-{index}" d="{_d(whisker, rtl)}" '
                    f'fill="none" stroke="{colour}" stroke-width="1.5"/>'
                )
            else:
                outline = [(x, y) for x, _, y in run] + [(x, y) for x, y, _ in reversed(run)]
                body.append(
                    f'<path class="chart-band series-{index}" d="{_d([outline], rtl, True)}" '
                    f'fill="{colour}" fill-opacity="0.2" stroke="none"/>'
                )

    for index, (one, points) in enumerate(zip(series, lines, strict=True)):
        segments, shapes = [[]], []
        marked = len(points) <= MAX_MARKED_POINTS
        for p in points:
            value = _number(p.value)
            if value is None:
                segments.append([])
                continue
            segments[-1].append((sx(p.position), sy(value), p.label, value))
        for segment in segments:
            for x, y, label, value in segment if marked or len(segment) == 1 else ():
                hover = f"{one.label}{separator}" if one.label else ""
                hover += f"{label}: {format_value(value)}"
                hover += f" {unit}" if unit else ""
                tip = f"<title>{_text(hover)}</title>"
                shapes.append(_shape(index, x, y, radius, rtl, "chart-point", tip))
        line = _d([[(x, y) for x, y, *_ in s] for s in segments if len(s) > 1], rtl)
        dash = f' stroke-dasharray="{DASHES[index]}"' if DASHES[index] else ""
        body.append(
            f'<g class="chart-series series-{index}" fill="{COLOURS[index]}" '
            f'stroke="{COLOURS[index]}">'
            + (
                f'<path class="chart-line series-{index}" d="{line}" fill="none" '
                f'stroke-width="2" stroke-linejoin="round"{dash}/>'
                if line
                else ""
            )
            + "".join(shapes)
            + "</g>"
        )

    if target is not None:
        x, y = sx(target.position), sy(target.value)
        last = next(
            (
                p
                for p in reversed(lines[0])
                if _number(p.value) is not None and p.position < target.position
            ),
            None,
        )
        path = [(sx(last.position), sy(last.value)), (x, y)] if last else [(left, y), (right, y)]
        text = str(target.label)
        body.append(
            f'<g class="chart-target"><path d="{_d([path], rtl)}" fill="none" '
            'stroke="currentColor" stroke-width="1.5" stroke-dasharray="6 4"/>'
            f'<circle cx="{_n(WIDTH - x if rtl else x)}" cy="{_n(y)}" r="6" fill="none" '
            'stroke="currentColor" stroke-width="2"/>'
            f'<circle cx="{_n(WIDTH - x if rtl else x)}" cy="{_n(y)}" r="2" '
            'fill="currentColor"/>'
            + _label(
                _clamp(x, _width(text)), y - 12 if y > top + 4 else y + 22, text, rtl, "middle"
            )
            + "</g>"
        )

    height = HEIGHT
    if len(series) > 1:
        legend, rows = _legend(series, HEIGHT - 8, rtl)
        body.append(legend)
        height += rows * 22
    return _svg("line-chart", height, title, description, chart_id, body, rtl)


def bar_chart(
    bars: Sequence[tuple[str, float | None]],
    *,
    title: str,
    description: str,
    unit: str = "",
    rtl: bool = False,
    y_min: float | None = None,
    y_max: float | None = None,
    format_value: Callable[[float], str] = str,
    chart_id: str = "chart",
) -> SafeString:
    """Horizontal bars in the given order, growing from a zero baseline (negative values the
    other way); a None value shows an en dash and no bar. The value domain always includes zero."""
    rows = [(str(label), _number(value)) for label, value in bars]
    numbers = [value for _, value in rows if value is not None]
    if not numbers:
        return SafeString("")
    low, high, ticks = _nice_scale(min(0, *numbers), max(0, *numbers), y_min, y_max)
    texts = [("–" if v is None else str(format_value(v))) for _, v in rows]

    row_height, bar_height, top = 28, 18, 36
    bottom = top + len(rows) * row_height
    label_width = min(240, max(_width(label) for label, _ in rows))
    negative = [_width(t) for t, (_, v) in zip(texts, rows, strict=True) if v is not None and v < 0]
    positive = [_width(t) for t, (_, v) in zip(texts, rows, strict=True) if v is None or v >= 0]
    start = 8 + label_width + 10 + (min(120, max(negative)) + 8 if negative else 0)
    end = WIDTH - 8 - (min(120, max(positive)) + 8 if positive else 0)

    def sx(value: float) -> float:
        return start + (value - low) / (high - low) * (end - start)

    zero = sx(0)
    grid = _d([[(sx(t), top - 4), (sx(t), bottom)] for t in ticks], rtl)
    body = [
        f'<path class="chart-grid" d="{grid}" fill="none" stroke="currentColor" '
        'stroke-opacity="0.15"/>'
    ]
    tick_labels = []
    for t in ticks:
        text = str(format_value(t))
        tick_labels.append((_clamp(sx(t), _width(text)), text, sx(t)))
    body += [
        _label(x, bottom + 18, text, rtl, "middle", "chart-axis chart-tick")
        for x, text, _ in _thin(tick_labels)
    ]
    if unit:
        body.append(_label(WIDTH - 8, 20, unit, rtl, "end", "chart-axis chart-unit"))

    for index, ((label, value), text) in enumerate(zip(rows, texts, strict=True)):
        y = top + index * row_height + (row_height - bar_height) / 2
        baseline = y + bar_height / 2 + 4
        hover = f"{label}: {text}" + (f" {unit}" if unit and value is not None else "")
        hover = f"<title>{_text(hover)}</title>"
        body.append(
            _label(8 + label_width, baseline, _fit(label, label_width), rtl, "end", "chart-label")
        )
        if value is None:
            body.append(_label(zero + 4, baseline, text, rtl, "start", "chart-missing", hover))
            continue
        x = sx(value)
        x0, x1 = min(zero, x), max(zero, x)
        body.append(
            f'<rect class="chart-bar series-0" x="{_n(WIDTH - x1 if rtl else x0)}" y="{_n(y)}" '
            f'width="{_n(x1 - x0)}" height="{bar_height}" fill="{COLOURS[0]}">{hover}</rect>'
        )
        if value < 0:
            body.append(_label(x - 4, baseline, text, rtl, "end", "chart-value"))
        else:
            body.append(_label(x + 4, baseline, text, rtl, "start", "chart-value"))
    body.append(
        f'<path class="chart-axis chart-zero" d="{_d([[(zero, top - 4), (zero, bottom)]], rtl)}" '
        'fill="none" stroke="currentColor"/>'
    )
    return _svg("bar-chart", bottom + 30, title, description, chart_id, body, rtl)
