from django import template
from django.urls import reverse

from notifications.following import standing
from notifications.models import Target, target_kind

register = template.Library()


def _action(target):
    kind = target_kind(target)
    if kind == Target.RECOMMENDATION:
        review = target.review
        return reverse(
            "notifications:follow-recommendation", args=[review.council.slug, review.slug, target.position]
        )
    if kind == Target.REVIEW:
        return reverse("notifications:follow-review", args=[target.council.slug, target.slug])
    if kind == Target.COUNCIL:
        return reverse("notifications:follow-council", args=[target.slug])
    return reverse("notifications:follow-theme", args=[target.slug])


@register.inclusion_tag("includes/follow_button.html", takes_context=True)
def follow_button(context, target, what, role=None):
    """The Follow (or Unfollow) button for a recommendation, review, council or theme, and why one follows it;
    ``role``, the person's role in its council where the page knows it, saves asking."""
    request = context["request"]
    return {
        "standing": standing(request.user, target, role=role),
        "action": _action(target),
        "next": request.get_full_path(),
        "what": what,
        "csrf_token": context.get("csrf_token"),
    }


def _theme_list(theme):
    return reverse("recommendations:list") + f"?theme={theme.slug}"


@register.simple_tag
def follow_action(follow):
    """Where a follow row's button posts."""
    return _action(follow.target)


@register.simple_tag
def follow_url(follow):
    """The page of what a follow row names."""
    target = follow.target
    return _theme_list(target) if follow.kind == Target.THEME else target.get_absolute_url()


@register.simple_tag
def follow_name(follow):
    """What a follow row names, in words."""
    target = follow.target
    if follow.kind == Target.RECOMMENDATION:
        return f"Recommendation {target.label} of {target.review}, {target.review.council}"
    if follow.kind == Target.REVIEW:
        return f"{target}, {target.council}"
    return str(target)
