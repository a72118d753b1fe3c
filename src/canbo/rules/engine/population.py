"""Many people as columns, for the eligibility search (`rank`).

`Population` turns a sequence of Person into NumPy arrays once; `Frame` adds one target, proposal and
parameters and computes, on demand and once, what several rules share (retirement month, months of service
left, the post held on the day, whether the target's locality is each person's hometown). Each rule's
`decide_many` reads the frame and answers an outcome code per person, the same as its `decide` does for
one person: the tests compare the two on random people.
"""

from collections.abc import Sequence
from functools import cached_property

import numpy as np

from . import dates
from .dates import effective_birth_date
from .facts import Person, Post, Proposal, continuity_starts
from .params import DEGREE_ORDER, MANAGEMENT_ORDER, THEORY_ORDER

# An open end ("still held", "no end to the planning period") compares after every real day.
OPEN = np.iinfo(np.int64).max
LEVEL_SENIORITY = {"central": 0, "province": 1, "district": 2, "commune": 3}


def seniority(post: Post) -> tuple[int, int]:
    """Lower is more senior: the level of the title first, then its rank."""
    return LEVEL_SENIORITY.get(post.title.level, len(LEVEL_SENIORITY)), post.title.rank


class _Codes:
    """Strings (title codes, actions, relations, grades, forms of discipline) as small integers."""

    def __init__(self):
        self.index: dict[str, int] = {}

    def __call__(self, code: str) -> int:
        return self.index.setdefault(code, len(self.index))

    def get(self, code: str) -> int:
        return self.index.get(code, -1)

    def many(self, codes) -> np.ndarray:
        return np.array([self.get(c) for c in codes], dtype=np.int64)


def _ordinal(day) -> int:
    return OPEN if day is None else day.toordinal()


class Population:
    """Columns over people; flattened lists (posts, disciplines, ...) carry the index of their owner."""

    def __init__(self, people: Sequence[Person]):
        self.people = list(people)
        self.n = n = len(self.people)
        self.codes = codes = _Codes()
        self.ids = np.fromiter((p.id for p in self.people), dtype=np.int64, count=n)
        self.male = np.fromiter((p.gender == "male" for p in self.people), dtype=bool, count=n)
        births = [effective_birth_date(p.birth_date, p.birth_year_only) for p in self.people]
        self.birth_index = np.fromiter((b.year * 12 + b.month - 1 for b in births), dtype=np.int64, count=n)
        self.degree = np.fromiter((DEGREE_ORDER.get(p.degree, 0) for p in self.people), np.int64, n)
        self.theory = np.fromiter((THEORY_ORDER.get(p.political_theory, 0) for p in self.people), np.int64, n)
        self.management = np.fromiter(
            (MANAGEMENT_ORDER.get(p.state_management, 0) for p in self.people), np.int64, n
        )
        self.has_home = np.fromiter((bool(p.hometown_ids) for p in self.people), dtype=bool, count=n)
        self.home_owner, self.home_ids = self._flat(lambda p: p.hometown_ids)
        self.res_owner, self.res_ids = self._flat(lambda p: p.residence_ids)
        self.has_evaluations = np.fromiter((p.evaluations is not None for p in self.people), bool, n)
        self.has_planning = np.fromiter((p.planning is not None for p in self.people), bool, n)

        posts, disciplines, evaluations, planning, kin = [], [], [], [], []
        for i, person in enumerate(self.people):
            since = continuity_starts(person.posts)
            for holding, start in zip(person.posts, since, strict=True):
                title, unit = holding.post.title, holding.post.unit
                level, rank = seniority(holding.post)
                posts.append(
                    (
                        i,
                        holding.start.toordinal(),
                        _ordinal(holding.end),
                        start.toordinal(),
                        holding.is_concurrent,
                        level,
                        rank,
                        unit.id,
                        codes(title.code),
                        title.is_head,
                        title.non_local,
                        -1 if unit.territory_id is None else unit.territory_id,
                        codes(holding.action),
                    )
                )
            disciplines.extend((i, codes(d.kind), d.date.toordinal()) for d in person.disciplines)
            if person.evaluations:
                evaluations.extend((i, year, codes(grade)) for year, grade in person.evaluations.items())
            if person.planning:
                planning.extend(
                    (
                        i,
                        codes(e.title_code),
                        -1 if e.unit_id is None else e.unit_id,
                        e.start.toordinal(),
                        _ordinal(e.end),
                    )
                    for e in person.planning
                )
            kin.extend((i, codes(k.relation), -1 if k.person_id is None else k.person_id) for k in person.kin)
        (
            self.h_owner,
            self.h_start,
            self.h_end,
            self.h_since,
            self.h_concurrent,
            self.h_level,
            self.h_rank,
            self.h_unit,
            self.h_title,
            self.h_head,
            self.h_non_local,
            self.h_territory,
            self.h_action,
        ) = _columns(posts, 13)
        self.h_concurrent = self.h_concurrent.astype(bool)
        self.h_head = self.h_head.astype(bool)
        self.h_non_local = self.h_non_local.astype(bool)
        self.d_owner, self.d_kind, self.d_ordinal = _columns(disciplines, 3)
        years, months, days = dates.split_ordinals(self.d_ordinal)
        self.d_index, self.d_day = years * 12 + months - 1, days
        self.e_owner, self.e_year, self.e_grade = _columns(evaluations, 3)
        self.p_owner, self.p_title, self.p_unit, self.p_start, self.p_end = _columns(planning, 5)
        self.k_owner, self.k_relation, self.k_person = _columns(kin, 3)

    def _flat(self, ids_of) -> tuple[np.ndarray, np.ndarray]:
        pairs = [(i, unit) for i, person in enumerate(self.people) for unit in ids_of(person)]
        owner, ids = _columns(pairs, 2)
        return owner, ids

    def any_of(self, owner: np.ndarray, hit: np.ndarray) -> np.ndarray:
        """Per person: whether any of their rows (`owner` gives the person of each row) is a hit."""
        out = np.zeros(self.n, dtype=bool)
        out[owner[hit]] = True
        return out


def _columns(rows: list[tuple], width: int) -> list[np.ndarray]:
    if not rows:
        return [np.zeros(0, dtype=np.int64) for _ in range(width)]
    table = np.array(rows, dtype=np.int64)
    return [table[:, j] for j in range(width)]


class Frame:
    """One target and proposal over a population, with the shared derived columns."""

    def __init__(self, population: Population, target: Post, proposal: Proposal, params):
        self.pop = population
        self.n = population.n
        self.target = target
        self.proposal = proposal
        self.params = params
        self.day = proposal.date.toordinal()
        self.day_index = dates.month_index(proposal.date)
        self.day_day = proposal.date.day
        self._local: dict[int, np.ndarray] = {}

    def filled(self, code: int) -> np.ndarray:
        return np.full(self.n, code, dtype=np.int8)

    @cached_property
    def retirement_index(self) -> np.ndarray:
        """Month index of the month each person reaches retirement age (they retire at its end)."""
        ages = dates.retirement_age_array(self.pop.birth_index, self.pop.male, self.params)
        return self.pop.birth_index + ages

    @cached_property
    def service_left(self) -> np.ndarray:
        """Whole months from the day to the first day after retirement."""
        return dates.months_between_array(self.day_index, self.day_day, self.retirement_index + 1, 1)

    @cached_property
    def held(self) -> np.ndarray:
        """Which post rows are held on the day."""
        return (self.pop.h_start <= self.day) & (self.day < self.pop.h_end)

    @cached_property
    def current(self) -> np.ndarray:
        """Index of the post row each person holds on the day (-1: none): exclusive first, most senior."""
        pop = self.pop
        rows = np.flatnonzero(self.held)
        order = np.lexsort((rows, pop.h_rank[rows], pop.h_concurrent[rows], pop.h_owner[rows]))
        rows = rows[order]
        owners = pop.h_owner[rows]
        first = np.ones(len(rows), dtype=bool)
        first[1:] = owners[1:] != owners[:-1]
        current = np.full(self.n, -1, dtype=np.int64)
        current[owners[first]] = rows[first]
        return current

    def of_current(self, column: np.ndarray, missing=-1) -> np.ndarray:
        """`column` of each person's current post row (`missing` for those without one)."""
        has = self.current >= 0
        out = np.full(self.n, missing, dtype=column.dtype)
        out[has] = column[self.current[has]]
        return out

    def months_since(self, ordinals: np.ndarray) -> np.ndarray:
        years, months, days = dates.split_ordinals(ordinals)
        return dates.months_between_array(years * 12 + months - 1, days, self.day_index, self.day_day)

    @cached_property
    def months_in_current(self) -> np.ndarray:
        """Months in the current post without a break (meaningful where current >= 0)."""
        return self.months_since(self.of_current(self.pop.h_since, self.day))

    @cached_property
    def promotion(self) -> np.ndarray:
        """Whether the target is more senior than the current post (true without a current post)."""
        level, rank = seniority(self.target)
        cur_level = self.of_current(self.pop.h_level, 99)
        cur_rank = self.of_current(self.pop.h_rank, 0)
        return (self.current < 0) | (level < cur_level) | ((level == cur_level) & (rank < cur_rank))

    def local_to(self, territory: int) -> np.ndarray:
        """Whether `territory` is each person's hometown (or residence, by setting)."""
        if territory not in self._local:
            pop = self.pop
            hit = pop.any_of(pop.home_owner, pop.home_ids == territory)
            if self.params["non_local_includes_residence"]:
                hit |= pop.any_of(pop.res_owner, pop.res_ids == territory)
            self._local[territory] = hit
        return self._local[territory]

    @cached_property
    def local_to_current(self) -> np.ndarray:
        """Whether the locality of each person's current post is their hometown (or residence, by setting)."""
        pop = self.pop
        territory = self.of_current(pop.h_territory)
        hit = pop.any_of(pop.home_owner, pop.home_ids == territory[pop.home_owner])
        if self.params["non_local_includes_residence"]:
            hit |= pop.any_of(pop.res_owner, pop.res_ids == territory[pop.res_owner])
        return hit & (territory >= 0)
