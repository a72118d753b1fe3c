from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from canbo.core.models import Versioned
from canbo.core.querysets import RestrictedQuerySet


class Gender(models.TextChoices):
    MALE = "male", _("Male")
    FEMALE = "female", _("Female")


class Degree(models.TextChoices):
    NONE = "none", _("None")
    VOCATIONAL = "vocational", _("Vocational / intermediate")
    COLLEGE = "college", _("College")
    UNIVERSITY = "university", _("University")
    MASTER = "master", _("Master")
    DOCTORATE = "doctorate", _("Doctorate")


class PoliticalTheory(models.TextChoices):
    NONE = "none", _("None")
    ELEMENTARY = "elementary", _("Elementary")
    INTERMEDIATE = "intermediate", _("Intermediate")
    ADVANCED = "advanced", _("Advanced")
    BACHELOR = "bachelor", _("Bachelor")


class StateManagement(models.TextChoices):
    NONE = "none", _("None")
    SPECIALIST = "specialist", _("Specialist")
    PRINCIPAL = "principal", _("Principal specialist")
    SENIOR = "senior", _("Senior specialist")


class Religion(models.TextChoices):
    NONE = "none", _("None")
    BUDDHISM = "buddhism", _("Buddhism")
    CATHOLICISM = "catholicism", _("Catholicism")
    PROTESTANTISM = "protestantism", _("Protestantism")
    CAO_DAI = "cao_dai", _("Cao Dai")
    HOA_HAO = "hoa_hao", _("Hoa Hao Buddhism")
    ISLAM = "islam", _("Islam")
    OTHER = "other", _("Other")


class CadreQuerySet(RestrictedQuerySet):
    # A cadre is in scope when the managing body or the unit of the current post is.
    scope_path_lookups = ("managed_by__path", "current_position__unit__path")


class Cadre(Versioned):
    """A cadre's profile, following the official CV form 2C (Sơ yếu lý lịch)."""

    code = models.CharField(_("code"), max_length=32, unique=True)
    full_name = models.CharField(_("full name"), max_length=120)
    family_name = models.CharField(_("family name"), max_length=40, editable=False)
    middle_name = models.CharField(_("middle name"), max_length=60, blank=True, editable=False)
    given_name = models.CharField(_("given name"), max_length=40, editable=False)
    other_names = models.CharField(_("other names"), max_length=120, blank=True)
    gender = models.CharField(_("gender"), max_length=8, choices=Gender.choices)
    birth_date = models.DateField(_("date of birth"))
    birth_year_only = models.BooleanField(_("only the birth year is known"), default=False)
    birthplace = models.CharField(_("place of birth"), max_length=200, blank=True)
    hometown = models.ForeignKey(
        "organizations.OrgUnit",
        verbose_name=_("hometown"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="natives",
    )
    hometown_text = models.CharField(_("hometown (as written)"), max_length=200, blank=True)
    ethnicity = models.ForeignKey(
        "people.Ethnicity", verbose_name=_("ethnicity"), on_delete=models.PROTECT, related_name="cadres"
    )
    religion = models.CharField(_("religion"), max_length=16, choices=Religion.choices, default=Religion.NONE)
    permanent_residence = models.CharField(_("permanent residence"), max_length=200, blank=True)
    current_residence = models.CharField(_("current residence"), max_length=200, blank=True)
    residence_unit = models.ForeignKey(
        "organizations.OrgUnit",
        verbose_name=_("commune of residence"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="residents",
    )
    id_number = models.CharField(_("citizen ID number"), max_length=12, blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    email = models.EmailField(_("email"), blank=True)
    recruited_on = models.DateField(_("date of recruitment"), null=True, blank=True)
    occupation_before = models.CharField(_("occupation before recruitment"), max_length=200, blank=True)
    general_education = models.CharField(_("general education"), max_length=8, default="12/12")
    education = models.CharField(
        _("highest professional degree"), max_length=16, choices=Degree.choices, default=Degree.UNIVERSITY
    )
    education_field = models.CharField(_("field of study"), max_length=200, blank=True)
    academic_title = models.CharField(_("academic title"), max_length=64, blank=True)
    political_theory = models.CharField(
        _("political theory"), max_length=16, choices=PoliticalTheory.choices, default=PoliticalTheory.NONE
    )
    state_management = models.CharField(
        _("state management"), max_length=16, choices=StateManagement.choices, default=StateManagement.NONE
    )
    languages = models.CharField(_("foreign languages"), max_length=200, blank=True)
    it_skill = models.CharField(_("IT skills"), max_length=200, blank=True)
    party_join_date = models.DateField(_("date of joining the Party"), null=True, blank=True)
    party_official_date = models.DateField(_("date of official membership"), null=True, blank=True)
    civil_service_grade = models.CharField(_("civil-service grade"), max_length=64, blank=True)
    salary_step = models.PositiveSmallIntegerField(_("salary step"), null=True, blank=True)
    salary_coefficient = models.DecimalField(
        _("salary coefficient"), max_digits=4, decimal_places=2, null=True, blank=True
    )
    health = models.CharField(_("health"), max_length=120, blank=True)
    height_cm = models.PositiveSmallIntegerField(_("height (cm)"), null=True, blank=True)
    weight_kg = models.PositiveSmallIntegerField(_("weight (kg)"), null=True, blank=True)
    managed_by = models.ForeignKey(
        "organizations.OrgUnit",
        verbose_name=_("managed by"),
        on_delete=models.PROTECT,
        related_name="managed_cadres",
    )
    current_position = models.ForeignKey(
        "organizations.Position",
        verbose_name=_("current post"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    # Derived by the services from the name; kept for search and Vietnamese sorting at database speed.
    search_text = models.CharField(max_length=255, editable=False, default="")
    sort_key = models.CharField(max_length=255, editable=False, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CadreQuerySet.as_manager()

    class Meta:
        verbose_name = _("cadre")
        verbose_name_plural = _("cadres")
        ordering = ["sort_key", "id"]
        indexes = [
            models.Index(fields=["managed_by", "sort_key"]),
            models.Index(fields=["current_position", "sort_key"]),
            models.Index(fields=["birth_date"]),
            # The name order, covering the search text: a search walks it without reading the table's rows.
            models.Index(fields=["sort_key", "id"], include=["search_text"], name="people_cadre_name_order"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(party_official_date__isnull=True)
                | Q(party_join_date__isnull=False, party_official_date__gte=models.F("party_join_date")),
                name="cadre_party_dates_ordered",
            )
        ]

    def __str__(self):
        return self.full_name

    def get_absolute_url(self):
        return reverse("people:cadre", args=[self.pk])

    @property
    def is_party_member(self) -> bool:
        return self.party_join_date is not None
