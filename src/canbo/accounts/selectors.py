from .models import Role

# Which roles allow which kind of access; a higher role includes the lower ones' rights.
ACTION_ROLES = {
    "view": {Role.VIEWER, Role.EDITOR, Role.ORGANIZER, Role.APPROVER, Role.ADMINISTRATOR},
    "change": {Role.EDITOR, Role.ADMINISTRATOR},
    # ID numbers, health, family and discipline: those who keep or decide on records, not mere viewers.
    "view_sensitive": {Role.EDITOR, Role.ORGANIZER, Role.APPROVER, Role.ADMINISTRATOR},
    "organize": {Role.ORGANIZER, Role.APPROVER, Role.ADMINISTRATOR},
    "approve": {Role.APPROVER, Role.ADMINISTRATOR},
    "administer": {Role.ADMINISTRATOR},
}


def scope_paths_for(user, action: str = "view") -> list[str] | None:
    """Unit paths whose subtrees `user` may act on; None means everything (superusers).

    Read once per request and cached on the user object, so every queryset of the request reuses it.
    """
    if user.is_superuser:
        return None
    cache = user.__dict__.setdefault("_canbo_scope", {})
    if action not in cache:
        roles = ACTION_ROLES[action]
        cache[action] = sorted(
            {m.unit.path for m in user.memberships.select_related("unit") if m.role in roles}
        )
    return cache[action]


def can(user, action: str) -> bool:
    paths = scope_paths_for(user, action)
    return paths is None or bool(paths)


def can_on(user, action: str, instance) -> bool:
    """Whether `user` may take `action` on this one object (one query; for detail pages, never for lists)."""
    return type(instance)._default_manager.restrict(user, action).filter(pk=instance.pk).exists()


def users_visible_to(admin):
    """Accounts an administrator manages: those holding a role somewhere in the subtrees they administer."""
    from django.contrib.auth import get_user_model

    from canbo.organizations.models import OrgUnit

    users = get_user_model().objects.all()
    if not admin.is_superuser:
        administered = OrgUnit.objects.restrict(admin, "administer")
        users = users.filter(memberships__unit__in=administered).distinct()
    return users.order_by("username")
