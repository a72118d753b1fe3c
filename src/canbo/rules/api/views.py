from django.http import Http404
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import PermissionDenied
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.views import APIView

from canbo.accounts.selectors import can
from canbo.organizations.models import OrgUnit, Position, Title
from canbo.people.models import Cadre

from ..engine import Proposal
from ..models import CheckSource
from ..reports import eligibility_data, language
from ..selectors import eligibility, target_position
from ..services import check_cadre
from .serializers import (
    CheckQuerySerializer,
    EligibilitySerializer,
    RulesEvaluationSerializer,
    TargetQuerySerializer,
)

# The rules read family and discipline records: only those allowed to see them may run them, over the
# cadres and units where they may.
SCOPE = "view_sensitive"


def _cadres(user):
    if not can(user, SCOPE):
        raise PermissionDenied
    return Cadre.objects.restrict(user, SCOPE)


def _position_and_proposal(request, query) -> tuple[Position, Proposal]:
    unit = OrgUnit.objects.restrict(request.user, SCOPE).filter(code=query["unit"]).first()
    title = Title.objects.filter(code=query["title"]).first()
    day = query.get("as_of") or timezone.localdate()
    position = target_position(unit, title, day) if unit and title else None
    if position is None:
        raise Http404
    return position, Proposal(query["action"], day, planned_return=query.get("planned_return"))


class CheckView(APIView):
    """Every rule for one cadre and one post, with reasons and facts; the check is recorded."""

    @extend_schema(parameters=[CheckQuerySerializer], responses=RulesEvaluationSerializer)
    def get(self, request):
        cadres = _cadres(request.user)
        query = CheckQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        cadre = cadres.filter(code=query.validated_data["cadre"]).first()
        if cadre is None:
            raise Http404
        position, proposal = _position_and_proposal(request, query.validated_data)
        evaluation, record = check_cadre(
            cadre=cadre, position=position, proposal=proposal, ran_by=request.user, source=CheckSource.API
        )
        return Response({"check": record.pk, **evaluation.to_dict(language())})


class EligibleView(APIView):
    """Every cadre in scope against one post, eligible first, a page at a time."""

    @extend_schema(
        parameters=[TargetQuerySerializer, OpenApiParameter("page", int, description="Page number.")],
        responses=EligibilitySerializer,
    )
    def get(self, request):
        cadres = _cadres(request.user)
        query = TargetQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        position, proposal = _position_and_proposal(request, query.validated_data)
        found = eligibility(cadres, position, proposal)
        paginator = PageNumberPagination()
        page = paginator.paginate_queryset(found.ranking.order, request, view=self)
        data = eligibility_data(found, [found.ranking.evaluation(int(i)) for i in page])
        return Response(
            {
                "count": paginator.page.paginator.count,
                "next": paginator.get_next_link(),
                "previous": paginator.get_previous_link(),
                **data,
            }
        )
