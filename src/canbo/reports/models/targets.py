from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from canbo.core.querysets import RestrictedQuerySet


class Indicator(models.TextChoices):
    WOMEN = "women", _("Women")
    YOUNG = "young", _("Young cadres")
    ETHNIC_MINORITY = "ethnic_minority", _("Ethnic minorities")


class StructureTargetQuerySet(RestrictedQuerySet):
    scope_path_lookups = ("unit__path",)


class StructureTarget(models.Model):
    """A share a body sets itself for the cadres posted in a unit's subtree (e.g. ethnic minorities in the
    district party committee at least 50%), from a date on."""

    unit = models.ForeignKey(
        "organizations.OrgUnit", verbose_name=_("unit"), on_delete=models.CASCADE, related_name="+"
    )
    indicator = models.CharField(_("indicator"), max_length=16, choices=Indicator.choices)
    percent = models.DecimalField(
        _("target (%)"),
        max_digits=4,
        decimal_places=1,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    effective_from = models.DateField(_("effective from"))
    source = models.CharField(_("source"), max_length=200, blank=True, help_text=_("Resolution or plan."))

    objects = StructureTargetQuerySet.as_manager()

    class Meta:
        verbose_name = _("structure target")
        verbose_name_plural = _("structure targets")
        ordering = ["unit", "indicator", "-effective_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "indicator", "effective_from"], name="structure_target_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(percent__gte=0, percent__lte=100), name="structure_target_percent"
            ),
        ]

    def __str__(self):
        return f"{self.get_indicator_display()} ≥ {self.percent}% — {self.unit}"
