import datetime as dt
import io

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction
from django.urls import reverse
from django.utils import timezone

from canbo.audit import services
from canbo.audit.models import AuditEntry
from canbo.core import testing
from canbo.core.testing_views import scoped_user
from canbo.organizations.models import OrgUnitKind
from canbo.people.services import cadre_update

pytestmark = pytest.mark.django_db
TAMPERED = '{"phone": ["x", "y"]}'


@pytest.fixture
def commune():
    province = testing.make_unit("Thành phố Hải Phòng", OrgUnitKind.CITY)
    return testing.make_unit("Xã Kỳ Nam", parent=province)


def entries_for(instance):
    return list(
        AuditEntry.objects.filter(model=instance._meta.label, object_pk=str(instance.pk)).order_by("sequence")
    )


def test_every_change_is_recorded_with_before_and_after(commune):
    cadre = testing.make_cadre("Nguyễn Văn Giáp", managed_by=commune, phone="0900000000")
    cadre_update(cadre, phone="0911111111")
    created, changed = entries_for(cadre)
    assert created.action == "create" and created.changes["phone"] == [None, "0900000000"]
    assert changed.action == "update" and changed.changes == {"phone": ["0900000000", "0911111111"]}
    pk = cadre.pk
    cadre.delete()
    deleted = AuditEntry.objects.filter(model="people.Cadre", object_pk=str(pk)).order_by("sequence").last()
    assert deleted.action == "delete" and deleted.changes["phone"] == ["0911111111", None]


def test_the_request_user_and_address_are_named(client, commune):
    cadre = testing.make_cadre("Nguyễn Văn Giáp", managed_by=commune)
    user = scoped_user(commune, "editor", username="xa")
    client.force_login(user)
    client.get(reverse("people:cadre", args=[cadre.pk]), REMOTE_ADDR="10.1.2.3")
    view = entries_for(cadre)[-1]
    assert (view.action, view.actor_name, view.ip_address) == ("view", "xa", "10.1.2.3")


def test_chain_verifies_and_names_a_tampered_entry(commune):
    cadre = testing.make_cadre("Nguyễn Văn Giáp", managed_by=commune)
    for phone in ("0911111111", "0922222222", "0933333333"):
        cadre_update(cadre, phone=phone)
    out = io.StringIO()
    call_command("audit", "verify", stdout=out)
    assert "intact" in out.getvalue()

    target = entries_for(cadre)[2]
    # An attacker with database access drops the guard first; the chain still gives them away.
    with connection.cursor() as cursor:
        cursor.execute(
            "DROP TRIGGER IF EXISTS audit_entry_append_only"
            + (" ON audit_auditentry" if connection.vendor == "postgresql" else "")
        )
        cursor.execute("UPDATE audit_auditentry SET changes = %s WHERE id = %s", [TAMPERED, target.pk])
    with pytest.raises(CommandError, match=rf"entry #{target.sequence} .*edited"):
        call_command("audit", "verify")


def test_a_removed_entry_is_detected(commune):
    cadre = testing.make_cadre("Nguyễn Văn Giáp", managed_by=commune)
    cadre_update(cadre, phone="0911111111")
    cadre_update(cadre, phone="0922222222")
    removed = entries_for(cadre)[1]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("DROP TRIGGER IF EXISTS audit_entry_append_only ON audit_auditentry")
        cursor.execute("DELETE FROM audit_auditentry WHERE id = %s", [removed.pk])
    with pytest.raises(CommandError, match=rf"#{removed.sequence} is missing"):
        call_command("audit", "verify")


def test_the_database_refuses_to_edit_entries(commune):
    testing.make_cadre("Nguyễn Văn Giáp", managed_by=commune)
    entry = AuditEntry.objects.order_by("sequence").last()
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEntry.objects.filter(pk=entry.pk).update(actor_name="someone else")


def test_a_rolled_back_change_leaves_no_entry(commune):
    before = AuditEntry.objects.count()
    with pytest.raises(RuntimeError), transaction.atomic():
        testing.make_cadre("Nguyễn Văn Giáp", managed_by=commune)
        raise RuntimeError
    assert AuditEntry.objects.count() == before
    call_command("audit", "verify", stdout=io.StringIO())


def test_history_page_is_scoped_and_rebuilds_a_past_state(client, commune):
    other = testing.make_unit("Xã Kỳ Bắc", parent=commune.parent)
    cadre = testing.make_cadre("Nguyễn Văn Giáp", managed_by=commune, phone="0900000000")
    theirs = testing.make_cadre("Trần Thị Đào", managed_by=other)
    past = timezone.now()
    cadre_update(cadre, phone="0911111111")
    client.force_login(scoped_user(commune, "approver", username="duyet"))
    url = reverse("audit:history", args=["people.Cadre", cadre.pk])
    page = client.get(url).content.decode()
    assert "0900000000" in page and "0911111111" in page
    assert client.get(reverse("audit:history", args=["people.Cadre", theirs.pk])).status_code == 404
    assert client.get(reverse("audit:history", args=["people.Nothing", 1])).status_code == 404

    rebuilt = services.record_as_of("people.Cadre", cadre.pk, past)
    assert rebuilt["phone"] == "0900000000"
    assert services.record_as_of("people.Cadre", cadre.pk, past - dt.timedelta(days=1)) == {}
