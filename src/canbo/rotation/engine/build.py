"""A round's Instance from the rules engine's facts: eligibility by its hard rules, score parts from the
people's records. Plain Python: the ORM side (canbo.rotation.selectors) only loads the facts.

Eligibility goes through `rank` over one Population, so the hard rules of the rule set in force (non-local,
kinship, age windows, service left, evaluation, planning...) filter the pairs before the optimizer sees them.
"""

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from canbo.organizations.paths import path_ids
from canbo.rules.engine import Context, Person, Population, Post, Proposal, RuleSet, rank
from canbo.rules.engine.facts import current_index
from canbo.rules.engine.params import DEGREE_ORDER, MANAGEMENT_ORDER, THEORY_ORDER
from canbo.rules.engine.population import seniority
from canbo.rules.engine.results import FAIL, WARN

from .instance import PARTS, Candidate, Instance, Slot

GRADE_VALUE = {"excellent": 1.0, "good": 0.75, "completed": 0.4, "not_completed": 0.0}
# Without evaluation records the person is neither helped nor held back.
NO_EVALUATION = 0.5
MOVING_ACTIONS = frozenset({"rotation", "transfer", "secondment"})
MOVES_HORIZON_YEARS = 10
MOVES_FULL_COST = 3  # three moves in ten years cost as much as a move can
SETTLING_MONTHS = 36  # leaving a post sooner disrupts the unit, linearly less up to this
EVALUATION_YEARS = 2


@dataclass(frozen=True)
class Opening:
    """A position to fill as the rules see it, with the posts held around it (for the kinship rule)."""

    post: Post
    context: Context
    role: str = ""
    area: str = ""


def _age_years(birth: dt.date, day: dt.date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def _left_unit(person: Person, current: int | None) -> int | None:
    """The unit of the exclusive post held before the current one."""
    if current is None:
        return None
    start = person.posts[current].start
    earlier = [h for h in person.posts if not h.is_concurrent and h.end is not None and h.end <= start]
    return max(earlier, key=lambda h: h.end).post.unit.id if earlier else None


def candidate_of(person: Person, day: dt.date, young_age: int) -> Candidate:
    current = current_index(person.posts, day)
    unit = person.posts[current].post.unit if current is not None else None
    return Candidate(
        id=person.id,
        label=person.name,
        female=person.gender == "female",
        young=_age_years(person.birth_date, day) < young_age,
        minority=person.ethnic_minority,
        source_unit=unit.id if unit else None,
        source_label=unit.name if unit else "",
        left_unit=_left_unit(person, current),
    )


def _person_columns(people: Sequence[Person], day: dt.date) -> dict[str, np.ndarray]:
    n = len(people)
    evaluation = np.full(n, NO_EVALUATION)
    readiness = np.zeros(n)
    moves = np.zeros(n)
    disruption = np.zeros(n)
    level = np.full(n, 99)
    rank_ = np.zeros(n)
    horizon = day.replace(year=day.year - MOVES_HORIZON_YEARS)
    for k, p in enumerate(people):
        if p.evaluations:
            recent = [g for y, g in p.evaluations.items() if day.year - EVALUATION_YEARS <= y < day.year]
            if recent:
                evaluation[k] = np.mean([GRADE_VALUE.get(g, NO_EVALUATION) for g in recent])
        readiness[k] = (
            (DEGREE_ORDER.get(p.degree, 0) >= DEGREE_ORDER["university"])
            + (THEORY_ORDER.get(p.political_theory, 0) >= THEORY_ORDER["advanced"])
            + (MANAGEMENT_ORDER.get(p.state_management, 0) >= MANAGEMENT_ORDER["specialist"])
        ) / 3
        moved = sum(1 for h in p.posts if h.action in MOVING_ACTIONS and h.start >= horizon)
        moves[k] = min(moved / MOVES_FULL_COST, 1.0)
        current = current_index(p.posts, day)
        if current is not None:
            held = p.posts[current]
            months = (day.year - held.start.year) * 12 + day.month - held.start.month
            disruption[k] = max(0.0, 1 - months / SETTLING_MONTHS)
            level[k], rank_[k] = seniority(held.post)
    return {
        "evaluation": evaluation,
        "readiness": readiness,
        "moves": moves,
        "disruption": disruption,
        "level": level,
        "rank": rank_,
    }


def build(
    people: Sequence[Person],
    openings: Sequence[Opening],
    proposal: Proposal,
    ruleset: RuleSet,
    *,
    young_age: int = 40,
    preferences: Mapping[int, set[int]] | None = None,
) -> Instance:
    """Every person against every opening. `preferences` maps a person's id to the unit ids they asked for
    (a unit or any unit under it)."""
    day = proposal.date
    population = Population(people)
    n_slots, n_people = len(openings), len(people)
    blocked = np.zeros((n_slots, n_people), dtype=np.uint32)
    warnings = np.zeros((n_slots, n_people), dtype=np.int16)
    rule_codes = tuple(rule.code for rule in ruleset.rules)
    for i, opening in enumerate(openings):
        ranking = rank(population, opening.post, proposal, opening.context, ruleset)
        hard = ranking.checker.hard[None, :]
        failed = (ranking.matrix == FAIL) & hard
        warnings[i] = (((ranking.matrix == FAIL) & ~hard) | (ranking.matrix == WARN)).sum(axis=1)
        bits = (1 << np.arange(len(rule_codes), dtype=np.uint32)).astype(np.uint32)
        blocked[i] = (failed.astype(np.uint32) * bits[None, :]).sum(axis=1).astype(np.uint32)

    cols = _person_columns(people, day)
    held_groups = [{h.post.title.group for h in p.posts} for p in people]
    held_levels = [{h.post.title.level for h in p.posts} for p in people]
    held_codes = [{h.post.title.code for h in p.posts} for p in people]
    homes = [p.residence_ids | p.hometown_ids for p in people]
    preferences = preferences or {}

    parts = np.zeros((len(PARTS), n_slots, n_people))
    index = {name: k for k, name in enumerate(PARTS)}
    parts[index["fill"]] = 1.0
    parts[index["evaluation"]] = cols["evaluation"][None, :]
    parts[index["readiness"]] = cols["readiness"][None, :]
    parts[index["moves"]] = cols["moves"][None, :]
    parts[index["disruption"]] = cols["disruption"][None, :]
    for i, opening in enumerate(openings):
        title, unit = opening.post.title, opening.post.unit
        same_group = np.fromiter((title.group in g for g in held_groups), bool, n_people)
        same_level = np.fromiter((title.level in g for g in held_levels), bool, n_people)
        same_code = np.fromiter((title.code in g for g in held_codes), bool, n_people)
        parts[index["fit"], i] = 0.5 * same_group + 0.3 * same_level + 0.2 * same_code
        level, rank_ = seniority(opening.post)
        higher = (level < cols["level"]) | ((level == cols["level"]) & (rank_ < cols["rank"]))
        parts[index["development"], i] = 0.5 * ~same_group + 0.5 * higher
        around = set(path_ids(unit.path))
        at_home = np.fromiter((unit.territory_id in h for h in homes), bool, n_people)
        nearby = np.fromiter((bool(around & h) for h in homes), bool, n_people)
        parts[index["distance"], i] = np.where(at_home, 0.0, np.where(nearby, 0.5, 1.0))
        wanted = around | {unit.id}
        parts[index["preference"], i] = [bool(wanted & preferences.get(p.id, set())) for p in people]

    slots = [
        Slot(
            id=o.post.position_id,
            label=o.post.label_vi,
            unit_id=o.post.unit.id,
            locality_id=o.post.unit.territory_id,
            role=o.role,
            area=o.area,
        )
        for o in openings
    ]
    candidates = [candidate_of(p, day, young_age) for p in people]
    return Instance(slots, candidates, parts, blocked, rule_codes, warnings)
