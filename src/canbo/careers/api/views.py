from rest_framework import viewsets

from canbo.core.converters import IdConverter

from ..filtersets import AssignmentFilterSet
from ..models import Assignment
from .serializers import ASSIGNMENT_RELATED, AssignmentSerializer


class AssignmentViewSet(viewsets.ReadOnlyModelViewSet):
    """Assignments (who held which seat when) in the user's scope, latest first."""

    lookup_value_regex = IdConverter.regex

    queryset = Assignment.objects.none()
    serializer_class = AssignmentSerializer
    filterset_class = AssignmentFilterSet

    def get_queryset(self):
        return Assignment.objects.restrict(self.request.user).select_related("cadre", *ASSIGNMENT_RELATED)
