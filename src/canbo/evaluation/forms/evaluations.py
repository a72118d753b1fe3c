from django import forms
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _

from canbo.core.forms.base import ScopedModelForm
from canbo.core.forms.widgets import AutocompleteWidget
from canbo.evaluation.models import Disqualification, Evaluation, KpiTask
from canbo.organizations.models import OrgUnit
from canbo.people.forms.fields import CadreCodeField
from canbo.people.models import Cadre


def quarter_choices() -> list[tuple]:
    """Built when a form is, so the labels come in the request's language."""
    quarters = [(q, pgettext("period", "Quarter %(q)s") % {"q": q}) for q in range(1, 5)]
    return [("", gettext("Whole year")), *quarters]


class EvaluationForm(ScopedModelForm):
    """A new evaluation, or the editable part of one: the subject is found by the cadre's code."""

    scoped_fields = {"unit": "change"}
    cadre_code = CadreCodeField(required=False, help_text=_("For an individual or a party member."))
    disqualifications = forms.MultipleChoiceField(
        label=_("Disqualifying events"),
        choices=Disqualification.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Evaluation
        fields = [
            "kind",
            "year",
            "quarter",
            "unit",
            "task_group",
            "disqualifications",
            "assigned_grade",
            "note",
        ]
        widgets = {
            "unit": AutocompleteWidget("organizations:orgunit_autocomplete", OrgUnit, "scope=change"),
            "note": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            # The subject and period of an existing evaluation are what it is about: they stay.
            for name in ("kind", "year", "quarter", "unit", "cadre_code"):
                del self.fields[name]
            return
        self.fields["quarter"].widget = forms.Select(choices=quarter_choices())
        self.fields["cadre_code"].queryset = Cadre.objects.restrict(self.user, "change")

    def model_data(self) -> dict:
        data = super().model_data()
        if "cadre_code" in data:
            data["cadre"] = data.pop("cadre_code")
        return data


class KpiTaskForm(forms.ModelForm):
    class Meta:
        model = KpiTask
        fields = ["name", "measure", "target", "weight", "result", "quality", "timeliness"]
        widgets = {
            "name": forms.TextInput(attrs={"size": 30}),
            "measure": forms.TextInput(attrs={"size": 8}),
            **{
                name: forms.NumberInput(attrs={"step": "any", "class": "num"})
                for name in ("target", "weight", "result", "quality")
            },
        }


class BoardPeriodForm(forms.Form):
    """The period of a unit's board: the year is in the address, the quarter in the query."""

    quarter = forms.TypedChoiceField(label=_("Quarter"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["quarter"].choices = quarter_choices()
