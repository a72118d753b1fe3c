from canbo.careers.filtersets import AssignmentFilterSet
from canbo.careers.models import Assignment
from canbo.careers.tables import AssignmentTable
from canbo.core.views.generic import ObjectListView


class AssignmentListView(ObjectListView):
    queryset = Assignment.objects.select_related("cadre", "position__title", "position__unit", "decision")
    filterset = AssignmentFilterSet
    table = AssignmentTable
