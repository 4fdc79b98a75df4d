"""Who follows what: the one rule, used by the fan-out and by the follow buttons alike.

A person's news of a recommendation is decided by the most specific choice
they made, looking at the recommendation, then its review, then its council:
the first of those they followed or unfollowed decides. Where they chose
nothing for any of them, they follow it if they follow one of its themes, or
by default: the lead officer follows what they lead, and a council's scrutiny
members follow its reviews (the data names no person on a committee, so a
council's members stand for its committees). News of a review as a whole
looks at the review, then the council, then the members' default.
"""

from dataclasses import dataclass

from django.db.models import OuterRef, Q, Subquery

from councils.access import people_who_may_see
from councils.models import Membership, Role
from recommendations.models import Recommendation

from .models import Follow, Preference, Target, target_kind


@dataclass(frozen=True)
class Standing:
    """Whether a person follows a thing, and why, in words for its page ("you lead it")."""

    is_following: bool
    why: str = ""


# What decides where the person chose nothing along the chain: none of the levels.
DEFAULT = None


def decide(
    chosen: dict[Target, bool], chain: list[Target], *, by_theme: bool, by_default: bool
) -> tuple[bool, Target | None]:
    """The rule: the first choice along ``chain`` (most specific first), else a theme, else the default;
    with what decided it (the level chosen, Target.THEME, or DEFAULT)."""
    for level in chain:
        if level in chosen:
            return chosen[level], level
    if by_theme:
        return True, Target.THEME
    return by_default, DEFAULT


def _themes_of(recommendation_id):
    return Recommendation.themes.through.objects.filter(recommendation_id=recommendation_id).values(
        "theme_id"
    )


def recipients(event) -> dict[int, str]:
    """Who is told of the event, each with their e-mail preference: those who follow what it is about,
    may see its council now and did not make the change. Three queries, however many people."""
    council_id, review_id, recommendation_id = event.council_id, event.review_id, event.recommendation_id
    where = Q(review_id=review_id) | Q(council_id=council_id)
    if recommendation_id is not None:
        where |= Q(recommendation_id=recommendation_id) | Q(theme_id__in=_themes_of(recommendation_id))
    chosen: dict[int, dict[Target, bool]] = {}
    themed: set[int] = set()
    for user_id, rec, review, theme, is_following in Follow.objects.filter(where).values_list(
        "user_id", "recommendation_id", "review_id", "theme_id", "is_following"
    ):
        if theme is not None:
            if is_following:
                themed.add(user_id)
            continue
        level = Target.RECOMMENDATION if rec else Target.REVIEW if review else Target.COUNCIL
        chosen.setdefault(user_id, {})[level] = is_following
    chain = [Target.REVIEW, Target.COUNCIL]
    lead_id = None
    if recommendation_id is not None:
        chain.insert(0, Target.RECOMMENDATION)
        lead_id = event.recommendation.lead_officer_id
    people = people_who_may_see(event.council_id).annotate(
        role=Subquery(
            Membership.objects.filter(user=OuterRef("pk"), council_id=council_id).values("role")[:1]
        ),
        preference=Subquery(Preference.objects.filter(user=OuterRef("pk")).values("email")[:1]),
    )
    told = {}
    for user_id, role, preference in people.values_list("pk", "role", "preference").iterator(chunk_size=5000):
        if user_id == event.actor_id:
            continue
        by_default = user_id == lead_id or role == Role.MEMBER
        if decide(chosen.get(user_id, {}), chain, by_theme=user_id in themed, by_default=by_default)[0]:
            told[user_id] = preference or Preference.DEFAULT
    return told


def standing(user, target, *, role=None) -> Standing:
    """Whether this person follows the target (a Recommendation, Review, Council or Theme), and why;
    ``role`` is their role in its council, if the caller knows it."""
    kind = target_kind(target)
    if kind == Target.THEME:
        row = Follow.objects.filter(user=user, theme=target).values_list("is_following", flat=True).first()
        return Standing(bool(row), "You follow this theme in every council you can see." if row else "")
    if kind == Target.COUNCIL:
        council, review, recommendation = target, None, None
    elif kind == Target.REVIEW:
        council, review, recommendation = target.council, target, None
    else:
        recommendation, review = target, target.review
        council = review.council
    where = Q(council=council)
    chain = [Target.COUNCIL]
    if review is not None:
        where |= Q(review=review)
        chain.insert(0, Target.REVIEW)
    if recommendation is not None:
        where |= Q(recommendation=recommendation) | Q(theme_id__in=_themes_of(recommendation.pk))
        chain.insert(0, Target.RECOMMENDATION)
    chosen: dict[Target, bool] = {}
    themes = []
    for row in Follow.objects.filter(where, user=user).select_related("theme"):
        if row.theme_id is not None:
            if row.is_following:
                themes.append(row.theme.name)
        else:
            chosen[row.kind] = row.is_following
    names = {
        Target.RECOMMENDATION: "it",
        Target.REVIEW: f"its review, {review}",
        Target.COUNCIL: str(council),
    }
    if kind == Target.COUNCIL:
        names[Target.COUNCIL] = "it"
    # The default is worked out below only where nothing else decided, as it costs a query.
    is_following, decided_by = decide(chosen, chain, by_theme=bool(themes), by_default=False)
    if decided_by == kind:
        return Standing(is_following, "")
    if decided_by == Target.THEME:
        return Standing(True, f"You follow its theme {', '.join(sorted(themes))}.")
    if decided_by is not DEFAULT:
        verb = "follow" if is_following else "unfollowed"
        return Standing(is_following, f"You {verb} {names[decided_by]}.")
    if recommendation is not None and recommendation.lead_officer_id == user.pk:
        return Standing(True, "You lead it.")
    if kind != Target.COUNCIL and (role or council.role_of(user)) == Role.MEMBER:
        return Standing(True, "Scrutiny members follow their council's reviews.")
    return Standing(False, "")
