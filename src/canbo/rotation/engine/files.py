"""Round files: a round as JSON (slots, candidates, the eligible pairs with their score parts, the board's
requirements and weights), for `canbo plan solve ROUND_FILE` and the benchmark instances of
`canbo plan generate`. Plain Python, no Django."""

from dataclasses import asdict

import numpy as np

from .instance import DEFAULT_WEIGHTS, PARTS, Candidate, People, Requirements, Share, Slot, SparseInstance
from .solver import Plan

FORMAT = "canbo-rotation-round/1"


def dump_round(instance: SparseInstance, req: Requirements, weights: dict | None = None) -> dict:
    return {
        "format": FORMAT,
        "slots": [asdict(s) for s in instance.slots],
        "candidates": [asdict(c) for c in instance.candidates],
        "pairs": {
            "slot": instance.i.tolist(),
            "candidate": instance.j.tolist(),
            **{p: np.round(instance.parts[k], 4).tolist() for k, p in enumerate(PARTS)},
        },
        "requirements": {
            "pair_rule": req.pair_rule,
            "source_cap": req.source_cap,
            "shares": [asdict(s) for s in req.shares],
            "keep": [list(p) for p in req.keep],
            "forbid": [list(p) for p in req.forbid],
        },
        "weights": {**DEFAULT_WEIGHTS, **(weights or {})},
    }


def load_round(data: dict) -> tuple[SparseInstance, Requirements, dict]:
    """The instance, requirements and weights of a round file; ValueError when it is not one."""
    if data.get("format") != FORMAT:
        raise ValueError(f"not a round file (expected format {FORMAT})")
    try:
        pairs = data["pairs"]
        parts = np.array([pairs.get(p, [0.0] * len(pairs["slot"])) for p in PARTS], dtype=float)
        instance = SparseInstance(
            [Slot(**s) for s in data["slots"]],
            [Candidate(**c) for c in data["candidates"]],
            np.array(pairs["slot"], np.int64),
            np.array(pairs["candidate"], np.int64),
            parts,
        )
        req = data.get("requirements", {})
        requirements = Requirements(
            pair_rule=req.get("pair_rule", True),
            source_cap=req.get("source_cap"),
            shares=tuple(Share(**s) for s in req.get("shares", ())),
            keep=tuple(tuple(p) for p in req.get("keep", ())),
            forbid=tuple(tuple(p) for p in req.get("forbid", ())),
        )
    except (KeyError, TypeError) as exc:
        raise ValueError(f"malformed round file: {exc}") from None
    return instance, requirements, {**DEFAULT_WEIGHTS, **data.get("weights", {})}


def plan_summary(instance: People, plan: Plan, assessed: dict) -> dict:
    """A plan as plain data: how it was found, its pairs by id, and what `assess` measured."""
    return {
        "method": plan.method,
        "status": plan.status,
        "total": plan.total,
        "bound": plan.bound,
        "gap": plan.gap,
        "seconds": round(plan.seconds, 3),
        "eligible_pairs": plan.arcs,
        "conflicts": plan.conflicts,
        "relaxed": [asdict(r) for r in plan.relaxed],
        "filled": assessed["filled"],
        "shares": assessed["shares"],
        "violations": assessed["violations"],
        "assignments": [
            {
                "slot": instance.slots[i].id,
                "slot_label": instance.slots[i].label,
                "candidate": instance.candidates[j].id,
                "candidate_label": instance.candidates[j].label,
            }
            for i, j in plan.pairs
        ],
    }
