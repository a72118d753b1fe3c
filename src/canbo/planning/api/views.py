from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import viewsets
from rest_framework.response import Response
from rest_framework.views import APIView

from canbo.core.converters import IdConverter
from canbo.rules.reports import language

from ..filtersets import PlanningEntryFilterSet
from ..models import PlanningEntry, PlanningTerm
from ..selectors import coverage
from .serializers import CoverageSerializer, PlanningEntrySerializer


class PlanningEntryViewSet(viewsets.ReadOnlyModelViewSet):
    """Planning entries (who is planned for which title, with their review history) in the user's scope."""

    lookup_value_regex = IdConverter.regex

    queryset = PlanningEntry.objects.none()
    serializer_class = PlanningEntrySerializer
    filterset_class = PlanningEntryFilterSet

    def get_queryset(self):
        return (
            PlanningEntry.objects.restrict(self.request.user)
            .select_related("term__body", "cadre", "unit", "title")
            .prefetch_related("reviews")
        )


class CoverageView(APIView):
    """A term's coverage: successors per leadership title and the pool's structure against its targets."""

    @extend_schema(responses=CoverageSerializer)
    def get(self, request, pk):
        term = get_object_or_404(PlanningTerm.objects.restrict(request.user).select_related("body"), pk=pk)
        return Response(coverage(term).to_dict(language()))
