"""Two app servers, one database: the app keeps nothing in its processes.

Two gunicorn processes serve the test database. One person's session, signed in on the first,
works on the second; a stale edit made across them is refused on the second save; and a paper
uploaded to one is checked and imported on the other.
"""

import http.cookiejar
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.db import connection
from django.urls import reverse

from councils.models import Council, Membership
from recommendations import services
from recommendations.models import CabinetResponse, Decision, Recommendation
from reviews.models import Review
from tests.conftest import make_recommendation, make_review, make_user, seed

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "two-servers-one-database"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def database_url():
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{os.path.abspath(settings['NAME'])}"
    user = settings["USER"] or "postgres"
    return (
        f"postgres://{user}@{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}/{settings['NAME']}"
    )


@pytest.fixture
def servers(transactional_db, tmp_path):
    """Two gunicorn processes on loopback, each its own process with its own memory, one database."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "DATABASE_URL": database_url(),
        "CONN_MAX_AGE": "0",
    }
    started = []
    for number in range(2):
        port = free_port()
        log = open(tmp_path / f"server-{number}.log", "wb")  # noqa: SIM115  # closed with the process
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "scrutiny.wsgi", "-b", f"127.0.0.1:{port}", "-w", "1"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
        started.append((process, f"http://127.0.0.1:{port}", log))
    try:
        for process, base, _ in started:
            deadline = time.monotonic() + 30
            while True:
                try:
                    urllib.request.urlopen(base + "/login/", timeout=2)
                    break
                except OSError:  # not listening yet, or not answering yet
                    if process.poll() is not None or time.monotonic() > deadline:
                        raise AssertionError(server_logs(tmp_path)) from None
                    time.sleep(0.2)
        yield [base for _, base, _ in started]
    finally:
        for process, _, log in started:
            process.terminate()
            process.wait(timeout=10)
            log.close()
        # Any traceback a server wrote, for the test's report.
        print(server_logs(tmp_path))


def server_logs(folder):
    return "\n".join(path.read_text(errors="replace")[-3000:] for path in sorted(folder.glob("server-*.log")))


class Forms(HTMLParser):
    """The fields of each form on a page, as a browser would send them (text, hidden, checked, selected)."""

    def __init__(self, html):
        super().__init__()
        self.forms: list[dict] = []
        self._select = None
        self._textarea = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append({})
        elif not self.forms:
            return
        fields = self.forms[-1] if self.forms else None
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "file", "button"):
            if attrs.get("type") in ("radio", "checkbox"):
                if "checked" in attrs:
                    fields[name] = attrs.get("value", "on")
            else:
                fields[name] = attrs.get("value", "")
        elif tag == "select" and name:
            self._select = name
            fields.setdefault(name, "")
        elif tag == "option" and self._select and "selected" in attrs:
            fields[self._select] = attrs.get("value", "")
        elif tag == "textarea" and name:
            self._textarea = name
            fields[name] = ""

    def handle_data(self, data):
        if self._textarea and self.forms:
            self.forms[-1][self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


class Browser:
    """One person's cookies, sent to whichever server is asked (cookies do not depend on the port)."""

    def __init__(self):
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def open(self, url, data=None, headers=None):
        request = urllib.request.Request(url, data=data, headers=headers or {})
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.url, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.url, error.read().decode()

    def form(self, url, index=-1):
        status, _, html = self.open(url)
        assert status == 200, (url, status)
        return Forms(html).forms[index]

    def post(self, url, fields, files=None):
        if files:
            boundary = uuid.uuid4().hex
            body = b""
            for name, value in fields.items():
                body += f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
            for name, (filename, content) in files.items():
                body += (
                    (
                        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                        "Content-Type: text/plain\r\n\r\n"
                    ).encode()
                    + content
                    + b"\r\n"
                )
            body += f"--{boundary}--\r\n".encode()
            headers = {"Content-Type": f"multipart/form-data; boundary={boundary}"}
        else:
            body, headers = urllib.parse.urlencode(fields).encode(), {}
        return self.open(url, body, {**headers, "Referer": url})

    def sign_in(self, base, username):
        fields = self.form(base + "/login/")
        status, url, _ = self.post(base + "/login/", {**fields, "username": username, "password": PASSWORD})
        assert status == 200 and not url.endswith("/login/"), url


def response_path(recommendation):
    review = recommendation.review
    return reverse(
        "recommendations:edit-response", args=[review.council.slug, review.slug, recommendation.position]
    )


def test_a_session_and_a_stale_edit_across_two_servers(servers):
    first, second = servers
    council = Council.objects.create(name="Testshire County Council", slug="testshire")
    officer = make_user("olive", email="olive@testshire.example")
    officer.set_password(PASSWORD)
    officer.save()
    Membership.objects.create(user=officer, council=council, role=Membership.Role.OFFICER)
    recommendation = make_recommendation(make_review(council))
    services.save_response(recommendation=recommendation, user=None, version=None, decision=Decision.AGREE)
    browser = Browser()

    browser.sign_in(first, "olive")
    # Her form, opened on the first server, carries the version it showed.
    mine = browser.form(first + response_path(recommendation))
    assert mine["version"] == "1"
    # Meanwhile, on the second server (the same session: it is in the database), the response changes.
    theirs = browser.form(second + response_path(recommendation))
    status, _, _ = browser.post(
        second + response_path(recommendation), {**theirs, "comment": "Theirs: from June."}
    )
    assert status == 200

    status, _, page = browser.post(
        first + response_path(recommendation), {**mine, "comment": "Mine: from July."}
    )

    assert status == 409
    assert "Someone else saved this first" in page and "Theirs: from June." in page
    saved = CabinetResponse.objects.get(recommendation=recommendation)
    assert (saved.comment, saved.version) == ("Theirs: from June.", 2)


def test_a_paper_uploaded_to_one_server_is_checked_and_imported_on_the_other(servers):
    first, second = servers
    council = Council.objects.create(name="Southwark Council", slug="southwark-council")
    admin = make_user("admin-southwark")
    admin.set_password(PASSWORD)
    admin.save()
    Membership.objects.create(user=admin, council=council, role=Membership.Role.ADMIN)
    browser = Browser()
    browser.sign_in(first, "admin-southwark")
    upload = reverse("importing:upload", args=[council.slug])
    paper = seed("southwark")

    fields = browser.form(first + upload)
    status, check_url, page = browser.post(
        first + upload, fields, files={"paper": (paper.name, paper.read_bytes())}
    )
    assert status == 200 and "Check what will be imported" in page, page[:500]

    on_second = check_url.replace(first, second)
    form = next(
        f for f in Forms(browser.open(on_second)[2]).forms if "csrfmiddlewaretoken" in f and len(f) > 2
    )
    status, done_url, _ = browser.post(on_second, {**form, "action": "import"})

    assert status == 200
    review = Review.objects.get(council=council)
    assert done_url == second + review.get_absolute_url()
    assert Recommendation.objects.filter(review=review).count() == 12
    assert {h.history_user.username for h in Recommendation.history.all()} == {"admin-southwark"}
