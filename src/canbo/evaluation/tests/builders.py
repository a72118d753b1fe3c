"""Evaluations for tests, made through the services."""

from decimal import Decimal

from canbo.evaluation import services
from canbo.evaluation.models import SubjectKind


def make_evaluation(unit, cadre=None, year=2025, kind=None, tasks=(), **fields):
    """An evaluation with `tasks`: tuples (target, result, quality, timeliness) of weight 1."""
    kind = kind or (SubjectKind.INDIVIDUAL if cadre is not None else SubjectKind.COLLECTIVE)
    evaluation = services.evaluation_create(kind=kind, year=year, unit=unit, cadre=cadre, **fields)
    for n, (target, result, quality, timeliness) in enumerate(tasks, 1):
        services.task_add(
            evaluation,
            name=f"Nhiệm vụ {n}",
            target=Decimal(target),
            weight=Decimal(1),
            result=None if result is None else Decimal(result),
            quality=None if quality is None else Decimal(quality),
            timeliness=timeliness,
        )
    evaluation.refresh_from_db()
    return evaluation


def graded(unit, cadre, grade_tasks, **fields):
    """An individual evaluation whose tasks give a known level."""
    return make_evaluation(unit, cadre, tasks=grade_tasks, **fields)


# Task sets giving each level for someone without a leading post.
EXCELLENT = [(10, 10, 100, "on_time")]
GOOD = [(10, 10, 50, "on_time")]  # 40 + 20 + 20 = 80
COMPLETED = [(10, 10, 0, "on_time")]  # 60
NOT_COMPLETED = [(10, 0, 0, "late")]  # 10


def matrix_objects(unit, cadre) -> dict:
    """The evaluation objects of one side of the permission matrix."""
    evaluation = make_evaluation(unit, cadre, tasks=GOOD)
    return {"evaluation": evaluation, "kpi_task": evaluation.tasks.get()}
