import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from canbo.core.querysets import RestrictedQuerySet


class PlanningTermQuerySet(RestrictedQuerySet):
    scope_path_lookups = ("body__path",)

    def covering(self, year: int):
        return self.filter(start_year__lte=year, end_year__gte=year)


class PlanningTerm(models.Model):
    """A body's planning for one term (e.g. 2026–2031), with the year its vision looks to."""

    body = models.ForeignKey(
        "organizations.OrgUnit",
        verbose_name=_("planning body"),
        on_delete=models.PROTECT,
        related_name="planning_terms",
    )
    start_year = models.PositiveSmallIntegerField(_("first year"))
    end_year = models.PositiveSmallIntegerField(_("last year"))
    vision_year = models.PositiveSmallIntegerField(_("vision year"), null=True, blank=True)
    starts_on = models.DateField(
        _("term starts on"), help_text=_("Full-term service is counted from this day.")
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    objects = PlanningTermQuerySet.as_manager()

    class Meta:
        verbose_name = _("planning term")
        verbose_name_plural = _("planning terms")
        ordering = ["-start_year", "body__path"]
        constraints = [
            models.UniqueConstraint(fields=["body", "start_year"], name="planningterm_one_per_body_year"),
            models.CheckConstraint(
                condition=Q(end_year__gt=models.F("start_year")), name="planningterm_years"
            ),
        ]

    def __str__(self):
        return f"{self.name} · {self.body}"

    def get_absolute_url(self):
        return reverse("planning:term", args=[self.pk])

    @property
    def name(self) -> str:
        return f"{self.start_year}–{self.end_year}"

    @property
    def ends_on(self) -> dt.date:
        return dt.date(self.end_year, 12, 31)


class EntryStatus(models.TextChoices):
    ACTIVE = "active", _("In the planning")
    REMOVED = "removed", _("Removed")


class PlanningEntryQuerySet(RestrictedQuerySet):
    scope_path_lookups = ("term__body__path",)

    def active(self):
        return self.filter(status=EntryStatus.ACTIVE)


class PlanningEntry(models.Model):
    """A cadre planned for a title at a unit within a term. Removal keeps the row: the history stays."""

    term = models.ForeignKey(
        PlanningTerm, verbose_name=_("planning term"), on_delete=models.CASCADE, related_name="entries"
    )
    cadre = models.ForeignKey(
        "people.Cadre", verbose_name=_("cadre"), on_delete=models.CASCADE, related_name="planning_entries"
    )
    unit = models.ForeignKey(
        "organizations.OrgUnit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.ForeignKey(
        "organizations.Title", verbose_name=_("title"), on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=8, choices=EntryStatus.choices, default=EntryStatus.ACTIVE
    )
    added_on = models.DateField(_("added on"))
    decision_number = models.CharField(_("decision number"), max_length=64, blank=True)
    removed_on = models.DateField(_("removed on"), null=True, blank=True)
    removal_reason = models.CharField(_("reason for removal"), max_length=300, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = PlanningEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("planning entry")
        verbose_name_plural = _("planning entries")
        ordering = ["term", "unit__path", "title__rank", "cadre__sort_key", "pk"]
        indexes = [models.Index(fields=["cadre", "status"]), models.Index(fields=["term", "status"])]
        constraints = [
            models.UniqueConstraint(
                fields=["term", "cadre", "unit", "title"],
                condition=Q(status="active"),
                name="planningentry_once_active",
            )
        ]

    def __str__(self):
        return f"{self.cadre} → {self.title} ({self.unit}, {self.term.name})"

    def get_absolute_url(self):
        return reverse("planning:entry", args=[self.pk])


class ReviewOutcome(models.TextChoices):
    ADD = "add", _("Added")
    KEEP = "keep", _("Kept")
    REMOVE = "remove", _("Removed")


class PlanningReview(models.Model):
    """One step of an entry's history: added, kept or removed at a yearly review, with the reason."""

    entry = models.ForeignKey(PlanningEntry, on_delete=models.CASCADE, related_name="reviews")
    year = models.PositiveSmallIntegerField(_("year"))
    date = models.DateField(_("date"))
    outcome = models.CharField(_("outcome"), max_length=8, choices=ReviewOutcome.choices)
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("planning review")
        verbose_name_plural = _("planning reviews")
        ordering = ["entry", "date", "pk"]

    def __str__(self):
        return f"{self.get_outcome_display()} {self.year}"
