"""Reads of the rotation planner: a round's problem built from the records through the rules adapters.

The positions and candidates come from the round's settings; the facts about people (posts, relatives,
discipline, evaluations, planning) come from `canbo.rules.adapters`, so the optimizer sees exactly what the
rules engine checks, evaluations and planning included once their apps register their sources.
"""

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import Count, Q

from canbo.careers.models import Assignment
from canbo.organizations.models import Position
from canbo.people.models import Cadre
from canbo.reports.selectors import percent, structure_conditions
from canbo.rules import adapters
from canbo.rules.engine import Person, Proposal, RuleSet, dates
from canbo.rules.engine.derive import locality, same_post_since
from canbo.rules.selectors import active_ruleset

from .engine import CHAIRMAN, DEFAULT_WEIGHTS, SECRETARY, Instance, Opening, Requirements, Share, build
from .engine.edits import Edit, EditError, check_edit
from .models import PinKind, PlanKind, PositionsMode, RotationRound
from .text import edit_error_text

# Title codes end with the post: "X_BT" commune secretary, "T_CT_UBND" provincial chairman.
ROLE_SUFFIXES = {"_BT": SECRETARY, "_CT_UBND": CHAIRMAN}


def role_of(title_code: str) -> str:
    return next((role for suffix, role in ROLE_SUFFIXES.items() if title_code.endswith(suffix)), "")


def rotation_end(ruleset: RuleSet, day: dt.date) -> dt.date:
    """Planned end of a rotation starting on `day`: the rules' minimum rotation length."""
    return dates.add_months(day, ruleset.params["rotation_min_months"])


def proposal_of(rnd: RotationRound, ruleset: RuleSet) -> Proposal:
    return Proposal("rotation", rnd.date, planned_return=rotation_end(ruleset, rnd.date))


def body_positions(rnd: RotationRound):
    return Position.objects.filter(unit__path__startswith=rnd.body.path).as_of(rnd.date)


def _held_posts(rnd: RotationRound, **title) -> list[tuple[Position, int]]:
    """(position, holder id) for the body's positions of such titles held on the round's date."""
    held = (
        Assignment.objects.on(rnd.date)
        .filter(position__in=body_positions(rnd).filter(**title), is_concurrent=False)
        .select_related("position__unit", "position__title")
        .order_by("position__unit__path", "position__title__rank")
    )
    return [(a.position, a.cadre_id) for a in held]


def _people_by_id(cadre_ids, day) -> dict[int, Person]:
    return {p.id: p for p in adapters.load_people(Cadre.objects.filter(pk__in=list(cadre_ids)), day)}


def positions_to_fill(rnd: RotationRound, ruleset: RuleSet) -> tuple[list[Position], set[int]]:
    """The positions of the round and the holders who must move with them (due or local heads)."""
    day = rnd.date
    if rnd.positions_mode == PositionsMode.CHOSEN:
        return list(
            rnd.positions.select_related("unit", "title").order_by("unit__path", "title__rank")
        ), set()
    if rnd.positions_mode == PositionsMode.VACANCIES:
        free = (
            body_positions(rnd)
            .filter(title__is_key=True)
            .vacant_on(day)
            .select_related("unit", "title")
            .order_by("unit__path", "title__rank")
        )
        return list(free), set()
    # The holders' time in post and locality are the rules engine's, as the due lists and a check see them.
    params = ruleset.params
    if rnd.positions_mode == PositionsMode.DUE:
        posts = _held_posts(rnd, title__is_head=True, title__is_key=True)
        people = _people_by_id({c for _p, c in posts}, day)
        due = []
        for position, cadre_id in posts:
            person = people[cadre_id]
            held = next(
                (h.post for h in person.posts if h.post.position_id == position.pk and h.held_on(day)), None
            )
            since = held and same_post_since(person, held, day)
            if since and dates.months_between(since, day) >= params["term_limit_months"]:
                due.append((position, cadre_id))
        return [p for p, _c in due], {c for _p, c in due}
    posts = _held_posts(rnd, title__non_local=True)
    people = _people_by_id({c for _p, c in posts}, day)
    local = [(p, c) for p, c in posts if any(locality(people[c], p.unit.territory_id, params))]
    return [p for p, _c in local], {c for _p, c in local}


def _planned(person: Person, day: dt.date) -> bool:
    return bool(person.planning) and any(e.active_on(day) for e in person.planning)


def candidate_people(rnd: RotationRound, holders: set[int]) -> list[Person]:
    """The chosen candidates, the holders who must move, and, when asked, everyone of the body's units with
    a planning entry in force (known only when planning records are plugged into the rules adapters)."""
    chosen = set(rnd.candidates.values_list("pk", flat=True)) | holders
    cadres = Cadre.objects.filter(pk__in=chosen)
    if rnd.use_planning_pool:
        cadres = Cadre.objects.filter(Q(pk__in=chosen) | Q(managed_by__path__startswith=rnd.body.path))
    people = adapters.load_people(cadres.order_by("sort_key", "pk"), rnd.date)
    return [p for p in people if p.id in chosen or _planned(p, rnd.date)]


@dataclass
class Problem:
    """A round ready for the optimizer, with the records behind its slots and candidates."""

    instance: Instance
    weights: dict
    requirements: Requirements
    ruleset: RuleSet
    positions: dict[int, Position]


def requirements_of(rnd: RotationRound) -> Requirements:
    shares = tuple(
        Share(group, percent)
        for group, percent in (
            ("female", rnd.women_percent),
            ("young", rnd.young_percent),
            ("minority", rnd.minority_percent),
        )
        if percent
    )
    pins = list(rnd.pins.values_list("kind", "position_id", "cadre_id"))
    return Requirements(
        pair_rule=rnd.pair_rule,
        source_cap=rnd.source_cap,
        shares=shares,
        keep=tuple((p, c) for kind, p, c in pins if kind == PinKind.KEEP),
        forbid=tuple((p, c) for kind, p, c in pins if kind == PinKind.FORBID),
    )


def weights_of(rnd: RotationRound) -> dict:
    return {
        **DEFAULT_WEIGHTS,
        **{k: float(v) for k, v in (rnd.weights or {}).items() if k in DEFAULT_WEIGHTS},
    }


def round_problem(rnd: RotationRound) -> Problem:
    ruleset = active_ruleset(rnd.date)
    positions, holders = positions_to_fill(rnd, ruleset)
    people = candidate_people(rnd, holders)
    openings = []
    for position in positions:
        target = adapters.load_target(position, rnd.date)
        openings.append(
            Opening(
                target,
                adapters.load_context(target, rnd.date),
                role=role_of(position.title.code),
                area=target.unit.territory_name,
            )
        )
    preferences: dict[int, set[int]] = {}
    for cadre_id, unit_id in rnd.preferences.values_list("cadre_id", "unit_id"):
        preferences.setdefault(cadre_id, set()).add(unit_id)
    instance = build(
        people, openings, proposal_of(rnd, ruleset), ruleset, young_age=rnd.young_age, preferences=preferences
    )
    return Problem(instance, weights_of(rnd), requirements_of(rnd), ruleset, {p.pk: p for p in positions})


def round_positions(rnd: RotationRound):
    """The positions of a solved round as its result names them: those of the plan and those left empty."""
    ids = set(rnd.moves.filter(plan=PlanKind.OPTIMIZER).values_list("position_id", flat=True))
    ids |= {e["slot"]["id"] for e in (rnd.result or {}).get("empty", [])}
    return (
        Position.objects.filter(pk__in=ids)
        .select_related("unit", "title")
        .order_by("unit__path", "title__rank")
    )


def proposal_pairs(rnd: RotationRound, instance: Instance) -> list[tuple[int, int]]:
    """The proposal (the optimizer's plan with the board's edits) as (slot, candidate) indexes."""
    rows = rnd.moves.filter(plan=PlanKind.OPTIMIZER).values_list("position_id", "cadre_id")
    return [
        (instance.slot_index[p], instance.candidate_index[c])
        for p, c in rows
        if p in instance.slot_index and c in instance.candidate_index
    ]


def edit_check(rnd: RotationRound, *, kind: str, position, cadre=None, other=None) -> tuple[Problem, dict]:
    """A hand edit of the proposal checked against the rules and the round's requirements, not saved."""
    problem = round_problem(rnd)
    inst = problem.instance
    slot = inst.slot_index.get(position.pk)
    if slot is None:
        raise ValidationError(edit_error_text("not_a_position"))
    candidate = None
    if cadre is not None:
        candidate = inst.candidate_index.get(cadre.pk)
        if candidate is None:
            raise ValidationError(edit_error_text("not_a_candidate"))
    other_slot = inst.slot_index.get(other.pk) if other is not None else None
    edit = Edit(kind, slot, candidate, other_slot)
    try:
        found = check_edit(inst, problem.weights, problem.requirements, proposal_pairs(rnd, inst), edit)
    except EditError as exc:
        raise ValidationError(edit_error_text(exc.code)) from exc
    return problem, found


STRUCTURE_KEYS = ("women", "young", "ethnic_minority")


def _structure_of(holders: list[tuple[Position, int]], rnd: RotationRound) -> dict:
    """Shares of women, young and minority people among the holders, and the non-local share of the
    secretaries and chairmen among them (the reports' conditions, so both count alike)."""
    conditions = structure_conditions(rnd.date, rnd.young_age)
    ids = {c for _p, c in holders}
    counts = Cadre.objects.filter(pk__in=ids).aggregate(
        total=Count("pk"), **{k: Count("pk", filter=conditions[k]) for k in STRUCTURE_KEYS}
    )
    heads = [(p, c) for p, c in holders if role_of(p.title.code)]
    people = _people_by_id({c for _p, c in heads}, rnd.date)
    non_local = sum(1 for p, c in heads if p.unit.territory_id not in people[c].hometown_ids)
    return {
        "people": counts["total"],
        **{k: percent(counts[k], counts["total"]) for k in STRUCTURE_KEYS},
        "heads": len(heads),
        "non_local": percent(non_local, len(heads)),
    }


def plan_structure(rnd: RotationRound) -> dict:
    """The holders of the body's key posts on the round's date, before and after the proposal: whoever
    moves leaves the post held, and a post the plan fills changes hands."""
    moves = list(
        rnd.moves.filter(plan=PlanKind.OPTIMIZER).select_related("position__unit", "position__title")
    )
    held = (
        Assignment.objects.on(rnd.date)
        .filter(position__in=body_positions(rnd).filter(title__is_key=True), is_concurrent=False)
        .select_related("position__unit", "position__title")
    )
    before = [(a.position, a.cadre_id) for a in held]
    movers = {m.cadre_id for m in moves}
    filled = {m.position_id for m in moves}
    after = [(p, c) for p, c in before if c not in movers and p.pk not in filled]
    after += [(m.position, m.cadre_id) for m in moves]
    return {"before": _structure_of(before, rnd), "after": _structure_of(after, rnd)}


TARGETS = (("female", "women_percent"), ("young", "young_percent"), ("minority", "minority_percent"))


def round_margins(rnd: RotationRound) -> list[dict]:
    """How far the proposal's shares of appointees sit above (or below) the board's targets."""
    shares = (rnd.result or {}).get("shares", {})
    return [
        {
            "group": group,
            "target": getattr(rnd, field),
            "margin": round(shares.get(group, 0.0) - getattr(rnd, field), 1),
        }
        for group, field in TARGETS
        if getattr(rnd, field)
    ]
