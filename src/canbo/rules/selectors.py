"""Reads of the rules app: the rule set in force on a day, the target position, and eligibility searches."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from canbo.organizations.models import OrgUnit, Position, Title

from . import adapters
from .engine import SPECS, Post, Proposal, Ranking, RuleSet, rank, ruleset_on
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


def target_position(unit: OrgUnit, title: Title, day: dt.date) -> Position | None:
    """The position of `title` at `unit` open on `day`."""
    return (
        Position.objects.filter(unit=unit, title=title)
        .filter(
            Q(valid_from__isnull=True) | Q(valid_from__lte=day),
            Q(valid_to__isnull=True) | Q(valid_to__gt=day),
        )
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
