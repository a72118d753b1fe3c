"""Pagination for large lists: a capped count, and small results sorted rather than walked."""

from django.core.paginator import Paginator
from django.db.models import F, OrderBy
from django.db.models.functions import Coalesce
from django.utils.functional import cached_property


def page_ordering(queryset, unindexed: bool) -> list:
    """The queryset's order, ending with the primary key so that pages never share or skip a row.

    `unindexed` writes each field as COALESCE(x, x): the same order, which no index can serve, so PostgreSQL
    sorts the rows that match instead of walking a sort index and discarding the rows outside the filter;
    for a commune's few thousand cadres among half a million that walk read the whole index (1.2-1.6 s for
    a deep page).
    """
    query = queryset.query
    ordering = query.order_by or (queryset.model._meta.ordering if query.default_ordering else ())
    written = []
    for item in ordering:
        if isinstance(item, str) and unindexed:
            if item == "?":
                continue
            name = item.lstrip("-")
            item = OrderBy(Coalesce(F(name), F(name)), descending=item.startswith("-"))
        written.append(item)
    return [*written, "pk"]


class CappedPaginator(Paginator):
    """Counts at most COUNT_CAP + 1 rows: counting half a million cadres for a page of fifty costs more than
    the page. Past the cap the page says "more than 10,000" and offers the first 200 pages.

    A page is found as ids first, then its rows by id: sorting narrow rows costs less than joining every
    match to its post, unit and title before sorting. Within the cap the count is exact and the matches are
    few, so their ids are sorted rather than walked (see page_ordering).
    """

    COUNT_CAP = 10_000

    def __init__(
        self,
        *args,
        count_cap: int | None = None,
        known_count: int | None = None,
        leading_ids: list | None = None,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        if count_cap is not None:
            self.COUNT_CAP = count_cap
        # A filter that has already seen every match (or more than the cap) says so: no second count.
        if known_count is not None:
            self.count = min(known_count, self.COUNT_CAP + 1)
        # ... and may have found the first rows in the default order (see CadreFilterSet._search_register).
        self.leading_ids = leading_ids

    @property
    def queryset(self):
        # django-tables2 hands over its rows; the queryset under them is what to count and sort.
        data = getattr(getattr(self.object_list, "data", None), "data", self.object_list)
        return data if hasattr(data, "query") else None

    @cached_property
    def count(self):
        if self.queryset is None:
            return len(self.object_list)
        # Without ORDER BY: sorting rows only to count them would walk the whole sort index.
        return self.queryset.order_by()[: self.COUNT_CAP + 1].count()

    @property
    def capped(self) -> bool:
        return self.count > self.COUNT_CAP

    @cached_property
    def num_pages(self):
        # Past the cap the pages stop at it: "more than 1,000" offers twenty pages of fifty, not twenty-one.
        if self.capped:
            return -(-self.COUNT_CAP // self.per_page)
        return super().num_pages

    def _in_default_order(self, queryset) -> bool:
        query = queryset.query
        ordering = query.order_by or (queryset.model._meta.ordering if query.default_ordering else ())
        return list(ordering) == list(queryset.model._meta.ordering)

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        # Past the cap the count stops there, not at the rows: a page is never cut short at it.
        if not self.capped and top + self.orphans >= self.count:
            top = self.count
        rows = self.object_list[bottom:top]
        queryset = self.queryset
        if queryset is not None:
            leading = self.leading_ids
            if leading is not None and top <= len(leading) and self._in_default_order(queryset):
                ids = leading[bottom:top]
            else:
                ordering = page_ordering(queryset, unindexed=not self.capped)
                ids = list(queryset.order_by(*ordering).values_list("pk", flat=True)[bottom:top])
            # The ids passed the filters (scope included); repeating them beside the ids only misleads the
            # planner's estimate of the rows, and so its choice of joins.
            by_id = queryset.all()
            by_id.query.clear_where()
            found = by_id.in_bulk(ids)
            records = [found[pk] for pk in ids]
            if hasattr(rows, "data"):  # django-tables2's rows around the records
                rows.data = records
            else:
                rows = records
        return self._get_page(rows, number, self)
