"""Offices run on closed networks: no page Canbo serves may load anything from another host."""

import re

import pytest
from django.urls import reverse

from canbo.core import testing
from canbo.organizations.models import OrgUnitKind

EXTERNAL = re.compile(r"""(?:src|href|action)\s*=\s*["'](?:https?:)?//|url\(\s*["']?(?:https?:)?//""", re.I)


@pytest.mark.django_db
def test_pages_load_nothing_from_other_hosts(admin_client, client):
    commune = testing.make_unit("Xã Kỳ Nam", OrgUnitKind.COMMUNE)
    cadre = testing.make_cadre("Nguyễn Văn Giáp", managed_by=commune)
    urls = [
        reverse("core:home"),
        reverse("people:cadre_list"),
        reverse("people:cadre", args=[cadre.pk]),
        reverse("people:cadre_edit", args=[cadre.pk]),
        reverse("organizations:orgunit_tree"),
        reverse("organizations:orgunit", args=[commune.pk]),
        reverse("accounts:user_list"),
        reverse("audit:history", args=["people.Cadre", cadre.pk]),
        reverse("core:import"),
        reverse("api:docs"),
    ]
    for url in urls:
        page = admin_client.get(url).content.decode()
        assert not EXTERNAL.search(page), f"{url} refers to another host: {EXTERNAL.search(page).group(0)}"
    login = client.get(reverse("accounts:login")).content.decode()
    assert not EXTERNAL.search(login)
