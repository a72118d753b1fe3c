import django_tables2 as tables
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from canbo.evaluation.models import Evaluation


class EvaluationTable(tables.Table):
    subject = tables.Column(
        linkify=lambda record: record.get_absolute_url(),
        accessor="pk",
        verbose_name=_("Subject"),
        orderable=False,
    )
    kind = tables.Column(verbose_name=_("Subject kind"))
    year = tables.Column(verbose_name=_("Year"))
    quarter = tables.Column(verbose_name=_("Quarter"), default="—")
    unit = tables.Column(accessor="unit__name", verbose_name=_("Unit"), orderable=False)
    task_group = tables.Column(verbose_name=_("Task group"))
    score = tables.Column(verbose_name=_("Score"), default="—")
    grade = tables.Column(verbose_name=pgettext_lazy("evaluation", "Level"), default="—")
    status = tables.Column(verbose_name=_("Status"))

    class Meta:
        model = Evaluation
        fields = ()
        sequence = ("subject", "kind", "year", "quarter", "unit", "task_group", "score", "grade", "status")
        attrs = {"class": "table", "id": "evaluation-table"}

    def render_subject(self, record):
        return record.subject_name

    def render_grade(self, record):
        return record.grade_label
