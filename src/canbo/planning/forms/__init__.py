from .planning import PlanningEntryForm, PlanningReviewForm, PlanningTermForm
from .training import CompletionForm, CourseForm, EnrolmentForm

__all__ = [
    "CompletionForm",
    "CourseForm",
    "EnrolmentForm",
    "PlanningEntryForm",
    "PlanningReviewForm",
    "PlanningTermForm",
]
