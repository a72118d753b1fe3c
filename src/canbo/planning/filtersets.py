"""Filters over planning entries, courses and enrolments, shared by the web UI and the API."""

import django_filters as filters
from django.utils.translation import gettext_lazy as _

from canbo.core.converters import MAX_ID, IdModelChoiceFilter
from canbo.organizations.filtersets import subtree_filter
from canbo.organizations.models import Title

from .models import Course, CourseKind, Enrolment, EnrolmentStatus, EntryStatus, PlanningEntry


class PlanningEntryFilterSet(filters.FilterSet):
    term = filters.NumberFilter(label=_("Planning term"), field_name="term_id", min_value=1, max_value=MAX_ID)
    cadre = filters.NumberFilter(label=_("Cadre"), field_name="cadre_id", min_value=1, max_value=MAX_ID)
    unit = subtree_filter(_("Unit"), "unit__path")
    title = IdModelChoiceFilter(label=_("Title"), field_name="title", queryset=Title.objects.all())
    status = filters.ChoiceFilter(label=_("Status"), choices=EntryStatus.choices)

    class Meta:
        model = PlanningEntry
        fields = ["term", "cadre", "unit", "title", "status"]


class CourseFilterSet(filters.FilterSet):
    kind = filters.ChoiceFilter(label=_("Kind"), choices=CourseKind.choices)
    q = filters.CharFilter(label=_("Name"), field_name="name", lookup_expr="icontains")

    class Meta:
        model = Course
        fields = ["kind", "q"]


class EnrolmentFilterSet(filters.FilterSet):
    course = filters.NumberFilter(label=_("Course"), field_name="course_id", min_value=1, max_value=MAX_ID)
    cadre = filters.NumberFilter(label=_("Cadre"), field_name="cadre_id", min_value=1, max_value=MAX_ID)
    status = filters.ChoiceFilter(label=_("Status"), choices=EnrolmentStatus.choices)

    class Meta:
        model = Enrolment
        fields = ["course", "cadre", "status"]
