from django import forms
from django.utils.translation import gettext_lazy as _

from canbo.core.forms.base import ScopedModelForm
from canbo.core.forms.widgets import AutocompleteWidget
from canbo.organizations.models import OrgUnit
from canbo.people.forms.fields import CadreCodeField
from canbo.people.models import Cadre

from ..models import PersonnelAction


class PersonnelActionForm(ScopedModelForm):
    """What an organizer proposes: who, which action, which post, from when."""

    scoped_fields = {"unit": "organize"}
    cadre_code = CadreCodeField()

    class Meta:
        model = PersonnelAction
        fields = ["kind", "unit", "title", "date", "planned_end_date", "is_acting", "reason"]
        widgets = {
            "unit": AutocompleteWidget("organizations:orgunit_autocomplete", OrgUnit, "scope=organize"),
            "date": forms.DateInput(),
            "planned_end_date": forms.DateInput(),
            "reason": forms.Textarea(attrs={"rows": 3}),
        }

    field_order = ["cadre_code", "kind", "unit", "title", "date", "planned_end_date", "is_acting", "reason"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Dismissal and retirement end the post held: unit and title are then read from work history.
        self.fields["unit"].required = False
        self.fields["title"].required = False
        self.fields["cadre_code"].queryset = Cadre.objects.restrict(self.user, "organize")
        if self.instance.pk:
            self.fields["cadre_code"].initial = self.instance.cadre.code
            self.fields["cadre_code"].disabled = True

    def prefill(self, query) -> dict:
        """Valid starting values from a link's query string (ids, a known action); others are dropped."""
        values = {}
        for name in ("cadre", "unit", "title"):
            if query.get(name, "").isdigit():
                values[name] = int(query[name])
        if query.get("kind") in dict(self.fields["kind"].choices):
            values["kind"] = query["kind"]
        return values

    def clean_cadre_code(self):
        # A draft's cadre stays, even out of the organizer's scope since.
        self.cadre = self.instance.cadre if self.instance.pk else self.cleaned_data["cadre_code"]
        return self.cadre


class SubmitForm(forms.Form):
    """One justification box per soft rule that failed; the names are the rule codes."""

    def __init__(self, *args, rules=(), language="vi", **kwargs):
        super().__init__(*args, **kwargs)
        for result in rules:
            self.fields[f"justify_{result['rule']}"] = forms.CharField(
                label=result["name"][language],
                help_text=result["reason"][language],
                widget=forms.Textarea(attrs={"rows": 2}),
                required=False,
            )

    def justifications(self) -> dict[str, str]:
        return {
            name.removeprefix("justify_"): value
            for name, value in self.cleaned_data.items()
            if name.startswith("justify_")
        }


class ApproveForm(forms.Form):
    number = forms.CharField(label=_("Decision number"), max_length=64)
    decision_date = forms.DateField(label=_("Decision date"), widget=forms.DateInput(attrs={"type": "date"}))
    issued_by = forms.ModelChoiceField(
        label=_("Issuing body"),
        queryset=OrgUnit.objects.all(),
        required=False,
        widget=AutocompleteWidget("organizations:orgunit_autocomplete", OrgUnit, "scope=approve"),
    )
    signer = forms.CharField(label=_("Signed by"), max_length=120, required=False)
    document = forms.FileField(label=_("Decision (PDF)"), required=False)

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["issued_by"].queryset = OrgUnit.objects.restrict(user, "approve")

    def clean_document(self):
        document = self.cleaned_data.get("document")
        if document is not None:
            head = document.read(5)
            document.seek(0)
            if head != b"%PDF-":
                raise forms.ValidationError(_("The decision must be a PDF file."))
        return document


class RejectForm(forms.Form):
    reason = forms.CharField(label=_("Reason for rejection"), widget=forms.Textarea(attrs={"rows": 3}))


class DueListsForm(forms.Form):
    body = forms.ModelChoiceField(
        label=_("Body"),
        queryset=OrgUnit.objects.all(),
        required=False,
        widget=AutocompleteWidget("organizations:orgunit_autocomplete", OrgUnit, "scope=organize"),
    )
    as_of = forms.DateField(label=_("As of"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.units = OrgUnit.objects.restrict(user, "organize")
        self.fields["body"].queryset = self.units

    def chosen_body(self) -> OrgUnit | None:
        """The chosen body, or the top of the user's scope (a board works on its own body first)."""
        chosen = self.cleaned_data.get("body") if self.is_bound else None
        return chosen or self.units.current().order_by("depth", "name").first()
