"""docs/rules.md describes every rule and every parameter the engine has."""

from pathlib import Path

from canbo.rules.engine import RULES, SPECS

DOC = (Path(__file__).resolve().parents[4] / "docs" / "rules.md").read_text(encoding="utf-8")


def test_every_rule_and_its_source_are_documented():
    for rule in RULES:
        assert f"`{rule.code}`" in DOC, rule.code
        assert f"| {rule.severity.value} |" in DOC.split(f"`{rule.code}`", 1)[1].split("\n", 1)[0], rule.code


def test_every_parameter_is_documented():
    for name in SPECS:
        assert f"`{name}`" in DOC, name
