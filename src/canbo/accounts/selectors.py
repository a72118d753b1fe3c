from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Max, Q
from django.utils import timezone

from .models import LockoutKind, Role, SecondFactor, SignInFailure, SignInLockout

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
        # The memberships are read once for every action: a page asks for several (the menu alone does).
        if "roles" not in cache:
            cache["roles"] = [(m.role, m.unit.path) for m in user.memberships.select_related("unit")]
        roles = ACTION_ROLES[action]
        cache[action] = sorted({path for role, path in cache["roles"] if role in roles})
    return cache[action]


def can(user, action: str) -> bool:
    paths = scope_paths_for(user, action)
    return paths is None or bool(paths)


def can_on(user, action: str, instance) -> bool:
    """Whether `user` may take `action` on this one object (one query; for detail pages, never for lists)."""
    return type(instance)._default_manager.restrict(user, action).filter(pk=instance.pk).exists()


def users_visible_to(admin):
    """Accounts an administrator manages: those holding a role somewhere in the subtrees they administer."""
    from canbo.organizations.models import OrgUnit

    users = get_user_model().objects.all()
    if not admin.is_superuser:
        administered = OrgUnit.objects.restrict(admin, "administer")
        users = users.filter(memberships__unit__in=administered).distinct()
    return users.order_by("username")


def client_address(request) -> str | None:
    """The address failures are counted by: the one the audit trail records too."""
    return request.META.get("REMOTE_ADDR") or None


def lockout_key(username: str) -> str:
    # User names differ only by case at most in spelling: one counter for all spellings of a name.
    return username.strip().casefold()[:150]


def lockouts_in_force(username: str | None, ip_address: str | None, now=None):
    """Lockouts neither lifted nor expired on this user name or this address."""
    keys = Q(pk__in=[])
    if username is not None:
        keys |= Q(kind=LockoutKind.USERNAME, key=lockout_key(username))
    if ip_address:
        keys |= Q(kind=LockoutKind.IP_ADDRESS, key=ip_address)
    return SignInLockout.objects.filter(
        keys, unlocked_at__isnull=True, locked_until__gt=now or timezone.now()
    )


def active_lockout(username: str, ip_address: str | None, now=None):
    """The lockout in force on this user name or this address, if any."""
    return lockouts_in_force(username, ip_address, now).order_by("-locked_until").first()


def locked_out(user) -> bool:
    return active_lockout(user.get_username(), None) is not None


def recent_failures(kind: str, key: str, now) -> int:
    """Failures counted towards a lockout: within the window, and after the last sign-in, unlock or lockout
    of that user name or address (each of which starts the count afresh)."""
    starts = [now - settings.SIGN_IN_LOCKOUT["WINDOW"]]
    last = SignInLockout.objects.filter(kind=kind, key=key).aggregate(
        locked=Max("created_at"), unlocked=Max("unlocked_at")
    )
    starts += [moment for moment in last.values() if moment]
    failures = SignInFailure.objects.all()
    if kind == LockoutKind.USERNAME:
        last_login = (
            get_user_model().objects.filter(username__iexact=key).aggregate(last=Max("last_login"))["last"]
        )
        if last_login:
            starts.append(last_login)
        failures = failures.filter(username=key)
    else:
        failures = failures.filter(ip_address=key)
    return failures.filter(created_at__gt=max(starts)).count()


def second_factor_required(user) -> bool:
    """Approvers, administrators and superusers must sign in with a second factor (unless the demo relaxes
    it)."""
    if not settings.TOTP_REQUIRED:
        return False
    return user.is_superuser or user.memberships.filter(role__in=[Role.APPROVER, Role.ADMINISTRATOR]).exists()


def has_second_factor(user) -> bool:
    return SecondFactor.objects.filter(user=user).exists()
