"""The facts the rules read: plain, immutable data with no database behind it.

The ORM adapter (canbo.rules.adapters) builds them from the models; tests and benchmarks build them by hand.
Codes are the ones the models store: gender "male"/"female", degree "university", political theory
"advanced", relation "spouse", action "rotation", and so on.
"""

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum


class Action(StrEnum):
    APPOINTMENT = "appointment"
    REAPPOINTMENT = "reappointment"
    TRANSFER = "transfer"
    ROTATION = "rotation"
    SECONDMENT = "secondment"
    RETURN = "return"
    DISMISSAL = "dismissal"
    RETIREMENT = "retirement"


# Actions that put the person into the target post (the others end a post).
PLACING_ACTIONS = frozenset(
    {
        Action.APPOINTMENT,
        Action.REAPPOINTMENT,
        Action.TRANSFER,
        Action.ROTATION,
        Action.SECONDMENT,
        Action.RETURN,
    }
)
# Moves that count as a higher appointment when the target ranks above the person's current post.
MOVES = frozenset({Action.TRANSFER, Action.ROTATION, Action.SECONDMENT})


@dataclass(frozen=True, slots=True)
class Unit:
    """A body or locality. `territory_id` is the commune or province it belongs to (itself for a locality);
    `head_titles` and `deputy_titles` are the title codes that lead it (see `leadership`)."""

    id: int
    name: str
    code: str = ""
    path: str = ""
    kind: str = ""
    admin_level: str = ""
    territory_id: int | None = None
    territory_name: str = ""
    head_titles: frozenset[str] = frozenset()
    deputy_titles: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Title:
    code: str
    name: str
    name_en: str = ""
    level: str = ""
    group: str = ""
    rank: int = 50
    is_key: bool = False
    is_head: bool = False
    is_deputy: bool = False
    non_local: bool = False

    @classmethod
    def from_catalogue_row(cls, row) -> "Title":
        """A title from a row of the default catalogue (`canbo.organizations.reference.TITLES`)."""
        code, name, name_en, level, group, rank, is_key, is_head, is_deputy, non_local = row[:10]
        return cls(code, name, name_en, level, group, rank, is_key, is_head, is_deputy, non_local)


@dataclass(frozen=True, slots=True)
class Post:
    """A title at a unit: the target of a proposal, or a post someone holds."""

    unit: Unit
    title: Title
    position_id: int | None = None

    def same_post(self, other: "Post") -> bool:
        return self.unit.id == other.unit.id and self.title.code == other.title.code

    @property
    def label_vi(self) -> str:
        return f"{self.title.name} ({self.unit.name})"

    @property
    def label_en(self) -> str:
        return f"{self.title.name_en or self.title.name} ({self.unit.name})"


# A target is a post: the name says which role it plays in a proposal.
Target = Post


@dataclass(frozen=True, slots=True)
class Holding:
    """A post held from `start` up to, not including, `end` (None: still held)."""

    post: Post
    start: dt.date
    end: dt.date | None = None
    planned_end: dt.date | None = None
    action: str = ""
    is_concurrent: bool = False
    is_acting: bool = False

    def held_on(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)


@dataclass(frozen=True, slots=True)
class DisciplineRecord:
    kind: str
    date: dt.date


@dataclass(frozen=True, slots=True)
class PlanningEntry:
    """A title the person is planned for, over a planning period; `unit_id` None means any unit."""

    title_code: str
    start: dt.date
    end: dt.date | None = None
    unit_id: int | None = None

    def active_on(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class Kin:
    """A relative, seen from the person: `relation` is what the relative is to them ("spouse", "father",
    "parent", "child", "child_in_law", "sibling", ...); `person_id` is set when the relative is a cadre."""

    relation: str
    name: str
    person_id: int | None = None


@dataclass(frozen=True, slots=True)
class Training:
    name: str
    start: dt.date | None = None
    end: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Person:
    """A candidate. `evaluations` and `planning` are None while there is no such data at all (a warning,
    not a failure); an empty mapping or tuple means the data exists and holds nothing for this person.
    `hometown_ids` holds the hometown unit, its ancestors and the units it was merged into."""

    id: int
    name: str
    gender: str
    birth_date: dt.date
    code: str = ""
    birth_year_only: bool = False
    hometown_name: str = ""
    hometown_ids: frozenset[int] = frozenset()
    residence_name: str = ""
    residence_ids: frozenset[int] = frozenset()
    ethnic_minority: bool = False
    degree: str = "none"
    political_theory: str = "none"
    state_management: str = "none"
    disciplines: tuple[DisciplineRecord, ...] = ()
    evaluations: Mapping[int, str] | None = None
    planning: tuple[PlanningEntry, ...] | None = None
    kin: tuple[Kin, ...] = ()
    posts: tuple[Holding, ...] = ()
    trainings: tuple[Training, ...] = ()


@dataclass(frozen=True, slots=True)
class Proposal:
    action: str
    date: dt.date
    planned_return: dt.date | None = None


@dataclass(frozen=True, slots=True)
class HeldPost:
    """Someone holding a post related to the target on the proposal date (for the kinship rule)."""

    person_id: int
    person_name: str
    post: Post


@dataclass(frozen=True, slots=True)
class Context:
    holders: tuple[HeldPost, ...] = field(default=())


def leadership(titles) -> tuple[frozenset[str], frozenset[str]]:
    """Head and deputy title codes of a unit, from the titles of its positions.

    The head is the most senior title flagged head; its deputies are the deputy titles ranked above the next
    head title of the unit. So a party committee's secretary leads it with the deputy secretaries (not the
    head of its organization board), and a People's Committee's chairman with the vice-chairmen (not the
    military commander who also sits there).
    """
    heads = sorted((t for t in titles if t.is_head), key=lambda t: (t.rank, t.code))
    if not heads:
        return frozenset(), frozenset()
    top = heads[0]
    below = [t.rank for t in heads if t.rank > top.rank]
    limit = min(below) if below else None
    deputies = frozenset(
        t.code for t in titles if t.is_deputy and t.rank > top.rank and (limit is None or t.rank < limit)
    )
    return frozenset({top.code}), deputies


# -- derived facts, shared by every rule --------------------------------------------------------------------


def continuity_starts(posts: tuple[Holding, ...]) -> list[dt.date]:
    """For each holding, the day the person began holding that post without a break: back-to-back holdings
    of the same title at the same unit (a re-appointment, a new term) count as one stretch."""
    starts: list[dt.date] = []
    for holding in posts:
        start = holding.start
        changed = True
        while changed:
            changed = False
            for earlier in posts:
                if earlier.end == start and earlier.post.same_post(holding.post) and earlier.start < start:
                    start = earlier.start
                    changed = True
                    break
        starts.append(start)
    return starts


def current_index(posts: tuple[Holding, ...], day: dt.date) -> int | None:
    """Index of the post held on `day`: an exclusive one before a concurrent one, the most senior first."""
    held = [(h.is_concurrent, h.post.title.rank, i) for i, h in enumerate(posts) if h.held_on(day)]
    return min(held)[2] if held else None
