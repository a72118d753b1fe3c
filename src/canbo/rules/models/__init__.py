from .checks import CheckSource, RuleCheck
from .settings import RuleSetting

__all__ = ["CheckSource", "RuleCheck", "RuleSetting"]
