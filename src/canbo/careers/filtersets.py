"""Filters over assignments (work history), shared by the web UI and the API."""

import django_filters as filters
from django.utils.translation import gettext_lazy as _

from canbo.core.converters import MAX_ID, IdModelChoiceFilter
from canbo.core.filters import YesNoFilter
from canbo.organizations.filtersets import subtree_filter
from canbo.organizations.models import Title

from .models import ActionKind, ActionStatus, Assignment, PersonnelAction


class AssignmentFilterSet(filters.FilterSet):
    # A number, not a select: a province keeps thousands of cadres.
    cadre = filters.NumberFilter(label=_("Cadre"), field_name="cadre_id", min_value=1, max_value=MAX_ID)
    unit = subtree_filter(_("Unit"), "position__unit__path")
    title = IdModelChoiceFilter(label=_("Title"), field_name="position__title", queryset=Title.objects.all())
    action = filters.MultipleChoiceFilter(label=_("Action"), choices=ActionKind.choices)
    start_after = filters.DateFilter(
        label=_("Started on or after"), field_name="start_date", lookup_expr="gte"
    )
    start_before = filters.DateFilter(
        label=_("Started on or before"), field_name="start_date", lookup_expr="lte"
    )
    held_on = filters.DateFilter(label=_("Held on"), method="filter_held_on")
    open = YesNoFilter(label=_("Still held"), field_name="end_date", lookup_expr="isnull")

    class Meta:
        model = Assignment
        fields = ["cadre", "unit", "title", "action", "start_after", "start_before", "held_on", "open"]

    def filter_held_on(self, queryset, name, value):
        return queryset.on(value)


class PersonnelActionFilterSet(filters.FilterSet):
    cadre = filters.NumberFilter(label=_("Cadre"), field_name="cadre_id", min_value=1, max_value=MAX_ID)
    unit = subtree_filter(_("Unit"), "unit__path")
    kind = filters.MultipleChoiceFilter(
        label=_("Action"), choices=PersonnelAction._meta.get_field("kind").choices
    )
    status = filters.MultipleChoiceFilter(label=_("Status"), choices=ActionStatus.choices)
    date_after = filters.DateFilter(label=_("Effective on or after"), field_name="date", lookup_expr="gte")
    date_before = filters.DateFilter(label=_("Effective on or before"), field_name="date", lookup_expr="lte")

    class Meta:
        model = PersonnelAction
        fields = ["cadre", "unit", "kind", "status", "date_after", "date_before"]
