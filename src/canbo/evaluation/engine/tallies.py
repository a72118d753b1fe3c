"""Counts over many evaluations: the quota of "excellent", runs of failing years, the party's shares."""

import math
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction

from .params import DEFAULTS, Params
from .scoring import Grade


@dataclass(frozen=True, slots=True)
class QuotaBreach:
    """A unit and task group (`key`) with more "excellent" than its quota allows."""

    key: Hashable
    excellent: int
    good: int
    allowed: int

    @property
    def excess(self) -> int:
        return self.excellent - self.allowed


def quota_allowed(good: int, params: Params = DEFAULTS) -> int:
    """How many may be rated "excellent" when `good` are rated "good": 20% of them, rounded down.

    Exact fractions, so that 20% of 15 is 3 and not 3.0000000000000004 rounded the wrong way one day.
    """
    return math.floor(Fraction(str(params.excellent_quota_share)) * good)


def check_quota(groups: Mapping[Hashable, Mapping[str, int]], params: Params = DEFAULTS) -> list[QuotaBreach]:
    """Groups (grade -> count) whose "excellent" exceed the quota, in the order given."""
    breaches = []
    for key, counts in groups.items():
        excellent, good = counts.get(Grade.EXCELLENT, 0), counts.get(Grade.GOOD, 0)
        allowed = quota_allowed(good, params)
        if excellent > allowed:
            breaches.append(QuotaBreach(key, excellent, good, allowed))
    return breaches


def dismissal_year(history: Mapping[int, str], params: Params = DEFAULTS) -> int | None:
    """The latest year closing a run of `dismissal_years` consecutive years "not completed" (a missing
    year breaks the run), or None."""
    run, found, last_failed = 0, None, None
    for year in sorted(history):
        if history[year] == Grade.NOT_COMPLETED:
            run = run + 1 if last_failed == year - 1 else 1
            last_failed = year
            if run >= params.dismissal_years:
                found = year
        else:
            run = 0
    return found


@dataclass(frozen=True, slots=True)
class Share:
    """How many of `total` reached the level counted, against a target range."""

    count: int
    total: int
    low: float
    high: float

    @property
    def ratio(self) -> float | None:
        return self.count / self.total if self.total else None

    @property
    def status(self) -> str:
        """ "below", "within" or "above" the target range; "none" with nobody rated."""
        if not self.total:
            return "none"
        # Exact fractions, so that 7 of 10 is within a 70% floor and 17 of 20 within an 85% ceiling.
        ratio = Fraction(self.count, self.total)
        if ratio < Fraction(str(self.low)):
            return "below"
        return "above" if ratio > Fraction(str(self.high)) else "within"


def share(grades: Iterable[str], counted: Iterable[str], low: float, high: float) -> Share:
    grades = list(grades)
    counted = set(counted)
    return Share(sum(g in counted for g in grades), len(grades), low, high)
