"""Filters over cadres, shared by the cadre list page and the API."""

import datetime as dt

import django_filters as filters
from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field

from canbo.core.converters import IdModelChoiceFilter
from canbo.core.filters import YesNoFilter
from canbo.core.pagination import page_ordering
from canbo.organizations.filtersets import current_scoped_units, search_folded, unit_picker
from canbo.organizations.models import Title

from .models import Cadre, Degree, Ethnicity, Gender, PoliticalTheory
from .word_index import first_matches_by_words

DEFAULT_YOUNG_AGE = 42
# Up to this many matches a search is "selective" and resolved by id (see CadreFilterSet.filter_q).
SELECTIVE_SEARCH = 1_000
# A filtered set of up to this many cadres (a commune's) is searched by reading it, not through the index.
READ_THROUGH = 5_000
# A search of the whole register reads this many names in name order from the index before it turns to the
# trigram index for the rest (see first_matches_by_name).
NAME_WALK = 20_000


def young_age() -> int:
    return getattr(settings, "CANBO_YOUNG_AGE", DEFAULT_YOUNG_AGE)


def born_before_age(today: dt.date, years: int) -> dt.date:
    """The last birth date of someone who is at least `years` old on `today`."""
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February: those born on 1 March are not that old yet
        return today.replace(year=today.year - years, day=28)


def age_range(today: dt.date, low: int | None, high: int | None) -> Q:
    """Birth dates of people aged at least `low` and under `high`, as a range on the indexed birth_date."""
    condition = Q()
    if low is not None:
        condition &= Q(birth_date__lte=born_before_age(today, low))
    if high is not None:
        condition &= Q(birth_date__gt=born_before_age(today, high))
    return condition


AGE_BANDS = {
    "under_30": (None, 30),
    "30_39": (30, 40),
    "40_49": (40, 50),
    "50_59": (50, 60),
    "60_plus": (60, None),
}
AGE_BAND_CHOICES = [
    ("under_30", _("Under 30")),
    ("30_39", _("30 to 39")),
    ("40_49", _("40 to 49")),
    ("50_59", _("50 to 59")),
    ("60_plus", _("60 and over")),
    ("young", _("Young cadres")),
]


def name_walk_boundary(queryset):
    """(sort_key, pk) of the NAME_WALK-th cadre in name order, or None for a smaller register.

    Cached: any boundary splits the matches correctly, a stale one only unevenly.
    """
    key = "people:name-walk-boundary"
    boundary = cache.get(key, "unset")
    if boundary == "unset":
        row = queryset.order_by("sort_key", "pk").values_list("sort_key", "pk")[NAME_WALK - 1 : NAME_WALK]
        boundary = row[0] if row else None
        cache.set(key, boundary, 600)
    return boundary


def first_matches_by_name(queryset, value: str, limit: int) -> list[int]:
    """Ids of the first `limit` cadres of the whole register matching `value`, in name order.

    PostgreSQL reads them from the word index (see canbo.people.word_index); elsewhere, or for a search the
    word index cannot read in order (only codes), the name order is walked (first_matches_by_walking).
    """
    found = first_matches_by_words(value, limit, using=queryset.db)
    return first_matches_by_walking(queryset, value, limit) if found is None else found


def first_matches_by_walking(queryset, value: str, limit: int) -> list[int]:
    """first_matches_by_name without the word index.

    Names sort given name first, so the matches of a given name lie together, often far down the order,
    while those of a family or middle name ("nguyen van") are spread through it. Left to choose, the
    planner walked the name order to a late given name ("Sỹ") through the table's rows: 1.2 s at 500,000
    cadres. Here the first NAME_WALK names are walked in the covering name-order index, without the
    table (a common word fills the result there), and only the matches after them are collected and
    sorted, so neither step reads more than its bound or the matches themselves.
    """
    order = ("sort_key", "pk")
    # COALESCE(x, x) keeps the trigram index out of the walk, which must follow the name order.
    head = search_folded(
        queryset.alias(search_unindexed=Coalesce("search_text", "search_text")), "search_unindexed", value
    )
    boundary = name_walk_boundary(queryset)
    if boundary is None:
        return list(head.order_by(*order).values_list("pk", flat=True)[:limit])
    key, pk = boundary
    within = Q(sort_key__lte=key) & ~Q(sort_key=key, pk__gt=pk)
    found = list(head.filter(within).order_by(*order).values_list("pk", flat=True)[:limit])
    if len(found) < limit:
        rest = search_folded(queryset, "search_text", value).exclude(within)
        rest = rest.order_by(*page_ordering(rest, unindexed=True))
        found += rest.values_list("pk", flat=True)[: limit - len(found)]
    return found


class CadreFilterSet(filters.FilterSet):
    q = filters.CharFilter(label=_("Search"), method="filter_q")
    # The OpenAPI type is spelled out as "unit" is no field of Cadre.
    unit = extend_schema_field(
        {"type": "integer", "description": "Id of a unit: cadres posted in its subtree or managed by it."}
    )(
        IdModelChoiceFilter(
            label=_("Unit"), queryset=current_scoped_units, method="filter_unit", widget=unit_picker()
        )
    )
    managed_by = IdModelChoiceFilter(
        label=_("Managed by"), queryset=current_scoped_units, widget=unit_picker()
    )
    title = IdModelChoiceFilter(
        label=_("Title"), field_name="current_position__title", queryset=Title.objects.all()
    )
    gender = filters.ChoiceFilter(label=_("Gender"), choices=Gender.choices)
    age_band = filters.ChoiceFilter(label=_("Age"), choices=AGE_BAND_CHOICES, method="filter_age_band")
    ethnicity = IdModelChoiceFilter(label=_("Ethnicity"), queryset=Ethnicity.objects.all())
    minority = YesNoFilter(label=_("Ethnic minority"), field_name="ethnicity__is_minority")
    education = filters.ChoiceFilter(label=_("Highest professional degree"), choices=Degree.choices)
    political_theory = filters.ChoiceFilter(label=_("Political theory"), choices=PoliticalTheory.choices)
    party_member = YesNoFilter(label=_("Party member"), method="filter_party_member")
    no_post = YesNoFilter(label=_("Without a post"), field_name="current_position", lookup_expr="isnull")

    class Meta:
        model = Cadre
        fields = [
            "q",
            "unit",
            "managed_by",
            "title",
            "gender",
            "age_band",
            "ethnicity",
            "minority",
            "education",
            "political_theory",
            "party_member",
            "no_post",
        ]

    #: Set by a search: how many rows it found, counting no further than count_cap + 1.
    known_count: int | None = None
    count_cap: int | None = None
    #: Set by a search: its first matches in name order (all of them within count_cap).
    leading_ids: list[int] | None = None

    def filter_queryset(self, queryset):
        # The search goes last, over the other filters' rows, so what it collects is the whole result.
        cleaned = dict(self.form.cleaned_data)
        search = cleaned.pop("q", None)
        for name, value in cleaned.items():
            queryset = self.filters[name].filter(queryset, value)
        return self.filters["q"].filter(queryset, search)

    def _in_name_order(self) -> bool:
        return self.data.get("sort", "") in ("", "full_name")

    def filter_q(self, queryset, name, value):
        if not queryset.query.where and self._in_name_order():
            return self._search_register(queryset, value)
        field, register = "search_text", None
        small = bool(queryset.query.where) and queryset.order_by()[: READ_THROUGH + 1].count() <= READ_THROUGH
        if small:
            # Reading a commune's few thousand rows costs less than intersecting them with the trigram
            # index's entries for a common word ("nguyen": a third of the table); COALESCE(x, x) keeps
            # the planner from choosing the index.
            queryset = queryset.alias(search_unindexed=Coalesce("search_text", "search_text"))
            field = "search_unindexed"
        else:
            register = first_matches_by_words(value, SELECTIVE_SEARCH + 1, using=queryset.db)
            if register is not None and len(register) <= SELECTIVE_SEARCH:
                # All the register's matches are known: those passing the filters are the result, in order.
                return self._result(queryset, self._passing(queryset, register))
        matching = search_folded(queryset, field, value)
        # Collect the matches in any order and hand over their ids in name order (see CappedPaginator).
        found = list(matching.order_by().values_list("sort_key", "pk")[: SELECTIVE_SEARCH + 1])
        if len(found) > SELECTIVE_SEARCH:
            self.known_count, self.count_cap = len(found), SELECTIVE_SEARCH
            if not small and self._in_name_order():
                if register is None:
                    register = first_matches_by_walking(Cadre.objects.all(), value, SELECTIVE_SEARCH + 1)
                self.leading_ids = self._passing(queryset, register)
            return matching
        # Sorted here (the sort key is plain bytes, which every collation orders alike): a page in name
        # order needs no query to sort them.
        return self._result(queryset, [pk for _key, pk in sorted(found)])

    def _result(self, queryset, ids: list[int]):
        self.known_count, self.count_cap, self.leading_ids = len(ids), SELECTIVE_SEARCH, ids
        return queryset.filter(pk__in=ids) if ids else queryset.none()

    @staticmethod
    def _passing(queryset, first: list[int]) -> list[int]:
        """Of the register's first matches in name order, those in the filtered or scoped set.

        With more than SELECTIVE_SEARCH matches, left to the planner, the name order was walked to a late
        given name through the table's rows ("Sỹ" among men: 1.4 s at 500,000 cadres). The register's first
        matches kept where they pass the filters and the scope are a prefix of the filtered order, as all
        matches before the last one kept were looked at. With more than a thousand matches after filtering,
        the filters keep enough of them for the first pages unless they are narrow (under one in twenty),
        which with that many matches means a very common word; a page past the prefix is the database's walk.
        """
        # They all match the search: only the filters are checked, by id (with the search's conditions
        # too, the planner went through the trigram index instead: 20 ms for the thousand).
        kept = set(queryset.filter(pk__in=first).order_by().values_list("pk", flat=True))
        return [pk for pk in first if pk in kept]

    def _search_register(self, queryset, value):
        found = first_matches_by_name(queryset, value, SELECTIVE_SEARCH + 1)
        # A page in name order takes its ids from these; the API and exports want every match.
        self.known_count, self.count_cap, self.leading_ids = len(found), SELECTIVE_SEARCH, found
        if len(found) > SELECTIVE_SEARCH:
            return search_folded(queryset, "search_text", value)
        return queryset.filter(pk__in=found) if found else queryset.none()

    def filter_unit(self, queryset, name, unit):
        # Cadres who work in the subtree now, and cadres whose file a body of the subtree keeps.
        return queryset.filter(Cadre.objects.scope_filter([unit.path]))

    def filter_age_band(self, queryset, name, value):
        low, high = (None, young_age()) if value == "young" else AGE_BANDS[value]
        return queryset.filter(age_range(timezone.localdate(), low, high))

    def filter_party_member(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(party_join_date__isnull=not value)
