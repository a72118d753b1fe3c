from django.db import models
from django.utils.translation import gettext_lazy as _


class RelationKind(models.TextChoices):
    SPOUSE = "spouse", _("Spouse")
    FATHER = "father", _("Father")
    MOTHER = "mother", _("Mother")
    FATHER_IN_LAW = "father_in_law", _("Father-in-law")
    MOTHER_IN_LAW = "mother_in_law", _("Mother-in-law")
    CHILD = "child", _("Child")
    SIBLING = "sibling", _("Sibling")
    SIBLING_IN_LAW = "sibling_in_law", _("Sibling-in-law")


class FamilyRelation(models.Model):
    cadre = models.ForeignKey("people.Cadre", on_delete=models.CASCADE, related_name="relatives")
    kind = models.CharField(_("relation"), max_length=16, choices=RelationKind.choices)
    full_name = models.CharField(_("full name"), max_length=120)
    birth_year = models.PositiveSmallIntegerField(_("year of birth"), null=True, blank=True)
    occupation = models.CharField(_("occupation and workplace"), max_length=200, blank=True)
    residence = models.CharField(_("residence"), max_length=200, blank=True)
    related_cadre = models.ForeignKey(
        "people.Cadre",
        verbose_name=_("who is the cadre"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="relative_of",
    )

    class Meta:
        verbose_name = _("family relation")
        verbose_name_plural = _("family relations")
        ordering = ["cadre", "kind", "birth_year"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.full_name}"


class Award(models.Model):
    cadre = models.ForeignKey("people.Cadre", on_delete=models.CASCADE, related_name="awards")
    name = models.CharField(_("award"), max_length=200)
    date = models.DateField(_("date"))
    decision_number = models.CharField(_("decision number"), max_length=64, blank=True)
    issued_by = models.CharField(_("issuing body"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("award")
        verbose_name_plural = _("awards")
        ordering = ["-date"]

    def __str__(self):
        return self.name


class DisciplineKind(models.TextChoices):
    REPRIMAND = "reprimand", _("Reprimand")
    WARNING = "warning", _("Warning")
    REMOVAL = "removal", _("Removal from post")
    EXPULSION = "expulsion", _("Expulsion")
    DEMOTION = "demotion", _("Demotion")
    DISMISSAL = "dismissal", _("Forced dismissal")


class Discipline(models.Model):
    cadre = models.ForeignKey("people.Cadre", on_delete=models.CASCADE, related_name="disciplines")
    kind = models.CharField(_("form of discipline"), max_length=16, choices=DisciplineKind.choices)
    date = models.DateField(_("date"))
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    decision_number = models.CharField(_("decision number"), max_length=64, blank=True)
    issued_by = models.CharField(_("issuing body"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("discipline")
        verbose_name_plural = _("disciplines")
        ordering = ["-date"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.date:%d/%m/%Y}"


class TrainingRecord(models.Model):
    """A course, degree or certificate in the cadre's training history (CV form 2C, section on training)."""

    cadre = models.ForeignKey("people.Cadre", on_delete=models.CASCADE, related_name="trainings")
    institution = models.CharField(_("institution"), max_length=200)
    field = models.CharField(_("field or course"), max_length=200)
    start_date = models.DateField(_("from"), null=True, blank=True)
    end_date = models.DateField(_("to"), null=True, blank=True)
    mode = models.CharField(_("mode of study"), max_length=64, blank=True)
    qualification = models.CharField(_("qualification obtained"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("training record")
        verbose_name_plural = _("training records")
        ordering = ["-start_date"]

    def __str__(self):
        return f"{self.field} — {self.institution}"
