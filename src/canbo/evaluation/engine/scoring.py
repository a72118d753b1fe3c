"""A KPI task's score, an evaluation's score and the level it gives."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from fractions import Fraction

from .params import DEFAULTS, Params


class Grade(StrEnum):
    """The four levels; the codes are those the rules engine reads (`evaluation_failing_grades`)."""

    EXCELLENT = "excellent"
    GOOD = "good"
    COMPLETED = "completed"
    NOT_COMPLETED = "not_completed"


class Timeliness(StrEnum):
    EARLY = "early"
    ON_TIME = "on_time"
    LATE = "late"


@dataclass(frozen=True, slots=True)
class Task:
    """A KPI task: a measurable product with its target and weight, and what was achieved.

    `result` is the quantity achieved against `target`; `quality` the evaluator's mark from 0 to 100;
    `timeliness` whether the product came on time. A task with any of the three missing is not measured yet.
    """

    target: float
    weight: float
    result: float | None = None
    quality: float | None = None
    timeliness: Timeliness | None = None

    @property
    def measured(self) -> bool:
        return self.result is not None and self.quality is not None and self.timeliness is not None

    @property
    def over_fulfilled(self) -> bool:
        return self.result is not None and self.result > self.target


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a level was given or lowered: a code and the figures behind it (the caller words it)."""

    code: str
    values: dict = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Grading:
    """`score` is None until every task is measured; `grade` is None while nothing decides it."""

    score: float | None
    grade: Grade | None
    reasons: tuple[Reason, ...] = ()
    tasks: int = 0
    over_fulfilled: int = 0


def task_score(task: Task, params: Params = DEFAULTS) -> float | None:
    """0–100 from quantity (achieved over target, at most full credit), quality and timeliness."""
    if not task.measured:
        return None
    quantity = min(task.result / task.target, 1.0) if task.target > 0 else 1.0
    timeliness = params.late_credit if task.timeliness == Timeliness.LATE else 1.0
    total = params.quantity_weight + params.quality_weight + params.timeliness_weight
    score = (
        params.quantity_weight * quantity
        + params.quality_weight * min(max(task.quality, 0.0), 100.0) / 100
        + params.timeliness_weight * timeliness
    )
    return 100 * score / total


def level_for_score(score: float, params: Params = DEFAULTS) -> Grade:
    if score >= params.excellent_from:
        return Grade.EXCELLENT
    if score >= params.good_from:
        return Grade.GOOD
    if score >= params.completed_from:
        return Grade.COMPLETED
    return Grade.NOT_COMPLETED


def derive(
    tasks: Sequence[Task],
    *,
    needs_over_fulfilment: bool = False,
    disqualifications: Iterable[str] = (),
    assigned: Grade | None = None,
    params: Params = DEFAULTS,
) -> Grading:
    """The score of `tasks` (weighted mean of their scores, two decimals) and the level it gives.

    - A disqualifying event (discipline in the year, corruption in a unit led...) means "not completed"
      whatever the score.
    - "Good" and "excellent" need every task on time; otherwise the level is "completed" at most.
    - "Excellent" from a collective or a leader (`needs_over_fulfilment`) also needs at least 30% of the
      tasks over-fulfilled; otherwise "good".
    - Without tasks, the level rated directly (`assigned`, as party cells and members often are) stands.
    """
    disqualified = tuple(sorted(set(disqualifications)))
    over = sum(t.over_fulfilled for t in tasks)
    counts = {"tasks": len(tasks), "over_fulfilled": over}
    if disqualified:
        reason = Reason("disqualified", {"events": disqualified})
        score = _score(tasks, params)
        return Grading(score, Grade.NOT_COMPLETED, (reason,), **counts)
    if not tasks:
        if assigned is None:
            return Grading(None, None, (Reason("no_tasks"),), **counts)
        return Grading(None, Grade(assigned), (Reason("assigned"),), **counts)
    score = _score(tasks, params)
    if score is None:
        pending = sum(not t.measured for t in tasks)
        return Grading(None, None, (Reason("not_measured", {"pending": pending}),), **counts)
    grade = level_for_score(score, params)
    reasons = [Reason("score", {"score": score, "grade": grade.value})]
    late = sum(t.timeliness == Timeliness.LATE for t in tasks)
    if grade in (Grade.EXCELLENT, Grade.GOOD) and late:
        grade = Grade.COMPLETED
        reasons.append(Reason("late", {"late": late}))
    if grade == Grade.EXCELLENT and needs_over_fulfilment and _short_of(over, len(tasks), params):
        grade = Grade.GOOD
        reasons.append(
            Reason(
                "over_fulfilment", {"over": over, "tasks": len(tasks), "share": params.over_fulfilment_share}
            )
        )
    return Grading(score, grade, tuple(reasons), **counts)


def _short_of(over: int, tasks: int, params: Params) -> bool:
    """Fewer than the share over-fulfilled, in exact fractions: 3 of 10 is 30%, whatever floats make of it."""
    return Fraction(over, tasks) < Fraction(str(params.over_fulfilment_share))


def _score(tasks: Sequence[Task], params: Params) -> float | None:
    scores = [task_score(t, params) for t in tasks]
    if not scores or any(s is None for s in scores):
        return None
    weight = sum(t.weight for t in tasks)
    if weight <= 0:
        return None
    return round(sum(t.weight * s for t, s in zip(tasks, scores, strict=True)) / weight, 2)
