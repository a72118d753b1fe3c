"""Synthetic rounds for tests and benchmarks, shaped like real ones rather than uniform.

Localities sit in areas (a province's regions, or the provinces of the country); each locality has a
secretary's and a chairman's post. Candidates mostly come from, and are eligible near, their home area;
remote areas, where most people are of an ethnic minority, have few candidates of their own; some pools have
few women. So the share targets bind, the pair rule and the caps matter, and a greedy plan breaks them.
Only the eligible pairs are made (a SparseInstance), so a national round fits in memory.
"""

import numpy as np

from .instance import CHAIRMAN, PARTS, SECRETARY, Candidate, Slot, SparseInstance

# Eligible posts per candidate: about 330,000 pairs for 40,000 people, as in a national round.
PAIRS_PER_CANDIDATE = 8.3
NEARBY = 0.85  # share of a candidate's eligible posts in the home area
SOURCE_UNITS_PER_LOCALITY = 3  # the party committee, the People's Committee, a department
BOTH_HEADS = 0.25


def generate(
    positions: int,
    candidates: int,
    seed: int = 0,
    areas: int | None = None,
    pairs: float = PAIRS_PER_CANDIDATE,
) -> SparseInstance:
    """About `positions` slots and `candidates` people in `areas` areas (one per 200 posts by default)."""
    rnd = np.random.default_rng(seed)
    areas = areas or max(positions // 200, 4)
    # A round reaches both heads of about one locality in four; the others lose one head each.
    localities = max(round(positions / (1 + BOTH_HEADS)), 1)
    area_of = np.sort(rnd.integers(0, areas, localities))
    remote_area = rnd.random(areas) < 0.25
    remote_area[0] = True
    few_women_area = rnd.random(areas) < 0.3
    both = np.zeros(localities, bool)
    both[rnd.choice(localities, min(max(positions - localities, 0), localities), replace=False)] = True
    first = np.where(rnd.random(localities) < 0.5, SECRETARY, CHAIRMAN)
    posts = [(loc, first[loc]) for loc in range(localities)]
    posts += [(loc, CHAIRMAN if first[loc] == SECRETARY else SECRETARY) for loc in np.flatnonzero(both)]
    posts = sorted(posts[:positions])
    slots = [
        Slot(k + 1, f"{role} {loc}", 1000 + int(loc), int(loc), str(role), f"area {area_of[loc]}")
        for k, (loc, role) in enumerate(posts)
    ]
    slot_loc = np.array([s.locality_id for s in slots])
    slot_area = area_of[slot_loc]

    # People live mostly in well-served areas; remote ones have few, mostly of an ethnic minority.
    home_weight = np.where(remote_area[area_of], 0.25, 1.0)
    home = rnd.choice(localities, candidates, p=home_weight / home_weight.sum())
    home_area = area_of[home]
    remote = remote_area[home_area]
    female_rate = np.where(remote, 0.1, np.where(few_women_area[home_area], 0.1, 0.3))
    female = rnd.random(candidates) < female_rate
    young = rnd.random(candidates) < np.where(remote, 0.12, 0.22)
    minority = rnd.random(candidates) < np.where(remote, 0.7, 0.04)
    unit = 100_000 + home * SOURCE_UNITS_PER_LOCALITY + rnd.integers(0, SOURCE_UNITS_PER_LOCALITY, candidates)
    people = [
        Candidate(
            id=10_000_000 + j,
            label=f"candidate {j}",
            female=bool(female[j]),
            young=bool(young[j]),
            minority=bool(minority[j]),
            source_unit=int(unit[j]),
            source_label=f"unit {unit[j]}",
        )
        for j in range(candidates)
    ]

    # Eligible posts: mostly in the home area, a few anywhere; never one's own locality (non-local rule).
    by_area = [np.flatnonzero(slot_area == a) for a in range(areas)]
    count = rnd.poisson(pairs, candidates)
    j = np.repeat(np.arange(candidates), count)
    near = rnd.random(len(j)) < NEARBY
    i = rnd.integers(0, len(slots), len(j))
    sizes = np.array([len(b) for b in by_area])
    has_near = near & (sizes[home_area[j]] > 0)
    by_area_index = (rnd.random(has_near.sum()) * sizes[home_area[j[has_near]]]).astype(np.int64)
    offsets = np.concatenate([[0], np.cumsum(sizes)])
    flat = np.concatenate(by_area)
    i[has_near] = flat[offsets[home_area[j[has_near]]] + by_area_index]
    own = slot_loc[i] == home[j]
    key = np.unique(i[~own] * candidates + j[~own])
    i, j = key // candidates, key % candidates

    # Score parts: a person's record weighs on every pair; fit, development and preference vary per pair.
    n = len(i)
    evaluation = rnd.beta(5, 2, candidates)
    readiness = rnd.choice([0.33, 0.67, 1.0], candidates, p=[0.2, 0.4, 0.4])
    moves = rnd.choice([0.0, 0.33, 0.67], candidates, p=[0.6, 0.3, 0.1])
    disruption = rnd.random(candidates) * 0.5
    parts = np.zeros((len(PARTS), n))
    parts[PARTS.index("fill")] = 1.0
    parts[PARTS.index("evaluation")] = evaluation[j]
    parts[PARTS.index("fit")] = rnd.choice([0.2, 0.5, 0.8, 1.0], n)
    parts[PARTS.index("readiness")] = readiness[j]
    parts[PARTS.index("preference")] = rnd.random(n) < 0.1
    parts[PARTS.index("development")] = rnd.choice([0.0, 0.5, 1.0], n)
    parts[PARTS.index("distance")] = np.where(slot_area[i] == home_area[j], 0.2, 0.9)
    parts[PARTS.index("moves")] = moves[j]
    parts[PARTS.index("disruption")] = disruption[j]
    return SparseInstance(slots, people, i, j, parts)
