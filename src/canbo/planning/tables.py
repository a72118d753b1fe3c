import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from .models import Course, Enrolment, PlanningEntry, PlanningTerm


class PlanningTermTable(tables.Table):
    name = tables.Column(
        linkify=lambda record: record.get_absolute_url(), accessor="start_year", verbose_name=_("Term")
    )
    body = tables.Column(accessor="body__name", verbose_name=_("Planning body"), orderable=False)
    vision_year = tables.Column(verbose_name=_("Vision year"))
    starts_on = tables.DateColumn(format="d/m/Y", verbose_name=_("Term starts on"))

    class Meta:
        model = PlanningTerm
        fields = ()
        sequence = ("name", "body", "vision_year", "starts_on")
        attrs = {"class": "table", "id": "term-table"}

    def render_name(self, record):
        return record.name


class PlanningEntryTable(tables.Table):
    cadre = tables.Column(
        linkify=lambda record: record.get_absolute_url(),
        accessor="cadre__full_name",
        verbose_name=_("Cadre"),
        orderable=False,
    )
    title = tables.Column(accessor="title__name", verbose_name=_("Title"), orderable=False)
    unit = tables.Column(accessor="unit__name", verbose_name=_("Unit"), orderable=False)
    term = tables.Column(accessor="term__start_year", verbose_name=_("Term"), orderable=False)
    status = tables.Column(verbose_name=_("Status"))
    added_on = tables.DateColumn(format="d/m/Y", verbose_name=_("Added on"))

    class Meta:
        model = PlanningEntry
        fields = ()
        sequence = ("cadre", "title", "unit", "term", "status", "added_on")
        attrs = {"class": "table", "id": "entry-table"}

    def render_term(self, record):
        return record.term.name


class CourseTable(tables.Table):
    name = tables.Column(linkify=lambda record: record.get_absolute_url(), verbose_name=_("Name"))
    kind = tables.Column(verbose_name=_("Kind"))
    level = tables.Column(accessor="level", verbose_name=_("Level obtained"), orderable=False)
    institution = tables.Column(verbose_name=_("Institution"))
    start_date = tables.DateColumn(format="d/m/Y", verbose_name=_("From"))
    end_date = tables.DateColumn(format="d/m/Y", verbose_name=_("To"))

    class Meta:
        model = Course
        fields = ()
        sequence = ("name", "kind", "level", "institution", "start_date", "end_date")
        attrs = {"class": "table", "id": "course-table"}

    def render_level(self, record):
        return record.level_label or record.field or "—"


class EnrolmentTable(tables.Table):
    cadre = tables.Column(
        linkify=lambda record: record.get_absolute_url(),
        accessor="cadre__full_name",
        verbose_name=_("Cadre"),
        orderable=False,
    )
    course = tables.Column(accessor="course__name", verbose_name=_("Course"), orderable=False)
    enrolled_on = tables.DateColumn(format="d/m/Y", verbose_name=_("Enrolled on"))
    status = tables.Column(verbose_name=_("Status"))
    completed_on = tables.DateColumn(format="d/m/Y", verbose_name=_("Completed on"))

    class Meta:
        model = Enrolment
        fields = ()
        sequence = ("cadre", "course", "enrolled_on", "status", "completed_on")
        attrs = {"class": "table", "id": "enrolment-table"}
