from .assignments import ENDING_ACTIONS, ActionKind, Assignment

__all__ = ["ENDING_ACTIONS", "ActionKind", "Assignment"]
