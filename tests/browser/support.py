"""Shared constants and helpers of the browser tests."""

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING_IMPACTS = {"serious", "critical"}

LANGUAGES = ["ar", "fr", "en", "zgh"]
RTL_LANGUAGES = {"ar"}
LOCAL_HOST = "127.0.0.1"
# Schemes that never leave the browser, so never reach another host.
LOCAL_SCHEMES = {"data", "blob", "about"}


@dataclass
class Visit:
    """A page and everything its browser context requested."""

    page: object
    requests: list = field(default_factory=list)
    responses: list = field(default_factory=list)
    failed: list = field(default_factory=list)
    console: list = field(default_factory=list)
    errors: list = field(default_factory=list)

    def foreign_requests(self):
        """URLs requested from any host other than the portal's (127.0.0.1)."""
        return [
            request.url
            for request in self.requests
            if urlsplit(request.url).scheme not in LOCAL_SCHEMES
            and urlsplit(request.url).hostname != LOCAL_HOST
        ]

    def assert_only_local_requests(self):
        foreign = self.foreign_requests()
        assert not foreign, "requests to other hosts than 127.0.0.1:\n" + "\n".join(foreign)

    def assert_no_broken_resources(self):
        broken = [f"{r.status} {r.url}" for r in self.responses if r.status >= 400]
        broken += [f"failed ({r.failure}) {r.url}" for r in self.failed]
        assert not broken, "resources that did not load:\n" + "\n".join(broken)

    def assert_no_console_errors(self):
        """No script error and no console error (a Content-Security-Policy violation is one)."""
        problems = [f"console.{m.type}: {m.text}" for m in self.console if m.type == "error"]
        problems += [f"uncaught: {error.error}" for error in self.errors]
        assert not problems, "errors in the browser console:\n" + "\n".join(problems)


def html_lang_dir(page):
    html = page.locator("html")
    return html.get_attribute("lang"), html.get_attribute("dir")


def expected_dir(lang):
    return "rtl" if lang in RTL_LANGUAGES else "ltr"


def run_axe(page):
    """Runs axe-core on the page with the WCAG 2.0/2.1 A and AA rules; returns the violations.

    The page's Content-Security-Policy forbids inline scripts, so the context that calls this
    must be opened with bypass_csp=True for the injected axe-core script to run.
    """
    page.add_script_tag(path=str(AXE_JS))
    results = page.evaluate(
        """async (tags) => await axe.run(document, {
            runOnly: {type: 'tag', values: tags},
            resultTypes: ['violations'],
        })""",
        AXE_TAGS,
    )
    return results["violations"]


def format_violations(violations, max_nodes=5):
    lines = []
    for violation in violations:
        lines.append(
            f"- [{violation['impact']}] {violation['id']}: {violation['help']} "
            f"({violation['helpUrl']})"
        )
        for node in violation["nodes"][:max_nodes]:
            target = " ".join(str(part) for part in node["target"])
            summary = " ".join((node.get("failureSummary") or "").split())
            lines.append(f"    {target}: {summary[:300]}")
            lines.append(f"      {node['html'][:200]}")
        if len(violation["nodes"]) > max_nodes:
            lines.append(f"    ... and {len(violation['nodes']) - max_nodes} more elements")
    return "\n".join(lines)
