"""Settings shared by every environment. Values that differ per deployment come from
environment variables (documented in README.md and .env.example)."""

import os
from pathlib import Path

import dj_database_url
from django.conf.locale import LANG_INFO
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PORTAL_DIR = BASE_DIR / "portal"
VAR_DIR = Path(os.environ.get("PORTAL_VAR_DIR", BASE_DIR / "var"))


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "portal.core",
    "portal.users",
    "portal.images",
    "portal.documents",
    "portal.institutions",
    "portal.platforms",
    "portal.library",
    "portal.search",
    "portal.statistics",
    "portal.complaints",
    "portal.strategy",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "portal.core.cache.AnonymousPageCacheMiddleware",
    "portal.core.middleware.SecurityHeadersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "portal.core.middleware.PortalLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "portal.users.middleware.RequireTwoFactorForAdminMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PORTAL_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
        },
    },
]

# --- Database: SQLite by default, anything dj-database-url understands otherwise.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}", conn_max_age=60, conn_health_checks=True
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000; "
            # Read the database through the page cache of the system (shared by the workers)
            # rather than copying it into each connection's own small cache: full-text
            # searches read much of the index.
            "PRAGMA mmap_size=268435456;"
        ),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache: local memory by default, Redis when REDIS_URL is set.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "portal"),
        }
    }
elif os.environ.get("CACHE_DIR"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ["CACHE_DIR"],
            "OPTIONS": {"MAX_ENTRIES": 20000},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
# Query parameters that pages understand; a request with any other parameter is rendered but not
# cached, so made-up query strings cannot push real pages out of the cache.
# The library's filters are cached too (bounded: the store forgets the least recently used);
# searches (`q`) are not.
PAGE_CACHE_QUERY_PARAMS = {
    "page",
    "kind",
    "type",
    "theme",
    "sector",
    "institution",
    "year",
    "language",
    "sort",
    "source",  # statistics: national or international
    "by",  # an indicator's breakdown shown as series
    "d",  # an indicator's breakdown fixed to a value
}

# --- Background tasks (django-tasks): a database-backed queue run by `manage.py db_worker`.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# --- Authentication
AUTH_USER_MODEL = "users.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
LOGIN_URL = "wagtailadmin_login"

# Failed sign-ins are throttled per account name and address (django-axes).
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "0.25"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "users/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_CLIENT_IP_CALLABLE = "portal.users.throttle.client_ip"
# Number of reverse proxies in front of the application that append to X-Forwarded-For
# (1 behind nginx). Sign-in throttling uses the address they report.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

OTP_TOTP_ISSUER = os.environ.get("OTP_ISSUER", "Integrity portal")

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
# The CSRF cookie lasts as long as the browser session: no identifier outlives a visit.
CSRF_COOKIE_AGE = None

# --- Languages. Arabic first; Amazigh (Tifinagh) is registered here because Django has no
# `zgh` locale. The Wagtail admin itself is offered in Arabic, French and English.
LANG_INFO["zgh"] = {
    "bidi": False,
    "code": "zgh",
    "name": "Standard Moroccan Amazigh",
    "name_local": "ⵜⴰⵎⴰⵣⵉⵖⵜ",
}
LANGUAGE_CODE = "ar"
LANGUAGES = [
    ("ar", _("Arabic")),
    ("fr", _("French")),
    ("en", _("English")),
    ("zgh", _("Amazigh")),
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = [("ar", "العربية"), ("fr", "Français"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Africa/Casablanca"

# --- Static and media files
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static_root"))
STATICFILES_DIRS = [
    PORTAL_DIR / "static",
    ("fonts/noto-naskh-arabic", BASE_DIR / "node_modules/@fontsource/noto-naskh-arabic/files"),
    ("fonts/noto-sans-tifinagh", BASE_DIR / "node_modules/@fontsource/noto-sans-tifinagh/files"),
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# --- Wagtail
WAGTAIL_SITE_NAME = os.environ.get("SITE_NAME", "National Integrity Portal")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "images.PortalImage"
WAGTAILDOCS_DOCUMENT_MODEL = "documents.PortalDocument"
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "ods", "docx", "xlsx", "csv", "txt", "epub"]
WAGTAILDOCS_DOCUMENT_FORM_BASE = "portal.documents.forms.DocumentForm"
# Text extraction of PDF files (library search): larger files are kept but not searched.
DOCUMENT_MAX_UPLOAD_BYTES = int(os.environ.get("DOCUMENT_MAX_UPLOAD_BYTES", 100 * 1024 * 1024))
PDF_EXTRACT_MAX_BYTES = int(os.environ.get("PDF_EXTRACT_MAX_BYTES", 60 * 1024 * 1024))
PDF_EXTRACT_MAX_PAGES = int(os.environ.get("PDF_EXTRACT_MAX_PAGES", 3000))
# Statistics: the largest CSV or XLSX file a partner may import as an indicator's data.
STATISTICS_MAX_UPLOAD_BYTES = int(os.environ.get("STATISTICS_MAX_UPLOAD_BYTES", 5 * 1024 * 1024))
# --- Claims (docs/claims-security.md). CLAIMS_SECRET keys the receipts' Argon2id salt, the
# proof-of-filing signature and the follow-up tokens: losing or changing it makes every receipt
# unusable, so it is its own secret, not SECRET_KEY (which a development setup falls back to).
CLAIMS_SECRET = os.environ.get("CLAIMS_SECRET", "")
# The authority's recovery public key (base64, `manage.py claims_escrow generate`): every claim
# key is also sealed to it. Its private half is kept offline.
CLAIMS_ESCROW_PUBLIC_KEY = os.environ.get("CLAIMS_ESCROW_PUBLIC_KEY", "")
# Argon2id cost (opslimit, memlimit in bytes) of a receipt and of a handler's password.
CLAIMS_ARGON2 = {
    "receipt": (2, 64 * 1024 * 1024),
    "password": (3, 128 * 1024 * 1024),
}
CLAIMS_MAX_FILES = int(os.environ.get("CLAIMS_MAX_FILES", "5"))
CLAIMS_MAX_FILE_BYTES = int(os.environ.get("CLAIMS_MAX_FILE_BYTES", 10 * 1024 * 1024))
# Anti-abuse without a CAPTCHA service: the proof-of-work a browser with JavaScript solves
# (leading zero bits of SHA-256; 16 is about 65,000 hashes, a second or two in a browser), and
# the rate limits of the
# claim forms, keyed by a daily-rotating keyed hash of the address that is never stored.
CLAIMS_POW_BITS = int(os.environ.get("CLAIMS_POW_BITS", "16"))
CLAIMS_RATE_LIMIT = env_bool("CLAIMS_RATE_LIMIT", default=True)
# Argon2id derivations (64 MiB each for a receipt) that one process runs at once; a request that
# waits two seconds for a free one is answered "busy, try again in a minute" (503).
CLAIMS_ARGON2_CONCURRENCY = int(os.environ.get("CLAIMS_ARGON2_CONCURRENCY", "4"))
# Law 09-08: asking for a national ID number needs the CNDP's prior authorisation.
CLAIMS_ASK_NATIONAL_ID = env_bool("CLAIMS_ASK_NATIONAL_ID")
# --- Strategy tracker: partners report on each quarter within this many days after it ends.
STRATEGY_REPORT_DAYS = int(os.environ.get("STRATEGY_REPORT_DAYS", "30"))
# OAI-PMH (/oai/): the repository's name, its identifier (by default the host it is reached
# on) and the address of its administrator (by default the mailto: of SECURITY_CONTACT).
OAI_REPOSITORY_NAME = os.environ.get("OAI_REPOSITORY_NAME", "National Integrity Portal")
OAI_REPOSITORY_IDENTIFIER = os.environ.get("OAI_REPOSITORY_IDENTIFIER", "")
OAI_ADMIN_EMAIL = os.environ.get("OAI_ADMIN_EMAIL", "")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_ALLOW_UNICODE_SLUGS = True
WAGTAILEMBEDS_FINDERS = []
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Staff avatars are not fetched from gravatar.com: the admin makes no third-party request either.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_USAGE_COUNT_ENABLED = False
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
# No password reset by e-mail: a claim handler's key is wrapped by their password, and a reset
# that skipped the workspace would lock it (docs/claims-security.md, escrow and recovery).
# Administrators set a new password with `manage.py changepassword`.
WAGTAIL_PASSWORD_RESET_ENABLED = False

# --- Security
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURITY_CONTACT = os.environ.get("SECURITY_CONTACT", "mailto:security@example.org")
SECURITY_POLICY_URL = os.environ.get("SECURITY_POLICY_URL", "")
# Serve uploaded media from Django (make serve); a real deployment serves them from nginx.
SERVE_MEDIA = env_bool("SERVE_MEDIA")
# The link checker refuses private, loopback and link-local addresses unless this is on.
LINK_CHECK_ALLOW_PRIVATE = env_bool("LINK_CHECK_ALLOW_PRIVATE")

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "portal@localhost")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    # Access logs of the WSGI server are not written by Django; see docs/deployment.md.
    "loggers": {"django.server": {"handlers": [], "level": "ERROR", "propagate": False}},
}
