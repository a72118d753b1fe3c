from .actions import PROPOSABLE, TIMED_ACTIONS, ActionStatus, PersonnelAction
from .assignments import ENDING_ACTIONS, ActionKind, Assignment

__all__ = [
    "ENDING_ACTIONS",
    "PROPOSABLE",
    "TIMED_ACTIONS",
    "ActionKind",
    "ActionStatus",
    "Assignment",
    "PersonnelAction",
]
