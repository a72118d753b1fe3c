"""Writes on users and their roles: who may grant what is checked here, not in views or commands."""

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from canbo.organizations.models import OrgUnit

from .models import Membership, Role


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


@transaction.atomic
def user_set_active(user, active: bool, *, changed_by=None) -> None:
    """Deactivate (never delete: the audit trail names the user) or reactivate an account."""
    for membership in user.memberships.select_related("unit"):
        _check_grantor(changed_by, membership.unit)
    user.is_active = active
    user.save(update_fields=["is_active"])
