import io
from collections import Counter

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from canbo import cli
from canbo.organizations import reference, services
from canbo.organizations.models import AdminLevel, OrgUnit, OrgUnitKind, OrgUnitVersion, Position

pytestmark = pytest.mark.django_db


def test_load_divisions_gives_the_34_provinces_and_3321_communes_once():
    counts = services.load_divisions()
    assert counts == {
        "provinces": 34,
        "communes": 3321,
        "created": 3355,
        "updated": 0,
        "bodies": 0,
        "positions": 0,
    }
    kinds = Counter(OrgUnit.objects.values_list("kind", flat=True))
    assert kinds[OrgUnitKind.PROVINCE] + kinds[OrgUnitKind.CITY] == 34
    assert (kinds[OrgUnitKind.COMMUNE], kinds[OrgUnitKind.WARD], kinds[OrgUnitKind.SPECIAL_ZONE]) == (
        2621,
        687,
        13,
    )
    assert kinds[OrgUnitKind.CITY] == 6

    hai_phong = OrgUnit.objects.get(code="31")
    assert (hai_phong.name, hai_phong.kind, hai_phong.path, hai_phong.depth) == (
        "Thành phố Hải Phòng",
        OrgUnitKind.CITY,
        f"/{hai_phong.pk}/",
        0,
    )
    assert hai_phong.territory == hai_phong and hai_phong.valid_from == services.DIVISIONS_VALID_FROM
    commune = OrgUnit.objects.get(code="11311")
    assert (
        commune.parent == hai_phong
        and commune.path == f"{hai_phong.path}{commune.pk}/"
        and commune.depth == 1
    )
    assert commune.territory == commune and commune.admin_level == AdminLevel.COMMUNE
    assert commune.search_text.endswith(" 11311")
    assert OrgUnitVersion.objects.count() == 3355
    assert not OrgUnit.objects.filter(path="").exists()
    assert not OrgUnit.objects.filter(territory__isnull=True).exists()

    # A second run creates nothing and puts a changed name back.
    OrgUnit.objects.filter(pk=commune.pk).update(name="Tên sai")
    again = services.load_divisions()
    assert (again["created"], again["updated"]) == (0, 1)
    commune.refresh_from_db()
    assert commune.name != "Tên sai" and OrgUnit.objects.count() == 3355
    assert commune.versions.get().name == commune.name


def test_load_one_province_with_its_bodies():
    counts = services.load_divisions(["31"], with_bodies=True)
    communes = counts["communes"]
    departments = len(reference.PROVINCE_DEPARTMENTS)
    assert counts["provinces"] == 1 and counts["created"] == 1 + communes
    assert counts["bodies"] == 4 * (1 + communes) + departments
    assert Position.objects.count() == counts["positions"]
    assert OrgUnit.objects.get(code="31-DU").name == "Thành ủy Hải Phòng"
    assert OrgUnit.objects.filter(parent__code="31-UBND", kind=OrgUnitKind.DEPARTMENT).count() == departments
    assert not OrgUnit.objects.filter(path="").exists()
    again = services.load_divisions(["31"], with_bodies=True)
    assert (again["created"], again["bodies"], again["positions"]) == (0, 0, 0)


def test_load_divisions_refuses_an_unknown_province():
    with pytest.raises(ValidationError):
        services.load_divisions(["99"])
    assert not OrgUnit.objects.exists()


def test_command_prints_a_summary():
    out = io.StringIO()
    call_command("load_divisions", "--province", "31", "--province", "1", stdout=out)
    lines = out.getvalue().splitlines()
    assert len(lines) == 2 and all("2" in line for line in lines)
    assert OrgUnit.objects.filter(kind__in=[OrgUnitKind.PROVINCE, OrgUnitKind.CITY]).count() == 2


def test_hyphenated_command_names():
    assert cli._command_name(["load-divisions", "--with-bodies"]) == ["load_divisions", "--with-bodies"]
    assert cli._command_name(["no-such-command"]) == ["no-such-command"]
    assert cli._command_name(["--version"]) == ["--version"]
