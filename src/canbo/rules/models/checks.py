from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class CheckSource(models.TextChoices):
    CLI = "cli", _("Command line")
    API = "api", _("API")
    WEB = "web", _("Web")


class RuleCheck(models.Model):
    """One run of the rules for a cadre and a target post, with everything it used: the rule set, the
    parameters in force and every rule's result (outcome, reason and facts)."""

    ran_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("run by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    ran_at = models.DateTimeField(_("run at"), default=timezone.now)
    source = models.CharField(_("source"), max_length=8, choices=CheckSource.choices)
    cadre = models.ForeignKey(
        "people.Cadre", verbose_name=_("cadre"), on_delete=models.CASCADE, related_name="rule_checks"
    )
    position = models.ForeignKey(
        "organizations.Position",
        verbose_name=_("position"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    unit = models.ForeignKey(
        "organizations.OrgUnit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.ForeignKey(
        "organizations.Title", verbose_name=_("title"), on_delete=models.PROTECT, related_name="+"
    )
    action = models.CharField(_("action"), max_length=16)
    date = models.DateField(_("date"))
    planned_return = models.DateField(_("planned return"), null=True, blank=True)
    ruleset = models.CharField(_("rule set"), max_length=32)
    params = models.JSONField(_("parameters used"))
    results = models.JSONField(_("results"))
    eligible = models.BooleanField(_("eligible"))

    class Meta:
        verbose_name = _("rule check")
        verbose_name_plural = _("rule checks")
        ordering = ["-ran_at", "-pk"]
        indexes = [models.Index(fields=["cadre", "ran_at"])]

    def __str__(self):
        return f"{self.cadre} → {self.title} ({self.date:%d/%m/%Y})"
