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
        condition = Q(pk__in=[])
        for lookup in self.scope_path_lookups:
            for path in paths:
                condition |= Q(**{f"{lookup}__startswith": path})
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
        return self.filter(self.scope_filter(paths))
