from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, F, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from recommendations import dashboard
from recommendations.models import CabinetResponse, Recommendation

from . import services
from .forms import AddPersonForm, RoleForm
from .models import Council, Membership


def _reviews_with_counts(reviews):
    return (
        reviews.select_related("council", "committee")
        .annotate(
            recommendation_count=Count("recommendations", distinct=True),
            agreed_count=Count(
                "recommendations",
                filter=Q(recommendations__cabinet_response__decision=CabinetResponse.Decision.AGREE),
                distinct=True,
            ),
            round_count=Count("rounds", distinct=True),
        )
        .order_by("council__name", F("recommended_date").desc(nulls_last=True), "title")
    )


@require_safe
def home(request):
    """The dashboard across every council this person may see, and those councils."""
    councils = Council.objects.for_user(request.user).annotate(review_count=Count("reviews")).order_by("name")
    context = {
        "councils": councils,
        "dashboard": dashboard.build(Recommendation.objects.for_user(request.user), scope={}),
    }
    return render(request, "councils/home.html", context)


@require_safe
def detail(request, slug):
    council = get_object_or_404(Council.objects.for_user(request.user), slug=slug)
    reviews = _reviews_with_counts(council.reviews.all())
    role = council.role_of(request.user)
    context = {
        "council": council,
        "can_manage": bool(role and role.can_manage),
        "reviews": reviews,
        "dashboard": dashboard.build(
            Recommendation.objects.filter(review__council=council), scope={"council": slug}
        ),
    }
    return render(request, "councils/detail.html", context)


def get_council_to_manage(user, slug):
    """The council, if this person is its admin (404 if they cannot see it, 403 if not admin)."""
    council = get_object_or_404(Council.objects.for_user(user), slug=slug)
    role = council.role_of(user)
    if not (role and role.can_manage):
        raise PermissionDenied("Only the council's admins can manage its people.")
    return council


@require_http_methods(["GET", "POST"])
def people(request, slug):
    council = get_council_to_manage(request.user, slug)
    form = AddPersonForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        membership, password = services.add_member(council=council, user=request.user, **form.cleaned_data)
        person = membership.user
        message = f"{person.email} is now {membership.get_role_display().lower()} of {council}."
        if password:
            message += f" Their username is {person.username} and their one-time password is {password}: give it to them privately."
        messages.success(request, message)
        return redirect("councils:people", slug)
    memberships = council.memberships.select_related("user").order_by("user__first_name", "user__username")
    context = {"council": council, "form": form, "memberships": memberships, "roles": Membership.Role.choices}
    return render(request, "councils/people.html", context)


@require_POST
def change_role(request, slug, pk):
    council = get_council_to_manage(request.user, slug)
    membership = get_object_or_404(council.memberships.select_related("user"), pk=pk)
    form = RoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Select a role from the list.")
    elif "remove" in request.POST:
        if membership.user == request.user:
            messages.error(request, "You cannot remove yourself. Ask another admin of the council.")
        else:
            services.remove_member(membership=membership, user=request.user)
            messages.success(request, f"{membership.user} no longer belongs to {council}.")
    else:
        services.set_role(membership=membership, user=request.user, role=form.cleaned_data["role"])
        messages.success(request, f"{membership.user} is now {membership.get_role_display().lower()}.")
    return redirect("councils:people", slug)
