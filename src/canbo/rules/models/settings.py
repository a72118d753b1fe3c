from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class RuleSetting(models.Model):
    """A rule parameter changed by an administrator from a date on. The value in force on a day is the one
    with the latest `effective_from` not after it; earlier values stay, so past checks can be explained."""

    ruleset = models.CharField(_("rule set"), max_length=32)
    name = models.CharField(_("parameter"), max_length=64)
    value = models.JSONField(_("value"))
    effective_from = models.DateField(_("effective from"))
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("set by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    set_at = models.DateTimeField(_("set at"), auto_now_add=True)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("rule setting")
        verbose_name_plural = _("rule settings")
        ordering = ["ruleset", "name", "-effective_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["ruleset", "name", "effective_from"], name="rulesetting_one_value_per_day"
            )
        ]

    def __str__(self):
        return f"{self.ruleset} · {self.name} = {self.value} ({self.effective_from:%d/%m/%Y})"
