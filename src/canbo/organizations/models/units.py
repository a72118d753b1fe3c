from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from canbo.core.querysets import RestrictedQuerySet


class AdminLevel(models.TextChoices):
    CENTRAL = "central", _("Central")
    PROVINCE = "province", _("Province")
    DISTRICT = "district", _("District (before 1 July 2025)")
    COMMUNE = "commune", _("Commune")


class OrgUnitKind(models.TextChoices):
    PROVINCE = "province", _("Province")
    CITY = "city", _("Centrally-run city")
    DISTRICT = "district", _("District (historical)")
    COMMUNE = "commune", _("Commune")
    WARD = "ward", _("Ward")
    SPECIAL_ZONE = "special_zone", _("Special zone")
    PARTY_COMMITTEE = "party_committee", _("Party committee")
    PARTY_CELL = "party_cell", _("Party cell")
    PEOPLES_COMMITTEE = "peoples_committee", _("People's Committee")
    PEOPLES_COUNCIL = "peoples_council", _("People's Council")
    DEPARTMENT = "department", _("Department / agency")
    FATHERLAND_FRONT = "fatherland_front", _("Fatherland Front")
    MASS_ORGANIZATION = "mass_organization", _("Mass organization")


TERRITORIAL_KINDS = {
    OrgUnitKind.PROVINCE,
    OrgUnitKind.CITY,
    OrgUnitKind.DISTRICT,
    OrgUnitKind.COMMUNE,
    OrgUnitKind.WARD,
    OrgUnitKind.SPECIAL_ZONE,
}
KIND_LEVEL = {
    OrgUnitKind.PROVINCE: AdminLevel.PROVINCE,
    OrgUnitKind.CITY: AdminLevel.PROVINCE,
    OrgUnitKind.DISTRICT: AdminLevel.DISTRICT,
    OrgUnitKind.COMMUNE: AdminLevel.COMMUNE,
    OrgUnitKind.WARD: AdminLevel.COMMUNE,
    OrgUnitKind.SPECIAL_ZONE: AdminLevel.COMMUNE,
}


class OrgUnitQuerySet(RestrictedQuerySet):
    scope_path_lookups = ("path",)

    def as_of(self, day):
        """Units that existed on `day` (valid_from <= day < valid_to)."""
        return self.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day)).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gt=day)
        )

    def current(self):
        return self.filter(valid_to__isnull=True)

    def subtree(self, unit):
        return self.filter(path__startswith=unit.path)


class OrgUnit(models.Model):
    """An administrative unit or body: province, commune, party committee, department, party cell...

    The current parent, name and path are kept here for fast reads; every earlier state is an OrgUnitVersion.
    `path` is the chain of ids from the root ("/12/340/") so that a subtree is one indexed prefix match.
    """

    code = models.CharField(_("code"), max_length=32, unique=True)
    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=100, blank=True)
    kind = models.CharField(_("kind"), max_length=32, choices=OrgUnitKind.choices)
    admin_level = models.CharField(_("administrative level"), max_length=16, choices=AdminLevel.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    territory = models.ForeignKey(
        "self",
        verbose_name=_("locality"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The province or commune this body belongs to (itself for a territorial unit)."),
    )
    path = models.CharField(max_length=255, db_index=True, editable=False, default="")
    depth = models.PositiveSmallIntegerField(default=0, editable=False)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(
        _("valid to"), null=True, blank=True, help_text=_("First day it no longer exists.")
    )
    search_text = models.CharField(max_length=255, editable=False, default="", db_index=True)

    objects = OrgUnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("organizational unit")
        verbose_name_plural = _("organizational units")
        ordering = ["path"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_to__gt=models.F("valid_from")),
                name="orgunit_valid_range",
            )
        ]
        indexes = [models.Index(fields=["kind", "valid_to"])]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("organizations:orgunit", args=[self.pk])

    @property
    def is_territorial(self) -> bool:
        return self.kind in TERRITORIAL_KINDS

    def existed_on(self, day) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day < self.valid_to
        )


class OrgUnitVersion(models.Model):
    """One period of a unit's name, kind and parent. Versions of a unit do not overlap."""

    unit = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, related_name="versions")
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=32, choices=OrgUnitKind.choices)
    parent = models.ForeignKey(OrgUnit, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    event = models.ForeignKey(
        "RestructuringEvent", null=True, blank=True, on_delete=models.SET_NULL, related_name="versions"
    )

    class Meta:
        verbose_name = _("unit version")
        verbose_name_plural = _("unit versions")
        ordering = ["unit", "valid_from"]
        indexes = [models.Index(fields=["parent", "valid_from", "valid_to"])]

    def __str__(self):
        return f"{self.name} ({self.valid_from or '…'} – {self.valid_to or '…'})"


class RestructuringKind(models.TextChoices):
    ESTABLISH = "establish", _("Establishment")
    MERGE = "merge", _("Merger")
    SPLIT = "split", _("Split")
    RENAME = "rename", _("Rename")
    ABOLISH = "abolish", _("Abolition")
    REPARENT = "reparent", _("Change of parent")


class RestructuringEvent(models.Model):
    """A restructuring on a date: units in `sources` end or change, units in `targets` start or change."""

    kind = models.CharField(_("kind"), max_length=16, choices=RestructuringKind.choices)
    date = models.DateField(_("effective date"))
    decision = models.ForeignKey(
        "Decision",
        verbose_name=_("decision"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    sources = models.ManyToManyField(OrgUnit, related_name="restructured_from", blank=True)
    targets = models.ManyToManyField(OrgUnit, related_name="restructured_into", blank=True)
    details = models.JSONField(default=dict, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("restructuring event")
        verbose_name_plural = _("restructuring events")
        ordering = ["-date", "-pk"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.date:%d/%m/%Y}"
