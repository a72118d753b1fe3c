from .terms import EntryStatus, PlanningEntry, PlanningReview, PlanningTerm, ReviewOutcome
from .training import KIND_FIELD, LEVEL_CHOICES, Course, CourseKind, Enrolment, EnrolmentStatus

__all__ = [
    "KIND_FIELD",
    "LEVEL_CHOICES",
    "Course",
    "CourseKind",
    "Enrolment",
    "EnrolmentStatus",
    "EntryStatus",
    "PlanningEntry",
    "PlanningReview",
    "PlanningTerm",
    "ReviewOutcome",
]
