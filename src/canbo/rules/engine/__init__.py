"""Canbo's rules engine: plain Python and NumPy, no Django.

Facts in (Person, Post, Proposal, Context), results out (Result per rule, Evaluation per person), under a
named and dated RuleSet whose parameters every evaluation records. See docs/rules.md.
"""

from .dates import retirement_age_months
from .derive import retirement
from .evaluate import Checker, Ranking, Row, evaluate, rank
from .facts import (
    PLACING_ACTIONS,
    Action,
    Context,
    DisciplineRecord,
    HeldPost,
    Holding,
    Kin,
    Person,
    PlanningEntry,
    Post,
    Proposal,
    Target,
    Title,
    Training,
    Unit,
    leadership,
)
from .params import DEFAULTS, SPECS, ParamError
from .population import Population
from .results import Evaluation, Outcome, Result, Severity
from .rules import RULES, Rule
from .rulesets import DEFAULT, RULESETS, RuleSet, ruleset_on

__all__ = [
    "DEFAULT",
    "DEFAULTS",
    "PLACING_ACTIONS",
    "RULES",
    "RULESETS",
    "SPECS",
    "Action",
    "Checker",
    "Context",
    "DisciplineRecord",
    "Evaluation",
    "HeldPost",
    "Holding",
    "Kin",
    "Outcome",
    "ParamError",
    "Person",
    "PlanningEntry",
    "Population",
    "Post",
    "Proposal",
    "Ranking",
    "Result",
    "Row",
    "Rule",
    "RuleSet",
    "Severity",
    "Target",
    "Title",
    "Training",
    "Unit",
    "evaluate",
    "leadership",
    "rank",
    "retirement",
    "retirement_age_months",
    "ruleset_on",
]
