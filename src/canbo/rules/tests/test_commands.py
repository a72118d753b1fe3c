"""`canbo check` and `canbo eligible` through call_command."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from canbo.core import testing
from canbo.rules.models import RuleCheck


def run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_check_as_json_gives_every_rule_with_reason_and_facts_and_records_it(people):
    out = run(
        "check",
        "--cadre",
        people.giap.code,
        "--unit",
        "18581-DU",
        "--title",
        "X_BT",
        "--as-of",
        "2026-01-05",
        "--action",
        "rotation",
        "--return-date",
        "2029-01-05",
        "--format",
        "json",
    )
    data = json.loads(out)
    assert data["ruleset"] == "QD-2025"
    assert data["eligible"] is False
    assert len(data["results"]) == 12
    non_local = next(r for r in data["results"] if r["rule"] == "non_local")
    assert non_local["outcome"] == "fail"
    assert non_local["reason"].startswith("Quê quán xã Kỳ Nam trùng địa bàn đơn vị bổ nhiệm")
    assert non_local["facts"]["local_by_hometown"] is True
    kinship = next(r for r in data["results"] if r["rule"] == "kinship")
    assert kinship["outcome"] == "fail" and "Trần Thị Hoa" in kinship["reason"]
    record = RuleCheck.objects.get(pk=data["check"])
    assert (record.source, record.ran_by, record.ruleset, record.eligible) == ("cli", None, "QD-2025", False)
    assert record.params["rotation_min_months"] == 36
    assert record.unit.code == "18581-DU" and record.title.code == "X_BT"


def test_check_as_a_table_in_english(people):
    out = run(
        "check",
        "--cadre",
        people.duc.code,
        "--unit",
        "18581-DU",
        "--title",
        "X_BT",
        "--as-of",
        "2026-01-05",
        "--language",
        "en",
    )
    assert out.startswith(f"Cadre: {people.duc.code} Lê Minh Đức\n")
    assert "Rule set: QD-2025, in force from 08/10/2025" in out
    assert "[✗] Waiting period after discipline — fail (blocks)" in out
    assert (
        "Disciplined (reprimand) on 01/02/2025, within the 24-month waiting period (until 01/02/2027)" in out
    )
    assert "[!] Planning — warning (needs a written justification)" in out


def test_check_in_vietnamese_by_default(people):
    out = run(
        "check", "--cadre", people.duc.code, "--unit", "18581-DU", "--title", "X_BT", "--as-of", "2026-01-05"
    )
    assert out.startswith(f"Cán bộ: {people.duc.code} Lê Minh Đức\n")
    assert "không đủ điều kiện" in out


def test_eligible_lists_everyone_eligible_first(people):
    data = json.loads(
        run("eligible", "--unit", "18581-DU", "--title", "X_BT", "--as-of", "2026-01-05", "--format", "json")
    )
    assert (data["total"], data["eligible"]) == (3, 1)
    assert [row["person"]["name"] for row in data["results"]] == [
        "Trần Thị Hoa",
        "Lê Minh Đức",
        "Nguyễn Văn Giáp",
    ]
    assert [row["eligible"] for row in data["results"]] == [True, False, False]
    assert data["ruleset"]["code"] == "QD-2025" and data["params"]["term_limit_months"] == 96
    assert all(len(row["results"]) == 12 for row in data["results"])
    assert not RuleCheck.objects.exists()  # a search, not a check: nothing recorded


def test_eligible_as_a_table_with_a_limit(people):
    out = run("eligible", "--unit", "18581-DU", "--title", "X_BT", "--as-of", "2026-01-05", "--limit", "1")
    assert "1 trong 3 cán bộ đủ điều kiện" in out
    assert "Trần Thị Hoa" in out and "Lê Minh Đức" not in out


def test_a_user_sees_only_their_scope(people, ward):
    testing.make_user("xa", ward.other, role="organizer")
    with pytest.raises(CommandError, match="18581-DU"):
        run("eligible", "--unit", "18581-DU", "--title", "X_BT", "--user", "xa")
    with pytest.raises(CommandError, match=people.giap.code):
        run("check", "--cadre", people.giap.code, "--unit", "18571-DU", "--title", "X_BT", "--user", "xa")
    data = json.loads(
        run("eligible", "--unit", "18571-DU", "--title", "X_BT", "--user", "xa", "--format", "json")
    )
    assert [row["person"]["name"] for row in data["results"]] == ["Lê Minh Đức"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--unit", "nowhere", "--title", "X_BT"], "nowhere"),
        (["--unit", "18581-DU", "--title", "NOPE"], "NOPE"),
        (["--unit", "18581-DU", "--title", "X_CT_UBND"], "X_CT_UBND|Chủ tịch"),
        (["--unit", "18581-DU", "--title", "X_BT", "--as-of", "05/01/2026"], "05/01/2026"),
        (["--unit", "18581-DU", "--title", "X_BT", "--user", "ghost"], "ghost"),
    ],
)
def test_errors_name_what_is_wrong(people, args, message):
    with pytest.raises(CommandError, match=message):
        run("eligible", *args)
