"""Settings for the test suite: the real settings, with a fast password hasher."""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-not-secret")

from scrutiny.settings import *  # noqa: E402, F403

# Hashing passwords slowly is the point in production and a waste in tests.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# The manifest needs collectstatic; tests serve the source files as they are.
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = False
