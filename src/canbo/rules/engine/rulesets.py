"""Named, dated rule sets. A check uses the set in force on the proposal date, with the parameters in force
then (the defaults, overridden by an administrator's settings from their effective dates)."""

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from . import params as param_specs
from .params import ParamError
from .rules import RULES, Rule


@dataclass(frozen=True)
class RuleSet:
    code: str
    name_vi: str
    name_en: str
    effective_from: dt.date
    rules: tuple[Rule, ...]
    params: Mapping[str, Any] = field(default_factory=lambda: dict(param_specs.DEFAULTS))

    def with_params(self, overrides: Mapping[str, Any]) -> "RuleSet":
        """The same rules with some parameters changed; raises ParamError for a value that cannot be used."""
        values = {**self.params, **overrides}
        param_specs.validate(overrides)
        codes = {rule.code for rule in self.rules}
        unknown = [code for code in values["severities"] if code not in codes]
        if unknown:
            raise ParamError("severities", f"không có quy tắc {unknown[0]}", f"no rule {unknown[0]}")
        return replace(self, params=values)

    def rule(self, code: str) -> Rule:
        return next(rule for rule in self.rules if rule.code == code)


DEFAULT = RuleSet(
    code="QD-2025",
    name_vi="Các quy định năm 2025 (Quy định 65, 205, 365, 366, 377; Nghị định 135/2020)",
    name_en="The 2025 regulations (Regulations 65, 205, 365, 366, 377; Decree 135/2020)",
    # Regulation 377-QĐ/TW of 8 October 2025 completed the set.
    effective_from=dt.date(2025, 10, 8),
    rules=RULES,
)

RULESETS: dict[str, RuleSet] = {DEFAULT.code: DEFAULT}


def ruleset_on(day: dt.date) -> RuleSet:
    """The latest set in force on `day`; before the first one, the first one (the only rules known)."""
    in_force = [rs for rs in RULESETS.values() if rs.effective_from <= day]
    if in_force:
        return max(in_force, key=lambda rs: rs.effective_from)
    return min(RULESETS.values(), key=lambda rs: rs.effective_from)
