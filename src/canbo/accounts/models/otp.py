from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SecondFactor(models.Model):
    """A user's confirmed TOTP authenticator (RFC 6238)."""

    # The secret never goes into the audit trail: whoever reads the trail could then produce codes.
    audit_skipped_fields = ("secret",)

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="second_factor"
    )
    secret = models.CharField(max_length=64)
    confirmed_at = models.DateTimeField(_("enrolled at"))
    # The time step of the last accepted code: a code is accepted once, never replayed.
    last_step = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("second factor")
        verbose_name_plural = _("second factors")

    def __str__(self):
        return str(self.user)
