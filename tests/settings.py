"""Settings for the test suite: the real settings, with a fast password hasher."""

import os
import tempfile

os.environ.setdefault("SECRET_KEY", "tests-only-not-secret")

from scrutiny.settings import *  # noqa: E402, F403
from scrutiny.settings import DATABASES, STORAGES  # noqa: E402

# Hashing passwords slowly is the point in production and a waste in tests.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# The manifest needs collectstatic; tests serve the source files as they are.
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = False
# The test client speaks plain http; tests/test_deploy.py checks the production values.
SECURE_SSL_REDIRECT = False

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not SQLite's shared in-memory database, so that the threads of
    # the concurrency tests wait for the write lock rather than fail at once;
    # one per test run, so that runs side by side do not share it.
    name = f"scrutiny-test-{os.getpid()}.sqlite3"
    DATABASES["default"]["TEST"] = {"NAME": os.path.join(tempfile.gettempdir(), name)}
    DATABASES["default"]["OPTIONS"]["timeout"] = 20

# E-mails "as it happens" go at once in tests; tests/notifications/test_as_it_happens.py sets the wait.
NOTIFICATION_EMAIL_DELAY = 0
