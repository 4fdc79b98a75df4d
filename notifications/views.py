from itertools import groupby

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from councils.access import get_council_for_user
from councils.models import Council, Role
from recommendations.access import get_recommendation_for_user
from recommendations.models import Recommendation, Theme
from reviews.access import get_review_for_user

from . import services
from .forms import FollowForm, PreferenceForm
from .models import Follow, Notification, target_kind
from .tokens import read_token

PAGE_SIZE = 25


@require_safe
def notification_list(request):
    """What changed on what this person follows, newest first, grouped by day; those shown are marked read."""
    notifications = (
        Notification.objects.visible_to(request.user)
        .select_related("event__council", "event__review", "event__recommendation")
        .order_by("-created_at", "-id")
    )
    page = Paginator(notifications, PAGE_SIZE).get_page(request.GET.get("page"))
    shown = list(page.object_list)
    days = [
        (day, list(items)) for day, items in groupby(shown, key=lambda n: timezone.localdate(n.created_at))
    ]
    response = render(request, "notifications/list.html", {"page": page, "days": days})
    # Seeing them is reading them: the page marks what it showed, once it is drawn, and only the
    # person's own receipts. A HEAD, or a browser fetching ahead of a click, has not been read.
    if request.method == "GET" and not _prefetch(request):
        services.mark_read(user=request.user, notification_ids=[n.pk for n in shown if n.read_at is None])
    return response


def _prefetch(request):
    return (
        "prefetch" in request.headers.get("Sec-Purpose", "") or request.headers.get("Purpose") == "prefetch"
    )


@require_http_methods(["GET", "POST"])
def preferences(request):
    """When this person is e-mailed about what they follow."""
    form = PreferenceForm(
        request.POST if request.method == "POST" else None,
        initial={"email": services.email_preference(request.user)},
    )
    if request.method == "POST" and form.is_valid():
        services.set_email_preference(
            user=request.user, email=form.cleaned_data["email"], reason="Changed on the preferences page"
        )
        messages.success(request, "Your e-mail preference has been saved.")
        return redirect("notifications:preferences")
    return render(request, "notifications/preferences.html", {"form": form})


@require_safe
def following(request):
    """What this person follows: their own choices, and what they follow by default."""
    user = request.user
    councils = Council.objects.for_user(user)
    rows = list(
        Follow.objects.filter(user=user)
        .filter(
            Q(council__in=councils)
            | Q(review__council__in=councils)
            | Q(recommendation__review__council__in=councils)
            | Q(theme__isnull=False)
        )
        .select_related("council", "review__council", "recommendation__review__council", "theme")
        .order_by("id")
    )
    led = (
        Recommendation.objects.filter(lead_officer=user, review__council__in=councils)
        .exclude(pk__in=[row.recommendation_id for row in rows if row.recommendation_id])
        .select_related("review__council")
        .order_by("review__council__name", "review__title", "position")
    )
    member_of = Council.objects.filter(memberships__user=user, memberships__role=Role.MEMBER).order_by("name")
    context = {
        "followed": [row for row in rows if row.is_following],
        "unfollowed": [row for row in rows if not row.is_following],
        "led": led,
        "member_of": member_of,
    }
    return render(request, "notifications/following.html", context)


def _follow(request, target, target_url):
    """Record the follow button's choice for this target (already checked visible) and go back."""
    form = FollowForm(request.POST)
    back = form.data.get("next", "")
    if not url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        back = target_url
    if not form.is_valid():
        messages.error(request, "Choose whether to follow it, and try again.")
        return redirect(back or target_url)
    is_following = form.cleaned_data["following"]
    services.set_following(
        user=request.user,
        target=target,
        is_following=is_following,
        reason="Followed on its page" if is_following else "Unfollowed on its page",
    )
    name = _name(target)
    messages.success(
        request, f"You are following {name}." if is_following else f"You no longer follow {name}."
    )
    return redirect(back or target_url)


def _name(target):
    kind = target_kind(target)
    if kind == kind.RECOMMENDATION:
        return f"recommendation {target.label} of {target.review}"
    if kind == kind.THEME:
        return f"the theme {target}"
    return str(target)


@require_POST
def follow_recommendation(request, council_slug, review_slug, position):
    recommendation, _ = get_recommendation_for_user(request.user, council_slug, review_slug, position)
    return _follow(request, recommendation, recommendation.get_absolute_url())


@require_POST
def follow_review(request, council_slug, slug):
    review, _ = get_review_for_user(request.user, council_slug, slug)
    return _follow(request, review, review.get_absolute_url())


@require_POST
def follow_council(request, slug):
    council, _ = get_council_for_user(request.user, slug)
    return _follow(request, council, council.get_absolute_url())


@require_POST
def follow_theme(request, slug):
    # A theme is shown to the people of the councils that use it (or of any, while none does).
    councils = None if request.user.is_superuser else Council.objects.for_user(request.user)
    theme = get_object_or_404(Theme.objects.used_in(councils), slug=slug)
    return _follow(request, theme, reverse("recommendations:list") + f"?theme={theme.slug}")


@login_not_required
@never_cache
# The signed link is the authority, not a session: a mail provider's one-click POST (RFC 8058) comes
# with no cookie and no CSRF token, and a forged POST would need the link, which is all it takes anyway.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """An e-mail's unsubscribe link: GET asks to confirm, POST (a button, or a mail provider's one-click) stops
    the e-mails (all, or one follow). A tampered, expired or someone else's link changes nothing."""
    link = read_token(token)
    if link is None:
        return render(request, "notifications/link_refused.html", {"reason": "broken"}, status=400)
    if request.user.is_authenticated and request.user.pk != link.user.pk:
        return render(request, "notifications/link_refused.html", {"reason": "someone_else"}, status=403)
    context = {"link": link, "name": _name(link.target) if link.target is not None else ""}
    if request.method == "POST":
        services.unsubscribe(link=link)
        return render(request, "notifications/unsubscribed.html", context)
    return render(request, "notifications/unsubscribe.html", context)
