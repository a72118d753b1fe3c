import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from canbo.organizations.models import OrgUnit, Position, Title


class OrgUnitTable(tables.Table):
    name = tables.Column(linkify=True, verbose_name=_("Name"))
    code = tables.Column(verbose_name=_("Code"))
    kind = tables.Column(verbose_name=_("Kind"))
    parent = tables.Column(linkify=True, verbose_name=_("Parent"))
    valid_from = tables.DateColumn(format="d/m/Y", verbose_name=_("Valid from"))
    valid_to = tables.DateColumn(format="d/m/Y", verbose_name=_("Valid to"))

    class Meta:
        model = OrgUnit
        fields = ()
        sequence = ("name", "code", "kind", "parent", "valid_from", "valid_to")
        attrs = {"class": "table", "id": "orgunit-table"}


class TitleTable(tables.Table):
    name = tables.Column(verbose_name=_("Name"))
    code = tables.Column(verbose_name=_("Code"))
    level = tables.Column(verbose_name=_("Level"))
    group = tables.Column(verbose_name=_("Group"))
    is_key = tables.BooleanColumn(verbose_name=_("Key post"))
    is_head = tables.BooleanColumn(verbose_name=_("Head of unit"))
    non_local = tables.BooleanColumn(verbose_name=_("Non-local rule"))
    positions = tables.Column(accessor="position_count", verbose_name=_("Positions"), orderable=True)

    class Meta:
        model = Title
        fields = ()
        sequence = ("name", "code", "level", "group", "is_key", "is_head", "non_local", "positions")
        attrs = {"class": "table", "id": "title-table"}


class PositionTable(tables.Table):
    title = tables.Column(accessor="title__name", verbose_name=_("Title"))
    unit = tables.Column(
        linkify=lambda record: record.unit.get_absolute_url(), accessor="unit__name", verbose_name=_("Unit")
    )
    seats = tables.Column(verbose_name=_("Seats"))
    held = tables.Column(verbose_name=_("Held"), orderable=True)
    vacant = tables.Column(empty_values=(), verbose_name=_("Vacant"), orderable=False)

    class Meta:
        model = Position
        fields = ()
        sequence = ("title", "unit", "seats", "held", "vacant")
        attrs = {"class": "table", "id": "position-table"}

    def render_vacant(self, record):
        return max(record.seats - record.held, 0)
