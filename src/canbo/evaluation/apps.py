from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationConfig(AppConfig):
    name = "canbo.evaluation"
    label = "evaluation"
    verbose_name = _("Evaluation")

    def ready(self):
        from canbo.rules.adapters import register_source

        from .selectors import yearly_grades

        # From now on the rules engine's evaluation rule reads real grades instead of warning.
        register_source("evaluations", yearly_grades)
