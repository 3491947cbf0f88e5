"""Fixtures of the browser tests: the real site served by gunicorn, and Debian's Chromium.

The site runs once per test session as a subprocess, on a fresh SQLite database in a temporary
directory (even when DATABASE_URL or REDIS_URL are set for the rest of the suite), with DEBUG
off and static files collected so that WhiteNoise serves them as in production. One Chromium is
launched per session; every test gets its own browser contexts, closed at the end of the test.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from .support import CHROMIUM, CHROMIUM_ARGS, Visit

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = ROOT / ".venv" / "bin"
BIN = VENV_BIN if (VENV_BIN / "python").exists() else Path(sys.executable).parent
STARTUP_TIMEOUT = 60  # seconds for gunicorn to answer /healthz
COMMAND_TIMEOUT = 300  # seconds for each of collectstatic, migrate, load_demo
DEFAULT_TIMEOUT_MS = 15_000

# Settings read from the environment that must not leak from the developer's or CI's shell
# into the browser server: it always runs on its own SQLite database and local-memory cache.
SCRUBBED_ENV = (
    "DATABASE_URL",
    "REDIS_URL",
    "CACHE_DIR",
    "STATIC_ROOT",
    "MEDIA_ROOT",
    "DJANGO_SETTINGS_MODULE",
    "PORTAL_VAR_DIR",
    "DEBUG",
    "ALLOWED_HOSTS",
    "CSRF_TRUSTED_ORIGINS",
)

# Never send the local requests of the fixtures through a proxy of the environment.
_NO_PROXY_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def _free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _status(url):
    try:
        with _NO_PROXY_OPENER.open(url, timeout=2) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return None


def _tail(path, lines=40):
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


def _manage(env, *args):
    command = [str(BIN / "python"), "manage.py", *args]
    try:
        result = subprocess.run(
            command,
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=COMMAND_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(
            f"`manage.py {' '.join(args)}` took more than {COMMAND_TIMEOUT}s", pytrace=False
        )
    if result.returncode != 0:
        pytest.fail(
            f"`manage.py {' '.join(args)}` failed ({result.returncode}):\n"
            f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}",
            pytrace=False,
        )


def _server_env(var_dir):
    env = {key: value for key, value in os.environ.items() if key not in SCRUBBED_ENV}
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.dev",
        PORTAL_VAR_DIR=str(var_dir),
        STATIC_ROOT=str(var_dir / "static"),
        MEDIA_ROOT=str(var_dir / "media"),
        DEBUG="false",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        PYTHONDONTWRITEBYTECODE="1",
        PYTHONUNBUFFERED="1",
        # The browser solves the claim form's proof-of-work: an easy one, so that its random
        # duration (geometric: sometimes several times the average) never decides a test.
        CLAIMS_POW_BITS="10",
    )
    return env


@pytest.fixture(scope="session")
def portal_url(tmp_path_factory):
    """Base URL (http://127.0.0.1:<port>) of the real site, with the demo content loaded."""
    var_dir = tmp_path_factory.mktemp("portal-browser")
    env = _server_env(var_dir)
    _manage(env, "collectstatic", "--noinput", "-v0")
    _manage(env, "migrate", "--noinput", "-v0")
    _manage(env, "load_demo")

    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    log_path = var_dir / "gunicorn.log"
    with log_path.open("wb") as log:
        server = subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                "portal.wsgi:application",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "1",
                "--threads",
                "4",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while _status(f"{url}/healthz") != 200:
            if server.poll() is not None:
                pytest.fail(
                    f"gunicorn exited with {server.returncode}:\n{_tail(log_path)}",
                    pytrace=False,
                )
            if time.monotonic() > deadline:
                pytest.fail(
                    f"{url}/healthz did not answer 200 within {STARTUP_TIMEOUT}s:\n"
                    f"{_tail(log_path)}",
                    pytrace=False,
                )
            time.sleep(0.2)
        css_status = _status(f"{url}/static/css/portal.css")
        if css_status != 200:
            pytest.fail(
                f"/static/css/portal.css answered {css_status}: static files are not served",
                pytrace=False,
            )
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session (Debian's, never a downloaded one)."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is missing: apt-get install -y chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def new_page(browser, portal_url):
    """Opens a page in a fresh browser context that records every request and response.

    Keyword arguments go to `browser.new_context` (viewport, java_script_enabled, ...).
    Relative URLs given to `page.goto` are resolved against the portal.
    """
    contexts = []

    def open_page(**context_options):
        context = browser.new_context(base_url=portal_url, **context_options)
        context.set_default_timeout(DEFAULT_TIMEOUT_MS)
        context.set_default_navigation_timeout(DEFAULT_TIMEOUT_MS)
        contexts.append(context)
        visit = Visit(page=None)
        context.on("request", lambda request: visit.requests.append(request))
        context.on("response", lambda response: visit.responses.append(response))
        context.on("requestfailed", lambda request: visit.failed.append(request))
        context.on("console", lambda message: visit.console.append(message))
        context.on("weberror", lambda error: visit.errors.append(error))
        visit.page = context.new_page()
        return visit

    yield open_page
    for context in contexts:
        context.close()
