"""The evaluation parameters in force: the regulation's defaults, changed by the CANBO_EVALUATION setting."""

from django.conf import settings

from canbo.evaluation import engine


def params() -> engine.Params:
    return engine.Params.with_overrides(getattr(settings, "CANBO_EVALUATION", {}))
