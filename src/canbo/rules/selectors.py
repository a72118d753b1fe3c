"""Reads of the rules app: the rule set in force on a day, the target position, and eligibility searches."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Case, Q, QuerySet, When

from canbo.organizations.models import OrgUnit, Position, Title

from . import adapters
from .engine import SPECS, Action, Checker, Post, Proposal, Ranking, RuleSet, rank, ruleset_on
from .engine.dates import add_months
from .models import RuleSetting


def settings_in_force(day: dt.date) -> dict[str, RuleSetting]:
    """For each parameter an administrator has set, the setting in force on `day` (the latest one from that
    day or before) in the rule set of that day."""
    rows = RuleSetting.objects.filter(
        ruleset=ruleset_on(day).code, effective_from__lte=day, name__in=list(SPECS)
    ).order_by("name", "-effective_from", "-pk")
    in_force: dict[str, RuleSetting] = {}
    for setting in rows:
        in_force.setdefault(setting.name, setting)
    return in_force


def active_ruleset(day: dt.date) -> RuleSet:
    """The rule set in force on `day`, each parameter at its setting in force (its default without one)."""
    return ruleset_on(day).with_params({name: s.value for name, s in settings_in_force(day).items()})


def proposal_on(action: str, day: dt.date, planned_return: dt.date | None = None) -> Proposal:
    """A proposal as a board drafts it: a rotation or secondment lasts the minimum period unless its end is
    given, so searches judge people on the length the rules ask for rather than on a missing date."""
    if planned_return is None and action in (Action.ROTATION, Action.SECONDMENT):
        planned_return = add_months(day, active_ruleset(day).params["rotation_min_months"])
    return Proposal(action, day, planned_return)


def target_position(unit: OrgUnit, title: Title, day: dt.date) -> Position | None:
    """The position of `title` open on `day` at `unit`, or at one of its bodies: a board names the commune
    ("Bí thư, xã Kỳ Nam") where the post belongs to the commune's party committee."""
    return (
        Position.objects.filter(Q(unit=unit) | Q(unit__parent=unit), title=title)
        .order_by(Case(When(unit=unit, then=0), default=1), "pk")
        .as_of(day)
        .select_related("unit", "title")
        .first()
    )


@dataclass(frozen=True)
class Eligibility:
    target: Post
    ruleset: RuleSet
    ranking: Ranking


def eligibility(cadres: QuerySet, position: Position, proposal: Proposal) -> Eligibility:
    """Every cadre of `cadres` (restricted by the caller) against the position, eligible first."""
    day = proposal.date
    ruleset = active_ruleset(day)
    target = adapters.load_target(position, day)
    ctx = adapters.load_context(target, day)
    people = adapters.load_people(cadres, day)
    return Eligibility(target, ruleset, rank(people, target, proposal, ctx, ruleset))


@dataclass(frozen=True)
class PositionCheck:
    position: Position
    evaluation: object  # engine.Evaluation


def positions_for(cadre, positions: list[Position], action: str, day: dt.date) -> list[PositionCheck]:
    """One cadre against each position (the caller bounds the list), positions the cadre may take first."""
    ruleset = active_ruleset(day)
    person = adapters.load_people(type(cadre).objects.filter(pk=cadre.pk), day)[0]
    proposal = proposal_on(action, day)
    checks = []
    for position in positions:
        target = adapters.load_target(position, day)
        checker = Checker(target, proposal, adapters.load_context(target, day), ruleset)
        checks.append(PositionCheck(position, checker.evaluate(person)))
    return sorted(checks, key=lambda c: (not c.evaluation.eligible, _failures(c.evaluation)))


def _failures(evaluation) -> tuple[int, int]:
    counts = evaluation.counts
    return counts["fail"], counts["warning"]
