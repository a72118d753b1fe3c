"""Lockout after repeated failed sign-ins, and the TOTP second factor (RFC 6238) in the sign-in flow."""

import base64
import datetime as dt
import io
import re
import time

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from canbo.accounts import services, totp
from canbo.accounts.models import LockoutKind, SecondFactor, SignInFailure, SignInLockout
from canbo.accounts.views_signin import SETUP_SECRET
from canbo.audit.models import AuditEntry
from canbo.core.testing_views import scoped_user

pytestmark = pytest.mark.django_db
PASSWORD = "canbo-test-pass"
LOCKED = "Quá nhiều lần đăng nhập sai"


@pytest.fixture(autouse=True)
def limits(settings):
    settings.SIGN_IN_LOCKOUT = {
        "FAILURES": 5,
        "IP_FAILURES": 20,
        "WINDOW": dt.timedelta(minutes=15),
        "DURATION": dt.timedelta(minutes=15),
    }
    settings.TOTP_REQUIRED = True
    return settings.SIGN_IN_LOCKOUT


def sign_in(client, username, password=PASSWORD, address="10.0.0.1"):
    return client.post(
        reverse("accounts:login"), {"username": username, "password": password}, REMOTE_ADDR=address
    )


# RFC 6238, appendix B: the seeds and the codes at each time, for SHA-1, SHA-256 and SHA-512.
RFC_SEEDS = {
    "sha1": b"12345678901234567890",
    "sha256": b"12345678901234567890123456789012",
    "sha512": b"1234567890123456789012345678901234567890123456789012345678901234",
}
RFC_VECTORS = [
    (59, "94287082", "46119246", "90693936"),
    (1111111109, "07081804", "68084774", "25091201"),
    (1111111111, "14050471", "67062674", "99943326"),
    (1234567890, "89005924", "91819424", "93441116"),
    (2000000000, "69279037", "90698825", "38618901"),
    (20000000000, "65353130", "77737706", "47863826"),
]


@pytest.mark.parametrize(("moment", "sha1", "sha256", "sha512"), RFC_VECTORS)
def test_rfc_6238_vectors(moment, sha1, sha256, sha512):
    for digest, code in (("sha1", sha1), ("sha256", sha256), ("sha512", sha512)):
        secret = base64.b32encode(RFC_SEEDS[digest]).decode()
        assert totp.code_at(secret, moment, digits=8, digest=digest) == code
        assert totp.matching_step(secret, code, moment, digits=8, digest=digest) == moment // 30


def test_codes_are_accepted_one_step_either_side_once_and_never_before_their_step():
    secret = totp.new_secret()
    now = 1_750_000_000
    code = totp.code_at(secret, now)
    assert totp.matching_step(secret, code, now + 30) == now // 30
    assert totp.matching_step(secret, code, now - 30) == now // 30
    assert totp.matching_step(secret, code, now + 90) is None
    assert totp.matching_step(secret, code, now, after_step=now // 30) is None
    assert totp.matching_step(secret, "12a456", now) is None
    assert totp.matching_step(secret, code[:3] + " " + code[3:], now) == now // 30


# Lockout


def test_four_failures_do_not_lock_the_fifth_does(client):
    user = get_user_model().objects.create_user("xa", password=PASSWORD)
    for _ in range(4):
        response = sign_in(client, "xa", "wrong")
        assert response.status_code == 200
        assert LOCKED not in response.content.decode()
    response = sign_in(client, "xa", "wrong")
    assert LOCKED in response.content.decode()
    # Locked: even the right password is refused, without being checked.
    response = sign_in(client, "xa")
    assert LOCKED in response.content.decode()
    assert "_auth_user_id" not in client.session
    lockout = SignInLockout.objects.get()
    assert (lockout.kind, lockout.key) == (LockoutKind.USERNAME, "xa")
    assert lockout.locked_until - lockout.created_at == dt.timedelta(minutes=15)
    assert user.pk  # the account itself is untouched
    assert not get_user_model().objects.get(pk=user.pk).last_login


def test_unknown_user_names_lock_with_the_same_message(client):
    pages = []
    for name in ("xa", "khong-co-ai"):
        if name == "xa":
            get_user_model().objects.create_user("xa", password=PASSWORD)
        for _ in range(5):
            response = sign_in(client, name, "wrong")
        pages.append(response.content.decode().replace(name, "NAME"))
    assert LOCKED in pages[0]
    # The page of an existing and of an unknown user name differ in nothing but the csrf token.
    masked = [re.sub(r"[A-Za-z0-9]{64}", "TOKEN", page) for page in pages]
    assert masked[0] == masked[1]


def test_the_window_and_the_lock_expire(limits):
    now = timezone.now()
    for minutes in (20, 16, 3, 2, 1):
        services.sign_in_failed(username="xa", ip_address=None, now=now - dt.timedelta(minutes=minutes))
    # Two of the five lie outside the 15-minute window.
    assert not SignInLockout.objects.exists()
    assert services.sign_in_failed(username="xa", ip_address=None, now=now) is None
    lockout = services.sign_in_failed(username="xa", ip_address=None, now=now)
    assert lockout is not None
    from canbo.accounts.selectors import active_lockout

    assert active_lockout("XA", None, now + dt.timedelta(minutes=14, seconds=59)) == lockout
    assert active_lockout("xa", None, now + dt.timedelta(minutes=15)) is None
    # After a lockout the count starts afresh: one more failure does not lock again.
    later = now + dt.timedelta(minutes=16)
    assert services.sign_in_failed(username="xa", ip_address=None, now=later) is None


def test_success_clears_the_counter(client):
    get_user_model().objects.create_user("xa", password=PASSWORD)
    for _ in range(4):
        sign_in(client, "xa", "wrong")
    assert sign_in(client, "xa").status_code == 302
    client.logout()
    for _ in range(4):
        sign_in(client, "xa", "wrong")
    assert not SignInLockout.objects.exists()
    assert sign_in(client, "xa").status_code == 302


def test_an_address_is_locked_at_its_own_threshold(client, limits):
    limits["IP_FAILURES"] = 6
    get_user_model().objects.create_user("xa", password=PASSWORD)
    for i in range(6):
        sign_in(client, f"name-{i}", "wrong", address="10.0.0.9")
    assert SignInLockout.objects.filter(kind=LockoutKind.IP_ADDRESS, key="10.0.0.9").exists()
    assert LOCKED in sign_in(client, "xa", address="10.0.0.9").content.decode()
    assert sign_in(client, "xa", address="10.0.0.10").status_code == 302


def test_failures_and_lockouts_are_in_the_audit_trail(client):
    for _ in range(5):
        sign_in(client, "xa", "wrong", address="10.0.0.7")
    failures = AuditEntry.objects.filter(model="accounts.SignInFailure")
    assert failures.count() == 5
    assert {e.ip_address for e in failures} == {"10.0.0.7"}
    lockout = AuditEntry.objects.get(model="accounts.SignInLockout")
    assert lockout.changes["key"] == [None, "xa"]


def test_administrator_unlocks_from_the_user_page(client, commune):
    user = scoped_user(commune, "editor", username="xa")
    admin = scoped_user(commune, "administrator", username="quan-tri")
    for _ in range(5):
        sign_in(client, "xa", "wrong")
    client.force_login(admin)
    page = client.get(reverse("accounts:user", args=[user.pk])).content.decode()
    assert reverse("accounts:user_unlock", args=[user.pk]) in page
    response = client.post(reverse("accounts:user_unlock", args=[user.pk]))
    assert response.status_code == 302
    lockout = SignInLockout.objects.get()
    assert lockout.unlocked_by == admin
    entry = AuditEntry.objects.filter(model="accounts.SignInLockout").first()
    assert (entry.action, entry.actor) == ("update", admin)
    client.logout()
    assert sign_in(client, "xa").status_code == 302


def test_administrator_of_another_commune_cannot_unlock(client, commune, province):
    from canbo.core import testing

    other = testing.make_unit("Xã Kỳ Bắc", parent=province)
    user = scoped_user(commune, "editor", username="xa")
    client.force_login(scoped_user(other, "administrator", username="quan-tri"))
    assert client.post(reverse("accounts:user_unlock", args=[user.pk])).status_code == 404


def test_cli_unlocks_a_user_name():
    for _ in range(5):
        services.sign_in_failed(username="xa", ip_address="10.0.0.1")
    out = io.StringIO()
    call_command("user", "unlock", "--username", "XA", stdout=out)
    assert out.getvalue().strip() == "Unlocked XA."
    assert SignInLockout.objects.get().unlocked_at is not None
    out = io.StringIO()
    call_command("user", "unlock", "--username", "xa", stdout=out)
    assert "was not locked" in out.getvalue()


# Second factor


def enrol(user) -> str:
    secret = totp.new_secret()
    services.second_factor_enrol(user, secret=secret, code=totp.code_at(secret, time.time()))
    return secret


def test_sign_in_asks_the_code_after_the_password(client):
    user = get_user_model().objects.create_user("xa", password=PASSWORD)
    secret = enrol(user)
    response = sign_in(client, "xa")
    assert response["Location"] == reverse("accounts:login_code")
    assert "_auth_user_id" not in client.session
    # Until the code, nothing but the code page.
    assert client.get(reverse("core:home")).status_code == 302
    wrong = client.post(reverse("accounts:login_code"), {"code": "000000"})
    assert wrong.status_code == 422
    assert "_auth_user_id" not in client.session
    SecondFactor.objects.filter(user=user).update(last_step=0)
    code = totp.code_at(secret, time.time())
    response = client.post(reverse("accounts:login_code"), {"code": code})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)
    assert SignInFailure.objects.filter(second_factor=True).count() == 1
    # The same code cannot be used twice.
    client.logout()
    sign_in(client, "xa")
    assert client.post(reverse("accounts:login_code"), {"code": code}).status_code == 422


def test_wrong_codes_count_towards_the_lockout(client):
    user = get_user_model().objects.create_user("xa", password=PASSWORD)
    enrol(user)
    sign_in(client, "xa")
    for _ in range(5):
        response = client.post(reverse("accounts:login_code"), {"code": "000000"})
    assert LOCKED in response.content.decode()
    assert SignInLockout.objects.filter(key="xa").exists()
    # The pending password check is dropped with the lockout.
    assert client.get(reverse("accounts:login_code")).status_code == 302


def test_enrolment_from_the_account_page_and_disable(client):
    user = get_user_model().objects.create_user("xa", password=PASSWORD)
    client.force_login(user)
    assert reverse("accounts:second_factor_setup") in client.get(reverse("accounts:account")).content.decode()
    page = client.get(reverse("accounts:second_factor_setup")).content.decode()
    assert "<svg" in page
    secret = client.session[SETUP_SECRET]
    assert " ".join(secret[i : i + 4] for i in range(0, 32, 4)) in page
    assert client.post(reverse("accounts:second_factor_setup"), {"code": "000000"}).status_code == 422
    code = totp.code_at(secret, time.time())
    assert client.post(reverse("accounts:second_factor_setup"), {"code": code}).status_code == 302
    device = SecondFactor.objects.get(user=user)
    assert device.secret == secret
    # The secret stays out of the audit trail.
    entry = AuditEntry.objects.get(model="accounts.SecondFactor")
    assert "secret" not in entry.changes
    assert secret not in str(entry.changes)
    device.last_step = 0
    device.save()
    client.post(reverse("accounts:second_factor_disable"), {"code": code})
    assert not SecondFactor.objects.filter(user=user).exists()


@pytest.mark.parametrize("role", ["approver", "administrator"])
def test_approvers_and_administrators_must_enrol_before_anything_else(client, commune, role):
    user = scoped_user(commune, role, username="xa")
    response = sign_in(client, "xa")
    assert response["Location"] == reverse("accounts:second_factor_setup")
    for name in ("core:home", "people:cadre_list", "accounts:account", "api:api-root"):
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert response["Location"] == reverse("accounts:second_factor_setup")
    client.get(reverse("accounts:second_factor_setup"))
    secret = client.session[SETUP_SECRET]
    client.post(reverse("accounts:second_factor_setup"), {"code": totp.code_at(secret, time.time())})
    assert client.get(reverse("core:home")).status_code == 200
    # Required: it cannot be disabled by its holder.
    SecondFactor.objects.filter(user=user).update(last_step=0)
    client.post(reverse("accounts:second_factor_disable"), {"code": totp.code_at(secret, time.time())})
    assert SecondFactor.objects.filter(user=user).exists()


def test_editors_are_not_required_and_the_demo_setting_relaxes_the_requirement(client, commune, settings):
    scoped_user(commune, "editor", username="bien-tap")
    assert sign_in(client, "bien-tap")["Location"] == reverse("core:home")
    client.logout()
    settings.TOTP_REQUIRED = False
    scoped_user(commune, "administrator", username="quan-tri")
    assert sign_in(client, "quan-tri")["Location"] == reverse("core:home")


def test_administrator_resets_a_lost_second_factor(client, commune):
    user = scoped_user(commune, "approver", username="xa")
    enrol(user)
    admin = scoped_user(commune, "administrator", username="quan-tri")
    client.force_login(admin)
    response = client.post(reverse("accounts:user_second_factor_reset", args=[user.pk]))
    assert response.status_code == 302
    assert not SecondFactor.objects.filter(user=user).exists()
    entry = AuditEntry.objects.filter(model="accounts.SecondFactor").first()
    assert (entry.action, entry.actor) == ("delete", admin)
    # At the next sign-in the approver sets up a new one before anything else.
    client.logout()
    assert sign_in(client, "xa")["Location"] == reverse("accounts:second_factor_setup")


def test_superusers_must_enrol_too(client):
    get_user_model().objects.create_superuser("quan-tri-he-thong", "qt@example.org", PASSWORD)
    assert sign_in(client, "quan-tri-he-thong")["Location"] == reverse("accounts:second_factor_setup")
    assert client.get(reverse("people:cadre_list"))["Location"] == reverse("accounts:second_factor_setup")
