"""The optimizer: each slot at most one person, each person at most one slot, the largest total score.

Without share targets every side constraint is network structure, so one min-cost flow solves the round
exactly: a source-unit node whose capacity is the cap on departures, and a locality node of capacity 1 that
the secretary's and the chairman's slots share (the pair rule). Share targets are the only constraints
outside the network: a Lagrangian multiplier per target moves them into the arc costs, each flow on those
costs gives a proven upper bound and, repaired where a target is missed, a plan. On rounds small enough,
CP-SAT then closes the remaining gap from that plan. When the keep pins and the targets cannot all hold,
CP-SAT names the conflicting requirements (assumption literals), the set is shrunk to a minimal one and each
requirement in it relaxed to the best value it can reach. `bench/rotation.py` measures the formulations.
"""

import math
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from ortools.graph.python import min_cost_flow
from ortools.sat.python import cp_model
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, linprog, milp

from .instance import CHAIRMAN, SCALE, SECRETARY, People, Requirements, Share

FLOW, LAGRANGE, CP_SAT = "flow", "lagrange", "cp-sat"
OPTIMAL, FEASIBLE, UNKNOWN = "optimal", "feasible", "unknown"
PAIR_RULE, SOURCE_CAP = "pair_rule", "source_cap"
# Relaxing requirements: the board's explicit choices are kept first, the structure targets adjusted last.
RELAX_ORDER = ("keep", PAIR_RULE, SOURCE_CAP, "share")
# An LP and a MIP finish the proof after the Lagrangian on rounds up to this many pairs (a national round
# has about 330,000: there the Lagrangian's bound is what is proven).
EXACT_MAX_ARCS = 60_000
# Multipliers are integers on costs scaled by this much more than the scores, so that every bound is exact.
RESOLUTION = 10
LAGRANGE_ROUNDS = 60
LAGRANGE_ROUNDS_BEFORE_EXACT = 30
# The first multiplier tried: worth about half a point to each appointee of the group.
INITIAL_MULTIPLIER = SCALE * RESOLUTION / 200


@dataclass(frozen=True)
class Requirement:
    """One side constraint the board asked for, named by `key` in explanations."""

    key: str
    kind: str
    share: Share | None = None
    pin: tuple[int, int] | None = None


def requirements_of(req: Requirements) -> list[Requirement]:
    items = [Requirement(f"keep:{s}:{c}", "keep", pin=(s, c)) for s, c in req.keep]
    if req.pair_rule:
        items.append(Requirement(PAIR_RULE, PAIR_RULE))
    if req.source_cap is not None:
        items.append(Requirement(SOURCE_CAP, SOURCE_CAP))
    items.extend(Requirement(s.key, "share", share=s) for s in req.shares)
    return items


@dataclass
class Arcs:
    """The pairs the solvers see: allowed by every hard rule and the board, with a positive score (a pinned
    pair is kept whatever its score). `weight` is the score in integer thousandths: what the solvers
    maximize."""

    i: np.ndarray
    j: np.ndarray
    score: np.ndarray
    weight: np.ndarray = field(init=False)

    def __post_init__(self):
        self.weight = np.rint(self.score * SCALE).astype(np.int64)
        self._at = None

    def __len__(self) -> int:
        return len(self.i)

    def find(self, i: int | None, j: int | None) -> int | None:
        """The arc of a pair, or None."""
        if self._at is None:
            self._at = {(int(a), int(b)): k for k, (a, b) in enumerate(zip(self.i, self.j, strict=True))}
        return self._at.get((i, j))


def arcs_of(instance: People, weights: dict, req: Requirements) -> Arcs:
    i, j, score = instance.allowed(weights, req)
    wanted = score > 0
    pins = {(instance.slot_index.get(s), instance.candidate_index.get(c)) for s, c in req.keep}
    if pins:
        wanted |= np.fromiter(((int(a), int(b)) in pins for a, b in zip(i, j, strict=True)), bool, len(i))
    return Arcs(i[wanted], j[wanted], score[wanted])


@dataclass
class Relaxed:
    """A requirement that could not be met with the others: a share lowered to `reached` %, or dropped."""

    key: str
    asked: int | None = None
    reached: int | None = None


@dataclass
class Plan:
    pairs: list[tuple[int, int]]
    total: float
    method: str
    status: str
    bound: float | None = None
    seconds: float = 0.0
    conflicts: list[str] = field(default_factory=list)
    relaxed: list[Relaxed] = field(default_factory=list)
    arcs: int = 0
    rounds: int = 0

    @property
    def gap(self) -> float | None:
        """How far the plan may be from the optimum, relative to the bound."""
        if self.bound is None:
            return None
        if self.status == OPTIMAL:
            return 0.0
        return max(self.bound - self.total, 0.0) / max(abs(self.bound), 1e-9)


Progress = Callable[[float, float | None], None]


def solve(
    instance: People,
    weights: dict,
    req: Requirements,
    *,
    time_limit: float = 30.0,
    workers: int = 2,
    progress: Progress | None = None,
    method: str | None = None,
    gap: float = 0.0,
) -> Plan:
    """The best plan; `method` forces a formulation (FLOW only without share targets; LAGRANGE without the
    LP and MIP finish; CP_SAT alone). The search stops at the time limit, or once the plan is within `gap`
    (relative) of its proven bound."""
    started = time.perf_counter()
    deadline = started + time_limit
    arcs = arcs_of(instance, weights, req)
    network_ok = _pins_consistent(instance, arcs, req)
    if method == FLOW and req.shares:
        raise ValueError("share targets need the Lagrangian or CP-SAT")
    if method == FLOW or (method is None and not req.shares and network_ok):
        plan = solve_flow(instance, arcs, req)
    elif method != CP_SAT and network_ok and _pins_meet_shares(instance, arcs, req):
        exact = method is None and len(arcs) <= EXACT_MAX_ARCS
        rounds = LAGRANGE_ROUNDS_BEFORE_EXACT if exact else LAGRANGE_ROUNDS
        plan = solve_lagrange(instance, arcs, req, deadline, progress, gap, rounds)
        if exact and plan.status != OPTIMAL and plan.gap > gap:
            plan = _finish_exact(instance, arcs, req, plan, deadline)
    else:
        plan = _solve_cp(
            instance, arcs, req, max(deadline - time.perf_counter(), 0.1), workers, progress, gap
        )
    if plan.bound is not None:
        # Scores are summed from floats, the bound from the integer weights the solvers use.
        plan.bound = max(plan.bound, plan.total)
    plan.seconds = time.perf_counter() - started
    plan.arcs = len(arcs)
    if progress is not None:
        progress(plan.total, plan.bound)
    return plan


# -- network ------------------------------------------------------------------------------------------------


def _pair_groups(instance: People, req: Requirements) -> dict[int, int]:
    """Slot index -> locality group for the slots the pair rule ties (secretary and chairman of one place)."""
    if not req.pair_rule:
        return {}
    roles: dict[int, set[str]] = defaultdict(set)
    for slot in instance.slots:
        if slot.role in (SECRETARY, CHAIRMAN) and slot.locality_id is not None:
            roles[slot.locality_id].add(slot.role)
    tied = [loc for loc, r in roles.items() if len(r) == 2]
    number = {loc: g for g, loc in enumerate(tied)}
    return {
        i: number[s.locality_id]
        for i, s in enumerate(instance.slots)
        if s.role in (SECRETARY, CHAIRMAN) and s.locality_id in number
    }


def _pin_indexes(instance: People, req: Requirements) -> list[tuple[int | None, int | None]]:
    return [(instance.slot_index.get(s), instance.candidate_index.get(c)) for s, c in req.keep]


def _pins_consistent(instance: People, arcs: Arcs, req: Requirements) -> bool:
    """Whether the keep pins can all hold together (then the network places them first)."""
    pins = _pin_indexes(instance, req)
    if any(arcs.find(i, j) is None for i, j in pins):
        return False
    if len({i for i, _j in pins}) < len(pins) or len({j for _i, j in pins}) < len(pins):
        return False
    groups = _pair_groups(instance, req)
    tied = [groups[i] for i, _j in pins if i in groups]
    if len(set(tied)) < len(tied):
        return False
    if req.source_cap is not None:
        counts = defaultdict(int)
        for _i, j in pins:
            unit = instance.candidates[j].source_unit
            if unit is not None:
                counts[unit] += 1
        if any(n > req.source_cap for n in counts.values()):
            return False
    return True


class _Network:
    """The round as a flow network, keep pins placed first; pair costs can change between solves."""

    def __init__(self, instance: People, arcs: Arcs, req: Requirements):
        self.pinned = [(int(i), int(j)) for i, j in _pin_indexes(instance, req)]
        self.pinned_arcs = np.array([arcs.find(i, j) for i, j in self.pinned], dtype=np.int64)
        groups = _pair_groups(instance, req)
        group_of = np.full(len(instance.slots), -1, np.int64)
        for i, g in groups.items():
            group_of[i] = g
        closed = {groups[i] for i, _j in self.pinned if i in groups}
        taken_slots = np.zeros(len(instance.slots), bool)
        taken_people = np.zeros(len(instance.candidates), bool)
        for i, j in self.pinned:
            taken_slots[i] = taken_people[j] = True
        source = np.array([-1 if c.source_unit is None else c.source_unit for c in instance.candidates])
        open_ = ~taken_slots[arcs.i] & ~taken_people[arcs.j] & ~np.isin(group_of[arcs.i], list(closed))
        self.open = np.flatnonzero(open_)
        ai, aj = arcs.i[self.open], arcs.j[self.open]
        people, person = np.unique(aj, return_inverse=True)
        slots, slot = np.unique(ai, return_inverse=True)
        base = 2 + len(people) + len(slots)
        tails, heads, caps = [], [], []

        def add(t, h, c):
            tails.append(np.asarray(t, np.int32))
            heads.append(np.asarray(h, np.int32))
            caps.append(np.broadcast_to(np.asarray(c, np.int64), np.shape(t)))

        person_node = 2 + np.arange(len(people))
        units = source[people]
        capped = units >= 0 if req.source_cap is not None else np.zeros(len(people), bool)
        add(np.zeros((~capped).sum()), person_node[~capped], 1)
        if capped.any():
            names, unit = np.unique(units[capped], return_inverse=True)
            used = defaultdict(int)
            for _i, j in self.pinned:
                used[int(source[j])] += 1
            unit_node = base + np.arange(len(names))
            base += len(names)
            add(np.zeros(len(names)), unit_node, [max(req.source_cap - used[int(u)], 0) for u in names])
            add(unit_node[unit], person_node[capped], 1)
        self.first_pair = sum(len(t) for t in tails)
        slot_node = 2 + len(people) + np.arange(len(slots))
        add(person_node[person], slot_node[slot], 1)
        tied = group_of[slots] >= 0
        add(slot_node[~tied], np.ones((~tied).sum()), 1)
        if tied.any():
            names, group = np.unique(group_of[slots][tied], return_inverse=True)
            group_node = base + np.arange(len(names))
            base += len(names)
            add(slot_node[tied], group_node[group], 1)
            add(group_node, np.ones(len(names)), 1)
        add([0], [1], len(people))  # leaving people unplaced costs nothing
        self.tails, self.heads, self.caps = np.concatenate(tails), np.concatenate(heads), np.concatenate(caps)
        self.nodes, self.supply = base, len(people)

    def best(self, gain: np.ndarray) -> np.ndarray:
        """The arcs (indexes into the round's arcs) of the plan of largest total `gain`, pins included."""
        costs = np.zeros(len(self.tails), np.int64)
        costs[self.first_pair : self.first_pair + len(self.open)] = -gain[self.open]
        flow = min_cost_flow.SimpleMinCostFlow()
        flow.add_arcs_with_capacity_and_unit_cost(self.tails, self.heads, self.caps, costs)
        supplies = np.zeros(self.nodes, np.int64)
        supplies[0], supplies[1] = self.supply, -self.supply
        flow.set_nodes_supplies(np.arange(self.nodes, dtype=np.int32), supplies)
        if flow.solve() != flow.OPTIMAL:
            raise RuntimeError("the assignment network has no optimal flow")
        pair_arcs = np.arange(self.first_pair, self.first_pair + len(self.open), dtype=np.int32)
        used = self.open[flow.flows(pair_arcs) > 0]
        return np.concatenate([self.pinned_arcs, used])


def _plan_of(arcs: Arcs, chosen, method: str, status: str, bound: float | None, rounds: int = 0) -> Plan:
    pairs = sorted((int(arcs.i[a]), int(arcs.j[a])) for a in chosen)
    return Plan(pairs, round(float(arcs.score[chosen].sum()), 3), method, status, bound, rounds=rounds)


def solve_flow(instance: People, arcs: Arcs, req: Requirements) -> Plan:
    """Exact without share targets."""
    chosen = _Network(instance, arcs, req).best(arcs.weight)
    plan = _plan_of(arcs, chosen, FLOW, OPTIMAL, None)
    plan.bound = plan.total
    return plan


# -- Lagrangian ---------------------------------------------------------------------------------------------


def _share_terms(instance: People, arcs: Arcs, shares) -> np.ndarray:
    """Per share target and arc: what the arc adds to 100 × members − percent × appointees (≥ 0 when met)."""
    terms = np.zeros((len(shares), len(arcs)), np.int64)
    areas = np.array([s.area for s in instance.slots])
    for k, share in enumerate(shares):
        member = instance.membership(share.group)[arcs.j]
        inside = areas[arcs.i] == share.area if share.area else True
        terms[k] = np.where(inside, 100 * member - share.percent, 0)
    return terms


def _pins_meet_shares(instance: People, arcs: Arcs, req: Requirements) -> bool:
    """Whether the pinned pairs alone meet every share target (then dropping others always repairs a plan)."""
    pinned = [arcs.find(i, j) for i, j in _pin_indexes(instance, req)]
    return bool((_share_terms(instance, arcs, req.shares)[:, pinned].sum(axis=1) >= 0).all())


def _repair(arcs: Arcs, terms: np.ndarray, chosen: np.ndarray, fixed: int) -> np.ndarray:
    """Drop the cheapest placements that pull a missed target down until every target is met. The first
    `fixed` of `chosen` are pins, never dropped."""
    keep = np.ones(len(chosen), bool)
    sums = terms[:, chosen].sum(axis=1)
    while (sums < 0).any():
        k = int(np.argmin(sums))
        harm = (terms[k, chosen] < 0) & keep
        harm[:fixed] = False
        if not harm.any():
            break
        drop = np.flatnonzero(harm)[np.argmin(arcs.weight[chosen[harm]])]
        keep[drop] = False
        sums -= terms[:, chosen[drop]]
    return chosen[keep]


def solve_lagrange(
    instance: People,
    arcs: Arcs,
    req: Requirements,
    deadline: float,
    progress: Progress | None = None,
    gap: float = 0.0,
    max_rounds: int = LAGRANGE_ROUNDS,
) -> Plan:
    """One multiplier per share target, searched by bisection between a value that misses the target and
    one that meets it (doubling until one does); every step is one min-cost flow."""
    network = _Network(instance, arcs, req)
    terms = _share_terms(instance, arcs, req.shares)
    base = arcs.weight * RESOLUTION
    lam = np.zeros(len(req.shares))
    low, high = np.zeros(len(req.shares)), np.full(len(req.shares), np.inf)
    best_chosen, best_value = network.pinned_arcs, int(arcs.weight[network.pinned_arcs].sum())
    bound, rounds, last = math.inf, 0, 0.0
    # Stop before a round that would end past the deadline: each takes about as long as the one before.
    while rounds < max_rounds and time.perf_counter() + last <= deadline:
        rounds += 1
        began = time.perf_counter()
        mult = np.rint(lam).astype(np.int64)
        chosen = network.best(base + mult @ terms)
        slack = terms[:, chosen].sum(axis=1)
        # The dual value at these multipliers bounds every plan that meets the targets.
        bound = min(bound, (int(base[chosen].sum()) + int(mult @ slack)) // RESOLUTION)
        feasible = _repair(arcs, terms, chosen, len(network.pinned_arcs))
        value = int(arcs.weight[feasible].sum())
        if value > best_value:
            best_chosen, best_value = feasible, value
            if progress is not None:
                progress(best_value / SCALE, bound / SCALE)
        if bound - best_value <= gap * abs(bound):
            break
        last = time.perf_counter() - began
        missed = slack < 0
        # The targets pull on each other: a bracket that the others' moves made stale opens again.
        high[missed & (lam >= high - 1)] = np.inf
        low[~missed & (lam <= low + 1)] = 0
        low[missed] = np.maximum(low[missed], lam[missed])
        high[~missed] = np.minimum(high[~missed], lam[~missed])
        if (high - low <= 1).all():
            if (lam == high).all():
                break
            # Settled: the multipliers on the meeting side give the plan that needs no repair.
            lam = high.copy()
            continue
        lam = np.where(np.isinf(high), np.maximum(2 * low, INITIAL_MULTIPLIER), (low + high) / 2)
    status = OPTIMAL if bound <= best_value else FEASIBLE
    return _plan_of(arcs, best_chosen, LAGRANGE, status, round(max(bound, best_value) / SCALE, 3), rounds)


# -- LP and MIP: the proof on rounds of moderate size -------------------------------------------------------


def _matrix(instance: People, arcs: Arcs, req: Requirements) -> tuple[sparse.csr_matrix, np.ndarray]:
    """Every requirement but the pins as rows of A x <= b over the arcs."""
    n = len(arcs)
    cols, rows, values, upper = [], [], [], []

    def block(keys: np.ndarray, mask: np.ndarray, cap):
        names, row = np.unique(keys[mask], return_inverse=True)
        start = len(upper)
        cols.append(np.flatnonzero(mask))
        rows.append(start + row)
        values.append(np.ones(mask.sum()))
        upper.extend(np.broadcast_to(cap, len(names)) if np.ndim(cap) == 0 else cap[names])

    everywhere = np.ones(n, bool)
    block(arcs.i, everywhere, 1)
    block(arcs.j, everywhere, 1)
    groups = _pair_groups(instance, req)
    group_of = np.array([groups.get(int(i), -1) for i in range(len(instance.slots))])[arcs.i]
    block(group_of, group_of >= 0, 1)
    if req.source_cap is not None:
        source = np.array([-1 if c.source_unit is None else c.source_unit for c in instance.candidates])[
            arcs.j
        ]
        block(source, source >= 0, req.source_cap)
    terms = _share_terms(instance, arcs, req.shares)
    for k in range(len(terms)):
        nonzero = np.flatnonzero(terms[k])
        cols.append(nonzero)
        rows.append(np.full(len(nonzero), len(upper)))
        values.append(-terms[k, nonzero].astype(float))
        upper.append(0)
    matrix = sparse.csr_matrix(
        (np.concatenate(values), (np.concatenate(rows), np.concatenate(cols))), shape=(len(upper), n)
    )
    return matrix, np.array(upper, float)


def _finish_exact(instance: People, arcs: Arcs, req: Requirements, start: Plan, deadline: float) -> Plan:
    """Close the gap the Lagrangian leaves: the LP's reduced costs rule out every pair that cannot be part of
    a plan better than `start`, and a MIP searches the few left. Its answer, or `start`, is then optimal."""
    matrix, upper = _matrix(instance, arcs, req)
    pinned = [arcs.find(i, j) for i, j in _pin_indexes(instance, req)]
    low = np.zeros(len(arcs))
    low[pinned] = 1
    cost = -arcs.weight.astype(float)
    lp = linprog(cost, A_ub=matrix, b_ub=upper, bounds=np.c_[low, np.ones(len(arcs))], method="highs")
    if lp.status != 0:
        return start
    best = int(arcs.weight[[arcs.find(i, j) for i, j in start.pairs]].sum())
    top = -lp.fun
    slack = 1e-6 * abs(top) + 1e-6  # the LP's floating-point tolerance, on the safe side
    # A pair whose reduced cost takes the LP bound below best + 1 is in no better plan (weights are integers).
    out = top - lp.lower.marginals + slack < best + 1
    low[top + lp.upper.marginals + slack < best + 1] = 1
    keep = np.flatnonzero(~out | (low == 1))
    left = deadline - time.perf_counter()
    bound = min(start.bound * SCALE if start.bound is not None else math.inf, math.floor(top + slack))
    if left > 0.05 and len(keep):
        found = milp(
            cost[keep],
            integrality=np.ones(len(keep)),
            bounds=Bounds(low[keep], np.ones(len(keep))),
            constraints=LinearConstraint(matrix[:, keep], -np.inf, upper),
            options={"time_limit": left},
        )
        if found.x is not None and -found.fun > best:
            chosen = keep[found.x > 0.5]
            start = _plan_of(arcs, chosen, LAGRANGE, FEASIBLE, None, start.rounds)
            best = int(arcs.weight[chosen].sum())
        if found.status == 0:
            bound = best
        elif getattr(found, "mip_dual_bound", None) is not None:
            bound = min(bound, max(best, math.floor(-found.mip_dual_bound + slack)))
    start.status = OPTIMAL if bound <= best else FEASIBLE
    start.bound = round(max(bound, best) / SCALE, 3)
    return start


# -- CP-SAT -------------------------------------------------------------------------------------------------


class _Model:
    """The CP-SAT model of a round; each requirement is enforced by its own literal."""

    def __init__(self, instance: People, arcs: Arcs, items: list[Requirement], percents: dict[str, int]):
        self.arcs = arcs
        m = self.model = cp_model.CpModel()
        n = len(arcs)
        self.x = [m.new_bool_var(f"x{a}") for a in range(n)]
        by_slot, by_person = defaultdict(list), defaultdict(list)
        for a in range(n):
            by_slot[int(arcs.i[a])].append(self.x[a])
            by_person[int(arcs.j[a])].append(self.x[a])
        for lits in (*by_slot.values(), *by_person.values()):
            if len(lits) > 1:
                m.add_at_most_one(lits)
        self.literal: dict[str, cp_model.IntVar] = {}
        for item in items:
            lit = self.literal[item.key] = m.new_bool_var(item.key)
            if item.kind == "keep":
                slot_id, candidate_id = item.pin
                a = arcs.find(instance.slot_index.get(slot_id), instance.candidate_index.get(candidate_id))
                if a is None:
                    m.add_bool_or([lit.Not()])
                else:
                    m.add_implication(lit, self.x[a])
            elif item.kind == PAIR_RULE:
                tied: dict[int, list] = defaultdict(list)
                groups = _pair_groups(instance, Requirements(pair_rule=True))
                for a in range(n):
                    g = groups.get(int(arcs.i[a]))
                    if g is not None:
                        tied[g].append(self.x[a])
                for lits in tied.values():
                    m.add(sum(lits) <= 1).only_enforce_if(lit)
            elif item.kind == SOURCE_CAP:
                leaving: dict[int, list] = defaultdict(list)
                for a in range(n):
                    unit = instance.candidates[int(arcs.j[a])].source_unit
                    if unit is not None:
                        leaving[unit].append(self.x[a])
                cap = percents[SOURCE_CAP]
                for lits in leaving.values():
                    if len(lits) > cap:
                        m.add(sum(lits) <= cap).only_enforce_if(lit)
            else:
                share = item.share
                member = instance.membership(share.group)
                pct = percents[item.key]
                terms = [
                    (100 * int(member[int(arcs.j[a])]) - pct) * self.x[a]
                    for a in range(n)
                    if not share.area or instance.slots[int(arcs.i[a])].area == share.area
                ]
                m.add(sum(terms) >= 0).only_enforce_if(lit)

    def maximize(self):
        self.model.maximize(sum(int(w) * x for w, x in zip(self.arcs.weight, self.x, strict=True)))

    def run(self, assumptions, time_limit, workers, callback=None, gap=0.0):
        self.model.clear_assumptions()
        self.model.add_assumptions([self.literal[k] for k in assumptions])
        return self._solve(time_limit, workers, callback, gap)

    def fix(self, keys):
        """Enforce requirements outright: assumptions would hold back presolve on the long solve."""
        self.model.clear_assumptions()
        for key, lit in self.literal.items():
            self.model.add(lit == int(key in keys))

    def _solve(self, time_limit, workers, callback=None, gap=0.0):
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = time_limit
        solver.parameters.num_workers = workers
        solver.parameters.relative_gap_limit = gap
        status = solver.solve(self.model, callback)
        return solver, status


class _Callback(cp_model.CpSolverSolutionCallback):
    def __init__(self, progress: Progress):
        super().__init__()
        self.progress = progress

    def on_solution_callback(self):
        self.progress(self.objective_value / SCALE, self.best_objective_bound / SCALE)


def _percents(req_items: list[Requirement], cap: int | None) -> dict[str, int]:
    values = {r.key: r.share.percent for r in req_items if r.share is not None}
    values[SOURCE_CAP] = cap if cap is not None else 0
    return values


def _solve_cp(instance, arcs, req, time_limit, workers, progress, gap) -> Plan:
    items = requirements_of(req)
    percents = _percents(items, req.source_cap)
    conflicts, relaxed, active = [], [], [r.key for r in items]
    # Without keep pins the empty plan meets every requirement; with them, check first.
    if req.keep:
        check = _Model(instance, arcs, items, percents)
        solver, status = check.run(active, time_limit, workers)
        if status == cp_model.INFEASIBLE:
            conflicts = _minimal_core(check, solver, time_limit, workers)
            active, relaxed, percents = _relax(
                instance, arcs, items, percents, conflicts, time_limit, workers
            )
    plan = _run_cp(instance, arcs, items, percents, active, time_limit, workers, progress, gap)
    plan.conflicts, plan.relaxed = conflicts, relaxed
    return plan


def _run_cp(instance, arcs, items, percents, active, time_limit, workers, progress, gap, hint=None) -> Plan:
    final = _Model(instance, arcs, items, percents)
    final.maximize()
    final.fix(active)
    if hint is not None:
        for a, x in enumerate(final.x):
            final.model.add_hint(x, a in hint)
    callback = _Callback(progress) if progress is not None else None
    solver, status = final._solve(time_limit, workers, callback, gap)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return Plan([], 0.0, CP_SAT, UNKNOWN)
    chosen = np.array([a for a in range(len(arcs)) if solver.boolean_value(final.x[a])], np.int64)
    status = OPTIMAL if status == cp_model.OPTIMAL else FEASIBLE
    return _plan_of(arcs, chosen, CP_SAT, status, round(solver.best_objective_bound / SCALE, 3))


def _feasible(model: _Model, keys, time_limit, workers) -> bool:
    _solver, status = model.run(keys, time_limit, workers)
    return status != cp_model.INFEASIBLE


def _minimal_core(model: _Model, solver, time_limit, workers) -> list[str]:
    """The solver's conflicting requirements, shrunk until dropping any one makes the rest feasible."""
    names = {lit.index: key for key, lit in model.literal.items()}
    core = [names[i] for i in solver.sufficient_assumptions_for_infeasibility()]
    for key in list(core):
        rest = [k for k in core if k != key]
        if not _feasible(model, rest, time_limit, workers):
            core = rest
    return core


def _relax(instance, arcs, items, percents, core, time_limit, workers):
    """Keep every requirement outside the conflict; add those inside it back one by one, in RELAX_ORDER,
    each share at the highest percentage still reachable and any other requirement only if it still fits."""
    by_key = {r.key: r for r in items}
    active = [r.key for r in items if r.key not in core]
    percents = dict(percents)
    relaxed = []
    for key in sorted(core, key=lambda k: RELAX_ORDER.index(by_key[k].kind)):
        item = by_key[key]
        model = _Model(instance, arcs, items, percents)
        if _feasible(model, [*active, key], time_limit, workers):
            active.append(key)
            continue
        if item.kind != "share":
            relaxed.append(Relaxed(key))
            continue
        low, high = 0, item.share.percent - 1  # 0 % always holds
        while low < high:
            mid = math.ceil((low + high) / 2)
            trial = _Model(instance, arcs, items, {**percents, key: mid})
            if _feasible(trial, [*active, key], time_limit, workers):
                low = mid
            else:
                high = mid - 1
        percents[key] = low
        active.append(key)
        relaxed.append(Relaxed(key, item.share.percent, low))
    return active, relaxed, percents
