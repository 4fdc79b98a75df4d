"""Load a running Scrutiny Tracker on this machine with the pages people use most, and time them.

    .venv/bin/python benchmarks/load.py http://127.0.0.1:8000 --username admin --password ... \\
        [--concurrency 4] [--requests 200 | --seconds 30]

It starts nothing: point it at a server you started yourself (see the README's
Benchmarks section), on 127.0.0.1, localhost or ::1 only. It signs in once
(the CSRF token from the sign-in form), finds a council, a review and a
recommendation by following the links of the home page, then loads each page
in turn, for a fixed number of requests or seconds at a fixed concurrency,
each worker a thread with its own keep-alive connection: the home dashboard,
the council, the review, the recommendation, the filtered list, a search, and
the sign-in page (signed out). It prints, per page, requests a second, the
median and 99th percentile times, and the errors (a status other than 200, or
a failed connection). Standard library only.
"""

import argparse
import http.client
import re
import statistics
import sys
import threading
import time
from html import unescape
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}


class Client:
    """One keep-alive connection to the server, with the session's cookies (shared, read-only once signed in)."""

    def __init__(self, host, port, cookies):
        self.host, self.port, self.cookies = host, port, cookies
        self.connection = None

    def request(self, method, path, body=None, headers=None, cookies=True):
        """The status, headers and body of one request; reconnects once if the server closed the connection."""
        headers = dict(headers or {})
        if cookies and self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        for attempt in (1, 2):
            if self.connection is None:
                self.connection = http.client.HTTPConnection(self.host, self.port, timeout=60)
            try:
                self.connection.request(method, path, body=body, headers=headers)
                response = self.connection.getresponse()
                data = response.read()
                return response.status, response, data
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.connection.close()
                self.connection = None
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def close(self):
        if self.connection is not None:
            self.connection.close()


def keep_cookies(response, cookies):
    for header in response.headers.get_all("Set-Cookie") or []:
        cookie = SimpleCookie()
        cookie.load(header)
        for name, morsel in cookie.items():
            cookies[name] = morsel.value


def sign_in(client, username, password):
    """Sign in through the sign-in form, as a browser does; exits with a plain message if it cannot."""
    status, response, page = client.request("GET", "/login/")
    keep_cookies(response, client.cookies)
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    if status != 200 or token is None:
        sys.exit(f"The sign-in page did not load (status {status}); is this Scrutiny Tracker?")
    body = urlencode(
        {"csrfmiddlewaretoken": token[1].decode(), "username": username, "password": password}
    ).encode()
    status, response, page = client.request(
        "POST",
        "/login/",
        body=body,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Referer": f"http://{client.host}:{client.port}/login/",
        },
    )
    keep_cookies(response, client.cookies)
    location = response.headers.get("Location", "")
    if status != 302 or "sessionid" not in client.cookies:
        sys.exit(f"Could not sign in as {username} (status {status}): check the username and password.")
    if "/login/code/" in location or "two-factor" in location:
        sys.exit(f"{username} signs in with a code from an app: use an account without two-factor sign-in.")


def first_link(client, path, pattern, what):
    """The first link on the page at ``path`` whose address matches ``pattern``."""
    status, _, page = client.request("GET", path)
    for href in re.findall(rb'href="([^"]+)"', page):
        href = unescape(href.decode())
        if re.fullmatch(pattern, href):
            return href
    sys.exit(f"No {what} found on {path} (status {status}): load some data first (generate_demo_data).")


def find_pages(client, search):
    """The pages to load, by name: found by following links from the home page."""
    council = first_link(client, "/", r"/councils/[\w-]+/", "council")
    review = first_link(client, council, r"/councils/[\w-]+/reviews/[\w-]+/", "review")
    recommendation = first_link(
        client, review, r"/councils/[\w-]+/reviews/[\w-]+/recommendations/\d+/", "recommendation"
    )
    return {
        "home dashboard": "/",
        "council": council,
        "review": review,
        "recommendation": recommendation,
        "filtered list": "/recommendations/?" + urlencode({"decision": "agree", "status": "in_progress"}),
        "search": "/recommendations/?" + urlencode({"q": search}),
        "sign-in page": "/login/",
    }


def load(host, port, cookies, path, *, signed_in, concurrency, requests, seconds):
    """Each worker's timings (seconds) and error count, and the wall time, for one page."""
    timings, errors = [], []
    lock = threading.Lock()
    remaining = [requests]
    deadline = time.perf_counter() + seconds if seconds else None

    def take():
        with lock:
            if deadline is not None:
                return time.perf_counter() < deadline
            if remaining[0] <= 0:
                return False
            remaining[0] -= 1
            return True

    def work():
        client = Client(host, port, cookies)
        try:
            while take():
                began = time.perf_counter()
                try:
                    status, _, _ = client.request("GET", path, cookies=signed_in)
                    failed = status != 200
                except (OSError, http.client.HTTPException):
                    failed = True
                    client.close()
                    client.connection = None
                with lock:
                    timings.append(time.perf_counter() - began)
                    errors.append(failed)
        finally:
            client.close()

    started = time.perf_counter()
    workers = [threading.Thread(target=work) for _ in range(concurrency)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return timings, sum(errors), time.perf_counter() - started


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base_url", help="the server, e.g. http://127.0.0.1:8000 (this machine only)")
    parser.add_argument("--username", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--concurrency", type=int, default=4, help="requests at once (default 4)")
    amount = parser.add_mutually_exclusive_group()
    amount.add_argument("--requests", type=int, default=200, help="requests per page (default 200)")
    amount.add_argument("--seconds", type=float, help="seconds per page, instead of a number of requests")
    parser.add_argument("--search", default="refuge", help="the words searched for (default refuge)")
    args = parser.parse_args()

    url = urlsplit(args.base_url)
    if url.scheme != "http" or url.hostname not in LOCAL_HOSTS:
        parser.error("give an http:// address on this machine: 127.0.0.1, localhost or [::1]")
    if url.path not in ("", "/"):
        parser.error("give the server's address without a path, e.g. http://127.0.0.1:8000")
    if args.concurrency < 1 or args.requests < 1 or (args.seconds is not None and args.seconds <= 0):
        parser.error("the concurrency, requests and seconds must be more than 0")
    host, port = url.hostname, url.port or 80

    cookies: dict[str, str] = {}
    setup = Client(host, port, cookies)
    try:
        sign_in(setup, args.username, args.password)
        pages = find_pages(setup, args.search)
    except OSError as error:
        sys.exit(f"Could not reach {args.base_url}: {error}. Start the server first.")
    finally:
        setup.close()

    amount = f"{args.seconds:g} s" if args.seconds else f"{args.requests} requests"
    print(f"{args.base_url}, {amount} per page, {args.concurrency} at once\n")
    print(f"{'page':16} {'requests':>9} {'per s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}  address")
    for name, path in pages.items():
        timings, errors, wall = load(
            host,
            port,
            cookies,
            path,
            signed_in=name != "sign-in page",
            concurrency=args.concurrency,
            requests=args.requests,
            seconds=args.seconds,
        )
        if not timings:
            print(f"{name:16} {0:9}")
            continue
        print(
            f"{name:16} {len(timings):9} {len(timings) / wall:8.1f} "
            f"{statistics.median(timings) * 1000:8.0f} {percentile(timings, 0.99) * 1000:8.0f} "
            f"{errors:7}  {path}"
        )


if __name__ == "__main__":
    main()
