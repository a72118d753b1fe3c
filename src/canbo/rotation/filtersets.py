"""Filters over rotation rounds, shared by the web UI and the API."""

import django_filters as filters
from django.utils.translation import gettext_lazy as _

from canbo.organizations.filtersets import subtree_filter

from .models import RotationRound, RoundStatus


class RotationRoundFilterSet(filters.FilterSet):
    name = filters.CharFilter(label=_("Name"), lookup_expr="icontains")
    body = subtree_filter(_("Body"), "body__path")
    status = filters.MultipleChoiceFilter(label=_("Status"), choices=RoundStatus.choices)

    class Meta:
        model = RotationRound
        fields = ["name", "body", "status"]
