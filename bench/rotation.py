"""Benchmark "rotation": the rotation planner's optimizer on generated rounds (no database).

Two rounds, both with share targets (women 30 %, young 20 %, ethnic minorities 20 % of the appointees), the
pair rule (not both the secretary and the chairman of one locality) and at most one departure per source
unit: a province (200 posts, 1,500 candidates) and the country (6,642 posts, 40,000 candidates, about 330,000
eligible pairs). For each: the planner's time to a proven optimum, or its best plan and proven bound; two
baselines measured the same way (fill rate, score, broken rules and targets): a greedy hand-style plan (most
important posts first, best eligible person) and officer-proposing deferred acceptance; and the floor, one
pure assignment solve on the same pairs without any side constraint (scipy's sparse bipartite matching).
Then the time to explain the plan from the eligible pairs alone (score parts, runners-up, why posts stay
empty and candidates are left out), as `canbo plan solve ROUND_FILE --explain` does.
Targets: province proven optimal in at most 1 s; country within 0.1 % of its bound in at most 10 s.
"""

import time
from collections import Counter, deque

import numpy as np

from bench import benchmark, figure

# Posts, candidates, areas (regions of a province, provinces of the country), the gap the planner may stop at.
ROUNDS = {"province": (200, 1_500, 8, 0.0), "national": (6_642, 40_000, 34, 0.001)}


def options(parser):
    parser.add_argument("--rotation-seed", type=int, default=2025, metavar="S", help="Seed of the rounds.")
    parser.add_argument(
        "--rotation-time-limit", type=float, default=10.0, metavar="S", help="The planner's time limit."
    )


def _requirements():
    from canbo.rotation.engine import Requirements, Share

    return Requirements(
        pair_rule=True,
        source_cap=1,
        shares=(Share("female", 30), Share("young", 20), Share("minority", 20)),
    )


def _priority(slot) -> int:
    from canbo.rotation.engine import CHAIRMAN, SECRETARY

    return {SECRETARY: 0, CHAIRMAN: 1}.get(slot.role, 2)


def greedy(arcs, instance) -> list[tuple[int, int]]:
    """Most important posts first (secretaries, then chairmen), each to its best eligible free person."""
    order = np.lexsort((-arcs.score, [_priority(instance.slots[i]) for i in arcs.i]))
    taken_slots, taken_people, pairs = set(), set(), []
    for a in order:
        i, j = int(arcs.i[a]), int(arcs.j[a])
        if i not in taken_slots and j not in taken_people:
            taken_slots.add(i)
            taken_people.add(j)
            pairs.append((i, j))
    return pairs


def deferred_acceptance(arcs, instance) -> list[tuple[int, int]]:
    """Officers propose down their own list (nearest home first, then what they asked for and would learn);
    each post holds the best proposer by the board's score."""
    from canbo.rotation.engine import PARTS

    at = {name: k for k, name in enumerate(PARTS)}
    own = (
        instance.parts[at["preference"]] + instance.parts[at["development"]] - instance.parts[at["distance"]]
    )
    own_of = {(int(i), int(j)): float(o) for i, j, o in zip(instance.i, instance.j, own, strict=True)}
    wishes: dict[int, list[tuple[float, int, float]]] = {}
    for i, j, s in zip(arcs.i, arcs.j, arcs.score, strict=True):
        wishes.setdefault(int(j), []).append((own_of[(int(i), int(j))], int(i), float(s)))
    for lst in wishes.values():
        lst.sort(reverse=True)
    held: dict[int, tuple[float, int]] = {}
    queue, nxt = deque(wishes), dict.fromkeys(wishes, 0)
    while queue:
        j = queue.popleft()
        if nxt[j] >= len(wishes[j]):
            continue
        _own, i, s = wishes[j][nxt[j]]
        nxt[j] += 1
        current = held.get(i)
        if current is None or s > current[0]:
            held[i] = (s, j)
            if current is not None:
                queue.append(current[1])
        else:
            queue.append(j)
    return [(i, j) for i, (_s, j) in held.items()]


def _show(name: str, instance, weights, req, pairs, seconds: float) -> None:
    from canbo.rotation.engine import assess

    found = assess(instance, weights, req, pairs)
    broken = Counter(v["code"] for v in found["violations"])
    figure(f"  {name}: time", seconds * 1000, "ms")
    figure(f"  {name}: fill rate", 100 * found["filled"] / len(instance.slots), "%")
    figure(f"  {name}: score", found["total"])
    figure(
        f"  {name}: shares women/young/minority",
        " / ".join(f"{found['shares'][g]:.1f} %" for g in ("female", "young", "minority")),
    )
    figure(
        f"  {name}: broken rules and targets",
        ", ".join(f"{code} {n}" for code, n in sorted(broken.items())) or "none",
    )


def floor(arcs, instance) -> float:
    """One pure assignment solve on the same pairs (every post may also stay empty), in seconds."""
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import min_weight_full_bipartite_matching

    started = time.perf_counter()
    n_slots, n_people = len(instance.slots), len(instance.candidates)
    top = float(arcs.score.max()) + 1
    rows = np.concatenate([arcs.i, np.arange(n_slots)])
    cols = np.concatenate([arcs.j, n_people + np.arange(n_slots)])
    cost = np.concatenate([top - arcs.score, np.full(n_slots, top)])
    min_weight_full_bipartite_matching(csr_matrix((cost, (rows, cols)), shape=(n_slots, n_people + n_slots)))
    return time.perf_counter() - started


@benchmark("rotation", options=options)
def run(args) -> None:
    from canbo.rotation.engine import DEFAULT_WEIGHTS, explain, solve
    from canbo.rotation.engine.generate import generate
    from canbo.rotation.engine.solver import arcs_of

    req = _requirements()
    for name, (posts, people, areas, gap) in ROUNDS.items():
        instance = generate(posts, people, args.rotation_seed, areas=areas)
        arcs = arcs_of(instance, DEFAULT_WEIGHTS, req)
        print(f"{name}: {len(instance.slots):,} posts, {len(instance.candidates):,} candidates", flush=True)
        figure("  eligible pairs", len(arcs))
        figure("  floor: one assignment solve", floor(arcs, instance) * 1000, "ms")
        plan = solve(instance, DEFAULT_WEIGHTS, req, time_limit=args.rotation_time_limit, gap=gap)
        figure("  planner: method", f"{plan.method}, {plan.status}, {plan.rounds} multiplier rounds")
        figure("  planner: bound", plan.bound)
        figure("  planner: gap to bound", f"{100 * plan.gap:.4f} %")
        _show("planner", instance, DEFAULT_WEIGHTS, req, plan.pairs, plan.seconds)
        started = time.perf_counter()
        why = explain(instance, DEFAULT_WEIGHTS, req, plan)
        figure("  explanations: score parts and runners-up", (time.perf_counter() - started) * 1000, "ms")
        figure(
            "  explanations: posts left empty, candidates left out",
            f"{len(why['empty']):,}, {len(why['left_out']):,}",
        )
        for baseline in (greedy, deferred_acceptance):
            started = time.perf_counter()
            pairs = baseline(arcs, instance)
            _show(
                baseline.__name__.replace("_", " "),
                instance,
                DEFAULT_WEIGHTS,
                req,
                pairs,
                time.perf_counter() - started,
            )
