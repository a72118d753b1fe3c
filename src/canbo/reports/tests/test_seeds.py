"""The reports, computed from the raw records of the seed situations, give the seeds' published figures."""

import json

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from canbo.organizations.models import OrgUnit
from canbo.reports import seeds, selectors
from canbo.reports.selectors import Population, Scope

pytestmark = pytest.mark.django_db


def unit(code):
    return OrgUnit.objects.get(code=code)


def test_hai_phong_structure(seeded):
    data = selectors.structure(None, Population(Scope.MANAGED_BY, unit("S-HP-TU"), seeds.AS_OF), 42)
    assert data["total"] == {"count": 583, "percent": 100.0}
    assert data["women"] == {"count": 112, "percent": 19.2}
    assert data["young"] == {"count": 45, "percent": 7.7}
    assert data["education"]["master"] == {"count": 454, "percent": 77.9}
    assert data["education"]["doctorate"] == {"count": 52, "percent": 8.9}
    assert data["education"]["university_or_above"]["percent"] == 100.0


def test_hai_phong_commune_party_committee_members(seeded, capsys):
    call_command(
        "report",
        "structure",
        "--commune-committees",
        "S-HP",
        "--as-of",
        str(seeds.AS_OF),
        "--young-under",
        "42",
        "--format",
        "json",
    )
    data = json.loads(capsys.readouterr().out)
    education = data["education"]
    assert data["scope"] == Scope.COMMUNE_COMMITTEES
    assert data["total"] == {"count": 3261, "percent": 100.0}
    # The published figures that arithmetic gives back.
    assert data["young"] == {"count": 689, "percent": 21.1}
    assert education["university"] == {"count": 1738, "percent": 53.3}
    assert education["doctorate"] == {"count": 34, "percent": 1.0}
    # Printed 30.9%: 991 / 3,261 is 30.4%.
    assert data["women"] == {"count": 991, "percent": 30.4}
    # Printed 0.02%: 7 / 3,261 is 0.2%.
    assert education["college"] == {"count": 7, "percent": 0.2}
    # Printed 1,506 master's (46.2%), but the four degrees printed add up to 3,285 for 3,261 members: the 24
    # counted twice are taken as doctors also listed among the master's, and each member counts once.
    published = {"college": 7, "university": 1738, "master": 1506, "doctorate": 34}
    counted_twice = sum(published.values()) - data["total"]["count"]
    assert counted_twice == 24
    assert education["master"] == {"count": published["master"] - counted_twice, "percent": 45.4}
    assert sum(education[degree]["count"] for degree in published) == data["total"]["count"]


def test_hai_phong_before_anyone_was_in_post(seeded):
    data = selectors.structure(None, Population(Scope.MANAGED_BY, unit("S-HP-TU"), seeds.AS_OF.replace(2017)))
    assert data["total"]["count"] == 0


def test_kim_bang_moves_in_half_a_term(seeded):
    moves = selectors.movements(None, unit("S-KB"), seeds.TERM_START, seeds.HALF_TERM_END)
    down = moves["down"]
    assert (down["count"], down["key"]) == (6, 6)
    assert {c: t["count"] for c, t in down["by_title"].items()} == {"X_BT": 4, "X_CT_UBND": 2}
    assert moves["between_departments"]["count"] == 18
    assert moves["up"]["count"] == 3
    assert moves["returned"]["count"] == 2
    sideways = moves["horizontal"]
    assert (sideways["key"], sideways["other"]) == (8, 23)
    key_titles = {c: t["count"] for c, t in sideways["by_title"].items() if t["key"]}
    assert key_titles == {"X_BT": 5, "X_CT_UBND": 3}
    assert len(selectors.movement_people(moves, "horizontal", "key")) == 8


def test_kim_bang_non_local_secretaries_and_chairmen(seeded):
    rows = {r["title"]: r for r in selectors.non_local_heads(None, unit("S-KB"), seeds.AS_OF)}
    secretaries, chairmen = rows["X_BT"], rows["X_CT_UBND"]
    assert (secretaries["non_local"].count, secretaries["local"].count) == (8, 10)
    assert (chairmen["non_local"].count, chairmen["local"].count) == (4, 14)


def test_nam_giang_against_its_targets(seeded):
    targets = {t["unit"].code: t for t in selectors.structure_targets(None, unit("S-NG"), seeds.AS_OF)}
    committee, offices = targets["S-NG-DU"], targets["S-NG-UB"]
    assert (committee["percent"], committee["target"], committee["gap"]) == (62.0, 50.0, 12.0)
    assert (offices["percent"], offices["target"], offices["gap"]) == (55.0, 35.0, 20.0)


def test_the_command_prints_the_figures(seeded, capsys):
    call_command(
        "report", "structure", "--managed-by", "S-HP-TU", "--as-of", str(seeds.AS_OF), "--format", "json"
    )
    data = json.loads(capsys.readouterr().out)
    assert (data["women"]["percent"], data["young"]["percent"]) == (19.2, 7.7)


def test_the_command_writes_every_format(seeded, capsys, tmp_path):
    period = ["--unit", "S-KB", "--from", str(seeds.TERM_START), "--to", str(seeds.HALF_TERM_END)]
    call_command("report", "flows", *period, "--format", "json")
    data = json.loads(capsys.readouterr().out)
    assert [data[k]["count"] for k in selectors.DIRECTIONS] == [6, 3, 31, 18, 2]
    call_command("report", "indicators", "--unit", "S-KB", "--as-of", str(seeds.AS_OF), "--format", "table")
    table = capsys.readouterr().out
    assert "8/18" in table and "4/18" in table
    xlsx, pdf = tmp_path / "flows.xlsx", tmp_path / "flows.pdf"
    call_command("report", "flows", *period, "--format", "xlsx", "--output", str(xlsx))
    rows = [row[:4] for row in load_workbook(xlsx).active.iter_rows(values_only=True)]
    assert ("Trở về sau luân chuyển", 2, 0, 2) in rows
    call_command("report", "flows", *period, "--format", "pdf", "--output", str(pdf))
    assert pdf.read_bytes().startswith(b"%PDF")
    with pytest.raises(CommandError):
        call_command("report", "flows", *period, "--format", "pdf")
