"""Writes on work history. Every assignment is opened and closed here, with the checks that keep history
sound.

The database enforces the same invariants (one holder per seat, one exclusive post per cadre at a time); these
functions check first so that a person gets a sentence instead of an integrity error.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from canbo.organizations.models import Decision, Position
from canbo.people.models import Cadre

from ..models import ENDING_ACTIONS, ActionKind, Assignment


def _fmt(day: dt.date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else "…"


def _overlapping(qs, start: dt.date, end: dt.date | None):
    qs = qs.filter(Q(end_date__isnull=True) | Q(end_date__gt=start))
    return qs.filter(start_date__lt=end) if end else qs


def free_seat(position: Position, start: dt.date, end: dt.date | None, exclude_pk=None) -> int | None:
    taken = set(
        _overlapping(Assignment.objects.filter(position=position), start, end)
        .exclude(pk=exclude_pk)
        .values_list("seat", flat=True)
    )
    return next((s for s in range(1, position.seats + 1) if s not in taken), None)


def validate_assignment(
    *,
    cadre: Cadre,
    position: Position,
    start_date,
    end_date=None,
    seat=None,
    is_concurrent=False,
    exclude_pk=None,
) -> int:
    """Check an assignment against history; return the seat it takes. Raises ValidationError with reasons."""
    errors: list[str] = []
    if end_date and end_date <= start_date:
        errors.append(_("The end date must come after the start date."))
    if cadre.birth_date and start_date <= cadre.birth_date:
        errors.append(_("The post cannot start before the cadre was born."))
    unit = position.unit
    if not unit.existed_on(start_date):
        errors.append(
            _("%(unit)s did not exist on %(date)s.") % {"unit": unit.name, "date": _fmt(start_date)}
        )
    if position.valid_to and start_date >= position.valid_to:
        errors.append(
            _("The position %(position)s was closed on %(date)s.")
            % {"position": position, "date": _fmt(position.valid_to)}
        )
    if not is_concurrent and position.title.exclusive:
        clash = (
            _overlapping(Assignment.objects.filter(cadre=cadre, is_concurrent=False), start_date, end_date)
            .exclude(pk=exclude_pk)
            .select_related("position__title", "position__unit")
            .first()
        )
        if clash:
            errors.append(
                _("%(cadre)s already holds %(post)s from %(start)s to %(end)s.")
                % {
                    "cadre": cadre.full_name,
                    "post": clash.position,
                    "start": _fmt(clash.start_date),
                    "end": _fmt(clash.end_date),
                }
            )
    if seat is None:
        seat = free_seat(position, start_date, end_date, exclude_pk)
        if seat is None:
            errors.append(
                _("All %(seats)d seats of %(position)s are held on %(date)s.")
                % {"seats": position.seats, "position": position, "date": _fmt(start_date)}
            )
    elif not 1 <= seat <= position.seats:
        errors.append(
            _("Seat %(seat)d does not exist: %(position)s has %(seats)d.")
            % {"seat": seat, "position": position, "seats": position.seats}
        )
    elif (
        _overlapping(Assignment.objects.filter(position=position, seat=seat), start_date, end_date)
        .exclude(pk=exclude_pk)
        .exists()
    ):
        errors.append(
            _("Seat %(seat)d of %(position)s is already held then.") % {"seat": seat, "position": position}
        )
    if errors:
        raise ValidationError(errors)
    return seat


def _save(obj) -> None:
    try:
        with transaction.atomic():
            obj.save()
    except IntegrityError as exc:  # a concurrent write won the race; say so in words
        raise ValidationError(_("This change conflicts with another post held at the same time.")) from exc


@transaction.atomic
def assignment_create(
    *,
    cadre: Cadre,
    position: Position,
    start_date: dt.date,
    action: str,
    end_date: dt.date | None = None,
    end_action: str = "",
    decision: Decision | None = None,
    end_decision: Decision | None = None,
    seat: int | None = None,
    is_concurrent: bool = False,
    is_acting: bool = False,
    planned_end_date: dt.date | None = None,
    note: str = "",
) -> Assignment:
    if action in ENDING_ACTIONS:
        raise ValidationError(
            _("%(action)s ends a post; it cannot start one.") % {"action": ActionKind(action).label}
        )
    is_concurrent = is_concurrent or action == ActionKind.CONCURRENT
    seat = validate_assignment(
        cadre=cadre,
        position=position,
        start_date=start_date,
        end_date=end_date,
        seat=seat,
        is_concurrent=is_concurrent,
    )
    assignment = Assignment(
        cadre=cadre,
        position=position,
        seat=seat,
        start_date=start_date,
        end_date=end_date,
        action=action,
        end_action=end_action,
        decision=decision,
        end_decision=end_decision,
        is_concurrent=is_concurrent,
        is_acting=is_acting,
        planned_end_date=planned_end_date,
        note=note,
    )
    _save(assignment)
    refresh_current_positions([cadre.pk])
    return assignment


@transaction.atomic
def assignment_end(
    assignment: Assignment, *, end_date: dt.date, end_action: str = "", end_decision: Decision | None = None
) -> Assignment:
    if end_date <= assignment.start_date:
        raise ValidationError(_("The end date must come after the start date."))
    later = Assignment.objects.filter(
        position=assignment.position,
        seat=assignment.seat,
        start_date__gt=assignment.start_date,
        start_date__lt=end_date,
    )
    if later.exists():
        raise ValidationError(_("The seat has a later holder before that date."))
    assignment.end_date = end_date
    assignment.end_action = end_action
    assignment.end_decision = end_decision
    _save(assignment)
    refresh_current_positions([assignment.cadre_id])
    return assignment


@transaction.atomic
def move(
    *,
    cadre: Cadre,
    position: Position,
    date: dt.date,
    action: str,
    decision: Decision | None = None,
    planned_end_date: dt.date | None = None,
    is_acting: bool = False,
) -> Assignment:
    """Close the cadre's current exclusive post on `date`, open `position` from `date`, under one decision."""
    current = Assignment.objects.filter(cadre=cadre, is_concurrent=False).on(date).first()
    if current:
        assignment_end(current, end_date=date, end_action=action, end_decision=decision)
    return assignment_create(
        cadre=cadre,
        position=position,
        start_date=date,
        action=action,
        decision=decision,
        planned_end_date=planned_end_date,
        is_acting=is_acting,
    )


def refresh_current_positions(cadre_ids, today: dt.date | None = None) -> None:
    """Set Cadre.current_position to the post each cadre holds today (an exclusive one first)."""
    today = today or timezone.localdate()
    held = (
        Assignment.objects.filter(cadre_id__in=list(cadre_ids))
        .on(today)
        .order_by("cadre_id", "is_concurrent", "position__title__rank")
        .values_list("cadre_id", "position_id")
    )
    current: dict[int, int] = {}
    for cadre_id, position_id in held:
        current.setdefault(cadre_id, position_id)
    for cadre_id in cadre_ids:
        Cadre.objects.filter(pk=cadre_id).update(current_position_id=current.get(cadre_id))
