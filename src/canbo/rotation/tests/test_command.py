"""`canbo plan generate` writes a round file that `canbo plan solve` reads back and solves."""

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError


def test_generated_round_solves_within_its_targets(tmp_path):
    path = tmp_path / "round.json"
    call_command(
        "plan", "generate", "--positions", "40", "--candidates", "300", "--seed", "3", "--output", path
    )
    out = io.StringIO()
    call_command(
        "plan", "solve", str(path), "--time-limit", "10", "--format", "json", "--explain", stdout=out
    )
    found = json.loads(out.getvalue())
    assert found["status"] == "optimal"
    # Explained from the round file's eligible pairs alone: parts that add up to the score, runners-up.
    why = found["explanations"]
    assert len(why["assignments"]) == found["filled"]
    first = why["assignments"][0]
    assert sum(first["parts"].values()) == pytest.approx(first["score"], abs=0.01)
    assert any(a["runners_up"] for a in why["assignments"])
    assert len(why["empty"]) + found["filled"] == 40
    assert found["violations"] == []
    assert found["filled"] == len(found["assignments"]) > 0
    assert found["shares"]["female"] >= 30


def test_solve_needs_a_file_or_a_round(tmp_path):
    with pytest.raises(CommandError):
        call_command("plan", "solve")
    bad = tmp_path / "bad.json"
    bad.write_text("{}")
    with pytest.raises(CommandError, match="round file"):
        call_command("plan", "solve", str(bad))
