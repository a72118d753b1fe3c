from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SignInFailure(models.Model):
    """One failed sign-in (wrong password, unknown user name or wrong second-factor code).

    Rows are kept, not deleted on success: counting starts after the user's last sign-in or unlock, so the
    audit trail keeps every failure."""

    username = models.CharField(_("user name"), max_length=150, db_index=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    second_factor = models.BooleanField(_("second factor"), default=False)
    created_at = models.DateTimeField(_("time"), db_index=True)

    class Meta:
        verbose_name = _("failed sign-in")
        verbose_name_plural = _("failed sign-ins")
        indexes = [models.Index(fields=["ip_address", "created_at"])]

    def __str__(self):
        return f"{self.username} · {self.ip_address or '-'}"


class LockoutKind(models.TextChoices):
    USERNAME = "username", _("User name")
    IP_ADDRESS = "ip", _("IP address")


class SignInLockout(models.Model):
    """Sign-in refused for a user name or an address until `locked_until` (or until an administrator
    unlocks it)."""

    kind = models.CharField(_("kind"), max_length=8, choices=LockoutKind.choices)
    key = models.CharField(_("user name or address"), max_length=150)
    created_at = models.DateTimeField(_("locked at"))
    locked_until = models.DateTimeField(_("locked until"))
    unlocked_at = models.DateTimeField(_("unlocked at"), null=True, blank=True)
    unlocked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("unlocked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("sign-in lockout")
        verbose_name_plural = _("sign-in lockouts")
        indexes = [models.Index(fields=["kind", "key", "locked_until"])]

    def __str__(self):
        return f"{self.get_kind_display()} {self.key}"
