import logging

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from . import services
from .access import get_council_for_user
from .forms import AddPersonForm, RoleForm, SettingsForm, SignInForm

logger = logging.getLogger(__name__)

# The home page and each council's page are dashboards of recommendations:
# they are recommendations' views (recommendations/views.py), as councils
# knows nothing of reviews or recommendations.


@require_http_methods(["GET", "POST"])
def people(request, slug):
    council, _ = get_council_for_user(request.user, slug, manage=True)
    form = AddPersonForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            membership, invited = services.add_member(council=council, user=request.user, **form.cleaned_data)
        except OSError:  # the mail server is down or refused it (SMTPException is an OSError)
            logger.exception("Could not send an invitation")
            messages.error(request, "We could not send the invitation, so nobody was added. Try again later.")
            return redirect("councils:people", slug)
        person = membership.user
        role = membership.get_role_display().lower()
        if invited:
            messages.success(
                request, f"We have sent an invitation to {person.email}. They are {role} of {council}."
            )
        else:
            messages.success(request, f"{person.email} is now {role} of {council}.")
        return redirect("councils:people", slug)
    memberships = list(
        council.memberships.select_related("user").order_by("user__first_name", "user__username")
    )
    for membership in memberships:
        membership.role_form = RoleForm(membership=membership)  # type: ignore[attr-defined]  # for the template
    context = {"council": council, "form": form, "memberships": memberships}
    return render(request, "councils/people.html", context)


@require_POST
def change_role(request, slug, pk):
    council, _ = get_council_for_user(request.user, slug, manage=True)
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


@require_POST
def resend_invitation(request, slug, pk):
    """Send a person who has never set a password a new invitation."""
    council, _ = get_council_for_user(request.user, slug, manage=True)
    membership = get_object_or_404(council.memberships.select_related("user"), pk=pk)
    person = membership.user
    if person.has_usable_password():
        messages.error(
            request, f"{person} has already set a password. They can reset it from the sign-in page."
        )
    elif not person.email:
        messages.error(request, f"{person} has no e-mail address, so we cannot send them an invitation.")
    else:
        try:
            services.invite(person=person, council=council, invited_by=request.user)
        except OSError:  # the mail server is down or refused it (SMTPException is an OSError)
            logger.exception("Could not send an invitation")
            messages.error(request, "We could not send the invitation. Try again later.")
        else:
            messages.success(request, f"We have sent a new invitation to {person.email}.")
    return redirect("councils:people", slug)


class SignInView(auth_views.LoginView):
    """Django's sign-in page with our form."""

    authentication_form = SignInForm


@require_http_methods(["GET", "POST"])
def council_settings(request, slug):
    """A council's settings: its papers' defaults, when a recommendation is stalled, the period for the
    executive's responses, and its escalation ladder."""
    council, _ = get_council_for_user(request.user, slug, manage=True)
    initial = {
        "cover": council.papers_cover,
        "show_response": "yes" if council.papers_show_response else "no",
        "stalled_after_months": council.stalled_after_months,
        "response_period_months": council.response_period_months,
        "escalation_steps": "\n".join(step.name for step in council.escalation_steps.filter(retired=False)),
    }
    form = SettingsForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with transaction.atomic():
            services.save_council_settings(
                council=council,
                user=request.user,
                papers_cover=data["cover"],
                papers_show_response=data["show_response"],
                stalled_after_months=data["stalled_after_months"],
                response_period_months=data["response_period_months"],
            )
            services.set_escalation_steps(council=council, user=request.user, names=data["escalation_steps"])
        messages.success(request, "The council's settings have been saved.")
        return redirect(council)
    return render(request, "councils/settings.html", {"council": council, "form": form})
