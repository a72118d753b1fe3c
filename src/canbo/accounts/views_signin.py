"""Signing in: password, then the second factor's code when the user has one; users whose roles require a
second factor and have none are sent to set it up before anything else."""

import time

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from canbo.core.forms.base import add_service_errors

from . import selectors, services, totp
from .forms import CodeForm, SignInForm
from .forms.signin import locked_error
from .middleware import ENROLMENT_REQUIRED
from .views import _managed_user

# A password checked but no code yet: who, by which backend, since when, and where to go next.
PENDING = "canbo_second_factor_pending"
PENDING_SECONDS = 300
# The secret shown while the user sets up an authenticator, kept until they confirm a code from it.
SETUP_SECRET = "canbo_second_factor_secret"


class SignInView(auth_views.LoginView):
    form_class = SignInForm
    template_name = "accounts/login.html"

    def form_valid(self, form):
        user = form.get_user()
        if selectors.has_second_factor(user):
            self.request.session[PENDING] = {
                "user": user.pk,
                "backend": user.backend,
                "since": time.time(),
                "next": self.get_success_url(),
            }
            return redirect("accounts:login_code")
        login(self.request, user)
        if selectors.second_factor_required(user):
            self.request.session[ENROLMENT_REQUIRED] = True
            return redirect("accounts:second_factor_setup")
        return redirect(self.get_success_url())


@login_not_required
def sign_in_code(request):
    pending = request.session.get(PENDING)
    if not pending or time.time() - pending["since"] > PENDING_SECONDS:
        request.session.pop(PENDING, None)
        messages.info(request, _("Sign in again, then enter the code."))
        return redirect("accounts:login")
    user = get_object_or_404(get_user_model(), pk=pending["user"], is_active=True)
    address = selectors.client_address(request)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if selectors.active_lockout(user.get_username(), address) is not None:
            form.add_error(None, locked_error())
        elif services.second_factor_check(user, form.cleaned_data["code"]):
            del request.session[PENDING]
            login(request, user, backend=pending["backend"])
            # Checked by the sign-in view before it was kept in the session.
            return redirect(pending["next"])
        elif services.sign_in_failed(username=user.get_username(), ip_address=address, second_factor=True):
            del request.session[PENDING]
            form.add_error(None, locked_error())
        else:
            form.add_error("code", _("The code does not match."))
    return render(
        request,
        "accounts/login_code.html",
        {"form": form, "title": _("Second factor")},
        status=422 if form.errors else 200,
    )


def account(request):
    """The signed-in user's own account: roles and second factor."""
    user = request.user
    context = {
        "memberships": user.memberships.select_related("unit").order_by("unit__path"),
        "has_second_factor": selectors.has_second_factor(user),
        "second_factor_required": selectors.second_factor_required(user),
        "form": CodeForm(),
        "title": _("My account"),
    }
    return render(request, "accounts/account.html", context)


def second_factor_setup(request):
    user = request.user
    if selectors.has_second_factor(user):
        return redirect("accounts:account")
    secret = request.session.get(SETUP_SECRET) or totp.new_secret()
    request.session[SETUP_SECRET] = secret
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.second_factor_enrol(user, secret=secret, code=form.cleaned_data["code"])
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            request.session.pop(SETUP_SECRET, None)
            request.session.pop(ENROLMENT_REQUIRED, None)
            messages.success(request, _("Second factor set up. Sign-ins will ask for a code from now on."))
            return redirect("accounts:account")
    uri = totp.provisioning_uri(secret, user.get_username(), settings.TOTP_ISSUER)
    context = {
        "form": form,
        # Drawn here, as SVG inside the page: the secret never leaves the server for a QR service.
        "qr_svg": segno.make(uri, error="m").svg_inline(scale=5, dark="#111", omitsize=False),
        # Groups of four characters are easier to type into an app by hand.
        "secret_groups": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
        "required": request.session.get(ENROLMENT_REQUIRED, False),
        "title": _("Set up the second factor"),
    }
    return render(request, "accounts/second_factor_setup.html", context, status=422 if form.errors else 200)


@require_POST
def second_factor_disable(request):
    form = CodeForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Enter the code from your authenticator app."))
        services.second_factor_disable(request.user, form.cleaned_data["code"])
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Second factor disabled."))
    return redirect("accounts:account")


def _on_account(request, pk, change, done: str, unchanged: str):
    """An administrator's change to an account (the service checks the right to make it), then back to the
    account's page with what came of it."""
    user = _managed_user(request, pk)
    try:
        changed = change(user, request.user)
    except PermissionDenied as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, done if changed else unchanged)
    return redirect("accounts:user", pk=user.pk)


@require_POST
def user_unlock(request, pk):
    return _on_account(
        request,
        pk,
        lambda user, admin: services.user_unlock(user, unlocked_by=admin),
        _("Sign-in unlocked."),
        _("Sign-in was not locked."),
    )


@require_POST
def user_second_factor_reset(request, pk):
    return _on_account(
        request,
        pk,
        lambda user, admin: services.second_factor_reset(user, reset_by=admin),
        _("Second factor reset: the user sets up a new one at next sign-in."),
        _("The user had no second factor."),
    )
