"""Security baseline: headers, well-known files, health and production settings."""

import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[3]


def test_public_pages_have_a_strict_policy(client):
    response = client.get("/ar/")
    csp = response["Content-Security-Policy"]
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


def test_pages_have_no_inline_script_or_style(client):
    for url in ["/ar/", "/fr/partners/", "/en/partners/inpplc/", "/zgh/platforms/"]:
        html = client.get(url).content.decode()
        assert "<script" not in html and "<style" not in html and " style=" not in html


def test_robots_and_sitemap(client):
    robots = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in robots and "Sitemap: http://testserver/sitemap.xml" in robots
    sitemap = client.get("/sitemap.xml").content.decode()
    for url in ["/ar/", "/fr/partners/inpplc/", "/en/platforms/", "/zgh/"]:
        assert f"<loc>http://testserver{url}</loc>" in sitemap
    assert "<loc>http://testserver/zgh/partners/inpplc/</loc>" not in sitemap  # alias of /ar/


def test_security_txt_follows_rfc_9116(client):
    response = client.get("/.well-known/security.txt")
    fields = dict(line.split(": ", 1) for line in response.content.decode().splitlines())
    assert fields["Contact"].startswith(("mailto:", "https://"))
    expires = datetime.strptime(fields["Expires"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    assert 0 < (expires - datetime.now(UTC)).days < 365


def test_healthz_reports_database_and_cache(client):
    response = client.get("/healthz")
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}


def test_healthz_fails_when_the_cache_is_down(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["cache"] == "error"


def run_manage(*args, env):
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={
            "PATH": os.environ["PATH"],
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            **env,
        },
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_refuses_to_start_without_its_secrets():
    result = run_manage("check", env={})
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr and "ALLOWED_HOSTS" in result.stderr
    assert "CLAIMS_SECRET" in result.stderr


CLAIMS_SECRET = "Zq8-w4Lp" * 5


def test_production_refuses_a_weak_or_reused_claims_secret():
    env = {"SECRET_KEY": "k3Jd9-x_" * 8, "ALLOWED_HOSTS": "portal.example", "CACHE_DIR": "/tmp/c"}  # noqa: S108
    for secret in ("short", env["SECRET_KEY"]):
        result = run_manage("check", env={**env, "CLAIMS_SECRET": secret})
        assert result.returncode != 0
        assert "CLAIMS_SECRET must be at least 32" in result.stderr


def test_production_refuses_a_weak_secret_key():
    env = {
        "SECRET_KEY": "short",
        "ALLOWED_HOSTS": "portal.example",
        "CACHE_DIR": "/tmp/c",  # noqa: S108
        "CLAIMS_SECRET": CLAIMS_SECRET,
    }
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "at least 50" in result.stderr


def test_production_refuses_a_cache_its_workers_do_not_share():
    env = {
        "SECRET_KEY": "k3Jd9-x_" * 8,
        "ALLOWED_HOSTS": "portal.example",
        "CLAIMS_SECRET": CLAIMS_SECRET,
    }
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "REDIS_URL" in result.stderr


def test_production_passes_check_deploy(tmp_path):
    env = {
        "SECRET_KEY": "k3Jd9-x_" * 8,
        "ALLOWED_HOSTS": "portal.example",
        "CLAIMS_SECRET": CLAIMS_SECRET,
        "PORTAL_VAR_DIR": str(tmp_path),
        "CACHE_DIR": str(tmp_path / "cache"),
        "TRUSTED_PROXY_COUNT": "1",  # behind nginx, as docs/deployment.md sets it up
    }
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode == 0, result.stdout + result.stderr


def test_served_media_never_include_document_files(client, settings):
    # With SERVE_MEDIA on (make serve), only image folders are served from /media/.
    import importlib

    from django.urls import clear_url_caches

    import portal.urls

    settings.SERVE_MEDIA = True
    try:
        importlib.reload(portal.urls)
        clear_url_caches()
        (settings.MEDIA_ROOT / "documents").mkdir(parents=True, exist_ok=True)
        (settings.MEDIA_ROOT / "documents" / "secret.pdf").write_bytes(b"%PDF-1.4 secret")
        (settings.MEDIA_ROOT / "images").mkdir(parents=True, exist_ok=True)
        (settings.MEDIA_ROOT / "images" / "logo.png").write_bytes(b"\x89PNG")
        assert client.get("/media/images/logo.png").status_code == 200
        assert client.get("/media/documents/secret.pdf").status_code == 404
    finally:
        settings.SERVE_MEDIA = False
        importlib.reload(portal.urls)
        clear_url_caches()
