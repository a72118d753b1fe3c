from django import forms
from django.utils.translation import gettext_lazy as _

from canbo.core.forms.base import ScopedModelForm
from canbo.core.forms.widgets import AutocompleteWidget
from canbo.organizations.models import OrgUnit
from canbo.people.models import Cadre

TERRITORIAL = "kind=province,city,district,commune,ward,special_zone"


class CadreForm(ScopedModelForm):
    """The editable part of CV form 2C, grouped as the paper form groups it."""

    scoped_fields = {"managed_by": "change"}
    fieldsets = [
        (
            _("Identity"),
            [
                "code",
                "full_name",
                "other_names",
                "gender",
                "birth_date",
                "birth_year_only",
                "id_number",
                "ethnicity",
                "religion",
            ],
        ),
        (
            _("Origin and residence"),
            [
                "birthplace",
                "hometown",
                "hometown_text",
                "permanent_residence",
                "current_residence",
                "residence_unit",
                "phone",
                "email",
            ],
        ),
        (
            _("Education and qualifications"),
            [
                "general_education",
                "education",
                "education_field",
                "academic_title",
                "political_theory",
                "state_management",
                "languages",
                "it_skill",
            ],
        ),
        (_("Party"), ["party_join_date", "party_official_date"]),
        (
            _("Employment"),
            [
                "managed_by",
                "recruited_on",
                "occupation_before",
                "civil_service_grade",
                "salary_step",
                "salary_coefficient",
            ],
        ),
        (_("Health"), ["health", "height_cm", "weight_kg"]),
    ]

    class Meta:
        model = Cadre
        fields = [
            "code",
            "full_name",
            "other_names",
            "gender",
            "birth_date",
            "birth_year_only",
            "id_number",
            "ethnicity",
            "religion",
            "birthplace",
            "hometown",
            "hometown_text",
            "permanent_residence",
            "current_residence",
            "residence_unit",
            "phone",
            "email",
            "general_education",
            "education",
            "education_field",
            "academic_title",
            "political_theory",
            "state_management",
            "languages",
            "it_skill",
            "party_join_date",
            "party_official_date",
            "managed_by",
            "recruited_on",
            "occupation_before",
            "civil_service_grade",
            "salary_step",
            "salary_coefficient",
            "health",
            "height_cm",
            "weight_kg",
        ]
        widgets = {
            "birth_date": forms.DateInput(),
            "party_join_date": forms.DateInput(),
            "party_official_date": forms.DateInput(),
            "recruited_on": forms.DateInput(),
            "hometown": AutocompleteWidget("organizations:orgunit_autocomplete", OrgUnit, TERRITORIAL),
            "residence_unit": AutocompleteWidget("organizations:orgunit_autocomplete", OrgUnit, TERRITORIAL),
            "managed_by": AutocompleteWidget("organizations:orgunit_autocomplete", OrgUnit, "scope=change"),
        }

    def clean_id_number(self):
        value = self.cleaned_data["id_number"].strip()
        if value and (not value.isdigit() or len(value) != 12):
            raise forms.ValidationError(_("A citizen ID number has 12 digits."))
        return value
