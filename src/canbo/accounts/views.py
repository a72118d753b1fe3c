"""Administrators manage the accounts of their bodies: list, add, grant and revoke roles, deactivate."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from canbo.core.forms.base import add_service_errors
from canbo.organizations.models import OrgUnit

from . import services
from .forms import MembershipForm, UserAddForm
from .models import Membership
from .selectors import can, has_second_factor, locked_out, users_visible_to


def _administrator(request):
    if not can(request.user, "administer"):
        raise PermissionDenied


def _managed_user(request, pk):
    _administrator(request)
    return get_object_or_404(users_visible_to(request.user), pk=pk)


def user_list(request):
    _administrator(request)
    users = users_visible_to(request.user).prefetch_related(
        Prefetch("memberships", queryset=Membership.objects.select_related("unit").order_by("unit__path"))
    )
    return render(request, "accounts/user_list.html", {"users": users, "title": _("Users")})


def user_add(request):
    _administrator(request)
    form = UserAddForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = services.user_add(
                username=data["username"],
                unit=data["unit"],
                role=data["role"],
                password=data["password"],
                full_name=data["full_name"],
                email=data["email"],
                granted_by=request.user,
            )
        except (ValidationError, PermissionDenied) as exc:
            add_service_errors(form, exc if isinstance(exc, ValidationError) else ValidationError(str(exc)))
        else:
            messages.success(request, _("Added the user %(name)s.") % {"name": user.username})
            return redirect("accounts:user", pk=user.pk)
    return render(
        request,
        "accounts/user_add.html",
        {"form": form, "title": _("New user")},
        status=422 if form.errors else 200,
    )


def user_detail(request, pk):
    account = _managed_user(request, pk)
    memberships = account.memberships.select_related("unit").order_by("unit__path")
    administered = set(
        OrgUnit.objects.restrict(request.user, "administer")
        .filter(pk__in=[m.unit_id for m in memberships])
        .values_list("pk", flat=True)
    )
    rows = [{"membership": m, "revocable": m.unit_id in administered} for m in memberships]
    form = MembershipForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.membership_grant(
                user=account,
                unit=form.cleaned_data["unit"],
                role=form.cleaned_data["role"],
                granted_by=request.user,
            )
        except PermissionDenied as exc:
            form.add_error("unit", str(exc))
        else:
            messages.success(request, _("Role granted."))
            return redirect("accounts:user", pk=account.pk)
    context = {
        "account": account,
        "rows": rows,
        "form": form,
        "locked": locked_out(account),
        "has_second_factor": has_second_factor(account),
        "title": account.username,
    }
    return render(request, "accounts/user.html", context, status=422 if form.errors else 200)


@require_POST
def membership_revoke(request, pk, membership_pk):
    account = _managed_user(request, pk)
    membership = get_object_or_404(account.memberships, pk=membership_pk)
    try:
        services.membership_revoke(membership, revoked_by=request.user)
    except PermissionDenied as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Role revoked."))
    return redirect("accounts:user", pk=account.pk)


@require_POST
def user_set_active(request, pk):
    account = _managed_user(request, pk)
    active = request.POST.get("active") == "1"
    if account == request.user and not active:
        messages.error(request, _("You cannot deactivate your own account."))
        return redirect("accounts:user", pk=account.pk)
    try:
        services.user_set_active(account, active, changed_by=request.user)
    except PermissionDenied as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Account activated.") if active else _("Account deactivated."))
    return redirect("accounts:user", pk=account.pk)
