from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from canbo.core.querysets import RestrictedQuerySet

from .assignments import ActionKind

# The actions the workflow carries: those the rules engine knows how to check.
PROPOSABLE = (
    ActionKind.APPOINTMENT,
    ActionKind.REAPPOINTMENT,
    ActionKind.TRANSFER,
    ActionKind.ROTATION,
    ActionKind.SECONDMENT,
    ActionKind.RETURN,
    ActionKind.DISMISSAL,
    ActionKind.RETIREMENT,
)
# Moves for a fixed period: the planned end is the planned return date.
TIMED_ACTIONS = {ActionKind.ROTATION, ActionKind.SECONDMENT}


class ActionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for decision")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class PersonnelActionQuerySet(RestrictedQuerySet):
    # The cadre's managing body or the target unit: an action concerns both.
    scope_path_lookups = ("cadre__managed_by__path", "unit__path")


class PersonnelAction(models.Model):
    """A proposed personnel action: drafted by an organizer, checked by the rules, decided by an approver.

    Nothing in work history changes until the approval, which records the decision and closes the old post
    and opens the new one in one transaction. Every check run on the way stays on record.
    """

    kind = models.CharField(_("action"), max_length=16, choices=[(k.value, k.label) for k in PROPOSABLE])
    status = models.CharField(
        _("status"), max_length=12, choices=ActionStatus.choices, default=ActionStatus.DRAFT
    )
    cadre = models.ForeignKey(
        "people.Cadre", verbose_name=_("cadre"), on_delete=models.CASCADE, related_name="personnel_actions"
    )
    unit = models.ForeignKey(
        "organizations.OrgUnit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.ForeignKey(
        "organizations.Title", verbose_name=_("title"), on_delete=models.PROTECT, related_name="+"
    )
    position = models.ForeignKey(
        "organizations.Position",
        verbose_name=_("position"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    date = models.DateField(_("effective date"))
    planned_end_date = models.DateField(
        _("planned end or return date"),
        null=True,
        blank=True,
        help_text=_("End of the term, or the planned return for a rotation or secondment."),
    )
    is_acting = models.BooleanField(_("acting"), default=False)
    reason = models.TextField(_("grounds for the proposal"), blank=True)
    justifications = models.JSONField(_("justifications for overridden rules"), default=dict, blank=True)
    last_check = models.ForeignKey(
        "rules.RuleCheck",
        verbose_name=_("latest rule check"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    checks = models.ManyToManyField("rules.RuleCheck", verbose_name=_("rule checks"), related_name="+")
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("drafted by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("drafted at"), default=timezone.now)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision = models.ForeignKey(
        "organizations.Decision",
        verbose_name=_("decision"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)
    opened = models.ForeignKey(
        "careers.Assignment",
        verbose_name=_("post opened"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    closed = models.ForeignKey(
        "careers.Assignment",
        verbose_name=_("post closed"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = PersonnelActionQuerySet.as_manager()

    class Meta:
        verbose_name = _("personnel action")
        verbose_name_plural = _("personnel actions")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "date"]), models.Index(fields=["cadre", "created_at"])]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.cadre} → {self.title} ({self.unit})"

    def get_absolute_url(self):
        return reverse("careers:action", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status in (ActionStatus.DRAFT, ActionStatus.SUBMITTED)

    @property
    def is_editable(self) -> bool:
        return self.status == ActionStatus.DRAFT
