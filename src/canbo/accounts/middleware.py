from django.shortcuts import redirect
from django.urls import reverse

# Set by the sign-in flow on a user whose roles require a second factor they have not set up yet.
ENROLMENT_REQUIRED = "canbo_second_factor_enrolment"


class SecondFactorEnrolmentMiddleware:
    """Until such a user has set up the second factor, every page but its set-up sends them there.

    Keyed on the session flag (not on the roles) so that sessions opened without the sign-in flow, such as
    tests' force_login, are left alone."""

    ALLOWED = ("accounts:second_factor_setup", "accounts:logout", "set_language")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.session.get(ENROLMENT_REQUIRED) and request.user.is_authenticated:
            allowed = {reverse(name) for name in self.ALLOWED}
            if request.path not in allowed and not request.path.startswith("/static/"):
                return redirect("accounts:second_factor_setup")
        return self.get_response(request)
