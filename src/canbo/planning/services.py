"""Writes of planning and training: every rule is checked here, in the transaction that writes."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from canbo.people.models import TrainingRecord
from canbo.people.services import cadre_update
from canbo.rules.reports import language

from . import engine, selectors
from .models import (
    KIND_FIELD,
    LEVEL_CHOICES,
    Course,
    Enrolment,
    EnrolmentStatus,
    EntryStatus,
    PlanningEntry,
    PlanningReview,
    PlanningTerm,
    ReviewOutcome,
)


def _validate_term(term: PlanningTerm) -> None:
    if term.end_year <= term.start_year:
        raise ValidationError({"end_year": _("The last year must come after the first year.")})
    if term.vision_year is not None and term.vision_year < term.end_year:
        raise ValidationError({"vision_year": _("The vision year cannot come before the end of the term.")})
    if term.starts_on.year != term.start_year:
        raise ValidationError({"starts_on": _("The term must start in its first year.")})
    clash = PlanningTerm.objects.filter(body=term.body, start_year=term.start_year).exclude(pk=term.pk)
    if clash.exists():
        raise ValidationError({"start_year": _("This body already has a planning term from this year.")})


@transaction.atomic
def term_save(term: PlanningTerm | None = None, **fields) -> PlanningTerm:
    term = term or PlanningTerm()
    for name, value in fields.items():
        setattr(term, name, value)
    _validate_term(term)
    term.save()
    return term


@transaction.atomic
def entry_add(
    *, term: PlanningTerm, cadre, unit, title, added_on: dt.date, decision_number: str = "", user=None
) -> PlanningEntry:
    """Plan `cadre` for `title` at `unit`; refused with every failing rule's reason."""
    # One add at a time per term: the count of cadres per title must not race.
    PlanningTerm.objects.select_for_update().filter(pk=term.pk).first()
    if not selectors.managed_area(term.body).filter(pk=unit.pk).exists():
        raise ValidationError({"unit": _("This unit is not among the units the planning body manages.")})
    if selectors.open_position(unit, title, added_on) is None:
        raise ValidationError({"title": _("The unit has no open position of this title.")})
    if not term.start_year - 1 <= added_on.year <= term.end_year:
        raise ValidationError({"added_on": _("The date must fall within the term (or the year before it).")})
    if PlanningEntry.objects.active().filter(term=term, cadre=cadre, unit=unit, title=title).exists():
        raise ValidationError(_("This cadre is already planned for this title."))
    failures = engine.blocking(selectors.entry_checks(term, cadre, unit, title, added_on))
    if failures:
        lang = language()
        raise ValidationError([f"{r.name(lang)}: {r.reason(lang)}" for r in failures])
    entry = PlanningEntry.objects.create(
        term=term,
        cadre=cadre,
        unit=unit,
        title=title,
        added_on=added_on,
        decision_number=decision_number,
        added_by=user,
    )
    PlanningReview.objects.create(
        entry=entry, year=added_on.year, date=added_on, outcome=ReviewOutcome.ADD, reviewed_by=user
    )
    return entry


@transaction.atomic
def entry_review(
    entry: PlanningEntry, *, outcome: str, year: int, date: dt.date, reason: str = "", user=None
) -> PlanningEntry:
    """The yearly review of one entry: keep it, or remove it with a reason (the entry and history stay)."""
    if entry.status != EntryStatus.ACTIVE:
        raise ValidationError(_("This entry has already been removed from the planning."))
    if outcome not in (ReviewOutcome.KEEP, ReviewOutcome.REMOVE):
        raise ValidationError({"outcome": _("A review keeps or removes an entry.")})
    if outcome == ReviewOutcome.REMOVE and not reason.strip():
        raise ValidationError({"reason": _("Say why the cadre is removed from the planning.")})
    if date < entry.added_on:
        raise ValidationError({"date": _("The review cannot come before the cadre was added.")})
    PlanningReview.objects.create(
        entry=entry, year=year, date=date, outcome=outcome, reason=reason.strip(), reviewed_by=user
    )
    if outcome == ReviewOutcome.REMOVE:
        entry.status = EntryStatus.REMOVED
        entry.removed_on = date
        entry.removal_reason = reason.strip()
        entry.save(update_fields=["status", "removed_on", "removal_reason"])
    return entry


# -- training -----------------------------------------------------------------------------------------------


def _validate_course(course: Course) -> None:
    if course.end_date < course.start_date:
        raise ValidationError({"end_date": _("The course cannot end before it starts.")})
    if course.kind in KIND_FIELD:
        if course.level not in LEVEL_CHOICES[course.kind].values or course.level == "none":
            raise ValidationError({"level": _("Choose the level this course gives.")})
    elif course.level:
        raise ValidationError({"level": _("A short course gives no level; name its field instead.")})


@transaction.atomic
def course_save(course: Course | None = None, **fields) -> Course:
    course = course or Course()
    for name, value in fields.items():
        setattr(course, name, value)
    _validate_course(course)
    course.save()
    return course


@transaction.atomic
def enrol(*, course: Course, cadre, enrolled_on: dt.date) -> Enrolment:
    if Enrolment.objects.filter(course=course, cadre=cadre).exists():
        raise ValidationError(_("This cadre is already enrolled in this course."))
    if enrolled_on > course.end_date:
        raise ValidationError({"enrolled_on": _("The course is over by then.")})
    return Enrolment.objects.create(course=course, cadre=cadre, enrolled_on=enrolled_on)


@transaction.atomic
def complete(enrolment: Enrolment, *, completed_on: dt.date) -> Enrolment:
    """Record a completion: a line of the cadre's training history, and the level the course gives when it
    is above the cadre's (which closes the gaps it covered)."""
    if enrolment.status != EnrolmentStatus.ENROLLED:
        raise ValidationError(_("Only a cadre still enrolled can complete the course."))
    course, cadre = enrolment.course, enrolment.cadre
    if completed_on < enrolment.enrolled_on:
        raise ValidationError({"completed_on": _("The completion cannot come before the enrolment.")})
    enrolment.training_record = TrainingRecord.objects.create(
        cadre=cadre,
        institution=course.institution,
        field=course.field or course.name,
        start_date=course.start_date,
        end_date=completed_on,
        qualification=course.level_label,
    )
    enrolment.status = EnrolmentStatus.COMPLETED
    enrolment.completed_on = completed_on
    enrolment.save(update_fields=["training_record", "status", "completed_on"])
    field = KIND_FIELD.get(course.kind)
    # Course kinds are named after the standard's scales ("degree", "political_theory", ...).
    if field is not None and engine.raises(course.kind, getattr(cadre, field), course.level):
        cadre_update(cadre, **{field: course.level})
    return enrolment


@transaction.atomic
def withdraw(enrolment: Enrolment) -> Enrolment:
    if enrolment.status != EnrolmentStatus.ENROLLED:
        raise ValidationError(_("Only a cadre still enrolled can withdraw."))
    enrolment.status = EnrolmentStatus.WITHDRAWN
    enrolment.save(update_fields=["status"])
    return enrolment
