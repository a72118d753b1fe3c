from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from canbo.core.querysets import RestrictedQuerySet
from canbo.people.models import Degree, PoliticalTheory, StateManagement


class CourseKind(models.TextChoices):
    POLITICAL_THEORY = "political_theory", _("Political theory")
    STATE_MANAGEMENT = "state_management", _("State management")
    DEGREE = "degree", _("Professional degree")
    SHORT = "short", _("Short course")


# The cadre's profile field a course of each kind raises (short courses raise none).
KIND_FIELD = {
    CourseKind.POLITICAL_THEORY: "political_theory",
    CourseKind.STATE_MANAGEMENT: "state_management",
    CourseKind.DEGREE: "education",
}
# The levels a course of each kind can give: those of the cadre's profile.
LEVEL_CHOICES = {
    CourseKind.POLITICAL_THEORY: PoliticalTheory,
    CourseKind.STATE_MANAGEMENT: StateManagement,
    CourseKind.DEGREE: Degree,
}


class CourseQuerySet(RestrictedQuerySet):
    scope_path_lookups = ("body__path",)


class Course(models.Model):
    """A course a body sends cadres to: a political theory level, a state-management grade, a degree, or a
    short course in a field such as digital skills."""

    body = models.ForeignKey(
        "organizations.OrgUnit", verbose_name=_("organizing body"), on_delete=models.PROTECT, related_name="+"
    )
    code = models.CharField(_("code"), max_length=32, unique=True)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=CourseKind.choices)
    level = models.CharField(
        _("level obtained"),
        max_length=16,
        blank=True,
        help_text=_("The political theory level, state-management grade or degree a completion gives."),
    )
    field = models.CharField(_("field"), max_length=120, blank=True, help_text=_("For short courses."))
    institution = models.CharField(_("institution"), max_length=200)
    start_date = models.DateField(_("from"))
    end_date = models.DateField(_("to"))

    objects = CourseQuerySet.as_manager()

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")
        ordering = ["-start_date", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=models.F("start_date")), name="course_dates_ordered"
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.start_date:%m/%Y})"

    def get_absolute_url(self):
        return reverse("planning:course", args=[self.pk])

    @property
    def level_label(self) -> str:
        choices = LEVEL_CHOICES.get(self.kind)
        return str(dict(choices.choices).get(self.level, self.level)) if choices else ""


class EnrolmentStatus(models.TextChoices):
    ENROLLED = "enrolled", _("Enrolled")
    COMPLETED = "completed", _("Completed")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class EnrolmentQuerySet(RestrictedQuerySet):
    # Like the cadre: in scope when the managing body or the unit of the current post is.
    scope_path_lookups = ("cadre__managed_by__path", "cadre__current_position__unit__path")


class Enrolment(models.Model):
    course = models.ForeignKey(
        Course, verbose_name=_("course"), on_delete=models.PROTECT, related_name="enrolments"
    )
    cadre = models.ForeignKey(
        "people.Cadre", verbose_name=_("cadre"), on_delete=models.CASCADE, related_name="enrolments"
    )
    enrolled_on = models.DateField(_("enrolled on"))
    status = models.CharField(
        _("status"), max_length=10, choices=EnrolmentStatus.choices, default=EnrolmentStatus.ENROLLED
    )
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    training_record = models.OneToOneField(
        "people.TrainingRecord",
        verbose_name=_("training record"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="enrolment",
    )

    objects = EnrolmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        ordering = ["-enrolled_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["course", "cadre"], name="enrolment_once_per_course"),
        ]

    def __str__(self):
        return f"{self.cadre} · {self.course.name}"

    def get_absolute_url(self):
        return reverse("planning:enrolment", args=[self.pk])
