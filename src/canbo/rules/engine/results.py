"""What a check answers: one Result per rule, gathered in an Evaluation."""

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Outcome(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    WARNING = "warning"
    NOT_APPLICABLE = "not_applicable"


class Severity(StrEnum):
    HARD = "hard"  # a failure blocks the action
    SOFT = "soft"  # a failure can be overridden with a written justification


# Outcomes as small integers for the array path (rank); higher is worse.
CODES = {Outcome.NOT_APPLICABLE: 0, Outcome.PASS: 1, Outcome.WARNING: 2, Outcome.FAIL: 3}
OUTCOMES = {code: outcome for outcome, code in CODES.items()}
NA, PASS, WARN, FAIL = 0, 1, 2, 3


def jsonable(value: Any) -> Any:
    """Facts as JSON values: dates as ISO strings, sets and tuples as lists."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        items = [jsonable(v) for v in value]
        return sorted(items, key=str) if isinstance(value, set | frozenset) else items
    return value


@dataclass(frozen=True, slots=True)
class Result:
    rule: str
    name_vi: str
    name_en: str
    severity: Severity
    outcome: Outcome
    reason_vi: str
    reason_en: str
    facts: dict = field(default_factory=dict)
    params: dict = field(default_factory=dict)
    source: str = ""

    @property
    def blocks(self) -> bool:
        return self.outcome == Outcome.FAIL and self.severity == Severity.HARD

    @property
    def needs_justification(self) -> bool:
        return self.outcome == Outcome.FAIL and self.severity == Severity.SOFT

    def name(self, language: str = "vi") -> str:
        return self.name_en if language.startswith("en") else self.name_vi

    def reason(self, language: str = "vi") -> str:
        return self.reason_en if language.startswith("en") else self.reason_vi

    def to_dict(self, language: str | None = None) -> dict:
        data = {
            "rule": self.rule,
            "name": {"vi": self.name_vi, "en": self.name_en},
            "severity": str(self.severity),
            "outcome": str(self.outcome),
            "reason": {"vi": self.reason_vi, "en": self.reason_en},
            "facts": jsonable(self.facts),
            "params": jsonable(self.params),
            "source": self.source,
        }
        if language:
            data["name"] = self.name(language)
            data["reason"] = self.reason(language)
        return data


@dataclass(frozen=True, slots=True)
class Evaluation:
    """All rule results for one person, target and proposal, with the rule set and parameters used."""

    person_id: int
    person_code: str
    person_name: str
    target: dict
    proposal: dict
    ruleset: str
    ruleset_effective_from: dt.date
    params: dict
    results: tuple[Result, ...]

    @property
    def eligible(self) -> bool:
        """No hard failure. Soft failures still need a written justification."""
        return not any(r.blocks for r in self.results)

    @property
    def counts(self) -> dict[str, int]:
        counter = Counter(str(r.outcome) for r in self.results)
        counts = {str(outcome): counter.get(str(outcome), 0) for outcome in Outcome}
        counts["hard_failures"] = sum(r.blocks for r in self.results)
        counts["soft_failures"] = sum(r.needs_justification for r in self.results)
        return counts

    def result(self, rule: str) -> Result:
        return next(r for r in self.results if r.rule == rule)

    def to_dict(self, language: str | None = None) -> dict:
        return {
            "person": {"id": self.person_id, "code": self.person_code, "name": self.person_name},
            "target": jsonable(self.target),
            "proposal": jsonable(self.proposal),
            "ruleset": self.ruleset,
            "ruleset_effective_from": self.ruleset_effective_from.isoformat(),
            "params": jsonable(self.params),
            "eligible": self.eligible,
            "counts": self.counts,
            "results": [r.to_dict(language) for r in self.results],
        }
