"""Parameters of the reports, read from the query string; the unit is limited to the user's scope."""

import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from canbo.core.converters import IdModelChoiceField
from canbo.organizations.filtersets import unit_picker
from canbo.organizations.models import OrgUnit

from ..selectors import Scope, scoped

SCOPE_CHOICES = [
    (Scope.UNIT, _("Cadres in post in the unit")),
    (Scope.MANAGED_BY, _("Cadres managed by the body")),
    (Scope.COMMUNE_COMMITTEES, _("Party committee members of its communes")),
]


class DateInput(forms.DateInput):
    input_type = "date"
    format = "%Y-%m-%d"


class ReportForm(forms.Form):
    unit = IdModelChoiceField(
        label=_("Unit"), queryset=OrgUnit.objects.none(), required=False, widget=unit_picker()
    )

    def __init__(self, data, *, user):
        super().__init__(data)
        self.user = user
        self.fields["unit"].queryset = scoped(OrgUnit, user).current()

    def default_unit(self) -> OrgUnit | None:
        """The user's top unit: a report opens on the whole of what the user looks after."""
        return self.fields["unit"].queryset.order_by("depth", "path").first()

    def clean_unit(self):
        unit = self.cleaned_data.get("unit") or self.default_unit()
        if unit is None:
            raise forms.ValidationError(_("No unit in your scope."))
        return unit


class StructureForm(ReportForm):
    scope = forms.ChoiceField(label=_("Who"), choices=SCOPE_CHOICES, required=False)
    as_of = forms.DateField(label=_("As of"), required=False, widget=DateInput)
    young_under = forms.IntegerField(label=_("Young: under"), min_value=18, max_value=70, required=False)

    def clean_scope(self):
        return self.cleaned_data.get("scope") or Scope.UNIT

    def clean_as_of(self):
        return self.cleaned_data.get("as_of") or timezone.localdate()


class IndicatorsForm(ReportForm):
    as_of = forms.DateField(label=_("As of"), required=False, widget=DateInput)

    def clean_as_of(self):
        return self.cleaned_data.get("as_of") or timezone.localdate()


def term_start(day: dt.date) -> dt.date:
    """The start of the five-year term that `day` falls in (terms start in October 2020, 2025...)."""
    year = day.year - (day.year - 2020) % 5
    start = dt.date(year, 10, 1)
    return start if start <= day else dt.date(year - 5, 10, 1)


class FlowsForm(ReportForm):
    start = forms.DateField(label=_("From"), required=False, widget=DateInput)
    end = forms.DateField(label=_("To (not included)"), required=False, widget=DateInput)

    def clean(self):
        data = super().clean()
        today = timezone.localdate()
        data["end"] = data.get("end") or today + dt.timedelta(days=1)
        data["start"] = data.get("start") or term_start(today)
        if data["end"] <= data["start"]:
            raise forms.ValidationError(_("The period must end after it starts."))
        return data
