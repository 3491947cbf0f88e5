import math
import re
import xml.etree.ElementTree as ET
from itertools import pairwise

import pytest
from django.utils.safestring import SafeString
from hypothesis import given, settings
from hypothesis import strategies as st

from portal.statistics import charts
from portal.statistics.charts import Marker, Point, Series, Target, bar_chart, line_chart

SVG = "{http://www.w3.org/2000/svg}"
EVIL = "<script>&\"'"
LRM = "\u200e"
TOKEN = re.compile(r"[MLZ]|-?\d+(?:\.\d+)?")


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # noqa: S314 (our own output)


def by_class(root: ET.Element, name: str) -> list[ET.Element]:
    return [e for e in root.iter() if name in e.get("class", "").split()]


def text_of(element: ET.Element) -> str:
    """The visible text of a <text> (without its <title> or the left-to-right marks)."""
    return "".join(t for t in [element.text or ""] + [c.tail or "" for c in element]).strip(LRM)


def hover(element: ET.Element) -> str:
    return element.find(f"{SVG}title").text


def subpaths(d: str) -> list[list[tuple[float, float]]]:
    """The absolute points of each sub-path of path data made of M, L and Z."""
    paths, numbers = [], []
    for token in [*TOKEN.findall(d), "M"]:
        if token in "MLZ":
            if token == "M" and numbers:
                paths.append(list(zip(numbers[::2], numbers[1::2], strict=True)))
                numbers = []
        else:
            numbers.append(float(token))
    return paths


def centre(element: ET.Element) -> tuple[float, float]:
    if element.tag == f"{SVG}circle":
        return float(element.get("cx")), float(element.get("cy"))
    [vertices] = subpaths(element.get("d"))
    xs, ys = zip(*vertices, strict=True)
    return (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2


def years(values, start=2012, **interval):
    return tuple(Point(str(start + i), start + i, v, **interval) for i, v in enumerate(values))


def line(*series, **options):
    options.setdefault("title", "CPI score")
    options.setdefault("description", "Morocco's score, 2012 to 2025")
    return line_chart(series, **options)


def bars(items, **options):
    options.setdefault("title", "Complaints by region")
    options.setdefault("description", "Complaints received in 2024, by region")
    return bar_chart(items, **options)


def inherited(root: ET.Element, element: ET.Element, name: str) -> str | None:
    """The value of a presentation attribute on `element` or its nearest ancestor having it."""
    parents = {child: parent for parent in root.iter() for child in parent}
    while element is not None:
        if element.get(name) is not None:
            return element.get(name)
        element = parents.get(element)
    return None


def physical_edge(text: ET.Element, rtl: bool) -> str:
    """Which side of the rendered text sits at its x: SVG resolves start/end by direction."""
    anchor = text.get("text-anchor")
    if anchor == "middle":
        return "middle"
    return "left" if (anchor == "start") != rtl else "right"


def tick_values(root: ET.Element) -> list[float]:
    return [float(text_of(t)) for t in by_class(root, "chart-tick")]


MOROCCO = Series("Morocco", years([37, 37, 39, 36, 37, 40, 43, 41, 40, 39, 38, 38, 37, 39]))


# The SVG element


def test_root_is_an_accessible_self_contained_svg():
    svg = line(MOROCCO, chart_id="cpi")
    assert isinstance(svg, SafeString)
    root = parse(svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("width") == "100%"
    assert root.get("height") is None
    assert [float(n) for n in root.get("viewBox").split()] == [0, 0, 720, 360]
    assert root.get("role") == "img"
    assert root.get("focusable") == "false"
    assert "chart" in root.get("class").split()
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert (title.get("id"), desc.get("id")) == ("cpi-title", "cpi-desc")
    assert (title.text, desc.text) == ("CPI score", "Morocco's score, 2012 to 2025")


def test_two_charts_on_a_page_have_different_ids():
    first = parse(line(MOROCCO, chart_id="cpi")).get("aria-labelledby")
    second = parse(bars([("Rabat", 3)], chart_id="regions")).get("aria-labelledby")
    assert set(first.split()).isdisjoint(second.split())


@pytest.mark.parametrize("chart_id", ["", "two words", '"><script>', "1st"])
def test_an_unusable_chart_id_is_refused(chart_id):
    with pytest.raises(ValueError):
        line(MOROCCO, chart_id=chart_id)


def everything(rtl: bool) -> list[str]:
    """A line chart and a bar chart using every feature, with caller text everywhere."""
    lines = line(
        Series(EVIL, years([1, None, 3, 4], lower=0.5, upper=4.5)),
        Series("B", years([-2, 2, None, 1])),
        title=EVIL,
        description=EVIL,
        unit=EVIL,
        rtl=rtl,
        target=Target(2020, 5, EVIL),
        markers=[Marker(2013, EVIL)],
        format_value=lambda v: f"{v:g}{EVIL}",
    )
    bar = bars(
        [(EVIL, 3), ("B", -1), ("C", None)],
        title=EVIL,
        description=EVIL,
        unit=EVIL,
        rtl=rtl,
        format_value=lambda v: f"{v:g}{EVIL}",
    )
    return [lines, bar]


@pytest.mark.parametrize("rtl", [False, True])
def test_no_external_reference_script_or_style(rtl):
    for svg in everything(rtl):
        for element in parse(svg).iter():
            assert element.tag.removeprefix(SVG) not in {"image", "script", "foreignObject", "a"}
            assert element.tag.startswith(SVG)
            for name, value in element.attrib.items():
                assert "href" not in name
                assert not name.startswith("on")
                assert "url(" not in value
                assert name != "style"
            assert "http" not in "".join(element.itertext())


@pytest.mark.parametrize("rtl", [False, True])
def test_every_caller_text_is_escaped(rtl):
    lines, bar = everything(rtl)
    for svg in (lines, bar):
        assert "<script>" not in svg
        root = parse(svg)
        assert root.find(f"{SVG}title").text == EVIL
        assert root.find(f"{SVG}desc").text == EVIL
        texts = [text_of(t) for t in root.iter(f"{SVG}text")]
        assert EVIL in texts  # the unit, written once
        assert any(t.endswith(EVIL) and t != EVIL for t in texts)  # a formatted number
    root = parse(lines)
    assert any(text_of(i.find(f"{SVG}text")) == EVIL for i in by_class(root, "chart-legend-item"))
    assert text_of(by_class(root, "chart-marker")[0].find(f"{SVG}text")) == EVIL
    assert text_of(by_class(root, "chart-target")[0].find(f"{SVG}text")) == EVIL
    comma = "، " if rtl else ", "
    assert hover(by_class(root, "chart-point")[0]) == f"{EVIL}{comma}2012: 1{EVIL} {EVIL}"
    assert hover(by_class(parse(bar), "chart-bar")[0]) == f"{EVIL}: 3{EVIL} {EVIL}"


def test_characters_that_xml_forbids_are_dropped():
    root = parse(
        line(Series("a\x00b\x1bc", years([1, 2])), Series("\ufffe", years([3])), title="t\x0b")
    )
    assert root.find(f"{SVG}title").text == "t"
    assert "abc" in [text_of(i.find(f"{SVG}text")) for i in by_class(root, "chart-legend-item")]


@pytest.mark.parametrize("rtl", [False, True])
def test_text_follows_the_page_colour_and_font(rtl):
    for svg in everything(rtl):
        root = parse(svg)
        assert "font-family" not in svg
        assert "transform" not in svg
        texts = list(root.iter(f"{SVG}text"))
        assert texts
        assert root.get("direction") == ("rtl" if rtl else "ltr")
        for text in texts:
            assert inherited(root, text, "fill") == "currentColor"
            assert inherited(root, text, "direction") == ("rtl" if rtl else "ltr")


def test_output_is_deterministic_and_points_are_sorted_by_position():
    points = list(MOROCCO.points)
    shuffled = points[7:] + points[:7][::-1]
    expected = line(MOROCCO, target=Target(2030, 60, "Target"))
    assert line(MOROCCO, target=Target(2030, 60, "Target")) == expected
    assert line(Series("Morocco", tuple(shuffled)), target=Target(2030, 60, "Target")) == expected


def test_nothing_to_draw_gives_an_empty_string():
    for svg in (
        line(),
        line(Series("Morocco", ())),
        line(Series("Morocco", years([None, None], lower=1, upper=2))),
        bars([]),
        bars([("Rabat", None)]),
    ):
        assert svg == ""
        assert isinstance(svg, SafeString)


def test_more_than_eight_series_are_refused():
    eight = [Series(str(i), years([i, i + 1])) for i in range(8)]
    parse(line(*eight))
    with pytest.raises(ValueError, match="8"):
        line(*eight, Series("9", years([1])))


# Time axis, RTL


def point_xs(root):
    return [centre(p)[0] for p in by_class(root, "chart-point")]


def test_time_runs_left_to_right_in_ltr_and_right_to_left_in_rtl():
    ltr, rtl = parse(line(MOROCCO)), parse(line(MOROCCO, rtl=True))
    assert point_xs(ltr) == sorted(point_xs(ltr))
    assert point_xs(rtl) == sorted(point_xs(rtl), reverse=True)
    for a, b in zip(point_xs(ltr), point_xs(rtl), strict=True):
        assert a + b == pytest.approx(720, abs=0.11)
    periods = [text_of(t) for t in by_class(rtl, "chart-period")]
    assert periods[0] == "2012"
    assert float(by_class(rtl, "chart-period")[0].get("x")) > float(
        by_class(rtl, "chart-period")[-1].get("x")
    )


def test_the_value_axis_and_its_labels_are_on_the_start_side():
    for rtl in (False, True):
        root = parse(line(MOROCCO, rtl=rtl, unit="points"))
        xs = point_xs(root)
        ticks = by_class(root, "chart-tick")
        assert len(ticks) >= 4
        [axis] = [e for e in by_class(root, "chart-axis") if e.tag == f"{SVG}path"]
        axis_x = subpaths(axis.get("d"))[0][0][0]
        [unit] = by_class(root, "chart-unit")
        if rtl:
            assert axis_x > max(xs)
            assert all(float(t.get("x")) > axis_x for t in ticks)
            # The text starts at x and runs rightwards, away from the plot.
            assert {physical_edge(t, rtl) for t in ticks} == {"left"}
            assert float(unit.get("x")) > max(xs)
            assert physical_edge(unit, rtl) == "right"
        else:
            assert axis_x < min(xs)
            assert all(float(t.get("x")) < axis_x for t in ticks)
            assert {physical_edge(t, rtl) for t in ticks} == {"right"}
            assert float(unit.get("x")) < min(xs)
            assert physical_edge(unit, rtl) == "left"


def test_numbers_and_codes_read_left_to_right_in_rtl():
    arabic = Series("المغرب", (Point("2021-Q1", 2021, -0.4), Point("2021-Q2", 2021.25, -0.3)))
    root = parse(line(arabic, rtl=True, unit="نقطة"))
    ticks = by_class(root, "chart-tick")
    assert any(t.text.startswith(f"{LRM}-") and t.text.endswith(LRM) for t in ticks)
    assert all(t.text.startswith(LRM) for t in by_class(root, "chart-period"))
    assert by_class(root, "chart-unit")[0].text == "نقطة"  # Arabic text is left to the bidi
    ltr = parse(line(arabic))
    assert LRM not in "".join(ltr.itertext())


def test_period_labels_are_thinned_without_overlap_and_keep_the_first_and_last():
    points = tuple(
        Point(f"{2000 + m // 12}-{m % 12 + 1:02d}", 2000 + m / 12, m % 7) for m in range(240)
    )
    for rtl in (False, True):
        labels = by_class(parse(line(Series("Complaints", points), rtl=rtl)), "chart-period")
        texts = [text_of(t) for t in labels]
        assert 2 <= len(texts) <= 12
        assert (texts[0], texts[-1]) == ("2000-01", "2019-12")
        xs = sorted(float(t.get("x")) for t in labels)
        width = 7 * charts.CHAR_WIDTH
        assert all(b - a >= width for a, b in pairwise(xs))
        assert all(width / 2 <= x <= 720 - width / 2 for x in xs)


def test_yearly_labels_keep_the_ends_and_a_few_periods_are_all_labelled():
    labels = [text_of(t) for t in by_class(parse(line(MOROCCO)), "chart-period")]
    assert 7 <= len(labels) <= 12
    assert (labels[0], labels[-1]) == ("2012", "2025")
    assert set(labels) <= {p.label for p in MOROCCO.points}
    few = [text_of(t) for t in by_class(parse(line(Series("x", years([1, 2, 3])))), "chart-period")]
    assert few == ["2012", "2013", "2014"]


# Lines, gaps, bands


def test_a_missing_value_breaks_the_line_and_a_lone_point_stays_visible():
    series = Series("Morocco", years([1, 2, None, 3, 4, None, 5, None, 6, 7]))
    root = parse(line(series))
    [path] = by_class(root, "chart-line")
    assert "series-0" in path.get("class").split()
    runs = subpaths(path.get("d"))
    assert [len(run) for run in runs] == [2, 2, 2]
    points = by_class(root, "chart-point")
    assert len(points) == 7
    lone = centre(points[4])
    assert all(lone not in run for run in runs)
    assert hover(points[4]) == "Morocco, 2018: 5.0"


def test_a_not_finite_value_is_a_gap_and_a_not_finite_position_is_refused():
    root = parse(line(Series("x", years([1, 2, math.nan, 3, 4]))))
    assert [len(run) for run in subpaths(by_class(root, "chart-line")[0].get("d"))] == [2, 2]
    with pytest.raises(ValueError):
        line(Series("x", (Point("?", math.inf, 1),)))


def test_every_point_has_a_hover_title_with_series_period_value_and_unit():
    root = parse(line(MOROCCO, unit="points", format_value=lambda v: f"{v:.0f}"))
    titles = [hover(p) for p in by_class(root, "chart-point")]
    assert titles[0] == "Morocco, 2012: 37 points"
    assert titles[-1] == "Morocco, 2025: 39 points"
    assert len(titles) == 14
    alone = parse(
        line(Series("", MOROCCO.points), unit="points", format_value=lambda v: f"{v:.0f}")
    )
    assert hover(by_class(alone, "chart-point")[0]) == "2012: 37 points"


def test_format_value_receives_floats():
    received = []

    def record(value):
        received.append(value)
        return str(value)

    line(Series("Complaints", years([3, 7, 12])), format_value=record)
    bars([("Rabat", 3), ("Fès", -2)], format_value=record)
    assert received
    assert all(type(v) is float for v in received)


def test_a_band_is_drawn_only_for_points_with_an_interval():
    plain = parse(line(MOROCCO))
    assert not by_class(plain, "chart-band")
    assert not by_class(plain, "chart-whisker")

    wgi = Series("Morocco", years([-0.4, -0.5, -0.3], lower=-0.6, upper=-0.1))
    root = parse(line(wgi))
    [band] = by_class(root, "chart-band")
    assert "series-0" in band.get("class").split()
    assert 0 < float(band.get("fill-opacity")) < 1
    [outline] = subpaths(band.get("d"))
    assert len(outline) == 6
    for x, y in map(centre, by_class(root, "chart-point")):
        edges = sorted(py for px, py in outline if px == pytest.approx(x, abs=0.01))
        assert edges[0] < y < edges[1]
    elements = list(root.iter())
    assert elements.index(band) < elements.index(by_class(root, "chart-line")[0])


def test_a_lone_interval_is_drawn_as_a_whisker():
    points = years([-0.4, -0.5, -0.3])
    points = (Point("2012", 2012, -0.4, -0.7, -0.2), *points[1:])
    root = parse(line(Series("Morocco", points)))
    assert not by_class(root, "chart-band")
    [whisker] = by_class(root, "chart-whisker")
    x, y = centre(by_class(root, "chart-point")[0])
    stem = subpaths(whisker.get("d"))[0]
    assert {px for px, _ in stem} == {x}
    assert min(py for _, py in stem) < y < max(py for _, py in stem)


# Series styles and legend


def test_series_differ_by_colour_dash_and_shape():
    root = parse(line(*(Series(f"S{i}", years([i, i + 1, i])) for i in range(8))))
    groups = by_class(root, "chart-series")
    assert [g.get("class").split()[-1] for g in groups] == [f"series-{i}" for i in range(8)]
    assert len({g.get("fill") for g in groups}) == 8
    assert {g.get("fill") for g in groups} == set(charts.COLOURS)
    lines = by_class(root, "chart-line")
    assert len({p.get("stroke-dasharray") for p in lines}) == 8

    def shape(element):
        if element.tag == f"{SVG}circle":
            return "circle"
        [vertices] = subpaths(element.get("d"))
        x, y = centre(element)
        return tuple((round(px - x), round(py - y)) for px, py in vertices)

    firsts = [g.find(f"{SVG}*[@class='chart-point']") for g in groups]
    assert len({shape(p) for p in firsts}) == 8


def test_one_series_has_no_legend():
    root = parse(line(MOROCCO))
    assert not by_class(root, "chart-legend")


def test_several_series_have_a_legend_with_colour_and_dash():
    women = Series("Women", years([30, 31, 33]))
    men = Series("Men", years([35, 34, 36]))
    root = parse(line(women, men))
    [legend] = by_class(root, "chart-legend")
    items = by_class(legend, "chart-legend-item")
    assert [text_of(i.find(f"{SVG}text")) for i in items] == ["Women", "Men"]
    samples = [i.find(f"{SVG}path") for i in items]
    assert [s.get("stroke") for s in samples] == list(charts.COLOURS[:2])
    assert samples[0].get("stroke-dasharray") is None
    assert samples[1].get("stroke-dasharray") == charts.DASHES[1]
    height = float(root.get("viewBox").split()[3])
    assert height > 360
    assert all(float(t.get("y")) < height for t in legend.iter(f"{SVG}text"))


def test_the_legend_is_mirrored_in_rtl():
    women = Series("نساء", years([30, 31, 33]))
    men = Series("رجال", years([35, 34, 36]))
    for rtl in (False, True):
        items = by_class(parse(line(women, men, rtl=rtl)), "chart-legend-item")
        sample_x = [subpaths(i.find(f"{SVG}path").get("d"))[0][0][0] for i in items]
        text_x = [float(i.find(f"{SVG}text").get("x")) for i in items]
        if rtl:
            assert sample_x[0] > sample_x[1]
            assert all(t < s for t, s in zip(text_x, sample_x, strict=True))
        else:
            assert sample_x[0] < sample_x[1]
            assert all(t > s for t, s in zip(text_x, sample_x, strict=True))


# Value axis


def test_a_fixed_domain_gives_its_ticks_and_grid():
    root = parse(line(MOROCCO, y_min=0, y_max=100, format_value=lambda v: f"{v:g}"))
    assert tick_values(root) == [0, 20, 40, 60, 80, 100]
    [grid] = by_class(root, "chart-grid")
    ys = sorted(run[0][1] for run in subpaths(grid.get("d")))
    assert len(ys) == 6
    points = [centre(p)[1] for p in by_class(root, "chart-point")]
    assert ys[0] < min(points) and max(points) < ys[-1]
    # 37 of 0-100 sits 37% of the way up.
    assert points[0] == pytest.approx(ys[-1] - 0.37 * (ys[-1] - ys[0]), abs=0.2)
    assert not by_class(root, "chart-zero")


def test_values_outside_a_fixed_domain_extend_it():
    root = parse(line(MOROCCO, y_min=40, y_max=42, format_value=repr))
    ticks = tick_values(root)
    assert ticks[0] <= 36 and ticks[-1] >= 43


def test_inconsistent_fixed_bounds_are_refused():
    with pytest.raises(ValueError):
        line(MOROCCO, y_min=50, y_max=50)


def test_negative_values_get_a_zero_line():
    wgi = Series("Control of corruption", years([-0.42, -0.35, -0.61, 0.05]))
    root = parse(line(wgi, format_value=repr))
    ticks = tick_values(root)
    assert ticks[0] <= -0.61 and ticks[-1] >= 0.05 and 0 in ticks
    [zero] = by_class(root, "chart-zero")
    zero_y = subpaths(zero.get("d"))[0][0][1]
    ys = [centre(p)[1] for p in by_class(root, "chart-point")]
    assert ys[3] < zero_y < min(ys[:3])
    all_negative = parse(line(Series("x", years([-0.42, -0.35, -0.61])), format_value=repr))
    assert not by_class(all_negative, "chart-zero")


def is_nice(step: float) -> bool:
    mantissa = step / 10 ** math.floor(math.log10(step))
    return any(mantissa == pytest.approx(m, rel=1e-6) for m in (1, 2, 2.5, 5, 10))


finite = st.floats(-1e6, 1e6, allow_nan=False)


@settings(max_examples=300, deadline=None)
@given(finite, finite)
def test_ticks_are_nice_and_cover_the_data(a, b):
    root = parse(line(Series("x", (Point("a", 0, a), Point("b", 1, b))), format_value=repr))
    ticks = tick_values(root)
    assert 4 <= len(ticks) <= 7
    steps = [y - x for x, y in pairwise(ticks)]
    assert all(s == pytest.approx(steps[0], rel=1e-6) for s in steps)
    assert is_nice(steps[0])
    slack = 1e-9 * max(1.0, abs(a), abs(b))
    assert ticks[0] <= min(a, b) + slack and ticks[-1] >= max(a, b) - slack
    assert len(by_class(root, "chart-zero")) == (ticks[0] < 0 < ticks[-1])


def test_the_target_and_intervals_are_inside_the_domain():
    series = Series("Morocco", years([37, 38], lower=30, upper=45))
    ticks = tick_values(parse(line(series, target=Target(2015, 60, "Target"), format_value=repr)))
    assert ticks[0] <= 30 and ticks[-1] >= 60


def test_the_unit_is_written_once():
    root = parse(line(MOROCCO, unit="points"))
    assert [text_of(t) for t in root.iter(f"{SVG}text")].count("points") == 1
    assert not by_class(parse(line(MOROCCO)), "chart-unit")


# Target and markers


def test_a_target_is_reached_by_a_dashed_line_from_the_last_value():
    series = Series("Morocco", years([37, 38, 39, None]))
    root = parse(line(series, target=Target(2025, 60, "Target 2025: 60"), format_value=repr))
    [target] = by_class(root, "chart-target")
    path = target.find(f"{SVG}path")
    assert path.get("stroke-dasharray")
    [[start, end]] = subpaths(path.get("d"))
    last = centre(by_class(root, "chart-point")[-1])
    assert start == pytest.approx(last, abs=0.01)
    rings = target.findall(f"{SVG}circle")
    assert {(float(c.get("cx")), float(c.get("cy"))) for c in rings} == {end}
    assert end[0] > last[0]
    assert end[1] < last[1]  # 60 is above 39
    assert text_of(target.find(f"{SVG}text")) == "Target 2025: 60"
    xs = [float(t.get("x")) for t in by_class(root, "chart-tick")]
    assert end[0] > max(point_xs(root)) > min(point_xs(root)) > max(xs)


def test_a_target_without_earlier_value_is_a_horizontal_line():
    root = parse(line(Series("Morocco", years([37, 38])), target=Target(2000, 50, "Goal")))
    [[start, end]] = subpaths(by_class(root, "chart-target")[0].find(f"{SVG}path").get("d"))
    assert start[1] == end[1]
    assert abs(start[0] - end[0]) > 500


def test_the_target_is_mirrored_in_rtl():
    target = Target(2030, 60, "الهدف 2030: 60")
    ltr = parse(line(MOROCCO, target=target))
    rtl = parse(line(MOROCCO, target=target, rtl=True))
    x_ltr = float(by_class(ltr, "chart-target")[0].find(f"{SVG}circle").get("cx"))
    x_rtl = float(by_class(rtl, "chart-target")[0].find(f"{SVG}circle").get("cx"))
    assert x_ltr > max(point_xs(ltr))
    assert x_rtl < min(point_xs(rtl))
    assert x_ltr + x_rtl == pytest.approx(720, abs=0.11)


def test_markers_draw_a_dashed_vertical_line_with_a_label_inside_the_chart():
    label = "New method (0-100 scale), not comparable with earlier years"
    for rtl in (False, True):
        markers = [Marker(2012, label), Marker(2020.5, "Survey")]
        root = parse(line(MOROCCO, markers=markers, rtl=rtl))
        groups = by_class(root, "chart-marker")
        assert len(groups) == 2
        [[top, bottom]] = subpaths(groups[0].find(f"{SVG}path").get("d"))
        assert top[0] == bottom[0] == pytest.approx(point_xs(root)[0], abs=0.01)
        assert bottom[1] - top[1] > 200
        assert groups[0].find(f"{SVG}path").get("stroke-dasharray")
        text = groups[0].find(f"{SVG}text")
        assert text_of(text) == label
        half = len(label) * charts.CHAR_WIDTH / 2
        assert half <= float(text.get("x")) <= 720 - half
        assert physical_edge(text, False) == "middle"


def test_markers_extend_the_time_axis():
    root = parse(line(MOROCCO, markers=[Marker(2030, "Next survey")]))
    marker_x = subpaths(by_class(root, "chart-marker")[0].find(f"{SVG}path").get("d"))[0][0][0]
    assert marker_x > max(point_xs(root)) + 100


# Geometry of any input


def in_view_box(root: ET.Element) -> None:
    """Every coordinate is a finite number with at most one decimal, inside the viewBox."""
    _, _, width, height = (float(n) for n in root.get("viewBox").split())
    for element in root.iter():
        numbers = []
        for name in ("x", "cx"):
            if name in element.attrib:
                numbers.append((element.get(name), width))
        for name in ("y", "cy"):
            if name in element.attrib:
                numbers.append((element.get(name), height))
        if "width" in element.attrib and element.tag != f"{SVG}svg":
            right = float(element.get("x")) + float(element.get("width"))
            assert float(element.get("width")) >= 0
            assert right <= width + 0.11
            assert float(element.get("y")) + float(element.get("height")) <= height
        for run in subpaths(element.get("d", "")):
            for x, y in run:
                assert 0 <= x <= width and 0 <= y <= height, (x, y)
        for value, limit in numbers:
            assert re.fullmatch(r"-?\d+(\.\d)?", value), value
            assert 0 <= float(value) <= limit
        for token in TOKEN.findall(element.get("d", "")):
            assert token in "MLZ" or re.fullmatch(r"-?\d+(\.\d)?", token)


maybe = st.one_of(st.none(), finite)
points = st.builds(
    Point,
    label=st.text(max_size=10),
    position=st.one_of(st.floats(-1e5, 1e5), st.integers(1990, 2030).map(float)),
    value=maybe,
    lower=maybe,
    upper=maybe,
)
series = st.builds(
    Series, label=st.text(max_size=30), points=st.lists(points, max_size=12).map(tuple)
)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(series, min_size=1, max_size=4),
    st.booleans(),
    st.one_of(st.none(), st.builds(Target, st.floats(1980, 2040), finite, st.text(max_size=20))),
    st.lists(st.builds(Marker, st.floats(1980, 2040), st.text(max_size=40)), max_size=3),
)
def test_any_line_chart_stays_inside_its_view_box(series_list, rtl, target, markers):
    svg = line(*series_list, rtl=rtl, target=target, markers=markers, unit="%")
    if not any(p.value is not None for s in series_list for p in s.points):
        assert svg == ""
        return
    root = parse(svg)
    in_view_box(root)
    count = sum(p.value is not None for s in series_list for p in s.points)
    assert len(by_class(root, "chart-point")) == count


def test_a_single_value_is_drawn():
    root = parse(line(Series("Morocco", (Point("2024", 2024, 38),)), format_value=repr))
    in_view_box(root)
    [point] = by_class(root, "chart-point")
    assert not by_class(root, "chart-line")
    assert 300 < centre(point)[0] < 420
    ticks = tick_values(root)
    assert ticks[0] < 38 < ticks[-1]


def test_equal_values_are_drawn_as_a_flat_line():
    root = parse(line(Series("x", years([0.0] * 5)), format_value=repr))
    in_view_box(root)
    [[run]] = [subpaths(p.get("d")) for p in by_class(root, "chart-line")]
    assert len({y for _, y in run}) == 1
    assert tick_values(root)[0] < 0 < tick_values(root)[-1]


def test_a_thousand_points_stay_small():
    points = tuple(
        Point(f"{1940 + m // 12}-{m % 12 + 1:02d}", 1940 + m / 12, 20 + (m * 7919) % 600 / 10)
        for m in range(1000)
    )
    svg = line(Series("Morocco", points), format_value=lambda v: f"{v:.1f}")
    assert len(svg.encode()) < 20_000
    root = parse(svg)
    assert not by_class(root, "chart-point")  # a line only: the table gives each value
    [[run]] = [subpaths(p.get("d")) for p in by_class(root, "chart-line")]
    assert len(run) == 1000
    assert len(by_class(root, "chart-period")) <= 12
    gap = (*points[:500], Point("gap", 1981.7, None), points[600], Point("gap", 1990.2, None))
    lone = parse(line(Series("Morocco", (*gap, *points[700:])), format_value=str))
    assert len(by_class(lone, "chart-point")) == 1  # a point alone between gaps stays visible


# Bar chart


REGIONS = [
    ("Casablanca-Settat", 120),
    ("Oriental", -30),
    ("Drâa-Tafilalet", None),
    ("Souss-Massa", 60),
]


def bar_parts(root):
    rects = by_class(root, "chart-bar")
    edges = [(float(r.get("x")), float(r.get("x")) + float(r.get("width"))) for r in rects]
    [zero] = by_class(root, "chart-zero")
    return rects, edges, subpaths(zero.get("d"))[0][0][0]


def test_bars_keep_the_given_order_with_titles_and_values():
    root = parse(bars(REGIONS, unit="complaints", format_value=lambda v: f"{v:g}"))
    rects, _, _ = bar_parts(root)
    assert [hover(r) for r in rects] == [
        "Casablanca-Settat: 120 complaints",
        "Oriental: -30 complaints",
        "Souss-Massa: 60 complaints",
    ]
    ys = [float(r.get("y")) for r in rects]
    assert ys == sorted(ys)
    labels = [text_of(t) for t in by_class(root, "chart-label")]
    assert labels == [label for label, _ in REGIONS]
    assert [text_of(t) for t in by_class(root, "chart-value")] == ["120", "-30", "60"]
    assert all(r.get("fill") == charts.COLOURS[0] for r in rects)
    height = float(root.get("viewBox").split()[3])
    more = parse(bars(REGIONS * 3))
    assert float(more.get("viewBox").split()[3]) > height


def test_a_missing_bar_shows_a_dash_not_a_zero_bar():
    root = parse(bars(REGIONS))
    assert len(by_class(root, "chart-bar")) == 3
    [missing] = by_class(root, "chart-missing")
    assert text_of(missing) == "–"
    assert hover(missing) == "Drâa-Tafilalet: –"
    label = next(t for t in by_class(root, "chart-label") if text_of(t) == "Drâa-Tafilalet")
    assert missing.get("y") == label.get("y")


@pytest.mark.parametrize("rtl", [False, True])
def test_bars_grow_from_zero_and_negative_bars_grow_the_other_way(rtl):
    root = parse(bars(REGIONS, rtl=rtl))
    _, edges, zero = bar_parts(root)
    (a_left, a_right), (b_left, b_right), (c_left, c_right) = edges
    assert a_right - a_left == pytest.approx(2 * (c_right - c_left), abs=0.2)
    assert a_right - a_left == pytest.approx(4 * (b_right - b_left), abs=0.2)
    labels = [float(t.get("x")) for t in by_class(root, "chart-label")]
    values = by_class(root, "chart-value")
    if rtl:
        assert [a_right, c_right, b_left] == pytest.approx([zero] * 3, abs=0.11)
        assert all(x > max(right for _, right in edges) for x in labels)
        assert float(values[0].get("x")) < a_left and float(values[1].get("x")) > b_right
    else:
        assert [a_left, c_left, b_right] == pytest.approx([zero] * 3, abs=0.11)
        assert all(x < min(left for left, _ in edges) for x in labels)
        assert float(values[0].get("x")) > a_right and float(values[1].get("x")) < b_left
    # Labels end next to the bars; values sit outside the bar ends.
    assert {physical_edge(t, rtl) for t in by_class(root, "chart-label")} == {
        "left" if rtl else "right"
    }
    assert physical_edge(values[0], rtl) == ("right" if rtl else "left")
    assert physical_edge(values[1], rtl) == ("left" if rtl else "right")


def test_bar_domain_includes_zero_and_fixed_bounds():
    root = parse(bars([("Rabat", 40), ("Fès", 55)], y_max=100, format_value=repr))
    ticks = tick_values(root)
    assert ticks[0] == 0 and ticks[-1] == 100
    _, edges, zero = bar_parts(root)
    assert edges[0][0] == pytest.approx(zero, abs=0.11)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.text(max_size=60), maybe), max_size=15), st.booleans())
def test_any_bar_chart_stays_inside_its_view_box(items, rtl):
    svg = bars(items, rtl=rtl, unit="%")
    if all(value is None for _, value in items):
        assert svg == ""
        return
    root = parse(svg)
    in_view_box(root)
    assert len(by_class(root, "chart-bar")) == sum(v is not None for _, v in items)
    assert len(by_class(root, "chart-label")) == len(items)
