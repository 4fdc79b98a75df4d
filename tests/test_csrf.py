"""Every POST is refused without a CSRF token, even from a superuser."""

from django.test import Client

from tests.test_permission_matrix import EXPECTED, world  # noqa: F401  (the fixture)

# Posted by mail programs with no cookie (RFC 8058's one-click unsubscribe): the signed link is the
# authority. tests/notifications/test_unsubscribe.py checks it works without a token, and refuses
# anything but a good link.
NO_CSRF = {"notifications:unsubscribe"}


def test_every_post_without_a_csrf_token_is_refused(world):  # noqa: F811
    urls, people = world
    posts = [name for (name, method), answers in EXPECTED.items() if method == "POST" and name not in NO_CSRF]
    refused = {}
    for name in posts:
        client = Client(enforce_csrf_checks=True)
        if name != "login":
            client.force_login(people["superuser"])
        refused[name] = client.post(urls[name], {}).status_code
    # Read-only pages answer 405 before CSRF matters; everything that takes a POST says 403.
    accepts_post = [name for name in posts if EXPECTED[name, "POST"]["superuser"] != 405]
    assert accepts_post, "no POST endpoints found"
    assert {name: refused[name] for name in accepts_post} == dict.fromkeys(accepts_post, 403)
