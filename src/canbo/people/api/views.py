from django.db.models import Prefetch
from rest_framework import viewsets

from canbo.careers.api.serializers import ASSIGNMENT_RELATED
from canbo.careers.models import Assignment
from canbo.core.converters import IdConverter

from ..filtersets import CadreFilterSet
from ..models import Cadre
from .serializers import CADRE_RELATED, CadreDetailSerializer, CadreSerializer


class CadreViewSet(viewsets.ReadOnlyModelViewSet):
    """Cadres in scope, in Vietnamese name order; the detail adds work history, training and awards."""

    lookup_value_regex = IdConverter.regex

    queryset = Cadre.objects.none()
    serializer_class = CadreSerializer
    filterset_class = CadreFilterSet

    def get_serializer_class(self):
        return CadreDetailSerializer if self.action == "retrieve" else CadreSerializer

    def get_queryset(self):
        queryset = Cadre.objects.restrict(self.request.user).select_related(*CADRE_RELATED)
        if self.action == "retrieve":
            # The whole history of a cadre in scope is shown, wherever the earlier posts were.
            queryset = queryset.prefetch_related(
                Prefetch(
                    "assignments",
                    queryset=Assignment.objects.select_related(*ASSIGNMENT_RELATED).order_by(
                        "start_date", "pk"
                    ),
                ),
                "trainings",
                "awards",
            )
        return queryset
