"""Why the plan is what it is, in codes and numbers (the web layer words them in the user's language).

For each assignment: the parts of its score and the runners-up with why each lost. For each slot left empty
and each candidate left out: the rules or side constraints that prevented it. `assess` checks any plan, the
optimizer's or one made by hand, against the rules and the board's requirements and measures it the same
way, so the two can be compared.
"""

from collections import Counter, defaultdict

import numpy as np

from canbo.core.numbers import percent

from .instance import GROUPS, INELIGIBLE, Instance, Requirements, blocked_with_pins
from .solver import Plan, _pair_groups

RUNNERS_UP = 3
TOP_REASONS = 4


def _label(instance: Instance, i: int | None = None, j: int | None = None) -> dict:
    out = {}
    if i is not None:
        out["slot"] = {"id": instance.slots[i].id, "label": instance.slots[i].label}
    if j is not None:
        c = instance.candidates[j]
        out["candidate"] = {"id": c.id, "label": c.label}
    return out


def shares_of(instance: Instance, pairs, area: str = "") -> dict[str, float]:
    """Percent of the appointees in each group (of the slots of `area`, or all)."""
    people = [j for i, j in pairs if not area or instance.slots[i].area == area]
    if not people:
        return {g: 0.0 for g in GROUPS}
    return {g: percent(int(instance.membership(g)[people].sum()), len(people)) for g in GROUPS}


def _blocked_counts(instance: Instance, masks: np.ndarray) -> list[dict]:
    counts = Counter()
    for mask in np.unique(masks, return_counts=False):
        n = int((masks == mask).sum())
        for reason in instance.reasons_of(int(mask)):
            counts[reason] += n
    return [{"reason": r, "count": n} for r, n in counts.most_common(TOP_REASONS)]


class _Options:
    """The allowed pairs of a plan's instance with their scores, by slot and by candidate: dense and sparse
    instances alike, so a round file of a national round is explained from its eligible pairs alone."""

    def __init__(self, instance, weights: dict, req: Requirements):
        self.i, self.j, self.score = instance.allowed(weights, req)
        self.slot_starts = np.searchsorted(self.i, np.arange(len(instance.slots) + 1))
        self.order = np.argsort(self.j, kind="stable")
        self.candidate_starts = np.searchsorted(self.j[self.order], np.arange(len(instance.candidates) + 1))

    def of_slot(self, i: int) -> tuple[np.ndarray, np.ndarray]:
        at = slice(self.slot_starts[i], self.slot_starts[i + 1])
        return self.j[at], self.score[at]

    def of_candidate(self, j: int) -> tuple[np.ndarray, np.ndarray]:
        at = self.order[self.candidate_starts[j] : self.candidate_starts[j + 1]]
        return self.i[at], self.score[at]


def explain(instance, weights: dict, req: Requirements, plan: Plan) -> dict:
    options = _Options(instance, weights, req)
    # Why a pair is barred is known per rule only in a dense instance; a sparse one lists the eligible.
    blocked = blocked_with_pins(instance, req) if isinstance(instance, Instance) else None
    warnings = getattr(instance, "warnings", None)
    slot_of = {j: i for i, j in plan.pairs}
    person_of = {i: j for i, j in plan.pairs}
    placed_score = dict(
        zip(
            plan.pairs,
            instance.pair_scores(
                weights,
                np.array([i for i, _j in plan.pairs], np.int64),
                np.array([j for _i, j in plan.pairs], np.int64),
            ).tolist(),
            strict=True,
        )
    )
    groups = _pair_groups(instance, req)
    by_group = defaultdict(list)
    for i, g in groups.items():
        by_group[g].append(i)
    leaving = Counter(instance.candidates[j].source_unit for j in slot_of)

    def cap_reached(j) -> bool:
        unit = instance.candidates[j].source_unit
        return req.source_cap is not None and unit is not None and leaving[unit] >= req.source_cap

    def share_broken(i, j, other) -> dict | None:
        """The share target that swapping `j` for `other` at slot `i` would break."""
        for share in req.shares:
            if share.area and instance.slots[i].area != share.area:
                continue
            member = instance.membership(share.group)
            people = [p for s, p in plan.pairs if not share.area or instance.slots[s].area == share.area]
            count = int(member[people].sum()) - int(member[j]) + int(member[other])
            if 100 * count < share.percent * len(people):
                return {"code": "share", "group": share.group, "percent": share.percent, "area": share.area}
        return None

    def barred(masks, count: int) -> list[dict]:
        if blocked is None:
            return [{"reason": INELIGIBLE, "count": count}]
        return _blocked_counts(instance, masks)

    assignments = []
    for i, j in plan.pairs:
        ks, ss = options.of_slot(i)
        own = placed_score[(i, j)]
        runners = []
        for at in np.argsort(-ss, kind="stable"):
            k, sk = int(ks[at]), float(ss[at])
            if k == j:
                continue
            if k in slot_of:
                why = {
                    "code": "placed_elsewhere",
                    **_label(instance, slot_of[k]),
                    "there": round(placed_score[(slot_of[k], k)], 3),
                }
            elif sk <= own:
                why = {"code": "lower_score", "gap": round(own - sk, 3)}
            elif cap_reached(k):
                why = {"code": "source_cap", "unit": instance.candidates[k].source_label}
            else:
                why = share_broken(i, j, k) or {"code": "round_total"}
            runners.append({**_label(instance, j=k), "score": round(sk, 3), "why": why})
            if len(runners) == RUNNERS_UP:
                break
        assignments.append(
            {
                **_label(instance, i, j),
                "score": round(own, 3),
                "parts": instance.pair_parts(weights, i, j),
                "warnings": 0 if warnings is None else int(warnings[i, j]),
                "runners_up": runners,
            }
        )

    empty = []
    for i in range(len(instance.slots)):
        if i in person_of:
            continue
        possible, score = options.of_slot(i)
        free = [
            (int(k), s) for k, s in zip(possible.tolist(), score.tolist(), strict=True) if k not in slot_of
        ]
        if not len(possible):
            why = {
                "code": "no_eligible",
                "blocked": barred(None if blocked is None else blocked[i], len(instance.candidates)),
            }
        elif i in groups and any(p in person_of for p in by_group[groups[i]]):
            partner = next(p for p in by_group[groups[i]] if p in person_of)
            why = {"code": "pair_rule", **_label(instance, partner)}
        elif not free:
            why = {"code": "eligible_taken", "count": len(possible)}
        elif all(s <= 0 for _k, s in free):
            why = {"code": "low_score"}
        elif all(cap_reached(k) for k, _s in free):
            why = {"code": "source_cap"}
        else:
            why = {"code": "requirements" if req.shares else "round_total"}
        empty.append({**_label(instance, i), "why": why})

    left_out = []
    for j in range(len(instance.candidates)):
        if j in slot_of:
            continue
        possible, _score = options.of_candidate(j)
        if not len(possible):
            why = {
                "code": "no_eligible",
                "blocked": barred(None if blocked is None else blocked[:, j], len(instance.slots)),
            }
        elif cap_reached(j):
            why = {"code": "source_cap", "unit": instance.candidates[j].source_label}
        elif all(int(s) in person_of for s in possible):
            why = {"code": "outscored", "count": len(possible)}
        else:
            why = {"code": "requirements" if req.shares else "round_total"}
        left_out.append({**_label(instance, j=j), "why": why})

    return {
        "assignments": assignments,
        "empty": empty,
        "left_out": left_out,
        "conflicts": list(plan.conflicts),
        "relaxed": [{"key": r.key, "asked": r.asked, "reached": r.reached} for r in plan.relaxed],
    }


def assess(instance: Instance, weights: dict, req: Requirements, pairs: list[tuple[int, int]]) -> dict:
    """A plan's score, shares and moves, and every rule or requirement it breaks."""
    pairs = [(int(i), int(j)) for i, j in pairs]
    score = instance.pair_scores(
        weights, np.array([i for i, _j in pairs], np.int64), np.array([j for _i, j in pairs], np.int64)
    )
    violations = []
    for (i, j), reasons in zip(pairs, instance.pair_reasons(req, pairs), strict=True):
        if reasons:
            violations.append({"code": "blocked", **_label(instance, i, j), "reasons": reasons})
    for index, code in ((0, "slot_twice"), (1, "candidate_twice")):
        for k, n in Counter(p[index] for p in pairs).items():
            if n > 1:
                where = _label(instance, k) if index == 0 else _label(instance, j=k)
                violations.append({"code": code, **where, "count": n})
    groups = _pair_groups(instance, req)
    filled = Counter(groups[i] for i, _j in pairs if i in groups)
    for g, n in filled.items():
        if n > 1:
            tied = [i for i, _j in pairs if groups.get(i) == g]
            violations.append(
                {"code": "pair_rule", **_label(instance, tied[0]), "other": instance.slots[tied[1]].label}
            )
    if req.source_cap is not None:
        leaving = Counter(instance.candidates[j].source_unit for _i, j in pairs)
        labels = {c.source_unit: c.source_label for c in instance.candidates}
        for unit, n in leaving.items():
            if unit is not None and n > req.source_cap:
                violations.append(
                    {"code": "source_cap", "unit": labels[unit], "count": n, "cap": req.source_cap}
                )
    for share in req.shares:
        people = [j for i, j in pairs if not share.area or instance.slots[i].area == share.area]
        members = int(instance.membership(share.group)[people].sum())
        reached = shares_of(instance, pairs, share.area)[share.group]
        # Compared in integers, as the solver does: no appointee in the area breaks no share.
        if 100 * members < share.percent * len(people):
            violations.append(
                {
                    "code": "share",
                    "group": share.group,
                    "area": share.area,
                    "percent": share.percent,
                    "reached": reached,
                }
            )
    placed = set(pairs)
    for slot_id, candidate_id in req.keep:
        i, j = instance.slot_index.get(slot_id), instance.candidate_index.get(candidate_id)
        if (i, j) not in placed and i is not None and j is not None:
            violations.append({"code": "keep", **_label(instance, i, j)})
    return {
        "total": round(float(score.sum()), 3),
        "filled": len({i for i, _j in pairs}),
        "moves": len(pairs),
        "shares": shares_of(instance, pairs),
        "violations": violations,
    }
