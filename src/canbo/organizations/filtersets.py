"""Filters over units, titles and positions, shared by the web UI and the API."""

import django_filters as filters
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field

from canbo.core.converters import IdModelChoiceFilter
from canbo.core.filters import YesNoFilter
from canbo.core.forms.widgets import AutocompleteWidget
from canbo.core.text import fold

from .models import OrgUnit, OrgUnitKind, Position, Title, TitleGroup, TitleLevel

SHORTEST_INNER_MATCH = 3


def search_folded(queryset, field: str, value: str):
    """Keep rows whose folded `field` contains every word of the folded query, in any order.

    A match of the whole phrase implies a match of each word, so the per-word AND covers both
    "nguyen van giap" and "giap nguyen"; each contains can use the trigram index on PostgreSQL.
    A word shorter than a trigram ("sy", "ng") matches the start of a word: inside words it would match
    nearly every row, and no trigram index can serve it, while a word's start can ("% sy%").
    """
    for word in fold(value).split():
        if len(word) < SHORTEST_INNER_MATCH:
            queryset = queryset.filter(
                Q(**{f"{field}__startswith": word}) | Q(**{f"{field}__contains": f" {word}"})
            )
        else:
            queryset = queryset.filter(**{f"{field}__contains": word})
    return queryset


def scoped_units(request):
    """Units the requesting user may see, for the choices of a unit filter."""
    # Built outside a request (scripts, tests): the queryset being filtered is scoped already.
    if request is None:
        return OrgUnit.objects.all()
    return OrgUnit.objects.restrict(request.user)


def current_scoped_units(request):
    return scoped_units(request).current()


def within_subtree(lookup: str):
    """A filter method keeping rows whose unit (reached by `lookup`) lies in the chosen unit's subtree."""

    def method(queryset, name, unit):
        if not unit:
            return queryset
        return queryset.filter(**{f"{lookup}__startswith": unit.path})

    return method


def unit_picker() -> AutocompleteWidget:
    # Thousands of units never go into the page: the box asks for matches within the user's scope.
    return AutocompleteWidget("organizations:orgunit_autocomplete", OrgUnit, "scope=view")


SUBTREE_SCHEMA = {"type": "integer", "description": "Id of a unit: keeps what lies in its subtree."}


def subtree_filter(label, lookup: str, queryset=scoped_units):
    """A unit-id filter over the unit's subtree, its OpenAPI type spelled out (the name is no field)."""
    return extend_schema_field(SUBTREE_SCHEMA)(
        IdModelChoiceFilter(
            label=label, queryset=queryset, method=within_subtree(lookup), widget=unit_picker()
        )
    )


def open_assignment_count():
    from canbo.careers.models import Assignment

    held = (
        Assignment.objects.filter(position=OuterRef("pk"), end_date__isnull=True)
        .order_by()
        .values("position")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(held), 0)


def with_open_assignments(queryset):
    """Annotate `open_assignments` (seats taken now) with one subquery, never a query per row."""
    if "open_assignments" in queryset.query.annotations:
        return queryset
    return queryset.annotate(open_assignments=open_assignment_count())


class OrgUnitFilterSet(filters.FilterSet):
    q = filters.CharFilter(label=_("Search"), method="filter_q")
    kind = filters.MultipleChoiceFilter(label=_("Kind"), choices=OrgUnitKind.choices)
    parent = IdModelChoiceFilter(label=_("Parent"), queryset=scoped_units, widget=unit_picker())
    within = subtree_filter(_("Within"), "path")
    as_of = filters.DateFilter(label=_("Existing on"), method="filter_as_of")
    current = YesNoFilter(label=_("Still exists"), method="filter_current")

    class Meta:
        model = OrgUnit
        fields = ["q", "kind", "parent", "within", "as_of", "current"]

    def filter_q(self, queryset, name, value):
        return search_folded(queryset, "search_text", value)

    def filter_as_of(self, queryset, name, value):
        return queryset.as_of(value) if value else queryset

    def filter_current(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(valid_to__isnull=value)


class TitleFilterSet(filters.FilterSet):
    q = filters.CharFilter(label=_("Search"), method="filter_q")
    level = filters.ChoiceFilter(label=_("Level"), choices=TitleLevel.choices)
    group = filters.ChoiceFilter(label=_("Group"), choices=TitleGroup.choices)
    is_key = YesNoFilter(label=_("Key post"))

    class Meta:
        model = Title
        fields = ["q", "level", "group", "is_key"]

    def filter_q(self, queryset, name, value):
        words = fold(value).split()
        if not words:
            return queryset
        # Titles have no folded column; the catalogue is a few hundred rows, so fold them here in one query.
        rows = queryset.order_by().values_list("pk", "code", "name", "name_en")
        matching = [pk for pk, *texts in rows if all(word in fold(" ".join(texts)) for word in words)]
        return queryset.filter(pk__in=matching)


class PositionFilterSet(filters.FilterSet):
    unit = subtree_filter(_("Unit"), "unit__path", queryset=current_scoped_units)
    title = IdModelChoiceFilter(label=_("Title"), queryset=Title.objects.all())
    level = filters.ChoiceFilter(label=_("Level"), field_name="title__level", choices=TitleLevel.choices)
    key = YesNoFilter(label=_("Key post"), field_name="title__is_key")
    vacant = YesNoFilter(label=_("Vacant"), method="filter_vacant")

    class Meta:
        model = Position
        fields = ["unit", "title", "level", "key", "vacant"]

    def filter_vacant(self, queryset, name, value):
        if value is None:
            return queryset
        # A current position with fewer open assignments than seats has a seat to fill.
        vacant = Q(valid_to__isnull=True, open_assignments__lt=F("seats"))
        queryset = with_open_assignments(queryset)
        return queryset.filter(vacant) if value else queryset.exclude(vacant)
