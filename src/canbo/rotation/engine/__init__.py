"""The rotation planner's engine: plain Python on NumPy and OR-Tools, no Django.

`build` turns the rules engine's facts into an Instance (eligibility by the hard rules, score parts);
`solve` finds the best plan under the board's requirements; `explain` and `assess` say why and measure any
plan, the optimizer's or one made by hand.
"""

from .build import Opening, build
from .explain import assess, explain, shares_of
from .instance import (
    CHAIRMAN,
    COSTS,
    DEFAULT_WEIGHTS,
    GAINS,
    GROUPS,
    PARTS,
    SECRETARY,
    Candidate,
    Instance,
    Requirements,
    Share,
    Slot,
    SparseInstance,
    scores,
)
from .solver import CP_SAT, FLOW, LAGRANGE, OPTIMAL, Plan, Relaxed, solve

__all__ = [
    "CHAIRMAN",
    "COSTS",
    "CP_SAT",
    "DEFAULT_WEIGHTS",
    "FLOW",
    "GAINS",
    "GROUPS",
    "LAGRANGE",
    "OPTIMAL",
    "PARTS",
    "SECRETARY",
    "Candidate",
    "Instance",
    "Opening",
    "Plan",
    "Relaxed",
    "Requirements",
    "Share",
    "Slot",
    "SparseInstance",
    "assess",
    "build",
    "explain",
    "scores",
    "shares_of",
    "solve",
]
