import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from .models import RotationRound


class RotationRoundTable(tables.Table):
    name = tables.Column(linkify=True, verbose_name=_("Round"))
    body = tables.Column(accessor="body__name", verbose_name=_("Body"), orderable=False)
    date = tables.DateColumn(format="d/m/Y", verbose_name=_("Date"))
    status = tables.Column(verbose_name=_("Status"))
    best_total = tables.Column(verbose_name=_("Total score"))
    parent = tables.Column(accessor="parent__name", verbose_name=_("Copied from"), orderable=False)

    class Meta:
        model = RotationRound
        fields = ()
        sequence = ("name", "body", "date", "status", "best_total", "parent")
        attrs = {"class": "table", "id": "round-table"}
