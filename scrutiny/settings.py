"""Settings for Scrutiny Tracker, all read from the environment.

Unset, every value is the safe one for production, except the database, which
falls back to an SQLite file in the project so that a newcomer needs nothing.
"""

import datetime
import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name, default):
    """Read a yes/no setting; anything but a clear yes or no is an error."""
    value = os.environ.get(name, default).strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off", ""):
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def envint(name, default):
    """Read a whole number; anything else is an error."""
    value = os.environ.get(name, str(default)).strip()
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None


def envlist(name, default):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = envbool("DEBUG", "false")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("Set SECRET_KEY (or DEBUG=true for a local demo).")
    SECRET_KEY = "insecure-local-demo-key-do-not-use-in-production"

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.forms",
    "simple_history",
    "django_filters",
    # Counts failed sign-ins and locks out the account or address (see "Sign-in" below).
    "axes",
    # Two-factor sign-in with an authenticator app (time-based one-time codes).
    "django_otp",
    "django_otp.plugins.otp_totp",
    # The task queue (Django's Tasks API), kept in the database: e-mail, fan-outs and large jobs
    # run in `manage.py db_worker`, never in a web request (see "Background work" below).
    "django_tasks",
    "django_tasks_db",
    # The apps depend one way: councils <- reviews <- recommendations, with
    # importing, papers and demo above all three (see the README's layout).
    "common",  # no models: its management commands (backup, restore)
    "councils",
    "reviews",
    "recommendations",
    "importing",
    "papers",
    # Follows and notifications: told of the services' changes by their signals.
    "notifications",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Every page needs a signed-in person unless its view says otherwise.
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Sends a person who must use two-factor sign-in, and has not set it up, to set it up first.
    "councils.middleware.TwoFactorSetupRequired",
    # Records the signed-in person on every history row a request writes.
    "simple_history.middleware.HistoryRequestMiddleware",
    # Turns a sign-in refused for too many failures into the "too many times" page; last, as axes asks.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "scrutiny.urls"
WSGI_APPLICATION = "scrutiny.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                # The unread count in the header.
                "notifications.context_processors.unread",
            ],
        },
    },
]

# A history row's reason may be as long as the reason: "Imported from <a long file name>" must not
# fail on PostgreSQL, which (unlike SQLite) enforces the 100 characters simple-history gives it otherwise.
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

# Fields are drawn in GOV.UK markup from templates/forms/ (see common/forms.py).
FORM_RENDERER = "common.forms.GovukRenderer"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Take SQLite's write lock when a transaction starts, so that two saves of
    # one record cannot both pass the stale-edit check (PostgreSQL locks rows).
    DATABASES["default"].setdefault("OPTIONS", {})["transaction_mode"] = "IMMEDIATE"
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and not envbool(
    "POSTGRES_JIT", "false"
):
    # The pages ask short questions: compiling a plan to machine code costs more (40-90 ms a query at
    # 100,000 recommendations) than it saves. POSTGRES_JIT=true gives the server's own setting back.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Sign-in: django-axes refuses a sign-in, even with the right password, once an account, or an address,
# has failed SIGN_IN_FAILURE_LIMIT times with no SIGN_IN_COOLOFF_MINUTES' pause since the last failure.
# By account stops guessing one person's password; by address stops one machine trying a password
# against every account. An admin lifts a lockout in the admin's "Access attempts" or with
# `manage.py axes_reset_username USERNAME`.
AUTHENTICATION_BACKENDS = [
    "common.signin.SignInThrottle",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = envint("SIGN_IN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=envint("SIGN_IN_COOLOFF_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_LOCKOUT_CALLABLE = "common.signin.locked_out"
AXES_CLIENT_IP_CALLABLE = "common.signin.client_address"
# Not reset on success: a success would clear the address's failures too, and with them the
# lockout of other accounts tried from there.
AXES_RESET_ON_SUCCESS = False
# Keep every failure, not only the current count, for the admin's "Access failures".
AXES_ENABLE_ACCESS_FAILURE_LOG = True
# The log names the account and the address tried (never the password), so that it can be acted on.
AXES_SENSITIVE_PARAMETERS: list[str] = []
# The reverse proxies in front of the app that add to X-Forwarded-For (0: none, the peer is the
# person). Behind a proxy left uncounted, every sign-in seems to come from the proxy.
TRUSTED_PROXY_COUNT = envint("TRUSTED_PROXY_COUNT", 0)

# How long a link to set a password lasts, in an invitation or a reset e-mail. It works once: setting
# the password, or signing in, spends it.
PASSWORD_RESET_TIMEOUT = envint("PASSWORD_LINK_DAYS", 3) * 24 * 60 * 60

# Two-factor sign-in: anyone may turn it on (a code from an authenticator app after the password);
# with this on, council admins and superusers must, and are sent to set it up when they sign in.
REQUIRE_TWO_FACTOR_FOR_ADMINS = envbool("REQUIRE_TWO_FACTOR_FOR_ADMINS", "false")
# The name authenticator apps show beside the code.
OTP_TOTP_ISSUER = "Scrutiny Tracker"

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

SESSION_COOKIE_SECURE = envbool("SECURE_COOKIES", "false" if DEBUG else "true")
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
# A working day: a sign-in on a shared council laptop does not last into the next.
SESSION_COOKIE_AGE = envint("SESSION_COOKIE_AGE", 8 * 60 * 60)
X_FRAME_OPTIONS = "DENY"

# HTTPS. Unset, production sends every request to HTTPS and tells browsers to stay there for a year;
# DEBUG keeps a local `make run` working over http.
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", "false" if DEBUG else "true")
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 0 if DEBUG else 365 * 24 * 60 * 60)
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", "true")
# Preloading binds the whole domain, a council's included, into browsers for good: its owner opts in.
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", "false")
if not SECURE_HSTS_PRELOAD:
    SILENCED_SYSTEM_CHECKS = ["security.W021"]  # "SECURE_HSTS_PRELOAD is not True": deliberately off
# Behind a proxy that ends TLS and says so in X-Forwarded-Proto (and strips it from what people send).
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if envbool("SECURE_PROXY_SSL_HEADER", "false") else None
)
SECURE_REFERRER_POLICY = "same-origin"

# Content-Security-Policy: scripts, styles, fonts and images from this site only, nothing inline
# (the data: image is the empty favicon in base.html); no frames, plugins or forms posting elsewhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}
# The browser features no page uses, turned off for every page and anything it might embed.
PERMISSIONS_POLICY: dict[str, list[str]] = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
}

# E-mail: printed to the console unless an SMTP host is set. Every e-mail is queued in the outbox
# (councils.OutboundEmail) and sent by the worker; none is sent inside a web request.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", "true")
# Seconds to wait for the SMTP server before the attempt counts as failed and is retried.
EMAIL_TIMEOUT = envint("EMAIL_TIMEOUT", 30)
# How many times the worker tries to send one e-mail before it is marked failed for an admin to see.
EMAIL_MAX_ATTEMPTS = envint("EMAIL_MAX_ATTEMPTS", 5)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Scrutiny Tracker <scrutiny-tracker@localhost>")
# How long an e-mail's unsubscribe link works, in days.
UNSUBSCRIBE_LINK_DAYS = envint("UNSUBSCRIBE_LINK_DAYS", 90)
# The address links in e-mails start with, e.g. https://scrutiny.example.gov.uk
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Background work: Django's Tasks API (the django-tasks backport) with its database backend, so
# that any number of `manage.py db_worker` processes, on any machines, share one queue in the
# database the app already uses, and a task queued inside a transaction is committed with it.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# Seconds an e-mail "as it happens" waits, so that news coming together (an imported paper) is one e-mail.
NOTIFICATION_EMAIL_DELAY = envint("NOTIFICATION_EMAIL_DELAY", 60)
# A checked paper with this many recommendations or more is imported by the worker, not in the request.
IMPORT_IN_BACKGROUND_FROM = envint("IMPORT_IN_BACKGROUND_FROM", 100)
# How long (ms) PostgreSQL may take over any one statement of a search of the list before the reader is
# asked to narrow it (0: no limit).
SEARCH_TIME_LIMIT_MS = envint("SEARCH_TIME_LIMIT_MS", 5000)
# Scheduled work, run in this order by `manage.py run_schedule` (from cron or a systemd timer):
# each is a function taking the time now, safe to run twice, that returns a one-line summary.
SCHEDULED_JOBS = [
    "recommendations.update_requests.send_update_requests",
    # Before the digests, so that an event a dead worker left untold makes today's digest.
    "notifications.schedule.fan_out_missed",
    "notifications.schedule.send_daily_digests",
    "councils.mail.requeue_unsent",
]

# django-axes logs each failed sign-in and each lockout as a warning (loggers "axes.*"), so they reach
# the console at the default level; LOG_LEVEL=INFO adds each successful sign-in.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Django's cache framework keeps the rendered parts of the busiest pages (the dashboards, the review
# page), keyed by what they show and the change counts of its councils (councils/versions.py), so it
# never needs clearing. Each process's own memory by default; with CACHE_URL (redis://host:6379/0),
# one Redis shared by every process and machine.
if os.environ.get("CACHE_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["CACHE_URL"],
            "TIMEOUT": envint("CACHE_SECONDS", 600),
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "TIMEOUT": envint("CACHE_SECONDS", 600),
            "OPTIONS": {"MAX_ENTRIES": envint("CACHE_ENTRIES", 1000)},
        }
    }
