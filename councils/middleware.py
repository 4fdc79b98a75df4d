"""Two-factor sign-in required of council admins and superusers (REQUIRE_TWO_FACTOR_FOR_ADMINS)."""

from django.shortcuts import redirect

# Set in the session at sign-in when the person must set up two-factor sign-in and has not;
# cleared when they have. Kept in the session so that no page asks the database again.
SETUP_REQUIRED = "two_factor_setup_required"

# The pages such a person may still see: the set-up itself, and signing out.
ALLOWED = {"two-factor", "two-factor-set-up", "logout"}


class TwoFactorSetupRequired:
    """Sends a person who must set up two-factor sign-in to do so before any other page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.session.get(SETUP_REQUIRED) and request.resolver_match.view_name not in ALLOWED:
            return redirect("two-factor")
        return None
