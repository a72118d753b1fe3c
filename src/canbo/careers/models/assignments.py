from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from canbo.core.querysets import RestrictedQuerySet


class ActionKind(models.TextChoices):
    RECRUITMENT = "recruitment", _("Recruitment")
    APPOINTMENT = "appointment", _("Appointment")
    REAPPOINTMENT = "reappointment", _("Re-appointment")
    ELECTION = "election", _("Election")
    TRANSFER = "transfer", _("Transfer")
    ROTATION = "rotation", _("Rotation")
    SECONDMENT = "secondment", _("Secondment")
    RETURN = "return", _("Return after rotation")
    CONCURRENT = "concurrent", _("Concurrent post")
    DISMISSAL = "dismissal", _("Dismissal from post")
    RESIGNATION = "resignation", _("Resignation")
    RETIREMENT = "retirement", _("Retirement")


# Actions that end a post rather than begin one.
ENDING_ACTIONS = {ActionKind.DISMISSAL, ActionKind.RESIGNATION, ActionKind.RETIREMENT}


class AssignmentQuerySet(RestrictedQuerySet):
    scope_path_lookups = ("position__unit__path", "cadre__managed_by__path")

    def on(self, day):
        """Assignments held on `day`; periods are half-open: [start_date, end_date)."""
        return self.filter(start_date__lte=day).filter(Q(end_date__isnull=True) | Q(end_date__gt=day))

    def open(self):
        return self.filter(end_date__isnull=True)


class Assignment(models.Model):
    """A cadre holding a seat of a position from start_date up to (not including) end_date."""

    cadre = models.ForeignKey(
        "people.Cadre", verbose_name=_("cadre"), on_delete=models.CASCADE, related_name="assignments"
    )
    position = models.ForeignKey(
        "organizations.Position",
        verbose_name=_("position"),
        on_delete=models.PROTECT,
        related_name="assignments",
    )
    seat = models.PositiveSmallIntegerField(_("seat"), default=1)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(
        _("end date"), null=True, blank=True, help_text=_("First day no longer held.")
    )
    planned_end_date = models.DateField(
        _("planned end date"),
        null=True,
        blank=True,
        help_text=_("End of the term or of the rotation period."),
    )
    action = models.CharField(_("action"), max_length=16, choices=ActionKind.choices)
    end_action = models.CharField(_("ended by"), max_length=16, choices=ActionKind.choices, blank=True)
    decision = models.ForeignKey(
        "organizations.Decision",
        verbose_name=_("decision"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="assignments_started",
    )
    end_decision = models.ForeignKey(
        "organizations.Decision",
        verbose_name=_("ending decision"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="assignments_ended",
    )
    is_concurrent = models.BooleanField(_("concurrent post"), default=False)
    is_acting = models.BooleanField(_("acting"), default=False)
    note = models.CharField(_("note"), max_length=300, blank=True)

    objects = AssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        ordering = ["-start_date", "-pk"]
        indexes = [
            models.Index(fields=["position", "end_date"]),
            models.Index(fields=["cadre", "start_date"]),
            models.Index(fields=["action", "start_date"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gt=models.F("start_date")),
                name="assignment_dates_ordered",
            ),
            models.UniqueConstraint(
                fields=["position", "seat"],
                condition=Q(end_date__isnull=True),
                name="assignment_one_holder_per_seat",
            ),
            models.UniqueConstraint(
                fields=["cadre"],
                condition=Q(end_date__isnull=True, is_concurrent=False),
                name="assignment_one_exclusive_post",
            ),
        ]

    def __str__(self):
        return f"{self.cadre} — {self.position} ({self.start_date:%d/%m/%Y})"
