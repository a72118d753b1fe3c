import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from canbo.core.forms.base import ScopedModelForm
from canbo.core.forms.widgets import AutocompleteWidget
from canbo.organizations.models import OrgUnit, Position
from canbo.people.forms.fields import CadreCodeField
from canbo.people.models import Cadre

from ..engine import DEFAULT_WEIGHTS
from ..models import PinKind, RotationRound
from ..text import EDIT_KINDS, PARTS


def _codes(text: str) -> list[str]:
    return [c for c in re.split(r"[\s,;]+", text or "") if c]


class RotationRoundForm(ScopedModelForm):
    """A round's settings: what to fill, with whom, and the board's weights and targets."""

    scoped_fields = {"body": "organize", "positions": "organize"}
    candidate_codes = forms.CharField(
        label=_("Chosen candidates"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Cadre codes, separated by spaces, commas or new lines."),
    )

    class Meta:
        model = RotationRound
        fields = [
            "name",
            "body",
            "date",
            "positions_mode",
            "positions",
            "use_planning_pool",
            "pair_rule",
            "source_cap",
            "women_percent",
            "young_percent",
            "minority_percent",
            "young_age",
            "time_limit",
        ]
        widgets = {
            "body": AutocompleteWidget("organizations:orgunit_autocomplete", OrgUnit, "scope=organize"),
            "date": forms.DateInput(),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["positions"].queryset = (
            self.fields["positions"].queryset.filter(title__is_key=True).select_related("unit", "title")
        )
        self.fields["positions"].required = False
        weights = {**DEFAULT_WEIGHTS, **(self.instance.weights or {})}
        for name, label in PARTS.items():
            self.fields[f"weight_{name}"] = forms.FloatField(
                label=_("Weight: %(part)s") % {"part": label}, min_value=0, initial=weights[name]
            )
        if self.instance.pk:
            self.fields["candidate_codes"].initial = " ".join(
                self.instance.candidates.values_list("code", flat=True)
            )

    def clean_candidate_codes(self):
        codes = _codes(self.cleaned_data["candidate_codes"])
        cadres = (
            Cadre.objects.restrict(self.user, "organize").filter(code__in=codes)
            if self.user
            else Cadre.objects.none()
        )
        found = set(cadres.values_list("code", flat=True))
        missing = [c for c in codes if c not in found]
        if missing:
            raise ValidationError(_("Unknown cadre codes: %(codes)s") % {"codes": ", ".join(missing)})
        return list(cadres)

    def clean(self):
        data = super().clean()
        if data.get("positions_mode") == "chosen" and not data.get("positions"):
            self.add_error("positions", _("Choose the positions to fill."))
        return data

    def weights(self) -> dict:
        return {name: self.cleaned_data[f"weight_{name}"] for name in PARTS}


class PinForm(forms.Form):
    kind = forms.ChoiceField(label=_("Pin"), choices=PinKind.choices)
    cadre_code = CadreCodeField()
    position = forms.ModelChoiceField(label=_("Position"), queryset=Position.objects.none())

    def __init__(self, *args, positions=None, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cadre_code"].queryset = Cadre.objects.restrict(user, "organize")
        if positions is not None:
            self.fields["position"].queryset = positions


class MoveEditForm(forms.Form):
    """A hand edit of the proposal: checked on every change, saved on submit."""

    prefix = "edit"
    kind = forms.ChoiceField(label=_("Change"), choices=list(EDIT_KINDS.items()))
    position = forms.ModelChoiceField(label=_("Position"), queryset=Position.objects.none())
    cadre_code = CadreCodeField(required=False, help_text=_("For an assignment."))
    other = forms.ModelChoiceField(
        label=_("Swap with"), queryset=Position.objects.none(), required=False, help_text=_("For a swap.")
    )

    def __init__(self, *args, positions=None, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cadre_code"].queryset = Cadre.objects.restrict(user, "organize")
        if positions is not None:
            self.fields["position"].queryset = positions
            self.fields["other"].queryset = positions


class PreferenceForm(forms.Form):
    cadre_code = CadreCodeField()
    unit = forms.ModelChoiceField(
        label=_("Preferred unit"),
        queryset=OrgUnit.objects.all(),
        widget=AutocompleteWidget("organizations:orgunit_autocomplete", OrgUnit),
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cadre_code"].queryset = Cadre.objects.restrict(user, "organize")
        self.fields["unit"].queryset = OrgUnit.objects.restrict(user, "view")


class HandPlanForm(forms.Form):
    plan = forms.CharField(
        label=_("Hand-made plan"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("One move per line: cadre code, unit code, title code."),
    )
    file = forms.FileField(label=_("or a CSV file"), required=False)

    def clean(self):
        data = super().clean()
        upload = data.get("file")
        text = upload.read().decode("utf-8-sig") if upload else data.get("plan", "")
        if not text.strip():
            raise ValidationError(_("Enter the plan or choose a file."))
        data["text"] = text
        return data


class ApproveForm(forms.Form):
    """The decisions that apply a plan: one per move, numbered from the number given."""

    number = forms.CharField(
        label=_("Decision number"),
        max_length=60,
        help_text=_("Each move gets its own decision: this number followed by -1, -2 and so on."),
    )
    decision_date = forms.DateField(label=_("Decision date"))
    justification = forms.CharField(
        label=_("Justification for soft rules"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Recorded with every move that fails a soft rule; without it such a move is refused."),
    )
