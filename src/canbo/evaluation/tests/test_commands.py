"""`canbo evaluation finalize|summary`, `canbo demo-evaluations`, and the rules engine reading the grades
(`canbo check`)."""

import datetime as dt
import io
import json

import pytest
from django.core.management import CommandError, call_command

from canbo.core import testing
from canbo.evaluation.models import Evaluation, EvaluationStatus, Grade
from canbo.organizations.models import OrgUnitKind

from .builders import COMPLETED, EXCELLENT, GOOD, NOT_COMPLETED, make_evaluation

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_finalize_refused_with_the_excess_then_done(commune, people):
    for cadre, tasks in zip(people[:3], [EXCELLENT, GOOD, GOOD], strict=True):
        make_evaluation(commune, cadre, tasks=tasks)
    with pytest.raises(CommandError, match="1 too many"):
        run("evaluation", "finalize", "--unit", "11311", "--year", "2025", "--language", "en")
    summary = json.loads(
        run("evaluation", "summary", "--unit", "11311", "--year", "2025", "--format", "json")
    )
    assert summary["total"] == 3 and summary["finalizable"] is False
    assert summary["groups"][0]["excess"] == 1
    make_evaluation(commune, people[3], tasks=GOOD)
    make_evaluation(commune, people[4], tasks=GOOD)
    make_evaluation(commune, people[5], tasks=GOOD)
    out = run("evaluation", "finalize", "--unit", "11311", "--year", "2025", "--language", "en")
    assert out.strip() == "6 evaluations finalized."
    assert not Evaluation.objects.exclude(status=EvaluationStatus.FINALIZED).exists()
    table = run("evaluation", "summary", "--unit", "11311", "--year", "2025", "--language", "en")
    assert "excellent 1, good 5, allowed 1 — within" in table


def test_commands_keep_to_the_users_scope(commune, people):
    other = testing.make_unit("Xã Kỳ Bắc", parent=commune.parent, code="11312")
    testing.make_user("xa", other, "approver")
    with pytest.raises(CommandError, match="No unit"):
        run("evaluation", "finalize", "--unit", "11311", "--year", "2025", "--user", "xa", "--language", "en")


def test_rules_engine_reads_finalized_grades(commune, people, secretary_title):
    """ "No not-completed in the last two years" from real data: fail, then pass, through `canbo check`."""
    committee = testing.make_unit(
        "Đảng ủy xã Kỳ Nam", OrgUnitKind.PARTY_COMMITTEE, parent=commune, code="K-DU"
    )
    testing.make_position(committee, secretary_title)
    failing, passing = people[0], people[1]
    for year, grades in ((2024, [NOT_COMPLETED, GOOD]), (2025, [COMPLETED, GOOD])):
        for cadre, tasks in zip((failing, passing), grades, strict=True):
            make_evaluation(commune, cadre, year=year, tasks=tasks)
        run("evaluation", "finalize", "--unit", "11311", "--year", str(year))

    def evaluation_rule(cadre):
        out = run(
            "check",
            *("--cadre", cadre.code, "--unit", "K-DU", "--title", secretary_title.code),
            *("--as-of", "2026-03-01", "--format", "json", "--language", "en"),
        )
        return next(r for r in json.loads(out)["results"] if r["rule"] == "evaluation")

    result = evaluation_rule(failing)
    assert result["outcome"] == "fail"
    assert result["facts"]["grades"] == {"2024": "not_completed", "2025": "completed"}
    assert "not completed in 2024" in result["reason"]
    assert evaluation_rule(passing)["outcome"] == "pass"
    # Someone never evaluated: the data exists, their years are missing: check by hand.
    assert evaluation_rule(people[2])["outcome"] == "warning"


def test_demo_evaluations_are_deterministic_and_keep_the_quota(commune, secretary_title):
    committee = testing.make_unit("Đảng ủy xã Kỳ Nam", OrgUnitKind.PARTY_COMMITTEE, parent=commune)
    staff = testing.make_title("X_CC", "Công chức", rank=60)
    position = testing.make_position(committee, staff, seats=40)
    for n in range(40):
        cadre = testing.make_cadre(f"Cán bộ {n}", managed_by=commune, party_join_date=dt.date(2001, 1, 1))
        testing.make_assignment(cadre, position, start_date=dt.date(2015, 1, 1), seat=n + 1)
    out = run("demo_evaluations", "--years", "3", "--last-year", "2025", "--seed", "7")
    first = sorted(Evaluation.objects.values_list("kind", "cadre__code", "year", "grade", "score"))
    # 40 individuals and 40 party members a year, and their unit: all finalized, so the quota held.
    assert len(first) == 3 * 81
    assert "243" in out
    assert not Evaluation.objects.exclude(status=EvaluationStatus.FINALIZED).exists()
    grades = {g for _k, _c, _y, g, _s in first}
    assert {Grade.EXCELLENT, Grade.GOOD, Grade.COMPLETED} <= grades
    # Years already evaluated are left alone; a fresh run with the same seed gives the same data.
    run("demo_evaluations", "--years", "3", "--last-year", "2025", "--seed", "7")
    assert Evaluation.objects.count() == len(first)
    Evaluation.objects.all().delete()
    run("demo_evaluations", "--years", "3", "--last-year", "2025", "--seed", "7")
    assert sorted(Evaluation.objects.values_list("kind", "cadre__code", "year", "grade", "score")) == first
