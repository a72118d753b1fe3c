"""The personnel-action workflow: an organizer drafts, the rules run, an approver decides.

Every check is recorded (rules.RuleCheck) and linked to the action, so a rejected proposal or an overridden
rule stays on record. Approval re-runs the rules on the day it is given, records the decision, and closes the
old post and opens the new one in the same transaction.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from canbo.organizations.models import Decision, OrgUnit, Title
from canbo.people.models import Cadre
from canbo.rules.engine import Proposal
from canbo.rules.models import CheckSource
from canbo.rules.reports import language
from canbo.rules.selectors import proposal_on, target_position
from canbo.rules.services import check_cadre

from ..models import ENDING_ACTIONS, TIMED_ACTIONS, ActionStatus, Assignment, PersonnelAction
from .assignments import assignment_end, move

EDITABLE_FIELDS = ("kind", "unit", "title", "date", "planned_end_date", "is_acting", "reason")


def _current(cadre: Cadre, day: dt.date) -> Assignment | None:
    return (
        Assignment.objects.filter(cadre=cadre, is_concurrent=False)
        .on(day)
        .select_related("position__unit", "position__title")
        .first()
    )


def _fill(action: PersonnelAction) -> None:
    """Derive what the organizer need not type: the post an ending action ends, a rotation's return date."""
    if action.kind in ENDING_ACTIONS:
        current = _current(action.cadre, action.date)
        if current is None:
            raise ValidationError(
                _("%(cadre)s holds no post on %(date)s: there is nothing to end.")
                % {"cadre": action.cadre.full_name, "date": action.date.strftime("%d/%m/%Y")}
            )
        action.unit_id, action.title_id = current.position.unit_id, current.position.title_id
        action.position_id = current.position_id
        action.planned_end_date = None
        return
    if action.kind in TIMED_ACTIONS and action.planned_end_date is None:
        action.planned_end_date = proposal_on(action.kind, action.date).planned_return
    if action.planned_end_date and action.planned_end_date <= action.date:
        raise ValidationError({"planned_end_date": _("The planned end must come after the effective date.")})
    position = target_position(action.unit, action.title, action.date)
    if position is None:
        raise ValidationError(
            {
                "title": _("%(unit)s has no position of %(title)s open on %(date)s.")
                % {
                    "unit": action.unit.name,
                    "title": action.title.name,
                    "date": action.date.strftime("%d/%m/%Y"),
                }
            }
        )
    action.position = position


def action_run_rules(action: PersonnelAction, *, user=None) -> PersonnelAction:
    """Run every rule for the action as it stands and keep the check with the action."""
    proposal = Proposal(action.kind, action.date, planned_return=action.planned_end_date)
    _evaluation, record = check_cadre(
        cadre=action.cadre, position=action.position, proposal=proposal, ran_by=user, source=CheckSource.WEB
    )
    action.last_check = record
    action.save(update_fields=["last_check"])
    action.checks.add(record)
    return action


@transaction.atomic
def action_draft(
    *,
    user,
    cadre: Cadre,
    kind: str,
    unit: OrgUnit | None = None,
    title: Title | None = None,
    date: dt.date,
    planned_end_date: dt.date | None = None,
    is_acting: bool = False,
    reason: str = "",
) -> PersonnelAction:
    action = PersonnelAction(
        kind=kind,
        cadre=cadre,
        unit=unit,
        title=title,
        date=date,
        planned_end_date=planned_end_date,
        is_acting=is_acting,
        reason=reason,
        drafted_by=user,
    )
    if kind not in ENDING_ACTIONS and (unit is None or title is None):
        raise ValidationError(_("Choose the unit and the title of the post."))
    _fill(action)
    action.save()
    return action_run_rules(action, user=user)


def _require(action: PersonnelAction, *statuses: str) -> None:
    if action.status not in statuses:
        raise ValidationError(
            _("This action is %(status)s; it cannot be changed that way.")
            % {"status": action.get_status_display().lower()}
        )


@transaction.atomic
def action_update(action: PersonnelAction, *, user, **changes) -> PersonnelAction:
    """Change a draft (fix the choice) and run the rules again; justifications given before are kept only
    for rules that still need them."""
    _require(action, ActionStatus.DRAFT)
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    for name, value in changes.items():
        setattr(action, name, value)
    if action.kind not in ENDING_ACTIONS and (action.unit_id is None or action.title_id is None):
        raise ValidationError(_("Choose the unit and the title of the post."))
    _fill(action)
    action.save()
    return action_run_rules(action, user=user)


def _results(action: PersonnelAction) -> list[dict]:
    return action.last_check.results if action.last_check else []


def blocking(action: PersonnelAction) -> list[dict]:
    """Hard rules the latest check failed: nothing can override them."""
    return [r for r in _results(action) if r["outcome"] == "fail" and r["severity"] == "hard"]


def overridable(action: PersonnelAction) -> list[dict]:
    """Soft rules the latest check failed: they need a written justification."""
    return [r for r in _results(action) if r["outcome"] == "fail" and r["severity"] == "soft"]


def _refuse_unless_clear(action: PersonnelAction) -> None:
    lang = language()
    errors = [
        _("%(rule)s blocks this action: %(reason)s") % {"rule": r["name"][lang], "reason": r["reason"][lang]}
        for r in blocking(action)
    ]
    errors += [
        _("%(rule)s failed: a written justification is needed to go ahead.") % {"rule": r["name"][lang]}
        for r in overridable(action)
        if not (action.justifications.get(r["rule"]) or "").strip()
    ]
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def action_submit(action: PersonnelAction, *, user, justifications: dict[str, str] | None = None):
    """Send a draft for decision: refused while a hard rule fails or an overridden rule has no reason."""
    _require(action, ActionStatus.DRAFT)
    soft = {r["rule"] for r in overridable(action)}
    action.justifications = {
        code: text.strip() for code, text in (justifications or {}).items() if code in soft and text.strip()
    }
    _refuse_unless_clear(action)
    action.status = ActionStatus.SUBMITTED
    action.submitted_at = timezone.now()
    action.save(update_fields=["justifications", "status", "submitted_at"])
    return action


@transaction.atomic
def action_withdraw(action: PersonnelAction, *, user) -> PersonnelAction:
    """The organizer takes a draft or a submitted proposal back; it stays on record."""
    _require(action, ActionStatus.DRAFT, ActionStatus.SUBMITTED)
    action.status = ActionStatus.WITHDRAWN
    action.save(update_fields=["status"])
    return action


def _not_own(action: PersonnelAction, user) -> None:
    # Control of power: whoever proposes a move does not also decide it.
    if user is not None and action.drafted_by_id == user.pk and not user.is_superuser:
        raise ValidationError(_("You drafted this action: another approver must decide it."))


@transaction.atomic
def action_reject(action: PersonnelAction, *, user, reason: str) -> PersonnelAction:
    _require(action, ActionStatus.SUBMITTED)
    _not_own(action, user)
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the proposal is rejected.")})
    action.status = ActionStatus.REJECTED
    action.rejection_reason = reason.strip()
    action.decided_by, action.decided_at = user, timezone.now()
    action.save(update_fields=["status", "rejection_reason", "decided_by", "decided_at"])
    return action


def action_approve(
    action: PersonnelAction,
    *,
    user,
    number: str,
    decision_date: dt.date,
    issued_by: OrgUnit | None = None,
    signer: str = "",
    document=None,
) -> PersonnelAction:
    """Decide: the rules run again on today's records, the decision is recorded, and work history changes
    (the old post closed and the new one opened on the effective date), all or nothing.

    The approval-time check is committed before the rest, so a refusal leaves it on record.
    """
    _require(action, ActionStatus.SUBMITTED)
    _not_own(action, user)
    if decision_date > action.date:
        raise ValidationError(
            {"decision_date": _("The decision must be dated on or before the effective date.")}
        )
    if not number.strip():
        raise ValidationError({"number": _("Give the decision's number.")})
    action_run_rules(action, user=user)
    with transaction.atomic():
        action = PersonnelAction.objects.select_for_update().get(pk=action.pk)
        _require(action, ActionStatus.SUBMITTED)
        _refuse_unless_clear(action)
        decision = Decision(
            number=number.strip(),
            date=decision_date,
            issued_by=issued_by,
            signer=signer,
            summary=str(action)[:500],
            effective_date=action.date,
        )
        if document is not None:
            decision.document = document
        decision.save()
        action.closed = _current(action.cadre, action.date)
        if action.kind in ENDING_ACTIONS:
            if action.closed is None:
                raise ValidationError(_("The cadre no longer holds the post this action ends."))
            assignment_end(action.closed, end_date=action.date, end_action=action.kind, end_decision=decision)
        else:
            action.opened = move(
                cadre=action.cadre,
                position=action.position,
                date=action.date,
                action=action.kind,
                decision=decision,
                planned_end_date=action.planned_end_date,
                is_acting=action.is_acting,
            )
        action.status = ActionStatus.APPROVED
        action.decision = decision
        action.decided_by, action.decided_at = user, timezone.now()
        action.save()
    return action
