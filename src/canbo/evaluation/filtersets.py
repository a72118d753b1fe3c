"""Filters over evaluations, shared by the web UI and the API."""

import django_filters as filters
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from canbo.core.converters import MAX_ID
from canbo.core.filters import YesNoFilter
from canbo.organizations.filtersets import subtree_filter

from .models import Evaluation, EvaluationStatus, Grade, SubjectKind, TaskGroup


class EvaluationFilterSet(filters.FilterSet):
    year = filters.NumberFilter(label=_("Year"), min_value=2000, max_value=2100)
    quarter = filters.NumberFilter(label=_("Quarter"), min_value=1, max_value=4)
    yearly = YesNoFilter(label=_("Yearly only"), field_name="quarter", lookup_expr="isnull")
    kind = filters.MultipleChoiceFilter(label=_("Subject"), choices=SubjectKind.choices)
    task_group = filters.ChoiceFilter(label=_("Task group"), choices=TaskGroup.choices)
    grade = filters.MultipleChoiceFilter(label=pgettext_lazy("evaluation", "Level"), choices=Grade.choices)
    status = filters.ChoiceFilter(label=_("Status"), choices=EvaluationStatus.choices)
    unit = subtree_filter(_("Unit"), "unit__path")
    cadre = filters.NumberFilter(label=_("Cadre"), field_name="cadre_id", min_value=1, max_value=MAX_ID)

    class Meta:
        model = Evaluation
        fields = ["year", "quarter", "yearly", "kind", "task_group", "grade", "status", "unit", "cadre"]
