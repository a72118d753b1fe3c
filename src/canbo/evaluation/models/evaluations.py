from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from canbo.core.querysets import RestrictedQuerySet
from canbo.evaluation import engine


class SubjectKind(models.TextChoices):
    INDIVIDUAL = "individual", _("Individual")
    COLLECTIVE = "collective", _("Collective")
    PARTY_CELL = "party_cell", _("Party cell")
    PARTY_MEMBER = "party_member", _("Party member")


# Kinds whose subject is a cadre; the others rate a unit.
PERSON_KINDS = (SubjectKind.INDIVIDUAL, SubjectKind.PARTY_MEMBER)
COLLECTIVE_KINDS = (SubjectKind.COLLECTIVE, SubjectKind.PARTY_CELL)


class TaskGroup(models.TextChoices):
    """The quota of "excellent" is counted within one unit and one task group."""

    LEADERSHIP = "leadership", _("Leaders and managers")
    STAFF = "staff", _("Cadres and civil servants")
    COLLECTIVE = "collective", _("Collectives")


class Grade(models.TextChoices):
    EXCELLENT = engine.Grade.EXCELLENT.value, _("Completed tasks excellently")
    GOOD = engine.Grade.GOOD.value, _("Completed tasks well")
    COMPLETED = engine.Grade.COMPLETED.value, _("Completed tasks")
    NOT_COMPLETED = engine.Grade.NOT_COMPLETED.value, _("Did not complete tasks")


# A party cell's top level keeps its own name.
PARTY_CELL_GRADES = {Grade.EXCELLENT: pgettext_lazy("party cell", "Clean and strong")}


class Timeliness(models.TextChoices):
    EARLY = engine.Timeliness.EARLY.value, _("Ahead of time")
    ON_TIME = engine.Timeliness.ON_TIME.value, _("On time")
    LATE = engine.Timeliness.LATE.value, _("Late")


class Disqualification(models.TextChoices):
    DISCIPLINE = "discipline", _("Disciplined during the year")
    CORRUPTION = "corruption", _("Corruption or waste in the unit led")


class EvaluationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    FINALIZED = "finalized", _("Finalized")


class EvaluationQuerySet(RestrictedQuerySet):
    scope_path_lookups = ("unit__path",)

    def yearly(self):
        return self.filter(quarter__isnull=True)


class Evaluation(models.Model):
    """The evaluation of one subject (a cadre, a unit, a party cell, a party member) for a year or a quarter.

    `unit` is where the subject is evaluated: the unit it works in (individuals), the collective itself,
    the party cell. Score and grade are kept by the services from the KPI tasks.
    """

    kind = models.CharField(_("subject"), max_length=16, choices=SubjectKind.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    quarter = models.PositiveSmallIntegerField(
        _("quarter"), null=True, blank=True, help_text=_("Empty for the yearly evaluation.")
    )
    unit = models.ForeignKey(
        "organizations.OrgUnit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="evaluations"
    )
    cadre = models.ForeignKey(
        "people.Cadre",
        verbose_name=_("cadre"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="evaluations",
    )
    task_group = models.CharField(_("task group"), max_length=16, choices=TaskGroup.choices)
    disqualifications = models.JSONField(_("disqualifying events"), default=list, blank=True)
    assigned_grade = models.CharField(
        _("level rated directly"),
        max_length=16,
        choices=Grade.choices,
        blank=True,
        help_text=_("For a subject rated without KPI tasks (party cells and members, for instance)."),
    )
    score = models.DecimalField(_("score"), max_digits=5, decimal_places=2, null=True, blank=True)
    grade = models.CharField(
        pgettext_lazy("evaluation", "level"), max_length=16, choices=Grade.choices, blank=True
    )
    status = models.CharField(
        _("status"), max_length=16, choices=EvaluationStatus.choices, default=EvaluationStatus.DRAFT
    )
    finalized_at = models.DateTimeField(_("finalized at"), null=True, blank=True)
    finalized_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    note = models.TextField(_("note"), blank=True)

    objects = EvaluationQuerySet.as_manager()

    class Meta:
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")
        ordering = ["-year", "quarter", "unit", "kind", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(quarter__isnull=True) | Q(quarter__gte=1, quarter__lte=4),
                name="evaluation_quarter",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=PERSON_KINDS, cadre__isnull=False)
                | (~Q(kind__in=PERSON_KINDS) & Q(cadre__isnull=True)),
                name="evaluation_subject",
            ),
            # One evaluation per subject and period (a quarter or the year); a null quarter is spelled out
            # because unique indexes let nulls repeat.
            *(
                models.UniqueConstraint(
                    fields=["kind", subject, "year", *(["quarter"] if quarterly else [])],
                    condition=Q(cadre__isnull=subject == "unit", quarter__isnull=not quarterly),
                    name=f"evaluation_one_per_{subject}_{'quarter' if quarterly else 'year'}",
                )
                for subject in ("cadre", "unit")
                for quarterly in (False, True)
            ),
        ]
        indexes = [
            models.Index(fields=["unit", "year", "quarter"]),
            models.Index(fields=["cadre", "year"]),
        ]

    def __str__(self):
        period = f"{self.year}" if self.quarter is None else f"Q{self.quarter}/{self.year}"
        return f"{self.subject_name} · {period}"

    def get_absolute_url(self):
        return reverse("evaluation:evaluation", args=[self.pk])

    @property
    def subject_name(self) -> str:
        return self.cadre.full_name if self.cadre_id else self.unit.name

    @property
    def is_final(self) -> bool:
        return self.status == EvaluationStatus.FINALIZED

    @property
    def needs_over_fulfilment(self) -> bool:
        """Collectives and leaders need 30% of tasks over-fulfilled for "excellent"."""
        return self.kind in COLLECTIVE_KINDS or (self.task_group == TaskGroup.LEADERSHIP)

    @property
    def grade_label(self) -> str:
        return grade_label(self.grade, self.kind)


def grade_label(grade: str, kind: str) -> str:
    if not grade:
        return ""
    if kind == SubjectKind.PARTY_CELL and grade in PARTY_CELL_GRADES:
        return str(PARTY_CELL_GRADES[grade])
    return str(Grade(grade).label)


class KpiTaskQuerySet(RestrictedQuerySet):
    scope_path_lookups = ("evaluation__unit__path",)


class KpiTask(models.Model):
    """A task with a measurable product: target and weight set at the start, results measured at the end."""

    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="tasks")
    name = models.CharField(_("task"), max_length=300)
    measure = models.CharField(_("unit of measure"), max_length=60, blank=True)
    target = models.DecimalField(_("target"), max_digits=12, decimal_places=2)
    weight = models.DecimalField(_("weight"), max_digits=6, decimal_places=2, default=1)
    result = models.DecimalField(_("result"), max_digits=12, decimal_places=2, null=True, blank=True)
    quality = models.DecimalField(_("quality (0–100)"), max_digits=5, decimal_places=2, null=True, blank=True)
    timeliness = models.CharField(_("timeliness"), max_length=16, choices=Timeliness.choices, blank=True)

    objects = KpiTaskQuerySet.as_manager()

    class Meta:
        verbose_name = _("KPI task")
        verbose_name_plural = _("KPI tasks")
        ordering = ["evaluation", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(target__gt=0), name="kpitask_target_positive"),
            models.CheckConstraint(condition=Q(weight__gt=0), name="kpitask_weight_positive"),
            models.CheckConstraint(
                condition=Q(quality__isnull=True) | Q(quality__gte=0, quality__lte=100),
                name="kpitask_quality_range",
            ),
        ]

    def __str__(self):
        return self.name

    def as_engine_task(self) -> engine.Task:
        return engine.Task(
            target=float(self.target),
            weight=float(self.weight),
            result=None if self.result is None else float(self.result),
            quality=None if self.quality is None else float(self.quality),
            timeliness=engine.Timeliness(self.timeliness) if self.timeliness else None,
        )

    @property
    def score(self) -> float | None:
        from canbo.evaluation.conf import params

        return engine.task_score(self.as_engine_task(), params())
