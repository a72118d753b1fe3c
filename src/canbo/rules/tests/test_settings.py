"""Thresholds an administrator changes from a date on: validated when set, in force from their date, and
recorded by every check that used them."""

import datetime as dt
import io
import json

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.utils import translation

from canbo.core import testing
from canbo.rules.engine import DEFAULTS, Proposal
from canbo.rules.selectors import active_ruleset
from canbo.rules.services import check_cadre, rule_setting_set

from .conftest import DAY, seat

pytestmark = pytest.mark.django_db


def set_months(months, day, **extra):
    return rule_setting_set(
        ruleset="QD-2025", name="appointment_min_service_months", value=months, effective_from=day, **extra
    )


def test_a_setting_is_in_force_from_its_date_until_the_next_one():
    set_months(48, dt.date(2026, 1, 1), note="Quyết định 12-QĐ/TU")
    set_months(72, dt.date(2027, 1, 1))
    assert active_ruleset(dt.date(2025, 12, 31)).params["appointment_min_service_months"] == 60
    assert active_ruleset(dt.date(2026, 1, 1)).params["appointment_min_service_months"] == 48
    assert active_ruleset(dt.date(2026, 12, 31)).params["appointment_min_service_months"] == 48
    assert active_ruleset(dt.date(2027, 1, 1)).params["appointment_min_service_months"] == 72


def test_setting_the_same_day_again_replaces_the_value():
    set_months(48, dt.date(2026, 1, 1))
    set_months(50, dt.date(2026, 1, 1))
    assert active_ruleset(dt.date(2026, 6, 1)).params["appointment_min_service_months"] == 50


@pytest.mark.parametrize(
    ("name", "value", "field", "words"),
    [
        ("appointment_min_service_months", -1, "value", "phải là số nguyên từ 0 đến 1200"),
        ("appointment_min_service_months", True, "value", "phải là số nguyên"),
        ("no_such_threshold", 1, "value", "không có tham số này"),
        ("severities", {"kinship": "optional"}, "value", "phải là hard hoặc soft"),
        ("severities", {"no_rule": "soft"}, "value", "không có quy tắc no_rule"),
        ("discipline_wait_months", {"scolding": 3}, "value", "hình thức kỷ luật không rõ"),
        ("title_standards", {"X_BT": {"degree": "phd"}}, "value", "yêu cầu không hợp lệ"),
    ],
)
def test_a_value_the_rules_cannot_use_is_refused_with_a_reason(name, value, field, words):
    with translation.override("vi"), pytest.raises(ValidationError) as caught:
        rule_setting_set(ruleset="QD-2025", name=name, value=value, effective_from=dt.date(2026, 1, 1))
    assert words in " ".join(caught.value.message_dict[field])


def test_an_unknown_rule_set_is_refused():
    with pytest.raises(ValidationError) as caught:
        rule_setting_set(
            ruleset="QD-1990", name="term_limit_months", value=60, effective_from=dt.date(2026, 1, 1)
        )
    assert "ruleset" in caught.value.message_dict


def test_a_check_records_the_values_in_force(people, ward):
    admin = testing.make_user("admin", role="administrator")
    set_months(48, dt.date(2026, 1, 1), set_by=admin)
    evaluation, record = check_cadre(
        cadre=people.giap, position=seat(ward.hoanh_son, "X_BT"), proposal=Proposal("appointment", DAY)
    )
    assert evaluation.params["appointment_min_service_months"] == 48
    assert record.params["appointment_min_service_months"] == 48
    assert record.params["term_limit_months"] == DEFAULTS["term_limit_months"]
    service = next(r for r in record.results if r["rule"] == "service_before_appointment")
    assert service["params"]["appointment_min_service_months"] == 48


def run(*args) -> str:
    out = io.StringIO()
    call_command("rules", *args, stdout=out)
    return out.getvalue()


def test_the_rules_command_sets_and_shows_parameters():
    assert "term_limit_months = 96 (default)" in run("--language", "en", "show", "--as-of", "2026-01-01")
    out = run("--language", "en", "set", "term_limit_months", "108", "--from", "2026-03-01", "--note", "Thử")
    assert out.strip() == "term_limit_months = 108 in QD-2025 from 01/03/2026."
    data = json.loads(run("show", "--as-of", "2026-03-01", "--format", "json"))
    row = next(p for p in data["params"] if p["name"] == "term_limit_months")
    assert (row["value"], row["default"], row["set_from"]) == (108, 96, "2026-03-01")
    with pytest.raises(CommandError, match="JSON"):
        run("set", "term_limit_months", "nine", "--from", "2026-03-01")
    with pytest.raises(CommandError, match="1200"):
        run("set", "term_limit_months", "5000", "--from", "2026-03-01")
