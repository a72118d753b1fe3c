from django.db import models
from django.utils.translation import gettext_lazy as _


class Decision(models.Model):
    """A decision (quyết định) of a competent body: the authority behind a personnel action."""

    number = models.CharField(_("decision number"), max_length=64)
    date = models.DateField(_("decision date"))
    issued_by = models.ForeignKey(
        "organizations.OrgUnit",
        verbose_name=_("issuing body"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="decisions_issued",
    )
    issuer_name = models.CharField(_("issuing body (as written)"), max_length=200, blank=True)
    signer = models.CharField(_("signed by"), max_length=120, blank=True)
    summary = models.CharField(_("summary"), max_length=500, blank=True)
    effective_date = models.DateField(_("effective date"), null=True, blank=True)
    document = models.FileField(_("document"), upload_to="decisions/%Y/", blank=True)

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["-date", "number"]
        indexes = [models.Index(fields=["number", "date"])]

    def __str__(self):
        return f"{self.number} ({self.date:%d/%m/%Y})"
