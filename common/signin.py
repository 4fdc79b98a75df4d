"""Sign-in throttling with django-axes: where a sign-in came from, and the page for one refused.

django-axes counts failed sign-ins on every form that signs people in through
``django.contrib.auth.authenticate`` (the service's and the admin's), and
refuses the next once an account or an address has failed too often; the
settings say how often and for how long.
"""

import ipaddress

from axes.backends import AxesStandaloneBackend
from axes.helpers import get_cool_off
from django.conf import settings
from django.shortcuts import render


class SignInThrottle(AxesStandaloneBackend):
    """Refuses a sign-in from a locked-out account or address; signs nobody in itself.

    A check of a password with no request (the shell, a test's ``client.login``)
    is not a sign-in form and has no address to count, so it is left to the
    next backend instead of failing.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username, password, **kwargs)


def client_address(request) -> str | None:
    """The address a request came from: the peer's, or behind proxies the one the outermost proxy saw.

    Each of the TRUSTED_PROXY_COUNT proxies adds the address it was reached from
    to the end of X-Forwarded-For, so the person's is that many from the end;
    anything earlier was sent by the person and could say anything.
    """
    peer = request.META.get("REMOTE_ADDR")
    count = settings.TRUSTED_PROXY_COUNT
    if count > 0:
        hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        if len(hops) >= count:
            try:
                return str(ipaddress.ip_address(hops[-count]))
            except ValueError:
                pass  # not an address: the proxies are not as configured, so fall back to the peer
    return peer


def locked_out(request, original_response=None, credentials=None):
    """The page for a sign-in refused because of too many failures, on either sign-in form."""
    cool_off = get_cool_off(request)
    minutes = round(cool_off.total_seconds() / 60) if cool_off else None
    return render(
        request,
        "registration/locked_out.html",
        {"minutes": minutes},
        status=429,  # Too Many Requests
    )
