import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from canbo.core.templatetags.canbo import age
from canbo.people.models import Cadre


class CadreTable(tables.Table):
    full_name = tables.Column(linkify=True, verbose_name=_("Full name"), order_by=("sort_key", "id"))
    code = tables.Column(verbose_name=_("Code"))
    gender = tables.Column(verbose_name=_("Gender"))
    birth_date = tables.DateColumn(format="d/m/Y", verbose_name=_("Date of birth"))
    age = tables.Column(empty_values=(), orderable=False, verbose_name=_("Age"))
    current_post = tables.Column(
        accessor="current_position__title__name", verbose_name=_("Current post"), orderable=False
    )
    current_unit = tables.Column(
        accessor="current_position__unit__name", verbose_name=_("Unit"), orderable=False
    )
    ethnicity = tables.Column(verbose_name=_("Ethnicity"), orderable=False)
    education = tables.Column(verbose_name=_("Degree"))
    political_theory = tables.Column(verbose_name=_("Political theory"))

    class Meta:
        model = Cadre
        fields = ()
        sequence = (
            "full_name",
            "code",
            "gender",
            "birth_date",
            "age",
            "current_post",
            "current_unit",
            "ethnicity",
            "education",
            "political_theory",
        )
        attrs = {"class": "table", "id": "cadre-table"}
        template_name = "people/cadre_table.html"

    def render_age(self, record):
        return age(record.birth_date)
