"""Access scope as one queryset filter.

Each model's queryset knows which of its rows a unit subtree covers (`scope_filter`). `restrict(user)` asks
the user's memberships once for the subtrees they may see and ORs the filters together: one SQL condition,
never a check per row.
"""

from django.db import models
from django.db.models import Q


class RestrictedQuerySet(models.QuerySet):
    #: Lookup from this model to OrgUnit.path; subclasses set it ("path", "unit__path", ...).
    scope_path_lookups: tuple[str, ...] = ()

    def scope_filter(self, paths: list[str]) -> Q:
        """Rows whose unit lies in one of the subtrees at `paths`.

        Related units are matched by id against one subquery of the subtrees' units rather than by joining
        on their paths, so PostgreSQL can use the foreign-key indexes (for a commune's few hundred cadres
        among half a million) instead of scanning the whole table.
        """
        from django.apps import apps

        within = Q(pk__in=[])
        for path in paths:
            within |= Q(path__startswith=path)
        units = _ids(apps.get_model("organizations", "OrgUnit").objects.filter(within))
        condition = Q(pk__in=[])
        for lookup in self.scope_path_lookups:
            if lookup == "path":
                condition |= within
            else:
                condition |= _related_in(self.model, lookup.removesuffix("__path").split("__"), units)
        return condition

    def restrict(self, user, action: str = "view"):
        from canbo.accounts.selectors import scope_paths_for

        if user is None or not user.is_authenticated:
            return self.none()
        paths = scope_paths_for(user, action)
        if paths is None:  # unrestricted (superuser)
            return self
        if not paths:
            return self.none()
        # The condition holds the ids of the user's units: built once per request (the user object lives
        # for one request) and reused by every queryset of this model.
        cache = user.__dict__.setdefault("_canbo_scope_filters", {})
        key = (self.model, action)
        if key not in cache:
            cache[key] = self.scope_filter(paths)
        return self.filter(cache[key])


def _related_in(model, relations: list[str], units) -> Q:
    """`relations[0]__in` a subquery reaching `units` through the remaining relations."""
    first, rest = relations[0], relations[1:]
    if not rest:
        return Q(**{f"{first}__in": units})
    related = model._meta.get_field(first).related_model
    inner = _ids(related._default_manager.filter(_related_in(related, rest, units)))
    return Q(**{f"{first}__in": inner})


# A scope of a few hundred units is sent as a list of ids: `fk IN (1, 2, 3) OR fk2 IN (...)` lets PostgreSQL
# combine index scans, which it cannot do with an OR of two subqueries. Larger scopes stay subqueries.
LISTED_IDS = 2000


def _ids(queryset):
    ids = list(queryset.order_by().values_list("pk", flat=True)[: LISTED_IDS + 1])
    return ids if len(ids) <= LISTED_IDS else queryset.order_by().values("pk")
