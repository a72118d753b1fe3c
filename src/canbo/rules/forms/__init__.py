from django import forms
from django.utils.translation import gettext_lazy as _

from canbo.core.forms.widgets import AutocompleteWidget
from canbo.organizations.models import OrgUnit, Title

from ..engine import PLACING_ACTIONS
from ..reports import action_choices

# The rules read family and discipline records: the searches run within the scope allowed to see them.
SCOPE = "view_sensitive"


class _SearchForm(forms.Form):
    action = forms.ChoiceField(label=_("Action"), choices=())
    as_of = forms.DateField(label=_("Date"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["action"].choices = action_choices(PLACING_ACTIONS)
        if "unit" in self.fields:
            self.fields["unit"].queryset = OrgUnit.objects.restrict(user, SCOPE)


class EligibilityForm(_SearchForm):
    """A post (unit and title) to fill: who, among the cadres in scope, may take it."""

    unit = forms.ModelChoiceField(
        label=_("Unit"),
        queryset=OrgUnit.objects.all(),
        widget=AutocompleteWidget("organizations:orgunit_autocomplete", OrgUnit, f"scope={SCOPE}"),
    )
    title = forms.ModelChoiceField(label=_("Title"), queryset=Title.objects.all())
    field_order = ["unit", "title", "action", "as_of"]


class CadrePositionsForm(_SearchForm):
    """Where a cadre could go: positions of a unit subtree, of one title or all, vacant ones by default."""

    unit = forms.ModelChoiceField(
        label=_("Within"),
        queryset=OrgUnit.objects.all(),
        required=False,
        widget=AutocompleteWidget("organizations:orgunit_autocomplete", OrgUnit, f"scope={SCOPE}"),
    )
    title = forms.ModelChoiceField(label=_("Title"), queryset=Title.objects.all(), required=False)
    vacant = forms.BooleanField(label=_("Vacant posts only"), required=False, initial=True)
    field_order = ["unit", "title", "vacant", "action", "as_of"]
    DEFAULTS = {"vacant": "on", "action": "appointment"}
