"""Claim submission against a running server (bench/run.sh starts it with CLAIMS_RATE_LIMIT=false
and the production cost of Argon2id), as a reporter's browser without JavaScript does it.

    .venv/bin/python bench/claims.py --base http://127.0.0.1:8765 --database sqlite \\
        --database-url sqlite:///$PWD/var/bench.sqlite3 --out bench/out/claims-sqlite.json

Each submission opens the form (`/<lang>/complaints/new/`, for its CSRF cookie and token), posts
the answers of the first three steps, which gives the last step with its single-use proof-of-work
challenge, and posts that last step with an empty solution (allowed without JavaScript) and the
declaration ticked. Only that final POST is timed: it validates, derives the receipt's key with
Argon2id, encrypts and stores the claim, and answers with the receipt.

1. `--sequential` (100) submissions one after the other: p50/p95/p99 of the final POST; PASS
   when the p95 is within `--target-ms` (500 ms).
2. A burst of `--burst` (200) submissions at once: as many threads each fetch their form, wait
   for the others, then all post together. PASS when every answer is a 2xx with a receipt (no
   5xx) and the number of claims in the database (read with `manage.py shell` on
   `--database-url`) grew by exactly that many: no claim lost, none counted twice.

`--report --out results.json CASE_JSON…` prints the table of the runs of each database and the
verdicts, and adds them to results.json under "claims" (bench/run.sh). Exit status: 0 PASS,
1 FAIL, 2 error.
"""

import argparse
import concurrent.futures
import http.cookiejar
import json
import os
import re
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from html.parser import HTMLParser
from pathlib import Path

from library import summary

ROOT = Path(__file__).resolve().parent.parent
RECEIPT = re.compile(r"\d{4}[\s\u00a0]\d{4}[\s\u00a0]\d{4}[\s\u00a0]\d{4}")
ANSWERS = {
    "step": "3",
    "kind": "denunciation",
    "identity": "anonymous",
    "offence": "bribery",
    "sector": "",
    "region": "casablanca-settat",
    "institution": "",
    "other_body": "",
    "when_year": "2025",
    "facts": "Benchmark submission: an invented report of a bribe asked for a building permit, "
    "written by bench/claims.py to measure the filing of a claim.",
    "place": "Benchmark town",
    "people": "",
    "amount": "",
    "action": "next",
}
TIMEOUT = 120


class FormParser(HTMLParser):
    """The fields of the form that carries the proof-of-work challenge: hidden inputs with their
    values, the other inputs by type."""

    def __init__(self):
        super().__init__()
        self.forms = []  # [{name: (type, value)}]

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append({})
        elif tag in ("input", "textarea", "select") and self.forms and attrs.get("name"):
            kind = attrs.get("type", "text") if tag == "input" else tag
            self.forms[-1].setdefault(attrs["name"], (kind, attrs.get("value") or ""))

    def final_form(self):
        for fields in self.forms:
            if "pow_challenge" in fields:
                return fields
        return None


class Reporter:
    """One browser: its own cookies."""

    def __init__(self, base, lang):
        self.url = f"{base}/{lang}/complaints/new/"
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def request(self, data=None, *, multipart=False):
        headers = {"Referer": self.url}
        body = None
        if data is not None and multipart:
            body, headers["Content-Type"] = _multipart(data)
        elif data is not None:
            body = urllib.parse.urlencode(data).encode()
        # The address is --base (checked to be http:// or https:// in main).
        request = urllib.request.Request(self.url, data=body, headers=headers)  # noqa: S310
        try:
            with self.opener.open(request, timeout=TIMEOUT) as response:
                return response.status, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8", "replace")

    def prepare(self):
        """The fields to post for the final step, or raises RuntimeError."""
        status, page = self.request()
        token = _token(page)
        if status != 200 or token is None:
            raise RuntimeError(
                f"GET {self.url}: {status}, CSRF token {'found' if token else 'missing'}"
            )
        status, page = self.request({**ANSWERS, "csrfmiddlewaretoken": token})
        parser = FormParser()
        parser.feed(page)
        fields = parser.final_form()
        if status != 200 or fields is None:
            raise RuntimeError(f"step 3 of {self.url}: {status}, no final form with a challenge")
        data = {}
        for name, (kind, value) in fields.items():
            if kind == "hidden":
                data[name] = value
            elif kind == "checkbox":
                data[name] = "on"  # the declaration
        data.setdefault("pow_solution", "")
        data["action"] = "submit"
        return data

    def submit(self, data):
        """(status, seconds, receipt shown) of the final POST."""
        started = time.perf_counter()
        status, page = self.request(data, multipart=True)
        elapsed = time.perf_counter() - started
        return status, elapsed, bool(RECEIPT.search(page))


def _multipart(data):
    """The body and content type of a multipart/form-data POST of text fields, as a browser
    sends the last step (its form can carry files), with an empty file input."""
    boundary = f"----bench{uuid.uuid4().hex}"
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
        for name, value in data.items()
    ]
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename=""\r\n'
        "Content-Type: application/octet-stream\r\n\r\n\r\n"
    )
    parts.append(f"--{boundary}--\r\n")
    return "".join(parts).encode(), f"multipart/form-data; boundary={boundary}"


def _token(page):
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    return match.group(1) if match else None


def claim_count(database_url):
    env = {**os.environ, "DATABASE_URL": database_url}
    output = subprocess.run(  # noqa: S603 - this interpreter and manage.py, no shell
        [
            sys.executable,
            str(ROOT / "manage.py"),
            "shell",
            "-c",
            "from portal.complaints.models import Claim; print(Claim.objects.count())",
        ],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return int(output.strip().splitlines()[-1])


def sequential(args):
    timings, failures = [], []
    reporter = Reporter(args.base, args.lang)
    for _ in range(args.warmup + args.sequential):
        status, elapsed, receipt = reporter.submit(reporter.prepare())
        if status != 200 or not receipt:
            failures.append(status)
        timings.append(elapsed)
    timings = timings[args.warmup :]
    result = summary("submission", timings, f"{args.sequential} sequential final POSTs")
    result.update(failed=len(failures), statuses=sorted(set(failures)))
    ok = not failures and result["p95_ms"] <= args.target_ms
    result["result"] = "PASS" if ok else "FAIL"
    return result


def burst(args):
    before = claim_count(args.database_url)
    barrier = threading.Barrier(args.burst)

    def one(_number):
        reporter = Reporter(args.base, args.lang)
        try:
            data = reporter.prepare()
        except (RuntimeError, OSError) as error:
            barrier.abort()
            raise RuntimeError(str(error)) from error
        barrier.wait(timeout=TIMEOUT)
        return reporter.submit(data)

    started = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.burst) as pool:
        outcomes = list(pool.map(one, range(args.burst)))
    elapsed = time.perf_counter() - started
    after = claim_count(args.database_url)
    statuses = {}
    for status, _seconds, _receipt in outcomes:
        statuses[str(status)] = statuses.get(str(status), 0) + 1
    ok_2xx = sum(1 for status, _s, receipt in outcomes if 200 <= status < 300 and receipt)
    errors_5xx = sum(1 for status, _s, _r in outcomes if status >= 500)
    result = summary("burst", [seconds for _st, seconds, _r in outcomes], f"{args.burst} at once")
    result.update(
        submissions=args.burst,
        answered_2xx_with_receipt=ok_2xx,
        answered_5xx=errors_5xx,
        statuses=statuses,
        claims_before=before,
        claims_after=after,
        claims_added=after - before,
        wall_s=round(elapsed, 2),
    )
    ok = ok_2xx == args.burst and errors_5xx == 0 and after - before == args.burst
    result["result"] = "PASS" if ok else "FAIL"
    return result


def run(args):
    print(f"claims on {args.database}: {args.sequential} sequential submissions", flush=True)
    cases = {"database": args.database}
    try:
        cases["sequential"] = sequential(args)
        print(f"claims on {args.database}: burst of {args.burst} submissions", flush=True)
        cases["burst"] = burst(args)
    except (
        RuntimeError,
        OSError,
        subprocess.CalledProcessError,
        threading.BrokenBarrierError,
    ) as error:
        cases["error"] = str(error) or type(error).__name__
        print(f"claims on {args.database}: ERROR {cases['error']}", file=sys.stderr)
    with open(args.out, "w", encoding="utf-8") as handle:
        json.dump(cases, handle, ensure_ascii=False, indent=2)
        handle.write("\n")
    return 2 if "error" in cases else 0


def report(args):
    """The table and verdicts of the runs (`CASE_JSON` files), added to results.json."""
    runs, status = [], 0
    for path in args.cases:
        try:
            with open(path, encoding="utf-8") as handle:
                runs.append(json.load(handle))
        except (OSError, ValueError):
            runs.append({"database": Path(path).stem, "error": "no result"})
    rows = [("database", "case", "n", "p50", "p95", "p99", "check", "result")]
    for case in runs:
        if "error" in case:
            rows.append((case["database"], "-", "-", "-", "-", "-", case["error"][:60], "ERROR"))
            status = 2
            continue
        seq, bur = case["sequential"], case["burst"]
        rows.append(
            (
                case["database"],
                "submission (final POST)",
                str(seq["n"]),
                f"{seq['p50_ms']:.1f} ms",
                f"{seq['p95_ms']:.1f} ms",
                f"{seq['p99_ms']:.1f} ms",
                f"p95 <= {args.target_ms:g} ms, {seq['failed']} failed",
                seq["result"],
            )
        )
        rows.append(
            (
                case["database"],
                f"burst of {bur['submissions']}",
                str(bur["n"]),
                f"{bur['p50_ms']:.1f} ms",
                f"{bur['p95_ms']:.1f} ms",
                f"{bur['p99_ms']:.1f} ms",
                f"2xx {bur['answered_2xx_with_receipt']}, 5xx {bur['answered_5xx']}, "
                f"claims +{bur['claims_added']}",
                bur["result"],
            )
        )
        if "FAIL" in (seq["result"], bur["result"]):
            status = max(status, 1)
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for index, row in enumerate(rows):
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
        if index == 0:
            print("  ".join("-" * width for width in widths))

    def verdict(key):
        results = [case[key]["result"] for case in runs if key in case]
        if not results or any("error" in case for case in runs):
            return "ERROR"
        return "PASS" if all(result == "PASS" for result in results) else "FAIL"

    target, count = verdict("sequential"), verdict("burst")
    print(f"\nclaim submission p95 <= {args.target_ms:g} ms on every database: {target}")
    print(f"burst of {args.burst} submissions, all 2xx, no 5xx, no claim lost: {count}")
    results = {}
    if os.path.exists(args.out):
        with open(args.out, encoding="utf-8") as handle:
            results = json.load(handle)
    results["claims"] = {
        "meta": dict(item.split("=", 1) for item in args.meta),
        "runs": runs,
        "verdict": {
            "target": f"submission p95 <= {args.target_ms:g} ms",
            "result": target,
            "burst": count,
        },
    }
    with open(args.out, "w", encoding="utf-8") as handle:
        json.dump(results, handle, ensure_ascii=False, indent=2)
        handle.write("\n")
    return status


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", help="the server, e.g. http://127.0.0.1:8765")
    parser.add_argument("--database", default="sqlite", help="a label for the report")
    parser.add_argument("--database-url", help="the server's DATABASE_URL, to count the claims")
    parser.add_argument("--lang", default="ar")
    parser.add_argument("--sequential", type=int, default=100)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--burst", type=int, default=200)
    parser.add_argument("--target-ms", type=float, default=500.0)
    parser.add_argument("--out", default="bench/out/claims.json")
    parser.add_argument("--report", action="store_true", help="report the runs (run.sh)")
    parser.add_argument("--meta", action="append", default=[], metavar="KEY=VALUE")
    parser.add_argument("cases", nargs="*", metavar="CASE_JSON")
    args = parser.parse_args()
    if args.report:
        return report(args)
    if not args.base or not args.database_url:
        parser.error("--base and --database-url are required")
    if not args.base.startswith(("http://", "https://")):
        parser.error("--base must be an http:// or https:// address")
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
