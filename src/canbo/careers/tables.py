import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from canbo.careers.models import Assignment, PersonnelAction


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


class PersonnelActionTable(tables.Table):
    kind = tables.Column(linkify=True, verbose_name=_("Action"))
    cadre = tables.Column(
        linkify=lambda record: record.cadre.get_absolute_url(),
        accessor="cadre__full_name",
        verbose_name=_("Cadre"),
        orderable=False,
    )
    title = tables.Column(accessor="title__name", verbose_name=_("Title"), orderable=False)
    unit = tables.Column(accessor="unit__name", verbose_name=_("Unit"), orderable=False)
    date = tables.DateColumn(format="d/m/Y", verbose_name=_("Effective date"))
    status = tables.Column(verbose_name=_("Status"))
    eligible = tables.BooleanColumn(accessor="last_check__eligible", verbose_name=_("Rules"), orderable=False)

    class Meta:
        model = PersonnelAction
        fields = ()
        sequence = ("kind", "cadre", "title", "unit", "date", "status", "eligible")
        attrs = {"class": "table", "id": "action-table"}
