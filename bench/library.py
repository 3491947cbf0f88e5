"""In-process timings of the library listing and the site search, without a server or wrk: a quick
check of the search target (p95 <= 100 ms) on whatever database DATABASE_URL names.

    DATABASE_URL=sqlite:///var/bench.sqlite3 .venv/bin/python bench/library.py [--repeat 100]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench .venv/bin/python bench/library.py

The database should hold the demo content and generated content (`manage.py load_demo`, then
`manage.py generate_corpus --count 20000` and `manage.py generate_series --points 1000`). Each
case is requested `--warmup` times, then timed `--repeat` times, rotating over its queries, one
request after the other (no concurrency: this measures the work of one request, where wrk in
bench/run.sh measures a loaded server). Cases:

  search_ar, search_fr   /<lang>/search/?q=…   the whole view (Django's test client)
  library_filtered       /ar/publications/?type=report&theme=prevention (session cookie: the
                         page cache is bypassed)
  library_search         /ar/publications/?q=…&type=report   the listing with a search
  statistics_index       /ar/statistics/   every indicator with its latest value and trend
  indicator_1000         an indicator page with a 1,000-point monthly series (`manage.py
                         generate_series --points 1000`)
  select_ar, select_fr   `portal.search.selectors.search()` alone (the full-text queries)

`--paths CASE` prints the paths of one case, one per line (bench/run.sh gives them to wrk), and
exits. `--wrk-report` reads the outputs of those wrk runs instead (see `wrk_report`).
Exit status: 0 when the p95 of every search case is within --target-ms, 1 otherwise, 2 when a
run had failed requests or is missing.
"""

import argparse
import json
import os
import re
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import quote, urlencode

QUERIES = {
    "ar": [
        "الفساد",
        "الرشوة",
        "الصفقات العمومية",
        "تضارب المصالح",
        "حماية المبلغين",
        "التصريح بالممتلكات",
        "استغلال النفوذ مراكش",
        "الجمارك",
    ],
    "fr": [
        "corruption",
        "marchés publics",
        "conflits d'intérêts",
        "lanceurs d'alerte",
        "déclaration de patrimoine",
        "blanchiment de capitaux",
        "trafic d'influence Marrakech",
        "douanes",
    ],
}
LIBRARY_FILTERED = "/ar/publications/?type=report&theme=prevention"


def search_path(lang, q):
    return f"/{lang}/search/?{urlencode({'q': q}, quote_via=quote)}"


PATHS = {
    "search_ar": [search_path("ar", q) for q in QUERIES["ar"]],
    "search_fr": [search_path("fr", q) for q in QUERIES["fr"]],
    "library_filtered": [LIBRARY_FILTERED],
    "statistics_index": ["/ar/statistics/"],
    "indicator_1000": ["/ar/statistics/inpplc/generated-series-1000/"],
    "library_search": [
        f"/ar/publications/?{urlencode({'q': q, 'type': 'report'}, quote_via=quote)}"
        for q in QUERIES["ar"][:4]
    ],
}
SEARCH_CASES = ("search_ar", "search_fr", "select_ar", "select_fr")


def percentile(values, pct):
    """Nearest-rank percentile (what wrk reports too)."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(pct / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def summary(name, timings, extra=""):
    ms = [t * 1000 for t in timings]
    return {
        "case": name,
        "n": len(ms),
        "p50_ms": round(statistics.median(ms), 2),
        "p95_ms": round(percentile(ms, 95), 2),
        "p99_ms": round(percentile(ms, 99), 2),
        "max_ms": round(max(ms), 2),
        "note": extra,
    }


def setup_django():
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    os.environ.setdefault("DEBUG", "false")  # no query log, cached templates: as in production
    import django

    django.setup()


def run_client_case(name, paths, warmup, repeat):
    from django.conf import settings
    from django.test import Client

    client = Client(HTTP_HOST="localhost")
    client.cookies[settings.SESSION_COOKIE_NAME] = "bench"  # bypass the page cache
    for i in range(warmup):
        client.get(paths[i % len(paths)])
    timings, sizes = [], []
    for i in range(repeat):
        path = paths[i % len(paths)]
        started = time.perf_counter()
        response = client.get(path)
        timings.append(time.perf_counter() - started)
        if response.status_code != 200:
            raise SystemExit(f"{name}: {path} answered {response.status_code}")
        sizes.append(len(response.content))
    return summary(name, timings, f"{statistics.mean(sizes) / 1024:.0f} KB/page")


def run_selector_case(name, lang, warmup, repeat):
    from wagtail.models import Locale

    from portal.search.selectors import search

    locale = Locale.objects.get(language_code=lang)
    queries = QUERIES[lang]
    for i in range(warmup):
        search(queries[i % len(queries)], locale=locale)
    timings, totals = [], {}
    for i in range(repeat):
        q = queries[i % len(queries)]
        started = time.perf_counter()
        found = search(q, locale=locale)
        timings.append(time.perf_counter() - started)
        totals[q] = found.total
    hits = ", ".join(f"{q}: {n}" for q, n in totals.items())
    return summary(name, timings, f"results per query: {hits}")


UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def parse_wrk(output):
    """Requests/s, failures and percentiles (from bench/paths.lua's PERCENTILES_US line) of one
    wrk output."""
    result = {}
    match = re.search(r"Requests/sec:\s+([\d.]+)", output)
    result["requests_per_s"] = round(float(match.group(1)), 1) if match else None
    match = re.search(r"(\d+) requests in", output)
    result["requests"] = int(match.group(1)) if match else 0
    match = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    failed = int(match.group(1)) if match else 0
    match = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    failed += sum(map(int, match.groups())) if match else 0
    result["failed"] = failed
    match = re.search(r"PERCENTILES_US ((?:\w+=\d+ ?)+)", output)
    if match:
        for item in match.group(1).split():
            key, value = item.split("=")
            result[f"{key}_ms"] = round(int(value) / 1000, 2)
    return result


def wrk_report(args):
    """`--wrk-report --out results.json --wrk-case DATABASE NAME LABEL FILE …`: the table and
    verdict of the library and search cases of bench/run.sh; adds them to results.json under
    "library" (bench/report.py wrote the rest). Search cases (names starting with `search`)
    pass when their p95 is within --target-ms; the others are reported only."""
    rows, cases, status = [], [], 0
    for database, name, label, path in args.wrk_case:
        try:
            with open(path, encoding="utf-8") as handle:
                case = parse_wrk(handle.read())
        except OSError:
            case = {"requests_per_s": None, "failed": 0}
        case.update(database=database, name=name, label=label)
        if case.get("p95_ms") is None or not case["requests"]:
            case["result"], status = "ERROR (no wrk result)", 2
        elif case["failed"]:
            case["result"], status = f"ERROR ({case['failed']} failed requests)", 2
        elif name.startswith("search"):
            case["result"] = "PASS" if case["p95_ms"] <= args.target_ms else "FAIL"
            if case["result"] == "FAIL":
                status = max(status, 1)
        else:
            case["result"] = "-"
        cases.append(case)

    def ms(value):
        return "?" if value is None else f"{value:.1f} ms"

    rows = [("database", "case", "requests/s", "p50", "p95", "p99", "search p95 target")]
    for case in cases:
        rate = case.get("requests_per_s")
        rows.append(
            (
                case["database"],
                case["label"],
                "?" if rate is None else f"{rate:,.0f}",
                ms(case.get("p50_ms")),
                ms(case.get("p95_ms")),
                ms(case.get("p99_ms")),
                case["result"],
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for index, row in enumerate(rows):
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
        if index == 0:
            print("  ".join("-" * width for width in widths))
    verdict = {0: "PASS", 1: "FAIL", 2: "ERROR"}[status]
    print(f"\nsearch p95 <= {args.target_ms:g} ms on every database: {verdict}")
    results = {}
    if os.path.exists(args.out):
        with open(args.out, encoding="utf-8") as handle:
            results = json.load(handle)
    results["library"] = {
        "meta": dict(item.split("=", 1) for item in args.meta),
        "cases": cases,
        "verdict": {"target": f"search p95 <= {args.target_ms:g} ms", "result": verdict},
    }
    with open(args.out, "w", encoding="utf-8") as handle:
        json.dump(results, handle, ensure_ascii=False, indent=2)
        handle.write("\n")
    return status


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=100)
    parser.add_argument("--warmup", type=int, default=10)
    parser.add_argument("--target-ms", type=float, default=100.0)
    parser.add_argument("--json", help="also write the results to this file")
    parser.add_argument("--paths", choices=sorted(PATHS), help="print a case's paths and exit")
    parser.add_argument("--case", action="append", help="only these cases (repeatable)")
    parser.add_argument("--wrk-report", action="store_true", help="report wrk runs (run.sh)")
    parser.add_argument("--out", default="bench/out/results.json")
    parser.add_argument(
        "--wrk-case", nargs=4, action="append", default=[],
        metavar=("DATABASE", "NAME", "LABEL", "WRK_OUTPUT"),
    )  # fmt: skip
    parser.add_argument("--meta", action="append", default=[], metavar="KEY=VALUE")
    args = parser.parse_args()
    if args.wrk_report:
        return wrk_report(args)
    if args.paths:
        print("\n".join(PATHS[args.paths]))
        return 0

    setup_django()
    from django.db import connection

    from portal.library.models import PublicationPage
    from portal.search.models import SearchEntry

    publications = PublicationPage.objects.filter(locale__language_code="ar").count()
    entries = SearchEntry.objects.count()
    print(
        f"database: {connection.vendor} {connection.settings_dict['NAME']}, "
        f"{publications} publications in Arabic, {entries} search entries"
    )
    cases = [
        ("select_ar", lambda: run_selector_case("select_ar", "ar", args.warmup, args.repeat)),
        ("select_fr", lambda: run_selector_case("select_fr", "fr", args.warmup, args.repeat)),
        *(
            (name, lambda name=name: run_client_case(name, PATHS[name], args.warmup, args.repeat))
            for name in PATHS
        ),
    ]
    results = []
    print(f"{'case':<18} {'n':>5} {'p50':>9} {'p95':>9} {'p99':>9} {'max':>9}  verdict")
    for name, run in cases:
        if args.case and name not in args.case:
            continue
        result = run()
        if name in SEARCH_CASES:
            result["pass"] = result["p95_ms"] <= args.target_ms
        results.append(result)
        verdict = {True: "PASS", False: "FAIL"}.get(result.get("pass"), "")
        print(
            f"{name:<18} {result['n']:>5} {result['p50_ms']:>6.1f} ms {result['p95_ms']:>6.1f} ms "
            f"{result['p99_ms']:>6.1f} ms {result['max_ms']:>6.1f} ms  {verdict}  {result['note']}"
        )
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(
                {"database": connection.vendor, "publications": publications, "cases": results},
                handle,
                ensure_ascii=False,
                indent=2,
            )
            handle.write("\n")
    return 0 if all(r.get("pass", True) for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
