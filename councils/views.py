import base64
import io
import time
from base64 import b32encode

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth import login as auth_login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST
from django_otp.qr import write_qrcode_image

from . import services
from .access import get_council_for_user
from .forms import AddPersonForm, CodeForm, RoleForm, SettingsForm, SignInForm
from .middleware import SETUP_REQUIRED

# The home page and each council's page are dashboards of recommendations:
# they are recommendations' views (recommendations/views.py), as councils
# knows nothing of reviews or recommendations.


@require_http_methods(["GET", "POST"])
def people(request, slug):
    council, _ = get_council_for_user(request.user, slug, manage=True)
    form = AddPersonForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        membership, invited = services.add_member(council=council, user=request.user, **form.cleaned_data)
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
        services.invite(person=person, council=council, invited_by=request.user)
        messages.success(request, f"We have sent a new invitation to {person.email}.")
    return redirect("councils:people", slug)


# Who has given the right password and has yet to give the code, in the session of the sign-in.
PENDING = "two_factor_pending"
# How long they have to give it, in seconds.
PENDING_SECONDS = 10 * 60
# django-otp makes each wrong code wait twice as long as the last before the next is checked.
TOO_MANY_CODES = "You have entered a wrong code too many times. Wait a minute, then try again."


class SignInView(auth_views.LoginView):
    """Django's sign-in page with our form; with two-factor sign-in on, the code is asked for next,
    and the person is signed in only once it is right."""

    authentication_form = SignInForm

    def form_valid(self, form):
        person = form.get_user()
        if services.two_factor_device(person) is not None:
            self.request.session[PENDING] = {
                "user": person.pk,
                "backend": person.backend,
                "at": time.time(),
                "next": self.get_success_url(),
            }
            return redirect("two-factor-sign-in")
        response = super().form_valid(form)
        if services.must_use_two_factor(person):
            self.request.session[SETUP_REQUIRED] = True
            return redirect("two-factor")
        return response


@login_not_required
@never_cache
@require_http_methods(["GET", "POST"])
def two_factor_sign_in(request):
    """The second step of signing in: the code from the person's authenticator app."""
    pending = request.session.get(PENDING)
    if not pending or time.time() - pending["at"] > PENDING_SECONDS:
        request.session.pop(PENDING, None)
        if pending:
            messages.error(request, "You took too long to enter the code. Sign in again.")
        return redirect("login")
    person = get_user_model().objects.filter(pk=pending["user"], is_active=True).first()
    device = services.two_factor_device(person) if person else None
    if device is None:  # turned off, or the account closed, since the password was given
        request.session.pop(PENDING, None)
        return redirect("login")
    form = CodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if not device.verify_is_allowed()[0]:
            form.add_error("code", TOO_MANY_CODES)
        elif device.verify_token(form.cleaned_data["code"]):
            del request.session[PENDING]
            auth_login(request, person, backend=pending["backend"])
            return redirect(pending["next"])
        else:
            form.add_error("code", "The code is not right. Enter the code your app shows now.")
    return render(request, "registration/two_factor_sign_in.html", {"form": form})


@require_http_methods(["GET", "POST"])
def two_factor(request):
    """Whether the person signs in with a code as well as a password; they turn it on or off here."""
    required = services.must_use_two_factor(request.user)
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "set-up":
            services.start_two_factor(person=request.user)
            return redirect("two-factor-set-up")
        if action == "turn-off":
            if required:
                messages.error(
                    request, "Council admins must use two-factor sign-in, so it cannot be turned off."
                )
            else:
                services.turn_off_two_factor(person=request.user)
                messages.success(request, "Two-factor sign-in is off. You sign in with your password alone.")
        return redirect("two-factor")
    device = services.two_factor_device(request.user)
    context = {"device": device, "required": required}
    return render(request, "registration/two_factor.html", context)


@require_http_methods(["GET", "POST"])
def two_factor_set_up(request):
    """The secret for the authenticator app, as a QR code and as text, and the code that confirms it."""
    device = request.user.totpdevice_set.filter(confirmed=False).first()
    if device is None:
        return redirect("two-factor")
    form = CodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if not device.verify_is_allowed()[0]:
            form.add_error("code", TOO_MANY_CODES)
        elif services.confirm_two_factor(device=device, code=form.cleaned_data["code"]):
            request.session.pop(SETUP_REQUIRED, None)
            messages.success(
                request, "Two-factor sign-in is on. Next time you sign in, we will ask for a code."
            )
            return redirect("home")
        form.add_error(
            "code",
            "The code is not right. Check the key you entered, then enter the code your app shows now.",
        )
    key = b32encode(device.bin_key).decode()
    context = {
        "form": form,
        "key": " ".join(key[i : i + 4] for i in range(0, len(key), 4)),
        "qr_code": qr_code(device.config_url),
    }
    return render(request, "registration/two_factor_set_up.html", context)


def qr_code(text):
    """A QR code of the text as a data: URL of an SVG image, which the Content-Security-Policy allows."""
    svg = io.BytesIO()
    write_qrcode_image(text, svg)
    return "data:image/svg+xml;base64," + base64.b64encode(svg.getvalue()).decode("ascii")


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
        "reminder_days_before": council.reminder_days_before,
        "reminder_days_after": council.reminder_days_after,
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
                reminder_days_before=data["reminder_days_before"],
                reminder_days_after=data["reminder_days_after"],
            )
            services.set_escalation_steps(council=council, user=request.user, names=data["escalation_steps"])
        messages.success(request, "The council's settings have been saved.")
        return redirect(council)
    return render(request, "councils/settings.html", {"council": council, "form": form})
