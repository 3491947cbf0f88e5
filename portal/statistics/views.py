"""The statistics pages: the list of indicators, an indicator, its embed and its downloads."""

import json
from collections import defaultdict
from decimal import Decimal
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.utils import formats, translation
from django.utils.cache import patch_cache_control
from django.utils.html import format_html
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt
from wagtail.models import Site

from portal.core.models import TermKind, term_names
from portal.institutions.selectors import institution_labels

from . import charts, exports
from .importer import period_position
from .models import (
    LICENCE_URLS,
    Dataset,
    IndicatorFolderPage,
    IndicatorPage,
    Licence,
    Observation,
    Periodicity,
    SourceKind,
    decode_dimensions,
)
from .sparkline import sparkline

PER_PAGE = 24
MAX_SERIES = 8
TABLE_ROWS = 120  # latest periods in the data table; the downloads give every one
FILTERS = ("theme", "source", "institution")
EMBED_CSP = "; ".join(
    [
        "default-src 'none'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors *",
    ]
)


def format_number(value, decimals):
    return formats.number_format(
        Decimal(value), decimal_pos=decimals, use_l10n=True, force_grouping=True
    )


# The listing


def _current_series(datasets):
    """{dataset id: [observations of its totals]} of the current versions (one query). An
    indicator given only by breakdown has no headline value."""
    versions = {d.current_id: d.pk for d in datasets if d.current_id}
    series = defaultdict(list)
    for obs in Observation.objects.filter(version_id__in=versions, dimension_key="").order_by(
        "start"
    ):
        series[versions[obs.version_id]].append(obs)
    return series


def _trend(series, page):
    """The latest value, its period and the change from the one before."""
    if not series:
        return None
    last = series[-1]
    trend = {
        "value": format_number(last.value, page.decimals),
        "period": last.period,
        "dimensions": decode_dimensions(last.dimension_key),
        "sparkline": sparkline([float(o.value) for o in series]),
    }
    if len(series) > 1:
        previous = series[-2]
        trend["previous_period"] = previous.period
        trend["previous"] = format_number(previous.value, page.decimals)
        if not page.no_derivatives:  # a licence without derivatives: values only, no change
            step = Decimal(1).scaleb(-page.decimals)
            change = last.value.quantize(step) - previous.value.quantize(step)
            trend["change"] = format_number(abs(change), page.decimals)
            trend["direction"] = "up" if change > 0 else "down" if change < 0 else "same"
    return trend


def statistics_listing(request, index):
    locale = index.locale
    base = IndicatorPage.objects.live().public().descendant_of(index).filter(locale=locale)
    folders = {
        f.path: f
        for f in IndicatorFolderPage.objects.child_of(index).live().public().order_by("title")
    }
    institutions = institution_labels(locale)

    def folder_name(folder):
        return institutions.get(folder.slug, (None, folder.title))[1]

    indicators = list(base.prefetch_related("themes").order_by("title"))
    themes = term_names(TermKind.THEME, locale)
    allowed = {
        "source": set(SourceKind.values),
        "theme": set(themes),
        "institution": {f.slug for f in folders.values()},
    }
    active = {
        name: request.GET[name] for name in FILTERS if request.GET.get(name, "") in allowed[name]
    }

    def folder_of(page):
        return folders.get(page.path[: -page.steplen])

    def keep(page, skip=None):
        checks = {
            "source": lambda v: page.source_kind == v,
            "theme": lambda v: any(t.slug == v for t in page.themes.all()),
            "institution": lambda v: (folder_of(page) or index).slug == v,
        }
        return all(checks[n](v) for n, v in active.items() if n != skip)

    def options(name, pairs):
        counts = defaultdict(int)
        for page in indicators:
            if keep(page, skip=name):
                for value in pairs(page):
                    counts[value] += 1
        return counts

    source_counts = options("source", lambda p: [p.source_kind])
    theme_counts = options("theme", lambda p: [t.slug for t in p.themes.all()])
    folder_counts = options("institution", lambda p: [f.slug] if (f := folder_of(p)) else [])
    params = {k: v for k, v in active.items()}

    def link(name, value):
        query = {**params}
        if query.get(name) == value:
            query.pop(name)
        else:
            query[name] = value
        return "?" + urlencode(query) if query else "?"

    facets = [
        (
            "source",
            _("Source"),
            [
                (label, source_counts[v], active.get("source") == v, link("source", v))
                for v, label in SourceKind.choices
                if source_counts[v]
            ],
        ),
        (
            "theme",
            _("Theme"),
            [
                (label, theme_counts[slug], active.get("theme") == slug, link("theme", slug))
                for slug, label in themes.items()
                if theme_counts[slug]
            ],
        ),
        (
            "institution",
            _("Publishing institution"),
            [
                (
                    folder_name(f),
                    folder_counts[f.slug],
                    active.get("institution") == f.slug,
                    link("institution", f.slug),
                )
                for f in folders.values()
                if folder_counts[f.slug]
            ],
        ),
    ]
    matching = [page for page in indicators if keep(page)]
    page_obj = Paginator(matching, PER_PAGE).get_page(request.GET.get("page"))
    shown = list(page_obj.object_list)
    datasets = {
        d.translation_key: d
        for d in Dataset.objects.filter(translation_key__in=[p.translation_key for p in shown])
    }
    series = _current_series(datasets.values())
    cards = []
    for page in shown:
        dataset = datasets.get(page.translation_key)
        folder = folder_of(page)
        cards.append(
            {
                "page": page,
                "url": page.get_url(request),
                "publisher": folder_name(folder) if folder else "",
                "source": SourceKind(page.source_kind).label,
                "themes": [themes.get(t.slug, t.name) for t in page.themes.all()],
                "trend": _trend(series.get(dataset.pk, []) if dataset else [], page),
                "has_data": bool(dataset and dataset.current_id),
            }
        )
    context = index.get_context(request)
    context.update(
        cards=cards,
        facets=[f for f in facets if f[2]],
        page_obj=page_obj,
        active=bool(active),
        querystring_base=urlencode(params) + "&" if params else "",
    )
    response = TemplateResponse(request, "statistics/statistics_index_page.html", context)
    ignored = any(request.GET.get(name) and name not in active for name in FILTERS)
    wrong_page = request.GET.get("page", str(page_obj.number)) != str(page_obj.number)
    if ignored or wrong_page:
        patch_cache_control(response, private=True)
    return response


# An indicator


class Selection:
    """Which observations the chart and table show: `by` (one series per value of that
    breakdown) and the fixed values of the other breakdowns (`d=code:value`). The breakdowns
    are those of the data (a translation may lag behind the original's list); the page gives
    their labels."""

    def __init__(self, request, dimensions, observations):
        in_data = {code for o in observations for code in o.dims}
        self.labels = {d.code: d.label for d in dimensions}
        self.codes = [code for code in self.labels if code in in_data]
        self.codes += sorted(in_data - set(self.codes))
        self.values = {
            code: sorted({o.dims[code] for o in observations if code in o.dims})
            for code in self.codes
        }
        by = request.GET.get("by", "")
        self.by = by if by in self.codes else ""
        self.fixed = {}
        asked_values = [item for item in request.GET.getlist("d") if item]  # "": the total
        for item in asked_values:
            code, _sep, value = item.partition(":")
            if code in self.codes and code != self.by and value in self.values[code]:
                self.fixed[code] = value
        self.valid = (not by or self.by) and len(self.fixed) == len(asked_values)
        if observations and not any(self.matches(o) for o in observations):
            self._default(observations)

    def _default(self, observations):
        """When nothing matches the choice (nor, without a choice, the totals): one series per
        value of the chosen or first breakdown, the others fixed to a value that has data."""
        self.by = self.by or next(iter(self.codes), "")
        for code in self.codes:
            if code != self.by and not any(self.matches(o) for o in observations):
                self.fixed[code] = self.values[code][0]

    def matches(self, observation):
        dims = observation.dims
        for code in self.codes:
            if code == self.by:
                if code not in dims:
                    return False
            elif dims.get(code, "") != self.fixed.get(code, ""):
                return False
        return True

    def series_label(self, observation):
        return observation.dims.get(self.by, "") if self.by else ""

    def form(self):
        """The choices of the breakdown form: (code, label, values, selected value)."""
        return [
            (code, self.labels.get(code, code), self.values[code], self.fixed.get(code, ""))
            for code in self.codes
        ]


def _observations(version):
    if version is None:
        return []
    observations = list(version.observations.order_by("start", "dimension_key"))
    for obs in observations:
        obs.dims = decode_dimensions(obs.dimension_key)
    return observations


def _series(selection, observations):
    """{series label: [observations]} in the order of the latest value, largest first."""
    grouped = defaultdict(list)
    for obs in observations:
        if selection.matches(obs):
            grouped[selection.series_label(obs)].append(obs)
    return dict(sorted(grouped.items(), key=lambda item: (-item[1][-1].value, item[0])))


def _chart(page, series, selection, markers, rtl):
    fmt = lambda value: format_number(value, page.decimals)  # noqa: E731
    drawn = dict(list(series.items())[:MAX_SERIES])
    periods = {obs.period for rows in drawn.values() for obs in rows}
    unit = page.unit
    title = page.title
    if not drawn:
        return ""
    if selection.by and len(periods) == 1:
        (period,) = periods
        return charts.bar_chart(
            [(label, float(rows[-1].value)) for label, rows in drawn.items()],
            title=f"{title} — {period}",
            description=_describe(page, drawn, fmt),
            unit=unit,
            rtl=rtl,
            y_min=_float(page.scale_min),
            y_max=_float(page.scale_max),
            format_value=fmt,
            chart_id=f"chart-{page.pk}",
        )
    target = None
    position = _position(page.target_period)
    if page.target_value is not None and position is not None:
        target = charts.Target(
            position=position,
            value=float(page.target_value),
            label=_("Target %(period)s: %(value)s")
            % {"period": page.target_period, "value": fmt(page.target_value)},
        )
    return charts.line_chart(
        [
            charts.Series(
                label=label,
                points=tuple(
                    charts.Point(
                        label=obs.period,
                        position=period_position(obs.period),
                        value=float(obs.value),
                        lower=_float(obs.lower),
                        upper=_float(obs.upper),
                    )
                    for obs in rows
                ),
            )
            for label, rows in drawn.items()
        ],
        title=title,
        description=_describe(page, drawn, fmt),
        unit=unit,
        rtl=rtl,
        y_min=_float(page.scale_min),
        y_max=_float(page.scale_max),
        target=target,
        markers=markers,
        format_value=fmt,
        chart_id=f"chart-{page.pk}",
    )


def _position(period):
    """The place of a period on the time axis; None for an empty or malformed one (the
    editor's form normalises periods, older values may not be)."""
    try:
        return period_position(period) if period else None
    except ValueError:
        return None


def _float(value):
    return None if value is None else float(value)


def _plain(value):
    return None if value is None else value.normalize()


def _describe(page, series, fmt):
    """The text alternative of the chart: first and last value of each series, lowest and
    highest."""
    parts = []
    for label, rows in series.items():
        low = min(rows, key=lambda o: o.value)
        high = max(rows, key=lambda o: o.value)
        values = {
            "series": label or page.title,
            "first_period": rows[0].period,
            "first": fmt(rows[0].value),
            "last_period": rows[-1].period,
            "last": fmt(rows[-1].value),
            "low_period": low.period,
            "low": fmt(low.value),
            "high_period": high.period,
            "high": fmt(high.value),
            "unit": page.unit,
        }
        if len(rows) == 1:
            parts.append(_("%(series)s: %(last)s %(unit)s in %(last_period)s.") % values)
        else:
            parts.append(
                _(
                    "%(series)s: %(first)s %(unit)s in %(first_period)s, %(last)s in "
                    "%(last_period)s; lowest %(low)s (%(low_period)s), highest %(high)s "
                    "(%(high_period)s)."
                )
                % values
            )
    return " ".join(parts)


def _table(series, page):
    """Rows of the data table: one per period, one column per series."""
    labels = list(series)
    by_period = {}
    for index, label in enumerate(labels):
        for obs in series[label]:
            row = by_period.setdefault(
                obs.start, {"period": obs.period, "cells": [None] * len(labels)}
            )
            row["cells"][index] = {
                "value": format_number(obs.value, page.decimals),
                "interval": (
                    f"{format_number(obs.lower, page.decimals)} – "
                    f"{format_number(obs.upper, page.decimals)}"
                    if obs.lower is not None and obs.upper is not None
                    else ""
                ),
                "note": obs.note,
            }
    return labels, [by_period[start] for start in sorted(by_period, reverse=True)]


def _target_status(page, series):
    """The strategy target against the actual value."""
    rows = series.get("")  # the totals: a target is national, not a breakdown's
    if page.target_value is None or not page.target_period or not rows:
        return None
    actual = next((o for o in rows if o.period == page.target_period), rows[-1])
    gap = actual.value - page.target_value
    reached = None  # said only when the editor says which way is better
    if page.higher_is_better is not None:
        reached = gap >= 0 if page.higher_is_better else gap <= 0
    return {
        "target": format_number(page.target_value, page.decimals),
        "period": page.target_period,
        "actual": format_number(actual.value, page.decimals),
        "actual_period": actual.period,
        # No computed gap for values under a licence without derivatives.
        "gap": "" if page.no_derivatives else format_number(abs(gap), page.decimals),
        "reached": reached,
    }


def _links(selection):
    """Addresses that change the breakdown."""
    query = [("by", selection.by)] if selection.by else []
    query += [("d", f"{code}:{value}") for code, value in selection.fixed.items() if value]
    return urlencode(query)


def indicator_context(request, page):
    dataset = page.dataset
    version = dataset.current if dataset else None
    observations = _observations(version)
    selection = Selection(request, page.ordered_dimensions, observations)
    series = _series(selection, observations)
    markers = [
        charts.Marker(
            position=position,
            label=_("Break in the series (%(period)s)") % {"period": note.period},
        )
        for note in page.ordered_notes
        if note.is_break and (position := _position(note.period)) is not None
    ]
    rtl = translation.get_language_bidi()
    labels, rows = _table(series, page)
    return {
        "dataset": dataset,
        "version": version,
        "selection": selection,
        "breakdowns": selection.form(),
        "series_count": len(series),
        "chart": _chart(page, series, selection, markers, rtl),
        "chart_partial": len(series) > MAX_SERIES,
        "table_labels": labels,
        "table_rows": rows[:TABLE_ROWS],
        "table_total": len(rows),
        "target": _target_status(page, series),
        "licence_label": Licence(page.licence).label if page.licence else "",
        "licence_url": LICENCE_URLS.get(page.licence, ""),
        "query": _links(selection),
    }


def indicator_detail(request, page):
    context = page.get_context(request)
    context.update(indicator_context(request, page))
    folder = page.get_parent().specific
    themes = term_names(TermKind.THEME, page.locale)
    embed_url = request.build_absolute_uri(page.get_url(request) + page.reverse_subpage("embed"))
    if context["query"]:
        embed_url += "?" + context["query"]
    embed_code = format_html(
        '<iframe src="{}" title="{}" width="100%" height="520" loading="lazy" '
        'style="border:0"></iframe>',
        embed_url,
        page.title,
    )
    publisher = ""
    if isinstance(folder, IndicatorFolderPage):
        publisher = institution_labels(page.locale).get(folder.slug, (None, folder.title))[1]
    context.update(
        publisher=publisher,
        themes=[(t.slug, themes.get(t.slug, t.name)) for t in page.themes.all()],
        periodicity=Periodicity(page.periodicity).label,
        source_label=SourceKind(page.source_kind).label,
        notes=page.ordered_notes,
        versions=list(context["dataset"].versions.all()[:20]) if context["dataset"] else [],
        embed_code=embed_code,
        page_url=page.get_url(request),
        index_url=folder.get_parent().get_url(request) if folder else "",
    )
    response = TemplateResponse(request, "statistics/indicator_page.html", context)
    if not context["selection"].valid:
        patch_cache_control(response, private=True)
    return response


@xframe_options_exempt
def indicator_embed(request, page):
    context = page.get_context(request)
    context.update(indicator_context(request, page))
    context["page_url"] = request.build_absolute_uri(page.get_url(request))
    response = TemplateResponse(request, "statistics/indicator_embed.html", context)
    if not context["selection"].valid:
        patch_cache_control(response, private=True)
    response["Content-Security-Policy"] = EMBED_CSP
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    return response


# Downloads


def _metadata(page, version, request):
    return [
        ("indicator", page.title),
        ("id", str(page.original_id)),
        ("url", request.build_absolute_uri(page.get_url(request))),
        ("unit", page.unit),
        ("periodicity", page.periodicity),
        ("source", page.source_name),
        ("source_url", page.source_url),
        ("citation", page.citation),
        ("licence", str(Licence(page.licence).label)),
        ("licence_url", LICENCE_URLS.get(page.licence, "")),
        ("sample_data", "yes" if page.is_sample else "no"),
        ("version", str(version.number)),
        ("version_date", version.created_at.isoformat()),
        *((f"note {note.period}".strip(), note.text) for note in page.ordered_notes),
    ]


DOWNLOAD_PATH = (
    r"^(?P<page_path>(?:[\w-]+/)+?)(?:versions/(?P<number>[0-9]{1,6})/)?"
    r"data\.(?P<extension>csv|json|xlsx)$"
)


def download(request, page_path, extension, number=None):
    """`<indicator>/data.csv` (or .json, .xlsx), and `<indicator>/versions/<n>/data.csv`: the
    page is found as Wagtail finds it, from the site's root in the request's language."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    page, _args, _kwargs = site.root_page.localized.specific.route(
        request, [part for part in page_path.split("/") if part]
    )
    visible = IndicatorPage.objects.live().public().filter(pk=page.pk).exists()
    if not isinstance(page, IndicatorPage) or not visible:
        raise Http404
    return indicator_download(request, page, extension, None if number is None else int(number))


def indicator_download(request, page, extension, number):
    dataset = page.dataset
    if dataset is None or dataset.current_id is None:
        raise Http404
    if number is None:
        version = dataset.current
    else:
        version = dataset.versions.filter(number=number).first()
        if version is None:
            raise Http404
    codes = [d.code for d in page.ordered_dimensions]
    observations = _observations(version)
    extra = sorted({c for o in observations for c in o.dims} - set(codes))
    codes += extra
    # Source and licence on every row: the attribution travels with the values (the importer
    # ignores these columns, so an export can be imported again).
    columns = [
        "indicator", "period", *codes, "value", "lower", "upper", "unit", "note", "source",
        "licence",
    ]  # fmt: skip
    licence = str(Licence(page.licence).label)
    rows = [
        [
            page.title,
            obs.period,
            *(obs.dims.get(code, "") for code in codes),
            obs.value.normalize(),
            _plain(obs.lower),
            _plain(obs.upper),
            page.unit,
            obs.note,
            page.source_name,
            licence,
        ]
        for obs in observations
    ]
    metadata = _metadata(page, version, request)
    suffix = "" if number is None else f"-v{version.number}"
    filename = f"{page.slug}{suffix}.{extension}"
    if extension == "csv":
        body, content_type = exports.write_csv(columns, rows), "text/csv; charset=utf-8"
    elif extension == "xlsx":
        body = exports.write_xlsx(
            [("data", columns, rows), ("metadata", ["field", "value"], metadata)],
            rtl=translation.get_language_bidi(),
        )
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    else:
        body = json.dumps(
            {
                "indicator": dict(metadata),
                "dimensions": [{"code": d.code, "label": d.label} for d in page.ordered_dimensions],
                "observations": [
                    {
                        "period": obs.period,
                        "start": obs.start.isoformat(),
                        "dimensions": obs.dims,
                        "value": float(obs.value),
                        "lower": _float(obs.lower),
                        "upper": _float(obs.upper),
                        "note": obs.note,
                    }
                    for obs in observations
                ],
            },
            ensure_ascii=False,
            indent=1,
        ).encode()
        content_type = "application/json"
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response["Access-Control-Allow-Origin"] = "*"
    return response
