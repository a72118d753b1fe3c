from rest_framework import viewsets

from canbo.core.converters import IdConverter

from ..filtersets import OrgUnitFilterSet, PositionFilterSet, TitleFilterSet, with_open_assignments
from ..models import OrgUnit, Position, Title
from .serializers import OrgUnitSerializer, PositionSerializer, TitleSerializer


class OrgUnitViewSet(viewsets.ReadOnlyModelViewSet):
    """Organizational units in the user's scope, current and historical."""

    lookup_value_regex = IdConverter.regex

    queryset = OrgUnit.objects.none()
    serializer_class = OrgUnitSerializer
    filterset_class = OrgUnitFilterSet

    def get_queryset(self):
        return OrgUnit.objects.restrict(self.request.user).select_related("parent").order_by("path", "pk")


class TitleViewSet(viewsets.ReadOnlyModelViewSet):
    """The title catalogue."""

    lookup_value_regex = IdConverter.regex

    queryset = Title.objects.none()
    serializer_class = TitleSerializer
    filterset_class = TitleFilterSet

    def get_queryset(self):
        from canbo.accounts.selectors import can

        # Titles belong to no unit: the catalogue is open to anyone who may view some part of the tree.
        user = self.request.user
        if not (user.is_authenticated and can(user, "view")):
            return Title.objects.none()
        return Title.objects.order_by("level", "rank", "name", "pk")


class PositionViewSet(viewsets.ReadOnlyModelViewSet):
    """Positions (a title at a unit, with seats) in the user's scope."""

    lookup_value_regex = IdConverter.regex

    queryset = Position.objects.none()
    serializer_class = PositionSerializer
    filterset_class = PositionFilterSet

    def get_queryset(self):
        queryset = Position.objects.restrict(self.request.user).select_related("unit", "title")
        return with_open_assignments(queryset).order_by("unit__path", "title__rank", "pk")
