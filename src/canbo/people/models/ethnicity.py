from django.db import models
from django.utils.translation import gettext_lazy as _


class Ethnicity(models.Model):
    """One of Vietnam's 54 ethnic groups, with its code in the list it comes from."""

    code = models.CharField(_("code"), max_length=8)
    name = models.CharField(_("name"), max_length=64)
    code_list = models.CharField(_("code list"), max_length=64, default="1019/QĐ-TCTK")
    is_minority = models.BooleanField(_("ethnic minority"), default=True)

    class Meta:
        verbose_name = _("ethnicity")
        verbose_name_plural = _("ethnicities")
        ordering = ["code"]
        constraints = [models.UniqueConstraint(fields=["code_list", "code"], name="ethnicity_unique_code")]

    def __str__(self):
        return self.name
