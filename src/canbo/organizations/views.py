import datetime as dt

from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.dateparse import parse_date

from canbo.accounts.selectors import ACTION_ROLES
from canbo.careers.models import Assignment
from canbo.core.text import fold, vietnamese_key
from canbo.core.views.generic import ObjectListView, ObjectView
from canbo.organizations import selectors
from canbo.organizations.filtersets import OrgUnitFilterSet, PositionFilterSet, TitleFilterSet
from canbo.organizations.models import OrgUnit, Position, Title
from canbo.organizations.models.units import TERRITORIAL_KINDS
from canbo.organizations.tables import OrgUnitTable, PositionTable, TitleTable


def _as_of(request) -> dt.date | None:
    return parse_date(request.GET.get("as_of") or "")


def orgunit_tree(request):
    """The organization browser: top of the user's scope, children loaded on demand (htmx)."""
    day = _as_of(request)
    scope = OrgUnit.objects.restrict(request.user)
    depth = min_depth(scope)
    if day:
        roots = selectors.units_as_of(day, scope).filter(depth=depth)
    else:
        roots = scope.current().filter(depth=depth).annotate(child_count=Count("children"))
    roots = list(roots)
    # One body at the top (a province's board, a commune's): open it, that is where the user works.
    context = {"roots": roots, "as_of": day, "today": timezone.localdate(), "single_root": len(roots) == 1}
    return render(request, "organizations/orgunit_tree.html", context)


def min_depth(scope) -> int:
    return scope.order_by("depth").values_list("depth", flat=True).first() or 0


def orgunit_children(request, pk):
    day = _as_of(request)
    scope = OrgUnit.objects.restrict(request.user)
    unit = get_object_or_404(scope, pk=pk)
    if day:
        children = selectors.children_as_of(unit, day)
    else:
        children = scope.current().filter(parent=unit).annotate(child_count=Count("children"))
    # A few hundred siblings at most: ordered here, the Vietnamese way, whatever the database collation.
    children = sorted(children, key=lambda u: (u.kind, vietnamese_key(u.name)))
    return render(request, "organizations/partials/tree_children.html", {"children": children, "as_of": day})


def orgunit_autocomplete(request):
    """Matches for an autocomplete box: any GET value is the query; `kind` and `scope` narrow it."""
    params = request.GET.copy()
    kinds = [k for k in params.pop("kind", [""])[0].split(",") if k]
    action = params.pop("scope", [None])[0]
    if action is not None and action not in ACTION_ROLES:
        raise Http404
    query = fold(next(iter(params.values()), ""))
    units = OrgUnit.objects.current()
    # The public map of provinces and communes (hometowns) is open to all; bodies only within scope.
    if action or not kinds or not set(kinds) <= TERRITORIAL_KINDS:
        units = units.restrict(request.user, action or "view")
    if kinds:
        units = units.filter(kind__in=kinds)
    for word in query.split():
        units = units.filter(search_text__contains=word)
    units = units.select_related("parent").order_by("depth", "name")[:20] if query else []
    return render(request, "organizations/partials/autocomplete.html", {"units": units})


class OrgUnitView(ObjectView):
    queryset = OrgUnit.objects.all()
    template_name = "organizations/orgunit.html"

    def get_extra_context(self, request, instance):
        today = timezone.localdate()
        holders = Assignment.objects.on(today).select_related("cadre").order_by("seat")
        positions = (
            instance.positions.current()
            .select_related("title")
            .prefetch_related(Prefetch("assignments", queryset=holders, to_attr="holders"))
            .order_by("title__rank", "title__name")
        )
        for position in positions:
            position.vacant_seats = range(position.seats - len(position.holders))
        children = (
            instance.children.current()
            .annotate(
                child_count=Count("children"),
                position_count=Count("positions", filter=Q(positions__valid_to=None)),
            )
            .order_by("kind", "name")
        )
        return {
            "title": instance.name,
            "ancestors": selectors.ancestors(instance),
            "positions": positions,
            "children": children,
            "versions": instance.versions.select_related("parent").order_by("valid_from"),
            "events": selectors.restructuring_history(instance),
            "today": today,
        }


class OrgUnitListView(ObjectListView):
    queryset = OrgUnit.objects.select_related("parent")
    filterset = OrgUnitFilterSet
    table = OrgUnitTable


class TitleListView(ObjectListView):
    # Titles are a catalogue shared by every body; scope does not narrow them.
    queryset = Title.objects.annotate(position_count=Count("positions"))
    filterset = TitleFilterSet
    table = TitleTable

    def get_queryset(self, request):
        return self.queryset.all()


class PositionListView(ObjectListView):
    queryset = Position.objects.select_related("title", "unit")
    filterset = PositionFilterSet
    table = PositionTable

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .current()
            .annotate(held=Count("assignments", filter=Q(assignments__end_date__isnull=True)))
        )
