from django.db import models
from django.db.models import Count, F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from canbo.core.querysets import RestrictedQuerySet


class TitleLevel(models.TextChoices):
    CENTRAL = "central", _("Central")
    PROVINCE = "province", _("Province")
    DISTRICT = "district", _("District (before 1 July 2025)")
    COMMUNE = "commune", _("Commune")


class TitleGroup(models.TextChoices):
    PARTY = "party", _("Party")
    GOVERNMENT = "government", _("Government")
    COUNCIL = "council", _("People's Council")
    FRONT = "front", _("Fatherland Front and mass organizations")
    CIVIL_SERVICE = "civil_service", _("Civil service")


class Title(models.Model):
    """A title (chức danh) such as Bí thư or Chủ tịch UBND, with what the rules need to know of it."""

    code = models.CharField(_("code"), max_length=32, unique=True)
    name = models.CharField(_("name"), max_length=200)
    name_en = models.CharField(_("English name"), max_length=200, blank=True)
    level = models.CharField(_("level"), max_length=16, choices=TitleLevel.choices)
    group = models.CharField(_("group"), max_length=16, choices=TitleGroup.choices)
    rank = models.PositiveSmallIntegerField(
        _("rank"),
        default=50,
        help_text=_("Lower is more senior; used to order posts and to tell up from down."),
    )
    is_key = models.BooleanField(_("key post"), default=False)
    is_head = models.BooleanField(_("head of unit"), default=False)
    is_deputy = models.BooleanField(_("deputy head"), default=False)
    non_local = models.BooleanField(_("non-local rule applies"), default=False)
    exclusive = models.BooleanField(
        _("exclusive post"), default=True, help_text=_("A cadre holds at most one exclusive post at a time.")
    )

    class Meta:
        verbose_name = _("title")
        verbose_name_plural = _("titles")
        ordering = ["level", "rank", "name"]

    def __str__(self):
        return self.name


class PositionQuerySet(RestrictedQuerySet):
    scope_path_lookups = ("unit__path",)

    def as_of(self, day):
        """Positions open on `day` (valid_from <= day < valid_to)."""
        return self.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day)).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gt=day)
        )

    def current(self):
        return self.filter(valid_to__isnull=True)

    def vacant_on(self, day):
        """Positions open on `day`, at a unit that still existed, with fewer holders that day than seats;
        `held` is annotated."""
        on_day = Q(assignments__start_date__lte=day) & (
            Q(assignments__end_date__isnull=True) | Q(assignments__end_date__gt=day)
        )
        return (
            self.as_of(day)
            .filter(Q(unit__valid_to__isnull=True) | Q(unit__valid_to__gt=day))
            .annotate(held=Count("assignments", filter=on_day))
            .filter(held__lt=F("seats"))
        )


class Position(models.Model):
    """A title at a unit, with a number of seats (e.g. three Vice-chairmen of one People's Committee)."""

    unit = models.ForeignKey(
        "organizations.OrgUnit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="positions"
    )
    title = models.ForeignKey(
        Title, verbose_name=_("title"), on_delete=models.PROTECT, related_name="positions"
    )
    seats = models.PositiveSmallIntegerField(_("seats"), default=1)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid to"), null=True, blank=True)

    objects = PositionQuerySet.as_manager()

    class Meta:
        verbose_name = _("position")
        verbose_name_plural = _("positions")
        ordering = ["unit", "title__rank"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "title"], condition=Q(valid_to__isnull=True), name="position_unique_current"
            ),
            models.CheckConstraint(condition=Q(seats__gte=1), name="position_seats_positive"),
        ]

    def __str__(self):
        return f"{self.title} — {self.unit}"

    def get_absolute_url(self):
        return reverse("organizations:orgunit", args=[self.unit_id]) + f"#position-{self.pk}"
