from .evaluations import BoardPeriodForm, EvaluationForm, KpiTaskForm

__all__ = ["BoardPeriodForm", "EvaluationForm", "KpiTaskForm"]
