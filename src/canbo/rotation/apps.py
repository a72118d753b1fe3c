from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RotationConfig(AppConfig):
    name = "canbo.rotation"
    label = "rotation"
    verbose_name = _("Rotation planner")
