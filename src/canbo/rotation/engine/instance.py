"""The data a rotation round is solved on: plain dataclasses and NumPy arrays, no Django.

A round has slots (positions to fill) and candidates. Every (slot, candidate) pair carries score parts in
[0, 1]: gains (evaluation history, fit of field and experience, readiness by training, stated preference,
development value) and costs (distance from home, past moves, disruption). The score of a pair is the
weighted gains minus the weighted costs, plus a fixed value for filling a post at all, so that the parts stay
readable and a board can see why one person ranks above another.
"""

from dataclasses import dataclass, field

import numpy as np

GAINS = ("fill", "evaluation", "fit", "readiness", "preference", "development")
COSTS = ("distance", "moves", "disruption")
PARTS = GAINS + COSTS
DEFAULT_WEIGHTS = {
    "fill": 5.0,
    "evaluation": 3.0,
    "fit": 2.0,
    "readiness": 2.0,
    "preference": 1.0,
    "development": 1.0,
    "distance": 1.0,
    "moves": 1.0,
    "disruption": 1.0,
}
GROUPS = ("female", "young", "minority")
SECRETARY, CHAIRMAN = "secretary", "chairman"
# Why a pair is not offered to the optimizer, besides the hard rules of the rules engine.
SAME_UNIT, RETURN, FORBIDDEN = "same_unit", "return", "forbidden"
# A pair a sparse instance does not list: the rules barred it before the instance was made.
INELIGIBLE = "ineligible"
EXTRA_REASONS = (SAME_UNIT, RETURN, FORBIDDEN)
# Scores are scaled to integers for the solvers; a thousandth of a point is finer than any weight.
SCALE = 1000


@dataclass(frozen=True, slots=True)
class Slot:
    """A position to fill. `locality_id` groups the secretary and the chairman of one locality."""

    id: int
    label: str
    unit_id: int
    locality_id: int | None = None
    role: str = ""
    area: str = ""


@dataclass(frozen=True, slots=True)
class Candidate:
    """A person who may move. `source_unit` is the unit of the current post; `left_unit` that of the post
    before it (the unit just left, where the person may not go back)."""

    id: int
    label: str
    female: bool = False
    young: bool = False
    minority: bool = False
    source_unit: int | None = None
    source_label: str = ""
    left_unit: int | None = None

    def belongs(self, group: str) -> bool:
        return bool(getattr(self, group))


@dataclass(frozen=True, slots=True)
class Share:
    """At least `percent` % of the appointees (of the slots of `area`, or of the round) are of `group`."""

    group: str
    percent: int
    area: str = ""

    @property
    def key(self) -> str:
        return f"share:{self.group}:{self.area}"


@dataclass(frozen=True)
class Requirements:
    """The board's side constraints. Pins are (slot id, candidate id) pairs."""

    pair_rule: bool = True
    source_cap: int | None = None
    shares: tuple[Share, ...] = ()
    keep: tuple[tuple[int, int], ...] = ()
    forbid: tuple[tuple[int, int], ...] = ()


class People:
    """What both kinds of instance share: the slots, the candidates and their indexes."""

    slots: list[Slot]
    candidates: list[Candidate]

    def _index(self) -> None:
        self.slot_index = {s.id: i for i, s in enumerate(self.slots)}
        self.candidate_index = {c.id: j for j, c in enumerate(self.candidates)}
        self._membership = {}

    def membership(self, group: str) -> np.ndarray:
        if group not in self._membership:
            self._membership[group] = np.fromiter(
                (c.belongs(group) for c in self.candidates), bool, len(self.candidates)
            )
        return self._membership[group]

    def forbidden(self, requirements: "Requirements") -> set[tuple[int, int]]:
        """The board's "forbid this pair" pins as (slot index, candidate index)."""
        found = set()
        for slot_id, candidate_id in requirements.forbid:
            i, j = self.slot_index.get(slot_id), self.candidate_index.get(candidate_id)
            if i is not None and j is not None:
                found.add((i, j))
        return found


@dataclass
class Instance(People):
    """Slots × candidates with their score parts and what the rules decided.

    `parts` has shape (len(PARTS), slots, candidates); `blocked` a bitmask per pair of the reasons it is
    not allowed: bit i for `reasons[i]`, the hard rules that failed first, then EXTRA_REASONS.
    """

    slots: list[Slot]
    candidates: list[Candidate]
    parts: np.ndarray
    blocked: np.ndarray
    rule_codes: tuple[str, ...] = ()
    warnings: np.ndarray | None = None  # per pair: soft rules failed and rules left undecided
    reasons: tuple[str, ...] = field(init=False)

    def __post_init__(self):
        self.reasons = tuple(self.rule_codes) + EXTRA_REASONS
        shape = (len(self.slots), len(self.candidates))
        if self.parts.shape != (len(PARTS), *shape) or self.blocked.shape != shape:
            raise ValueError("parts and blocked must match the slots and candidates")
        self._index()
        self.blocked = self.blocked.astype(np.uint32, copy=True)
        # Staying in one's unit is no move, and nobody goes back to the unit just left.
        units = np.array([s.unit_id for s in self.slots], dtype=np.int64)
        source = np.array([-1 if c.source_unit is None else c.source_unit for c in self.candidates], np.int64)
        left = np.array([-1 if c.left_unit is None else c.left_unit for c in self.candidates], np.int64)
        self.blocked[units[:, None] == source[None, :]] |= self.bit(SAME_UNIT)
        self.blocked[units[:, None] == left[None, :]] |= self.bit(RETURN)

    def bit(self, reason: str) -> np.uint32:
        return np.uint32(1 << self.reasons.index(reason))

    def reasons_of(self, mask: int) -> list[str]:
        return [r for i, r in enumerate(self.reasons) if mask >> i & 1]

    def allowed(self, weights: dict[str, float], requirements: "Requirements"):
        """(slot indexes, candidate indexes, scores) of the pairs no rule nor pin forbids."""
        i, j = np.nonzero(blocked_with_pins(self, requirements) == 0)
        return i, j, scores(self, weights)[i, j]

    def pair_scores(self, weights: dict[str, float], i: np.ndarray, j: np.ndarray) -> np.ndarray:
        return scores(self, weights)[i, j]

    def pair_reasons(self, requirements: "Requirements", pairs) -> list[list[str]]:
        """For each (slot, candidate) pair, why it may not be made (empty when it may)."""
        blocked = blocked_with_pins(self, requirements)
        return [self.reasons_of(int(blocked[i, j])) for i, j in pairs]

    def pair_parts(self, weights: dict[str, float], i: int, j: int) -> dict[str, float]:
        return weighted_parts(self.parts[:, i, j], weights)


@dataclass
class SparseInstance(People):
    """Only the eligible pairs, for rounds too large for a slots × candidates matrix (a national round:
    thousands of posts, tens of thousands of people, a few eligible pairs each). A pair not listed is
    barred by the rules; `parts` has shape (len(PARTS), pairs)."""

    slots: list[Slot]
    candidates: list[Candidate]
    i: np.ndarray
    j: np.ndarray
    parts: np.ndarray
    reasons: tuple[str, ...] = (INELIGIBLE, FORBIDDEN)

    def __post_init__(self):
        self._index()
        order = np.lexsort((self.j, self.i))
        self.i, self.j = self.i[order].astype(np.int64), self.j[order].astype(np.int64)
        self.parts = self.parts[:, order]
        self._keys = self.i * len(self.candidates) + self.j

    def _find(self, i, j) -> np.ndarray:
        """Position of each pair in the list, -1 where it is not eligible."""
        keys = np.asarray(i, np.int64) * len(self.candidates) + np.asarray(j, np.int64)
        if not len(self._keys):
            return np.full(len(keys), -1)
        at = np.minimum(np.searchsorted(self._keys, keys), len(self._keys) - 1)
        return np.where(self._keys[at] == keys, at, -1)

    def _signed(self, weights: dict[str, float]) -> np.ndarray:
        return np.array([weights.get(p, 0.0) * (1 if p in GAINS else -1) for p in PARTS])

    def allowed(self, weights: dict[str, float], requirements: "Requirements"):
        score = self._signed(weights) @ self.parts
        ok = np.ones(len(self.i), bool)
        forbidden = self.forbidden(requirements)
        if forbidden:
            at = self._find(*np.array(sorted(forbidden)).T)
            ok[at[at >= 0]] = False
        return self.i[ok], self.j[ok], score[ok]

    def pair_scores(self, weights: dict[str, float], i: np.ndarray, j: np.ndarray) -> np.ndarray:
        at = self._find(i, j)
        return np.where(at >= 0, self._signed(weights) @ self.parts[:, np.maximum(at, 0)], 0.0)

    def pair_reasons(self, requirements: "Requirements", pairs) -> list[list[str]]:
        if not pairs:
            return []
        listed = self._find(*np.array(pairs).T) >= 0
        forbidden = self.forbidden(requirements)
        return [
            [INELIGIBLE] if not ok else [FORBIDDEN] if p in forbidden else []
            for p, ok in zip(pairs, listed, strict=True)
        ]

    def pair_parts(self, weights: dict[str, float], i: int, j: int) -> dict[str, float]:
        at = int(self._find([i], [j])[0])
        return weighted_parts(self.parts[:, at] if at >= 0 else np.zeros(len(PARTS)), weights)


def scores(instance: Instance, weights: dict[str, float]) -> np.ndarray:
    """Score of every pair: weighted gains minus weighted costs."""
    w = np.array([weights.get(p, 0.0) * (1 if p in GAINS else -1) for p in PARTS])
    return np.tensordot(w, instance.parts, axes=1)


def weighted_parts(parts: np.ndarray, weights: dict[str, float]) -> dict[str, float]:
    """The signed, weighted parts of one pair's score (they add up to the score)."""
    return {
        p: round(float(weights.get(p, 0.0) * parts[k] * (1 if p in GAINS else -1)), 3)
        for k, p in enumerate(PARTS)
    }


def blocked_with_pins(instance: Instance, requirements: Requirements) -> np.ndarray:
    """The reasons bitmask with the board's "forbid this pair" pins added; a pair is allowed at 0."""
    blocked = instance.blocked.copy()
    for i, j in instance.forbidden(requirements):
        blocked[i, j] |= instance.bit(FORBIDDEN)
    return blocked
