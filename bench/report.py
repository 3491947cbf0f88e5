"""Turns the wrk outputs saved by bench/run.sh into a table on stdout and a JSON file.

    python bench/report.py --out bench/out/results.json --target 0.10 \
        --case home_cached "/ar/ cached" wrk-home_cached.txt ... --meta key=value ...

The verdict compares the case named `home_cached` with the case named `nginx`. Exit status: 0 when
the target is met, 1 when it is not, 2 when a compared case is missing or had failed requests.
"""

import argparse
import json
import re
import sys

UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}


def to_ms(text):
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m|h)", text)
    if not match:
        raise ValueError(f"unreadable wrk duration {text!r}")
    return round(float(match.group(1)) * UNITS_MS[match.group(2)], 3)


def parse_wrk(output):
    result = {}
    match = re.search(r"Requests/sec:\s+([\d.]+)", output)
    if not match:
        raise ValueError("no Requests/sec line in wrk output")
    result["requests_per_s"] = round(float(match.group(1)), 1)
    for pct in ("50", "75", "90", "99"):
        match = re.search(rf"^\s+{pct}%\s+(\S+)\s*$", output, re.M)
        if not match:
            raise ValueError(f"no {pct}% latency line (was wrk run with --latency?)")
        result[f"p{pct}_ms"] = to_ms(match.group(1))
    match = re.search(r"(\d+) requests in ([\d.]+\w+), ([\d.]+\w+) read", output)
    if match:
        result["requests"] = int(match.group(1))
        result["duration"] = match.group(2)
        result["transferred"] = match.group(3)
    match = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    result["non_2xx_3xx"] = int(match.group(1)) if match else 0
    match = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    names = ("connect", "read", "write", "timeout")
    result["socket_errors"] = (
        dict(zip(names, map(int, match.groups()), strict=True))
        if match
        else dict.fromkeys(names, 0)
    )
    return result


def failed_requests(case):
    return case["non_2xx_3xx"] + sum(case["socket_errors"].values())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("--target", type=float, default=0.10)
    parser.add_argument(
        "--case", nargs=3, action="append", default=[], metavar=("NAME", "LABEL", "WRK_OUTPUT")
    )
    parser.add_argument("--meta", action="append", default=[], metavar="KEY=VALUE")
    args = parser.parse_args()

    cases = {}
    for name, label, path in args.case:
        with open(path, encoding="utf-8") as handle:
            cases[name] = {"label": label, **parse_wrk(handle.read())}
    meta = dict(item.split("=", 1) for item in args.meta)

    rows = [("case", "requests/s", "p50", "p99", "failed")]
    for case in cases.values():
        rows.append(
            (
                case["label"],
                f"{case['requests_per_s']:,.0f}",
                f"{case['p50_ms']:.2f} ms",
                f"{case['p99_ms']:.2f} ms",
                str(failed_requests(case)),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for index, row in enumerate(rows):
        cells = [row[0].ljust(widths[0])] + [
            c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)
        ]
        print("  ".join(cells))
        if index == 0:
            print("  ".join("-" * w for w in widths))

    home, nginx = cases.get("home_cached"), cases.get("nginx")
    verdict = {"target": f">= {args.target:.0%} of nginx", "min_ratio": args.target}
    if not home or not nginx:
        verdict.update(ratio=None, result="ERROR", reason="home_cached or nginx case missing")
        status = 2
    elif failed_requests(home) or failed_requests(nginx):
        verdict.update(ratio=None, result="ERROR", reason="failed requests during the run")
        status = 2
    else:
        ratio = home["requests_per_s"] / nginx["requests_per_s"]
        passed = ratio >= args.target
        verdict.update(ratio=round(ratio, 4), result="PASS" if passed else "FAIL")
        status = 0 if passed else 1
    print()
    if verdict["ratio"] is None:
        print(f"cached /ar/ vs nginx: {verdict['result']} ({verdict['reason']})")
    else:
        print(
            f"cached /ar/ vs nginx: {verdict['ratio']:.1%} of nginx's requests/s "
            f"(target {verdict['target']}): {verdict['result']}"
        )
    with open(args.out, "w", encoding="utf-8") as handle:
        json.dump(
            {"meta": meta, "cases": cases, "verdict": verdict}, handle, ensure_ascii=False, indent=2
        )
        handle.write("\n")
    return status


if __name__ == "__main__":
    sys.exit(main())
