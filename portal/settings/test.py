"""Tests: the same stack with an immediate task backend and fast password hashing."""

import os

from .base import *  # noqa: F403

SECRET_KEY = "test-only-secret-key-not-used-anywhere-else-0123456789abcdef"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MEDIA_ROOT = Path(os.environ.get("TEST_MEDIA_ROOT", "/tmp/portal-test-media"))  # noqa: F405, S108
LINK_CHECK_ALLOW_PRIVATE = True  # the link-check tests answer from a server on 127.0.0.1
# The smallest Argon2id cost libsodium allows: the tests derive hundreds of keys.
CLAIMS_ARGON2 = {"receipt": (1, 8192), "password": (1, 8192)}
# Lets the test database be emptied between tests; the audit log stays append-only otherwise.
CLAIMS_AUDIT_MAINTENANCE = True
CLAIMS_POW_BITS = 8
