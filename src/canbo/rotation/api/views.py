from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from drf_spectacular.utils import extend_schema
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError as ApiValidationError
from rest_framework.response import Response

from canbo.core.converters import IdConverter

from .. import services
from ..filtersets import RotationRoundFilterSet
from ..models import RotationRound
from .serializers import RotationRoundSerializer, RoundResultSerializer


class RotationRoundViewSet(viewsets.ReadOnlyModelViewSet):
    """Rotation rounds of the bodies in the user's scope; `result` has the plan with its explanations and
    `solve` (POST) queues a solve and answers with the round."""

    lookup_value_regex = IdConverter.regex
    queryset = RotationRound.objects.none()
    serializer_class = RotationRoundSerializer
    filterset_class = RotationRoundFilterSet

    def get_queryset(self):
        return RotationRound.objects.restrict(self.request.user).select_related("body")

    @extend_schema(responses=RoundResultSerializer)
    @action(detail=True, methods=["get"])
    def result(self, request, pk=None):
        rnd = self.get_object()
        moves = rnd.moves.select_related("cadre", "position__unit", "position__title")
        data = {"round": rnd, "result": rnd.result, "hand_result": rnd.hand_result, "moves": moves}
        return Response(RoundResultSerializer(data).data)

    @extend_schema(request=None, responses={302: None})
    @action(detail=True, methods=["post"])
    def solve(self, request, pk=None):
        rnd = get_object_or_404(RotationRound.objects.restrict(request.user, "organize"), pk=pk)
        try:
            services.round_solve_start(rnd)
        except ValidationError as exc:
            raise ApiValidationError(exc.messages) from exc
        # The solve runs in the background: the round's own address tells its progress.
        return redirect("api:rotation:round-detail", pk=rnd.pk)
