"""Writes of the rotation planner: rounds, pins, solving, hand-made plans and approval.

Solving runs in a background task (`tasks.solve_round`); it only writes the round's own records. Approval is
the one write on real records: every move of the plan as a personnel action of `canbo.careers`, drafted,
submitted and approved with its own decision, in one transaction.
"""

import csv
import io
import threading
import time

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from canbo.careers.models import ActionKind, Assignment, PersonnelAction
from canbo.careers.services import action_approve, action_draft, action_submit, free_seat, overridable
from canbo.organizations.models import OrgUnit
from canbo.people.models import Cadre

from . import engine
from .models import (
    PlanKind,
    RotationMove,
    RotationPin,
    RotationPreference,
    RotationRound,
    RoundStatus,
)
from .selectors import Problem, edit_check, round_problem
from .text import describe_plan

# How often a running solve writes its progress for the page to poll.
PROGRESS_EVERY = 0.5
SOLVER_WORKERS = 2


def round_save(
    rnd: RotationRound | None, *, user=None, positions=(), candidates=(), **fields
) -> RotationRound:
    """Create or change a round's settings; a changed round must be solved again."""
    if rnd is None:
        rnd = RotationRound(created_by=user)
    else:
        _editable(rnd)
    for name, value in fields.items():
        setattr(rnd, name, value)
    rnd.status = RoundStatus.DRAFT
    rnd.save()
    rnd.positions.set(positions)
    rnd.candidates.set(candidates)
    return rnd


def _editable(rnd: RotationRound) -> None:
    if rnd.status == RoundStatus.APPROVED:
        raise ValidationError(_("An approved round cannot be changed; copy it to make a new scenario."))
    if rnd.running:
        raise ValidationError(_("The round is being solved; wait for the result before changing it."))


@transaction.atomic
def pin_add(rnd: RotationRound, *, kind: str, position, cadre: Cadre) -> RotationPin:
    _editable(rnd)
    pin, _created = RotationPin.objects.update_or_create(
        round=rnd, position=position, cadre=cadre, defaults={"kind": kind}
    )
    return pin


@transaction.atomic
def pin_remove(pin: RotationPin) -> None:
    _editable(pin.round)
    pin.delete()


@transaction.atomic
def preference_add(rnd: RotationRound, *, cadre: Cadre, unit: OrgUnit) -> RotationPreference:
    _editable(rnd)
    return RotationPreference.objects.get_or_create(round=rnd, cadre=cadre, unit=unit)[0]


@transaction.atomic
def round_copy(rnd: RotationRound, *, user=None, name: str = "") -> RotationRound:
    """A new scenario with the same settings, pins and preferences, to change and solve again."""
    copy = RotationRound.objects.get(pk=rnd.pk)
    copy.pk = None
    copy.parent = rnd
    copy.name = name or _("%(name)s (scenario)") % {"name": rnd.name}
    copy.status = RoundStatus.DRAFT
    copy.progress, copy.best_total, copy.best_bound = 0.0, None, None
    copy.result, copy.hand_result, copy.error = None, None, ""
    copy.solved_at = copy.approved_at = copy.approved_by = None
    copy.created_by = user
    copy.save()
    copy.positions.set(rnd.positions.all())
    copy.candidates.set(rnd.candidates.all())
    RotationPin.objects.bulk_create(
        RotationPin(round=copy, kind=p.kind, position_id=p.position_id, cadre_id=p.cadre_id)
        for p in rnd.pins.all()
    )
    RotationPreference.objects.bulk_create(
        RotationPreference(round=copy, cadre_id=p.cadre_id, unit_id=p.unit_id) for p in rnd.preferences.all()
    )
    return copy


def round_solve_start(rnd: RotationRound) -> None:
    """Queue the round for the background solver."""
    from .tasks import solve_round  # the task module imports this one

    _editable(rnd)
    RotationRound.objects.filter(pk=rnd.pk).update(
        status=RoundStatus.QUEUED, progress=0.0, best_total=None, best_bound=None, error=""
    )
    rnd.refresh_from_db()
    transaction.on_commit(lambda: solve_round.enqueue(rnd.pk))


def _solve_with_progress(rnd: RotationRound, problem: Problem) -> engine.Plan:
    """Solve in a thread while this one writes the progress (elapsed against the time limit, best score)."""
    found: dict = {}
    best: dict = {}

    def progress(total, bound):
        best["total"], best["bound"] = total, bound

    def work():
        try:
            found["plan"] = engine.solve(
                problem.instance,
                problem.weights,
                problem.requirements,
                time_limit=rnd.time_limit,
                workers=SOLVER_WORKERS,
                progress=progress,
            )
        except Exception as exc:  # noqa: BLE001 - handed to the task, which records it
            found["error"] = exc

    started = time.monotonic()
    worker = threading.Thread(target=work, daemon=True)
    worker.start()
    while worker.is_alive():
        worker.join(PROGRESS_EVERY)
        share = min((time.monotonic() - started) / max(rnd.time_limit, 1), 0.99)
        RotationRound.objects.filter(pk=rnd.pk).update(
            progress=share, best_total=best.get("total"), best_bound=best.get("bound")
        )
    if "error" in found:
        raise found["error"]
    return found["plan"]


def round_solve(rnd: RotationRound) -> RotationRound:
    """Build the round's problem from the records, solve it, and store the plan with its explanations."""
    RotationRound.objects.filter(pk=rnd.pk).update(status=RoundStatus.SOLVING, progress=0.0)
    try:
        problem = round_problem(rnd)
        plan = _solve_with_progress(rnd, problem)
        why = engine.explain(problem.instance, problem.weights, problem.requirements, plan)
        measured = engine.assess(problem.instance, problem.weights, problem.requirements, plan.pairs)
    except Exception as exc:
        RotationRound.objects.filter(pk=rnd.pk).update(status=RoundStatus.FAILED, error=str(exc))
        raise
    inst = problem.instance
    warnings = {(a["slot"]["id"], a["candidate"]["id"]): a for a in why["assignments"]}
    with transaction.atomic():
        rnd.moves.filter(plan=PlanKind.OPTIMIZER).delete()
        RotationMove.objects.bulk_create(
            RotationMove(
                round=rnd,
                plan=PlanKind.OPTIMIZER,
                position_id=inst.slots[i].id,
                cadre_id=inst.candidates[j].id,
                score=warnings[(inst.slots[i].id, inst.candidates[j].id)]["score"],
                explanation=warnings[(inst.slots[i].id, inst.candidates[j].id)],
            )
            for i, j in plan.pairs
        )
        rnd.result = describe_plan(problem, plan, why, measured)
        rnd.status = RoundStatus.SOLVED
        rnd.progress = 1.0
        rnd.best_total = plan.total
        rnd.best_bound = plan.bound
        rnd.solved_at = timezone.now()
        rnd.error = ""
        rnd.save()
    return rnd


def _scored_move(rnd, kind, inst, weights, score, i, j, **explanation) -> RotationMove:
    """A move not from the optimizer (made or changed by hand): its score and parts, without runners-up."""
    return RotationMove(
        round=rnd,
        plan=kind,
        position_id=inst.slots[i].id,
        cadre_id=inst.candidates[j].id,
        score=round(float(score[i, j]), 3),
        explanation={"parts": inst.pair_parts(weights, i, j), **explanation},
    )


@transaction.atomic
def proposal_edit(rnd: RotationRound, *, kind: str, position, cadre=None, other=None) -> dict:
    """Change the proposal by hand (assign, remove, swap). The board may knowingly break its own side
    constraints, which the round then shows, but never a hard rule: approval would refuse that move anyway."""
    _editable(rnd)
    if rnd.status != RoundStatus.SOLVED:
        raise ValidationError(_("Only a solved round's proposal can be edited."))
    problem, found = edit_check(rnd, kind=kind, position=position, cadre=cadre, other=other)
    hard = [v for v in found["added"] if v["code"] == "blocked"]
    if hard:
        raise ValidationError(_("The edit breaks a hard rule; it is not saved."))
    inst, weights = problem.instance, problem.weights
    wanted = {(inst.slots[i].id, inst.candidates[j].id): (i, j) for i, j in found["pairs"]}
    current = set(rnd.moves.filter(plan=PlanKind.OPTIMIZER).values_list("position_id", "cadre_id"))
    for position_id, cadre_id in current - set(wanted):
        rnd.moves.filter(plan=PlanKind.OPTIMIZER, position_id=position_id, cadre_id=cadre_id).delete()
    score = engine.scores(inst, weights)
    RotationMove.objects.bulk_create(
        _scored_move(
            rnd,
            PlanKind.OPTIMIZER,
            inst,
            weights,
            score,
            i,
            j,
            warnings=0 if inst.warnings is None else int(inst.warnings[i, j]),
            edited=True,
        )
        for key, (i, j) in wanted.items()
        if key not in current
    )
    after = found["after"]
    rnd.result = {
        **rnd.result,
        **{k: after[k] for k in ("total", "filled", "moves", "shares", "violations")},
        "warnings": 0 if inst.warnings is None else sum(int(inst.warnings[i, j]) for i, j in found["pairs"]),
        "edits": rnd.result.get("edits", 0) + 1,
    }
    rnd.best_total = after["total"]
    rnd.save(update_fields=["result", "best_total"])
    return found


def parse_hand_plan(text: str) -> list[tuple[str, str, str]]:
    """Rows "cadre code, unit code, title code" (comma, semicolon or tab separated; a header is skipped)."""
    rows = []
    sample = text.strip()
    if not sample:
        return rows
    dialect = csv.Sniffer().sniff(sample.splitlines()[0], delimiters=",;\t")
    for row in csv.reader(io.StringIO(sample), dialect):
        cells = [c.strip() for c in row]
        if not any(cells):
            continue
        if len(cells) != 3:
            raise ValidationError(
                _("Each line needs a cadre code, a unit code and a title code: %(line)s")
                % {"line": ", ".join(cells)}
            )
        rows.append(tuple(cells))
    if rows and rows[0][0].lower() in ("cadre", "cán bộ", "ma can bo", "mã cán bộ"):
        rows = rows[1:]
    return rows


def hand_plan_set(rnd: RotationRound, text: str) -> dict:
    """Check a plan made by hand against the rules and the board's requirements, and score it like the
    optimizer's. Rows naming someone or a post outside the round are refused with their line."""
    _editable(rnd)
    rows = parse_hand_plan(text)
    if not rows:
        raise ValidationError(_("The hand-made plan is empty."))
    problem = round_problem(rnd)
    inst = problem.instance
    codes = dict(Cadre.objects.filter(code__in=[r[0] for r in rows]).values_list("code", "pk"))
    slot_of = {(p.unit.code, p.title.code): inst.slot_index[pk] for pk, p in problem.positions.items()}
    pairs, errors = [], []
    for cadre_code, unit_code, title_code in rows:
        j = inst.candidate_index.get(codes.get(cadre_code))
        i = slot_of.get((unit_code, title_code))
        if j is None:
            errors.append(_("%(code)s is not a candidate of this round.") % {"code": cadre_code})
        if i is None:
            errors.append(
                _("%(title)s at %(unit)s is not a position of this round.")
                % {"title": title_code, "unit": unit_code}
            )
        if i is not None and j is not None:
            pairs.append((i, j))
    if errors:
        raise ValidationError(errors)
    measured = engine.assess(inst, problem.weights, problem.requirements, pairs)
    with transaction.atomic():
        rnd.moves.filter(plan=PlanKind.HAND).delete()
        score = engine.scores(inst, problem.weights)
        RotationMove.objects.bulk_create(
            _scored_move(rnd, PlanKind.HAND, inst, problem.weights, score, i, j) for i, j in pairs
        )
        rnd.hand_result = measured
        rnd.save(update_fields=["hand_result"])
    return measured


def _in_order(moves: list[RotationMove], day) -> list[RotationMove]:
    """The moves in an order the seats allow: someone who leaves a full seat goes before whoever takes it."""
    movers = {m.cadre_id for m in moves}
    holders: dict[int, set[int]] = {}
    for position_id, cadre_id in (
        Assignment.objects.on(day)
        .filter(position_id__in=[m.position_id for m in moves], is_concurrent=False, cadre_id__in=movers)
        .values_list("position_id", "cadre_id")
    ):
        holders.setdefault(position_id, set()).add(cadre_id)
    ordered, done, waiting = [], set(), list(moves)
    while waiting:
        ready = [
            m
            for m in waiting
            if free_seat(m.position, day, None) is not None or not holders.get(m.position_id, set()) - done
        ]
        if not ready:
            raise ValidationError(
                _("The plan moves people into each other's posts in a circle; break the circle by hand.")
            )
        for m in ready:
            done.add(m.cadre_id)
        ordered += ready
        waiting = [m for m in waiting if m not in ready]
    return ordered


@transaction.atomic
def round_approve(
    rnd: RotationRound, *, user, number: str, decision_date, justification: str = ""
) -> list[PersonnelAction]:
    """Apply the optimizer's plan through the personnel-action workflow: for every move a rotation drafted in
    the name of whoever prepared the round, submitted (the board's justification covers soft rules the move
    fails) and approved by `user` under its own decision, numbered `number`-1, -2... All or nothing: a move
    the rules or the history refuse leaves everything as it was."""
    rnd = RotationRound.objects.select_for_update().get(pk=rnd.pk)
    if rnd.status != RoundStatus.SOLVED:
        raise ValidationError(_("Only a solved round can be approved."))
    if not number.strip():
        raise ValidationError(_("Give the number of the decisions."))
    moves = list(
        rnd.moves.filter(plan=PlanKind.OPTIMIZER).select_related("cadre", "position__unit", "position__title")
    )
    if not moves:
        raise ValidationError(_("The plan has no moves to approve."))
    drafter = rnd.created_by or user
    actions = []
    for k, m in enumerate(_in_order(moves, rnd.date), start=1):
        action = action_draft(
            user=drafter,
            cadre=m.cadre,
            kind=ActionKind.ROTATION,
            unit=m.position.unit,
            title=m.position.title,
            date=rnd.date,
            reason=_("Rotation round %(round)s") % {"round": rnd.name},
        )
        soft = {r["rule"]: justification for r in overridable(action)} if justification.strip() else {}
        action_submit(action, user=drafter, justifications=soft)
        actions.append(
            action_approve(
                action,
                user=user,
                number=f"{number.strip()}-{k}",
                decision_date=decision_date,
                issued_by=rnd.body,
            )
        )
        m.action = action
        m.save(update_fields=["action"])
    rnd.status = RoundStatus.APPROVED
    rnd.approved_by = user
    rnd.approved_at = timezone.now()
    rnd.save(update_fields=["status", "approved_by", "approved_at"])
    return actions
