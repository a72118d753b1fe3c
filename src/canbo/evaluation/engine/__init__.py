"""Evaluation after Regulation 366-QĐ/TW and Decree 335/2025: plain Python, no Django.

Scores from KPI tasks, the level a score gives, the quota of "excellent" per unit and task group, runs of
"not completed" years, and the shares of party cells and members rated well against a body's targets.
"""

from .params import Params
from .scoring import Grade, Grading, Reason, Task, Timeliness, derive, level_for_score, task_score
from .tallies import QuotaBreach, Share, check_quota, dismissal_year, quota_allowed, share

__all__ = [
    "Grade",
    "Grading",
    "Params",
    "QuotaBreach",
    "Reason",
    "Share",
    "Task",
    "Timeliness",
    "check_quota",
    "derive",
    "dismissal_year",
    "level_for_score",
    "quota_allowed",
    "share",
    "task_score",
]
