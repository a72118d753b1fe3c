"""Writes on evaluations: each keeps the score and level in step with the tasks, and finalizing checks the
quota first."""

from collections import Counter, defaultdict

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext as _

from canbo.audit.services import record_export
from canbo.evaluation import engine
from canbo.evaluation.conf import params
from canbo.evaluation.models import Evaluation, EvaluationStatus, KpiTask, SubjectKind, TaskGroup
from canbo.evaluation.models.evaluations import COLLECTIVE_KINDS, PERSON_KINDS

TASK_FIELDS = ("name", "measure", "target", "weight", "result", "quality", "timeliness")


def _refuse_final(evaluation: Evaluation) -> None:
    if evaluation.is_final:
        raise ValidationError(_("This evaluation is finalized and can no longer be changed."))


def grading(evaluation: Evaluation, tasks=None) -> engine.Grading:
    tasks = evaluation.tasks.all() if tasks is None else tasks
    return engine.derive(
        [t.as_engine_task() for t in tasks],
        needs_over_fulfilment=evaluation.needs_over_fulfilment,
        disqualifications=evaluation.disqualifications,
        assigned=engine.Grade(evaluation.assigned_grade) if evaluation.assigned_grade else None,
        params=params(),
    )


def _set_grade(evaluation: Evaluation) -> engine.Grading:
    result = grading(evaluation)
    evaluation.score = result.score
    evaluation.grade = result.grade.value if result.grade else ""
    return result


def regrade(evaluation: Evaluation) -> engine.Grading:
    result = _set_grade(evaluation)
    evaluation.save(update_fields=["score", "grade"])
    return result


def _check_subject(kind, unit, cadre) -> None:
    if kind in PERSON_KINDS and cadre is None:
        raise ValidationError({"cadre": _("An individual or party member evaluation needs a cadre.")})
    if kind not in PERSON_KINDS and cadre is not None:
        raise ValidationError({"cadre": _("A collective or party cell is evaluated without a cadre.")})
    if kind == SubjectKind.PARTY_CELL and unit.kind != "party_cell":
        raise ValidationError({"unit": _("Only a party cell can be rated as a party cell.")})
    if kind == SubjectKind.PARTY_MEMBER and not cadre.is_party_member:
        raise ValidationError({"cadre": _("%(name)s is not a party member.") % {"name": cadre.full_name}})


@transaction.atomic
def evaluation_create(
    *,
    kind,
    year,
    unit,
    cadre=None,
    quarter=None,
    task_group=None,
    disqualifications=(),
    assigned_grade="",
    note="",
) -> Evaluation:
    _check_subject(kind, unit, cadre)
    if task_group is None:
        task_group = TaskGroup.STAFF if kind in PERSON_KINDS else TaskGroup.COLLECTIVE
    duplicate = Evaluation.objects.filter(kind=kind, year=year, quarter=quarter)
    duplicate = (
        duplicate.filter(cadre=cadre) if cadre is not None else duplicate.filter(unit=unit, cadre=None)
    )
    if duplicate.exists():
        raise ValidationError(_("This subject already has an evaluation for that period."))
    evaluation = Evaluation.objects.create(
        kind=kind,
        year=year,
        quarter=quarter,
        unit=unit,
        cadre=cadre,
        task_group=task_group,
        disqualifications=sorted(set(disqualifications)),
        assigned_grade=assigned_grade or "",
        note=note,
    )
    regrade(evaluation)
    return evaluation


@transaction.atomic
def evaluation_update(evaluation: Evaluation, **fields) -> Evaluation:
    _refuse_final(evaluation)
    allowed = {"task_group", "disqualifications", "assigned_grade", "note"}
    for name, value in fields.items():
        if name not in allowed:
            raise TypeError(f"evaluation_update() got an unexpected field {name!r}")
        setattr(evaluation, name, sorted(set(value)) if name == "disqualifications" else value)
    # One save, so one audit entry, for the edit and the grade it gives.
    _set_grade(evaluation)
    evaluation.save(update_fields=[*fields, "score", "grade"])
    return evaluation


def _check_task(values: dict) -> None:
    errors = {}
    if values.get("target") is not None and values["target"] <= 0:
        errors["target"] = _("The target must be more than zero.")
    if values.get("weight") is not None and values["weight"] <= 0:
        errors["weight"] = _("The weight must be more than zero.")
    if values.get("result") is not None and values["result"] < 0:
        errors["result"] = _("The result cannot be negative.")
    quality = values.get("quality")
    if quality is not None and not 0 <= quality <= 100:
        errors["quality"] = _("Quality is marked from 0 to 100.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def task_add(evaluation: Evaluation, **values) -> KpiTask:
    _refuse_final(evaluation)
    _check_task(values)
    task = KpiTask.objects.create(
        evaluation=evaluation, **{k: values.get(k) for k in values if k in TASK_FIELDS}
    )
    regrade(evaluation)
    return task


@transaction.atomic
def task_update(task: KpiTask, **values) -> KpiTask:
    _refuse_final(task.evaluation)
    _check_task(values)
    for name, value in values.items():
        if name not in TASK_FIELDS:
            raise TypeError(f"task_update() got an unexpected field {name!r}")
        setattr(task, name, value)
    task.save()
    regrade(task.evaluation)
    return task


@transaction.atomic
def task_delete(task: KpiTask) -> Evaluation:
    evaluation = task.evaluation
    _refuse_final(evaluation)
    task.delete()
    regrade(evaluation)
    return evaluation


def quota_unit(evaluation: Evaluation):
    """The unit whose quota an evaluation counts in: a collective's or party cell's is the body above it
    (the cells of one party committee are ranked together), anyone else's is their own unit."""
    if evaluation.kind in COLLECTIVE_KINDS and evaluation.unit.parent_id is not None:
        return evaluation.unit.parent
    return evaluation.unit


def quota_groups(evaluations) -> dict[tuple, Counter]:
    """Grade counts per (quota unit, kind, task group) of the evaluations given (any iterable)."""
    groups: dict[tuple, Counter] = defaultdict(Counter)
    for e in evaluations:
        groups[(quota_unit(e), e.kind, e.task_group)][e.grade] += 1
    return groups


def finalize(*, unit, year, quarter=None, user=None, evaluations=None) -> int:
    """Finalize the drafts of `unit`'s subtree for the period; returns how many.

    Refused, with every reason, when a draft has no level yet or a unit and task group has more
    "excellent" than its quota. `evaluations` is the queryset to act on (the user's scope); everything by
    default.
    """
    base = Evaluation.objects.all() if evaluations is None else evaluations
    period = base.filter(unit__path__startswith=unit.path, year=year, quarter=quarter).select_related(
        "unit__parent", "cadre"
    )
    with transaction.atomic():
        rows = list(period.select_for_update(of=("self",)))
        errors = []
        pending = [e for e in rows if not e.grade]
        if pending:
            errors.append(
                _("%(count)s evaluations have no level yet: %(names)s.")
                % {"count": len(pending), "names": ", ".join(e.subject_name for e in pending[:10])}
            )
        settings = params()
        for breach in engine.check_quota(quota_groups(rows), settings):
            unit, kind, group = breach.key
            errors.append(
                _(
                    "%(unit)s, %(kind)s, %(group)s: %(excellent)s rated excellent but at most %(allowed)s "
                    "allowed (%(share)s of %(good)s rated good); %(excess)s too many."
                )
                % {
                    "unit": unit.name,
                    "kind": SubjectKind(kind).label,
                    "group": TaskGroup(group).label,
                    "excellent": breach.excellent,
                    "allowed": breach.allowed,
                    "good": breach.good,
                    "excess": breach.excess,
                    "share": f"{settings.excellent_quota_share:.0%}",
                }
            )
        if errors:
            raise ValidationError(errors)
        drafts = [e.pk for e in rows if e.status == EvaluationStatus.DRAFT]
        Evaluation.objects.filter(pk__in=drafts).update(
            status=EvaluationStatus.FINALIZED, finalized_at=timezone.now(), finalized_by=user
        )
    return len(drafts)


def export(evaluations, query: str, *, user=None) -> bytes:
    """The spreadsheet of `evaluations`; the export is recorded in the audit trail with its filters."""
    from canbo.evaluation.importing import export_xlsx

    content = export_xlsx(evaluations)
    what = f"evaluations.xlsx?{query}" if query else "evaluations.xlsx"
    record_export(user, what, evaluations.count(), QueryDict(query), model=Evaluation)
    return content
