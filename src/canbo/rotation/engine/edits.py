"""Hand edits of a proposed plan: assign someone to a post, remove a move, swap two people. Each edit is
re-checked with `assess`, and the answer is what the edit adds to the plan's breaches and what it mends."""

import json
from dataclasses import dataclass

from .explain import assess
from .instance import Requirements

ASSIGN, REMOVE, SWAP = "assign", "remove", "swap"
KINDS = (ASSIGN, REMOVE, SWAP)


@dataclass(frozen=True)
class Edit:
    """One change of the plan, in indexes of the instance: `slot` and, by kind, the `candidate` put there
    (assign) or the `other` slot whose person trades places with the first one's (swap)."""

    kind: str
    slot: int
    candidate: int | None = None
    other: int | None = None


class EditError(ValueError):
    """An edit that cannot be made on this plan (nobody to remove, an empty slot in a swap)."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def apply_edit(pairs, edit: Edit) -> list[tuple[int, int]]:
    """The plan after the edit. Assigning someone already placed moves them, and the person the slot had
    leaves the plan."""
    person_of = {int(i): int(j) for i, j in pairs}
    if edit.kind == ASSIGN:
        if edit.candidate is None:
            raise EditError("no_candidate")
        person_of = {i: j for i, j in person_of.items() if j != edit.candidate}
        person_of[edit.slot] = edit.candidate
    elif edit.kind == REMOVE:
        if edit.slot not in person_of:
            raise EditError("slot_empty")
        del person_of[edit.slot]
    elif edit.kind == SWAP:
        if edit.other is None or edit.other == edit.slot:
            raise EditError("no_other")
        if edit.slot not in person_of or edit.other not in person_of:
            raise EditError("slot_empty")
        person_of[edit.slot], person_of[edit.other] = person_of[edit.other], person_of[edit.slot]
    else:
        raise EditError("unknown_kind")
    return sorted(person_of.items())


def _key(violation: dict) -> str:
    # Shares are keyed without the value reached, so a share still short after the edit is not "new".
    kept = {k: v for k, v in violation.items() if k != "reached"}
    return json.dumps(kept, sort_keys=True)


def check_edit(instance, weights: dict, req: Requirements, pairs, edit: Edit) -> dict:
    """The plan before and after the edit measured alike, with the breaches the edit brings and mends."""
    before = assess(instance, weights, req, pairs)
    after_pairs = apply_edit(pairs, edit)
    after = assess(instance, weights, req, after_pairs)
    old = {_key(v) for v in before["violations"]}
    new = {_key(v) for v in after["violations"]}
    return {
        "pairs": after_pairs,
        "before": before,
        "after": after,
        "added": [v for v in after["violations"] if _key(v) not in old],
        "mended": [v for v in before["violations"] if _key(v) not in new],
        "change": round(after["total"] - before["total"], 3),
    }
