"""Production settings: `check --deploy` passes, and every response carries the security headers."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

from django.urls import reverse

ROOT = Path(__file__).resolve().parent.parent


def production_env(**extra):
    """The environment of a production server: no DEBUG, a real secret key, its host name."""
    env = {
        key: value
        for key, value in os.environ.items()
        # The test run's own (DJANGO_ALLOW_ASYNC_UNSAFE, DJANGO_SETTINGS_MODULE) are no server's.
        if not key.startswith("DJANGO_")
        and key not in {"DEBUG", "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "SECURE_COOKIES"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="scrutiny.settings",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="example.org",
        DATABASE_URL="sqlite://:memory:",
        **extra,
    )
    return env


def run(args, env):
    return subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def test_the_deploy_check_passes_with_production_settings():
    result = run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"], production_env()
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_the_deploy_check_fails_when_https_is_turned_off():
    env = production_env(SECURE_SSL_REDIRECT="false", SECURE_HSTS_SECONDS="0")
    result = run([sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"], env)

    assert result.returncode != 0
    assert "security.W004" in result.stderr and "security.W008" in result.stderr


# Signs in nowhere and writes nothing: asks for the sign-in page as a browser would, over http and https.
HEADERS_SCRIPT = """
import json, django
django.setup()
from django.test import Client, override_settings
# The manifest exists only after collectstatic; the headers do not depend on it.
override_settings(
    STORAGES={"staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
).enable()
client = Client(HTTP_HOST="example.org")
plain = client.get("/login/")
secure = client.get("/login/", secure=True)
print(json.dumps({"plain": [plain.status_code, plain.headers.get("Location")],
                  "secure": [secure.status_code, dict(secure.headers)],
                  "cookie_age": __import__("django.conf").conf.settings.SESSION_COOKIE_AGE}))
"""


def test_production_redirects_to_https_and_sends_hsts_and_the_policies():
    result = run([sys.executable, "-c", HEADERS_SCRIPT], production_env())
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout.strip().splitlines()[-1])

    assert answer["plain"] == [301, "https://example.org/login/"]
    status, headers = answer["secure"]
    assert status == 200
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert headers["Referrer-Policy"] == "same-origin"
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assert "camera=()" in headers["Permissions-Policy"]
    assert answer["cookie_age"] == 8 * 60 * 60


def test_https_settings_come_from_the_environment():
    env = production_env(
        SECURE_HSTS_SECONDS="600",
        SECURE_HSTS_INCLUDE_SUBDOMAINS="false",
        SECURE_HSTS_PRELOAD="true",
        SECURE_PROXY_SSL_HEADER="true",
        SESSION_COOKIE_AGE="3600",
    )
    script = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_HSTS_PRELOAD, "
        "s.SECURE_PROXY_SSL_HEADER, s.SESSION_COOKIE_AGE, s.SECURE_SSL_REDIRECT)"
    )
    result = run([sys.executable, "-c", script], env)

    assert result.stdout.split("\n")[0] == "600 False True ('HTTP_X_FORWARDED_PROTO', 'https') 3600 True"


def test_a_bad_value_in_the_environment_is_refused_in_plain_words():
    result = run([sys.executable, "manage.py", "check"], production_env(SESSION_COOKIE_AGE="a day"))

    assert result.returncode != 0
    assert "SESSION_COOKIE_AGE must be a whole number, not 'a day'." in result.stderr


def test_debug_keeps_a_local_demo_on_plain_http():
    env = production_env(DEBUG="true")
    del env["SECRET_KEY"]
    script = "import django; django.setup(); from django.conf import settings as s; print(s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS)"

    result = run([sys.executable, "-c", script], env)

    assert result.stdout.strip() == "False 0"


def test_every_page_carries_a_content_security_policy_with_nothing_inline(client):
    response = client.get(reverse("login"))

    policy = dict(
        (directive.split(" ", 1) + [""])[:2]
        for directive in response.headers["Content-Security-Policy"].split("; ")
    )
    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["frame-ancestors"] == "'none'"
    assert policy["object-src"] == "'none'"
    assert "unsafe-inline" not in response.headers["Content-Security-Policy"]
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert "geolocation=()" in response.headers["Permissions-Policy"]


def test_no_template_or_script_has_inline_script_or_style():
    """The policy refuses inline script and style, so none may be written: a page would break."""
    offenders = []
    for path in [*(ROOT / "templates").rglob("*.html"), *(ROOT / "static" / "src").rglob("*")]:
        if "emails" in path.parts:
            continue  # e-mails are read in mail programs, not under the policy
        text = path.read_text()
        for marker in ("style=", "<style", "<script>", " on" + "click=", " on" + "load=", "javascript:"):
            if marker in text:
                offenders.append(f"{path.relative_to(ROOT)}: {marker}")
    assert offenders == []
