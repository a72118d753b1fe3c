"""Running a rule set: `evaluate` one person with every reason, `rank` many people at once.

Both start from a Checker, which computes the per-target facts of every rule once. `rank` answers outcome
codes per person and rule from NumPy columns, orders people eligible first, and explains any row on demand
with the same checker (so a page of results costs one full evaluation per row shown).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from .facts import Context, Person, Post, Proposal
from .population import Frame, Population
from .results import FAIL, OUTCOMES, WARN, Evaluation, Outcome, Severity
from .rulesets import RuleSet


def describe_target(target: Post) -> dict:
    unit, title = target.unit, target.title
    return {
        "position_id": target.position_id,
        "unit": {"id": unit.id, "code": unit.code, "name": unit.name},
        "title": {"code": title.code, "name": title.name, "name_en": title.name_en},
    }


def describe_proposal(proposal: Proposal) -> dict:
    return {"action": proposal.action, "date": proposal.date, "planned_return": proposal.planned_return}


class Checker:
    """One target, proposal, context and rule set, ready to check any number of people."""

    def __init__(self, target: Post, proposal: Proposal, ctx: Context, ruleset: RuleSet):
        self.target, self.proposal, self.ctx, self.ruleset = target, proposal, ctx, ruleset
        self.params = ruleset.params
        self.prepared = [rule.prepare(target, proposal, ctx, self.params) for rule in ruleset.rules]

    def evaluate(self, person: Person) -> Evaluation:
        results = tuple(
            rule.judge(person, self.target, self.proposal, self.params, prepared)
            for rule, prepared in zip(self.ruleset.rules, self.prepared, strict=True)
        )
        return Evaluation(
            person_id=person.id,
            person_code=person.code,
            person_name=person.name,
            target=describe_target(self.target),
            proposal=describe_proposal(self.proposal),
            ruleset=self.ruleset.code,
            ruleset_effective_from=self.ruleset.effective_from,
            params=dict(self.params),
            results=results,
        )

    def outcomes(self, population: Population) -> np.ndarray:
        """Outcome codes, one row per person and one column per rule."""
        frame = Frame(population, self.target, self.proposal, self.params)
        columns = [
            rule.outcomes(frame, prepared)
            for rule, prepared in zip(self.ruleset.rules, self.prepared, strict=True)
        ]
        if not columns:
            return np.zeros((population.n, 0), dtype=np.int8)
        return np.stack(columns, axis=1)

    @cached_property
    def hard(self) -> np.ndarray:
        return np.array([rule.severity_in(self.params) == Severity.HARD for rule in self.ruleset.rules], bool)


def evaluate(person: Person, target: Post, proposal: Proposal, ctx: Context, ruleset: RuleSet) -> Evaluation:
    return Checker(target, proposal, ctx, ruleset).evaluate(person)


@dataclass(frozen=True, slots=True)
class Row:
    """One person in a ranking: outcome per rule code and the counts the order comes from."""

    index: int
    person: Person
    eligible: bool
    hard_failures: int
    soft_failures: int
    warnings: int
    outcomes: dict[str, Outcome]


class Ranking:
    """People ordered eligible first, then by fewer soft failures, fewer warnings, and their given order."""

    def __init__(self, population: Population, checker: Checker):
        self.population = population
        self.checker = checker
        self.matrix = checker.outcomes(population)
        fails = self.matrix == FAIL
        self.hard_failures = fails[:, checker.hard].sum(axis=1)
        self.soft_failures = fails[:, ~checker.hard].sum(axis=1)
        self.warnings = (self.matrix == WARN).sum(axis=1)
        self.eligible = self.hard_failures == 0
        self.order = np.lexsort(
            (np.arange(population.n), self.warnings, self.soft_failures, self.hard_failures)
        )

    def __len__(self) -> int:
        return self.population.n

    @property
    def eligible_count(self) -> int:
        return int(self.eligible.sum())

    def row(self, index: int) -> Row:
        codes = [rule.code for rule in self.checker.ruleset.rules]
        return Row(
            index=index,
            person=self.population.people[index],
            eligible=bool(self.eligible[index]),
            hard_failures=int(self.hard_failures[index]),
            soft_failures=int(self.soft_failures[index]),
            warnings=int(self.warnings[index]),
            outcomes={code: OUTCOMES[int(v)] for code, v in zip(codes, self.matrix[index], strict=True)},
        )

    def rows(self, limit: int | None = None, offset: int = 0) -> list[Row]:
        end = None if limit is None else offset + limit
        return [self.row(int(i)) for i in self.order[offset:end]]

    def evaluation(self, index: int) -> Evaluation:
        """The full evaluation, with reasons and facts, of the person at `index` of the population."""
        return self.checker.evaluate(self.population.people[index])

    def evaluations(self, limit: int | None = None, offset: int = 0) -> list[Evaluation]:
        """Full evaluations of the rows in ranking order."""
        end = None if limit is None else offset + limit
        return [self.evaluation(int(i)) for i in self.order[offset:end]]


def rank(
    people: Sequence[Person] | Population, target: Post, proposal: Proposal, ctx: Context, ruleset: RuleSet
) -> Ranking:
    """Every person against one target. Pass a Population to reuse its columns across searches."""
    population = people if isinstance(people, Population) else Population(people)
    return Ranking(population, Checker(target, proposal, ctx, ruleset))
