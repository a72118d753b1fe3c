from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlanningConfig(AppConfig):
    name = "canbo.planning"
    label = "planning"
    verbose_name = _("Planning and training")

    def ready(self):
        from canbo.rules.adapters import register_source

        from .selectors import planning_source

        # The rules engine's planning rule reads this app's entries from now on, instead of warning.
        register_source("planning", planning_source)
