from django.db.models import Prefetch
from rest_framework import viewsets

from canbo.core.converters import IdConverter

from ..filtersets import EvaluationFilterSet
from ..models import Evaluation, KpiTask
from .serializers import EvaluationSerializer


class EvaluationViewSet(viewsets.ReadOnlyModelViewSet):
    """Evaluations in the user's scope with their KPI tasks, latest year first."""

    lookup_value_regex = IdConverter.regex

    queryset = Evaluation.objects.none()
    serializer_class = EvaluationSerializer
    filterset_class = EvaluationFilterSet

    def get_queryset(self):
        return (
            Evaluation.objects.restrict(self.request.user)
            .select_related("unit", "cadre")
            .prefetch_related(Prefetch("tasks", queryset=KpiTask.objects.order_by("pk")))
        )
