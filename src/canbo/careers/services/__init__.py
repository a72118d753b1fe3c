"""Writes on work history: assignments opened and closed (assignments), and personnel actions drafted,
checked by the rules and decided (actions)."""

from .actions import (
    action_approve,
    action_draft,
    action_reject,
    action_run_rules,
    action_submit,
    action_update,
    action_withdraw,
    blocking,
    overridable,
)
from .assignments import (
    assignment_create,
    assignment_end,
    free_seat,
    move,
    refresh_current_positions,
    validate_assignment,
)

__all__ = [
    "blocking",
    "overridable",
    "action_approve",
    "action_draft",
    "action_reject",
    "action_run_rules",
    "action_submit",
    "action_update",
    "action_withdraw",
    "assignment_create",
    "assignment_end",
    "free_seat",
    "move",
    "refresh_current_positions",
    "validate_assignment",
]
