from .evaluations import (
    Disqualification,
    Evaluation,
    EvaluationStatus,
    Grade,
    KpiTask,
    SubjectKind,
    TaskGroup,
    Timeliness,
)

__all__ = [
    "Disqualification",
    "Evaluation",
    "EvaluationStatus",
    "Grade",
    "KpiTask",
    "SubjectKind",
    "TaskGroup",
    "Timeliness",
]
