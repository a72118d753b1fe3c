from django import forms
from django.utils.translation import gettext_lazy as _

from canbo.core.forms.base import ScopedModelForm
from canbo.core.forms.widgets import AutocompleteWidget
from canbo.organizations.models import OrgUnit
from canbo.people.forms.fields import CadreCodeField
from canbo.people.models import Cadre

from ..models import LEVEL_CHOICES, Course, Enrolment

# The levels grouped by the kind of course that gives them; the service checks that they match.
LEVEL_OPTIONS = [("", "—")] + [
    (kind.label, [(c.value, c.label) for c in choices if c.value != "none"])
    for kind, choices in LEVEL_CHOICES.items()
]


class CourseForm(ScopedModelForm):
    scoped_fields = {"body": "change"}

    class Meta:
        model = Course
        fields = ["body", "code", "name", "kind", "level", "field", "institution", "start_date", "end_date"]
        widgets = {
            "body": AutocompleteWidget("organizations:orgunit_autocomplete", OrgUnit, "scope=change"),
            "start_date": forms.DateInput(),
            "end_date": forms.DateInput(),
            "level": forms.Select(choices=LEVEL_OPTIONS),
        }


class EnrolmentForm(ScopedModelForm):
    scoped_fields = {"course": "view"}
    cadre = CadreCodeField()

    class Meta:
        model = Enrolment
        fields = ["course", "cadre", "enrolled_on"]
        widgets = {"enrolled_on": forms.DateInput()}

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.fields["cadre"].queryset = Cadre.objects.restrict(user, "change")


class CompletionForm(forms.Form):
    completed_on = forms.DateField(label=_("Completed on"), widget=forms.DateInput(attrs={"type": "date"}))
