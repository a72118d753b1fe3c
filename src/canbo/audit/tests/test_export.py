"""`record_export`: every export leaves an entry in the hash chain naming who, what, how many and which
filters."""

import pytest
from django.http import QueryDict

from canbo.audit.models import AuditAction, AuditEntry
from canbo.audit.services import acting, record_export, verify
from canbo.core import testing
from canbo.core.testing_views import scoped_user

pytestmark = pytest.mark.django_db


def test_a_list_export_names_its_filters_and_count(commune):
    user = scoped_user(commune, "editor", username="bien-tap")
    params = QueryDict("unit=11311&gender=female&title=X_BT&title=X_CT")
    entry = record_export(user, "cadres.xlsx", 42, params)
    assert (entry.action, entry.model, entry.actor) == (AuditAction.EXPORT, "export", user)
    assert entry.object_repr == "cadres.xlsx (42)"
    assert entry.changes == {
        "what": [None, "cadres.xlsx"],
        "count": [None, 42],
        "params": [None, {"unit": "11311", "gender": "female", "title": ["X_BT", "X_CT"]}],
    }
    assert verify() == (AuditEntry.objects.count(), None)


def test_an_export_of_one_record_joins_its_history(commune):
    cadre = testing.make_cadre("Nguyễn Văn Giáp", managed_by=commune)
    user = scoped_user(commune, "editor", username="bien-tap")
    record_export(user, "cv-2c.pdf", 1, instance=cadre)
    entry = AuditEntry.objects.filter(model="people.Cadre", object_pk=str(cadre.pk)).first()
    assert (entry.action, entry.object_repr) == (AuditAction.EXPORT, "cv-2c.pdf (1): Nguyễn Văn Giáp")
    assert entry.changes["params"] == [None, {}]


def test_the_request_address_is_kept(commune):
    user = scoped_user(commune, "viewer", username="xem")
    with acting(user, "10.1.2.3", "Firefox"):
        entry = record_export(None, "structure.pdf", 7, {"unit": commune.code})
    assert (entry.actor, entry.ip_address, entry.user_agent) == (user, "10.1.2.3", "Firefox")
