from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from .. import selectors, services

# The same words whether or not the user name exists: a lockout must not tell an attacker which names do.
LOCKED_MESSAGE = _(
    "Too many failed sign-in attempts. Signing in is paused for a while: try again in %(minutes)d minutes "
    "or ask an administrator to unlock it."
)


def locked_error():
    minutes = int(settings.SIGN_IN_LOCKOUT["DURATION"].total_seconds() // 60)
    return forms.ValidationError(LOCKED_MESSAGE, code="locked", params={"minutes": minutes})


class SignInForm(AuthenticationForm):
    """User name and password, refused without checking the password while a lockout is in force."""

    def clean(self):
        username = self.cleaned_data.get("username")
        if username is None or not self.cleaned_data.get("password"):
            return self.cleaned_data
        address = selectors.client_address(self.request)
        if selectors.active_lockout(username, address) is not None:
            raise locked_error()
        try:
            return super().clean()
        except forms.ValidationError:
            # A wrong password (not an inactive account) counts towards a lockout, which it may start.
            if self.user_cache is None and services.sign_in_failed(username=username, ip_address=address):
                raise locked_error() from None
            raise


class CodeForm(forms.Form):
    """A six-digit code from the authenticator app."""

    code = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=12,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )
