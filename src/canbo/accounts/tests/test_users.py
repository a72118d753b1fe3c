import io

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command

from canbo.accounts.models import Membership
from canbo.accounts.services import membership_grant, user_add
from canbo.core import testing
from canbo.core.testing_views import scoped_user
from canbo.organizations.models import OrgUnitKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def units():
    province = testing.make_unit("Thành phố Hải Phòng", OrgUnitKind.CITY, code="31")
    return {
        "province": province,
        "own": testing.make_unit("Xã Kỳ Nam", parent=province, code="11311"),
        "other": testing.make_unit("Xã Kỳ Bắc", parent=province, code="11312"),
    }


@pytest.mark.argon2
def test_cli_adds_a_user_with_a_password_from_stdin(units, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("mật-khẩu-dài-2026\n"))
    out = io.StringIO()
    call_command(
        "user",
        "add",
        "--username",
        "xa",
        "--unit",
        "11311",
        "--role",
        "editor",
        "--password-stdin",
        stdout=out,
    )
    user = get_user_model().objects.get(username="xa")
    assert user.check_password("mật-khẩu-dài-2026")
    assert user.password.startswith("argon2")
    assert list(user.memberships.values_list("unit__code", "role")) == [("11311", "editor")]
    assert "Added xa" in out.getvalue()
    listing = io.StringIO()
    call_command("user", "list", stdout=listing)
    assert "xa\teditor\t11311" in listing.getvalue()


def test_cli_refuses_unknown_units_and_weak_passwords(units, monkeypatch):
    with pytest.raises(CommandError, match="No current unit"):
        call_command("user", "add", "--username", "xa", "--unit", "99999", "--role", "viewer")
    monkeypatch.setattr("sys.stdin", io.StringIO("123\n"))
    with pytest.raises(CommandError):
        call_command(
            "user", "add", "--username", "xa", "--unit", "11311", "--role", "viewer", "--password-stdin"
        )
    assert not get_user_model().objects.filter(username="xa").exists()


def test_administrators_grant_only_within_their_subtree(units):
    admin = scoped_user(units["own"], "administrator", username="quantri")
    user = user_add(username="canbo1", unit=units["own"], role="viewer", granted_by=admin)
    with pytest.raises(PermissionDenied):
        membership_grant(user=user, unit=units["other"], role="viewer", granted_by=admin)
    with pytest.raises(PermissionDenied):
        user_add(username="canbo2", unit=units["province"], role="viewer", granted_by=admin)
    with pytest.raises(ValidationError):
        user_add(username="CANBO1", unit=units["own"], role="viewer", granted_by=admin)
    assert Membership.objects.filter(user=user).count() == 1


def test_administrator_manages_users_on_the_web(client, units):
    from django.urls import reverse

    admin = scoped_user(units["own"], "administrator", username="quantri")
    client.force_login(admin)
    form = {
        "username": "canbo1",
        "full_name": "Nguyễn Văn An",
        "email": "",
        "unit": units["own"].pk,
        "role": "editor",
        "password": "mật-khẩu-dài-2026",
        "password_again": "mật-khẩu-dài-2026",
    }
    response = client.post(reverse("accounts:user_add"), form)
    user = get_user_model().objects.get(username="canbo1")
    assert response.status_code == 302 and user.get_full_name() == "Nguyễn Văn An"

    # A unit outside the administered subtree is no valid choice.
    response = client.post(
        reverse("accounts:user", args=[user.pk]), {"unit": units["other"].pk, "role": "viewer"}
    )
    assert response.status_code == 422
    assert not user.memberships.filter(unit=units["other"]).exists()

    page = client.get(reverse("accounts:user_list")).content.decode()
    assert "canbo1" in page and "quantri" in page
    membership = user.memberships.get()
    client.post(reverse("accounts:membership_revoke", args=[user.pk, membership.pk]))
    assert not user.memberships.exists()
    # Without a role in the subtree the account is no longer the administrator's to see.
    assert client.get(reverse("accounts:user", args=[user.pk])).status_code == 404


def test_deactivated_users_cannot_sign_in(client, units):
    from django.urls import reverse

    admin = scoped_user(units["own"], "administrator", username="quantri")
    member = user_add(username="canbo1", unit=units["own"], role="viewer", password="mật-khẩu-dài-2026")
    client.force_login(admin)
    client.post(reverse("accounts:user_set_active", args=[member.pk]), {"active": "0"})
    member.refresh_from_db()
    assert not member.is_active
    client.logout()
    assert not client.login(username="canbo1", password="mật-khẩu-dài-2026")
