from django import forms
from django.utils.translation import gettext_lazy as _

from canbo.core.forms.base import ScopedModelForm
from canbo.core.forms.widgets import AutocompleteWidget
from canbo.organizations.models import OrgUnit
from canbo.people.forms.fields import CadreCodeField
from canbo.people.models import Cadre

from ..models import PlanningEntry, PlanningReview, PlanningTerm, ReviewOutcome


class PlanningTermForm(ScopedModelForm):
    scoped_fields = {"body": "organize"}

    class Meta:
        model = PlanningTerm
        fields = ["body", "start_year", "end_year", "vision_year", "starts_on", "note"]
        widgets = {
            "body": AutocompleteWidget("organizations:orgunit_autocomplete", OrgUnit, "scope=organize"),
            "starts_on": forms.DateInput(),
        }


class PlanningEntryForm(ScopedModelForm):
    """Adding a cadre to a term's planning; the rules are checked by the service, with their reasons."""

    scoped_fields = {"term": "organize", "unit": "organize"}
    cadre = CadreCodeField()

    class Meta:
        model = PlanningEntry
        fields = ["term", "cadre", "unit", "title", "added_on", "decision_number"]
        widgets = {
            "unit": AutocompleteWidget("organizations:orgunit_autocomplete", OrgUnit, "scope=organize"),
            "added_on": forms.DateInput(),
        }

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.fields["cadre"].queryset = Cadre.objects.restrict(user, "organize")
        self.fields["term"].queryset = self.fields["term"].queryset.select_related("body")


class PlanningReviewForm(forms.ModelForm):
    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=[(c.value, c.label) for c in (ReviewOutcome.KEEP, ReviewOutcome.REMOVE)]
    )

    class Meta:
        model = PlanningReview
        fields = ["year", "date", "outcome", "reason"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"})}
