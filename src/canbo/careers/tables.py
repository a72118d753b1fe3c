import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from canbo.careers.models import Assignment


class AssignmentTable(tables.Table):
    cadre = tables.Column(
        linkify=lambda record: record.cadre.get_absolute_url(),
        accessor="cadre__full_name",
        verbose_name=_("Cadre"),
        orderable=False,
    )
    title = tables.Column(accessor="position__title__name", verbose_name=_("Title"), orderable=False)
    unit = tables.Column(
        linkify=lambda record: record.position.unit.get_absolute_url(),
        accessor="position__unit__name",
        verbose_name=_("Unit"),
        orderable=False,
    )
    start_date = tables.DateColumn(format="d/m/Y", verbose_name=_("Start date"))
    end_date = tables.DateColumn(format="d/m/Y", verbose_name=_("End date"))
    action = tables.Column(verbose_name=_("Action"))
    decision = tables.Column(accessor="decision__number", verbose_name=_("Decision"), orderable=False)

    class Meta:
        model = Assignment
        fields = ()
        sequence = ("cadre", "title", "unit", "start_date", "end_date", "action", "decision")
        attrs = {"class": "table", "id": "assignment-table"}
