from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from canbo.core.querysets import RestrictedQuerySet


class PositionsMode(models.TextChoices):
    VACANCIES = "vacancies", _("Vacant key posts")
    DUE = "due", _("Head posts whose holder is due to rotate (two terms)")
    LOCAL_HEADS = "local_heads", _("Non-local posts held by local people")
    CHOSEN = "chosen", _("Chosen positions")


class RoundStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    QUEUED = "queued", _("Waiting to be solved")
    SOLVING = "solving", _("Solving")
    SOLVED = "solved", _("Solved")
    FAILED = "failed", _("Failed")
    APPROVED = "approved", _("Approved")


class RoundQuerySet(RestrictedQuerySet):
    scope_path_lookups = ("body__path",)


class RotationRound(models.Model):
    """A rotation round opened by a body: the posts to fill, the candidates, the board's weights and
    targets, and the plan found. Nothing in it changes real records until it is approved."""

    name = models.CharField(_("name"), max_length=200)
    body = models.ForeignKey(
        "organizations.OrgUnit", verbose_name=_("body"), on_delete=models.PROTECT, related_name="+"
    )
    date = models.DateField(_("date of the moves"))
    parent = models.ForeignKey(
        "self",
        verbose_name=_("copied from"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="scenarios",
    )
    positions_mode = models.CharField(
        _("positions to fill"), max_length=16, choices=PositionsMode.choices, default=PositionsMode.VACANCIES
    )
    positions = models.ManyToManyField(
        "organizations.Position", verbose_name=_("chosen positions"), blank=True, related_name="+"
    )
    candidates = models.ManyToManyField(
        "people.Cadre", verbose_name=_("chosen candidates"), blank=True, related_name="+"
    )
    use_planning_pool = models.BooleanField(
        _("add the planning pool"),
        default=True,
        help_text=_("Cadres of the body's units with a planning entry in force on the date."),
    )
    weights = models.JSONField(_("weights"), default=dict, blank=True)
    pair_rule = models.BooleanField(
        _("not both the secretary and the chairman of one locality"),
        default=True,
        help_text=_(
            "Do not replace both the party secretary and the People's Committee chairman of one "
            "locality in the same round."
        ),
    )
    source_cap = models.PositiveSmallIntegerField(_("most departures from one unit"), null=True, blank=True)
    women_percent = models.PositiveSmallIntegerField(_("women at least (%)"), null=True, blank=True)
    young_percent = models.PositiveSmallIntegerField(_("young cadres at least (%)"), null=True, blank=True)
    minority_percent = models.PositiveSmallIntegerField(
        _("ethnic minorities at least (%)"), null=True, blank=True
    )
    young_age = models.PositiveSmallIntegerField(
        _("young means under (years)"), default=40, help_text=_("40 at province level, 45 at central level.")
    )
    time_limit = models.PositiveSmallIntegerField(_("time limit (seconds)"), default=30)
    status = models.CharField(
        _("status"), max_length=16, choices=RoundStatus.choices, default=RoundStatus.DRAFT
    )
    progress = models.FloatField(_("progress"), default=0.0)
    best_total = models.FloatField(_("best score so far"), null=True, blank=True)
    best_bound = models.FloatField(_("proven bound so far"), null=True, blank=True)
    result = models.JSONField(_("result"), null=True, blank=True)
    hand_result = models.JSONField(_("hand-made plan assessed"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    solved_at = models.DateTimeField(_("solved at"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)

    objects = RoundQuerySet.as_manager()

    class Meta:
        verbose_name = _("rotation round")
        verbose_name_plural = _("rotation rounds")
        ordering = ["-date", "-pk"]

    def __str__(self):
        return f"{self.name} ({self.date:%d/%m/%Y})"

    def get_absolute_url(self):
        return reverse("rotation:round", args=[self.pk])

    @property
    def running(self) -> bool:
        return self.status in (RoundStatus.QUEUED, RoundStatus.SOLVING)


class PinKind(models.TextChoices):
    KEEP = "keep", _("Keep this pair")
    FORBID = "forbid", _("Forbid this pair")


class RotationPin(models.Model):
    """The board's "keep this pair" or "forbid this pair" for one round."""

    round = models.ForeignKey(RotationRound, on_delete=models.CASCADE, related_name="pins")
    kind = models.CharField(_("kind"), max_length=8, choices=PinKind.choices)
    position = models.ForeignKey(
        "organizations.Position", verbose_name=_("position"), on_delete=models.CASCADE, related_name="+"
    )
    cadre = models.ForeignKey(
        "people.Cadre", verbose_name=_("cadre"), on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        verbose_name = _("pin")
        verbose_name_plural = _("pins")
        constraints = [
            models.UniqueConstraint(fields=["round", "position", "cadre"], name="rotationpin_one_per_pair")
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.cadre} → {self.position}"


class RotationPreference(models.Model):
    """A unit a candidate asked to be sent to (the unit or any unit under it)."""

    round = models.ForeignKey(RotationRound, on_delete=models.CASCADE, related_name="preferences")
    cadre = models.ForeignKey(
        "people.Cadre", verbose_name=_("cadre"), on_delete=models.CASCADE, related_name="+"
    )
    unit = models.ForeignKey(
        "organizations.OrgUnit", verbose_name=_("preferred unit"), on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        verbose_name = _("stated preference")
        verbose_name_plural = _("stated preferences")

    def __str__(self):
        return f"{self.cadre} → {self.unit}"


class PlanKind(models.TextChoices):
    OPTIMIZER = "optimizer", _("Proposed by the optimizer")
    HAND = "hand", _("Made by hand")


class RotationMove(models.Model):
    """One move of a plan, with its score parts and the explanation of why."""

    round = models.ForeignKey(RotationRound, on_delete=models.CASCADE, related_name="moves")
    plan = models.CharField(_("plan"), max_length=10, choices=PlanKind.choices)
    position = models.ForeignKey(
        "organizations.Position", verbose_name=_("position"), on_delete=models.PROTECT, related_name="+"
    )
    cadre = models.ForeignKey(
        "people.Cadre", verbose_name=_("cadre"), on_delete=models.PROTECT, related_name="+"
    )
    score = models.FloatField(_("score"), default=0.0)
    explanation = models.JSONField(_("explanation"), default=dict, blank=True)
    action = models.ForeignKey(
        "careers.PersonnelAction",
        verbose_name=_("personnel action"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("planned move")
        verbose_name_plural = _("planned moves")
        ordering = ["-score", "pk"]

    def __str__(self):
        return f"{self.cadre} → {self.position}"
