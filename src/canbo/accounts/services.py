"""Writes on users and their roles: who may grant what is checked here, not in views or commands."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from canbo.organizations.models import OrgUnit

from . import selectors, totp
from .models import LockoutKind, Membership, Role, SecondFactor, SignInFailure, SignInLockout


def _check_grantor(granted_by, unit: OrgUnit) -> None:
    """An administrator grants roles only inside the subtree they administer (None: the command line)."""
    if granted_by is None:
        return
    if not OrgUnit.objects.restrict(granted_by, "administer").filter(pk=unit.pk).exists():
        raise PermissionDenied(_("You do not administer %(unit)s.") % {"unit": unit})


@transaction.atomic
def user_add(
    *,
    username: str,
    unit: OrgUnit,
    role: str,
    password: str | None = None,
    full_name: str = "",
    email: str = "",
    granted_by=None,
):
    """Create a user who belongs to `unit` with `role` over its subtree."""
    if role not in Role.values:
        raise ValidationError(
            {
                "role": _("Unknown role %(role)s; one of: %(roles)s.")
                % {"role": role, "roles": ", ".join(Role.values)}
            }
        )
    _check_grantor(granted_by, unit)
    User = get_user_model()
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": _("The user name %(name)s is taken.") % {"name": username}})
    user = User(username=username, email=email)
    user.first_name, _sep, user.last_name = full_name.rpartition(" ") if full_name else ("", "", "")
    if password:
        validate_password(password, user)
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.save()
    Membership.objects.create(user=user, unit=unit, role=role)
    return user


@transaction.atomic
def membership_grant(*, user, unit: OrgUnit, role: str, granted_by=None) -> Membership:
    _check_grantor(granted_by, unit)
    return Membership.objects.get_or_create(user=user, unit=unit, role=role)[0]


@transaction.atomic
def membership_revoke(membership: Membership, *, revoked_by=None) -> None:
    _check_grantor(revoked_by, membership.unit)
    membership.delete()


def _check_user_administrator(changed_by, user) -> None:
    """Changing an account takes administering every unit it holds a role over."""
    for membership in user.memberships.select_related("unit"):
        _check_grantor(changed_by, membership.unit)


@transaction.atomic
def user_set_active(user, active: bool, *, changed_by=None) -> None:
    """Deactivate (never delete: the audit trail names the user) or reactivate an account."""
    _check_user_administrator(changed_by, user)
    user.is_active = active
    user.save(update_fields=["is_active"])


@transaction.atomic
def sign_in_failed(*, username: str, ip_address: str | None, second_factor: bool = False, now=None):
    """Count one failed sign-in; lock the user name or the address once its count reaches the threshold.

    Returns the new lockout, if this failure caused one. The failure and the lockout are rows of their own,
    so the audit trail records both."""
    now = now or timezone.now()
    key = selectors.lockout_key(username)
    SignInFailure.objects.create(
        username=key, ip_address=ip_address, second_factor=second_factor, created_at=now
    )
    limits = settings.SIGN_IN_LOCKOUT
    lockout = None
    counted = [(LockoutKind.USERNAME, key, limits["FAILURES"])]
    if ip_address:
        counted.append((LockoutKind.IP_ADDRESS, ip_address, limits["IP_FAILURES"]))
    for kind, value, threshold in counted:
        if selectors.recent_failures(kind, value, now) >= threshold:
            lockout = SignInLockout.objects.create(
                kind=kind, key=value, created_at=now, locked_until=now + limits["DURATION"]
            )
    return lockout


@transaction.atomic
def sign_in_unlock(*, username: str | None = None, ip_address: str | None = None, unlocked_by=None) -> int:
    """Lift the lockouts in force on a user name or an address; returns how many were lifted."""
    now = timezone.now()
    lifted = 0
    # One save per lockout (there are one or two), so that each unlock is an entry in the audit trail.
    for lockout in selectors.lockouts_in_force(username or None, ip_address, now).order_by("pk"):
        lockout.unlocked_at, lockout.unlocked_by = now, unlocked_by
        lockout.save(update_fields=["unlocked_at", "unlocked_by"])
        lifted += 1
    return lifted


def user_unlock(user, *, unlocked_by=None) -> int:
    _check_user_administrator(unlocked_by, user)
    return sign_in_unlock(username=user.get_username(), unlocked_by=unlocked_by)


@transaction.atomic
def second_factor_enrol(user, *, secret: str, code: str, now=None) -> SecondFactor:
    """Keep the authenticator once the user shows a code from it (proof the app holds the secret)."""
    now = now or timezone.now()
    if SecondFactor.objects.filter(user=user).exists():
        raise ValidationError(_("A second factor is already set up; disable it first."))
    step = totp.matching_step(secret, code, now.timestamp())
    if step is None:
        raise ValidationError({"code": _("The code does not match. Check the time on your phone.")})
    return SecondFactor.objects.create(user=user, secret=secret, confirmed_at=now, last_step=step)


@transaction.atomic
def second_factor_check(user, code: str, now=None) -> bool:
    """Whether `code` is the user's current code and not one already used; remembers it as used."""
    now = now or timezone.now()
    device = SecondFactor.objects.select_for_update().filter(user=user).first()
    if device is None:
        return False
    step = totp.matching_step(device.secret, code, now.timestamp(), after_step=device.last_step)
    if step is None:
        return False
    device.last_step = step
    device.save(update_fields=["last_step"])
    return True


@transaction.atomic
def second_factor_disable(user, code: str) -> None:
    if selectors.second_factor_required(user):
        raise ValidationError(_("Your roles require a second factor: it cannot be disabled."))
    if not second_factor_check(user, code):
        raise ValidationError({"code": _("The code does not match.")})
    SecondFactor.objects.filter(user=user).delete()


@transaction.atomic
def second_factor_reset(user, *, reset_by=None) -> bool:
    """An administrator removes a user's lost authenticator; the user sets up a new one at next sign-in."""
    _check_user_administrator(reset_by, user)
    device = SecondFactor.objects.filter(user=user).first()
    if device is None:
        return False
    # Deleted through the instance so that the audit trail records who reset it.
    device.delete()
    return True
