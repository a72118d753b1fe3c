"""The plain-data picture of a province that the demo generator works on, and what it hands back.

The ORM writer reads the database into these classes, the generator fills a `Result`, the writer stores it.
Indexes (not database ids) link the pieces, so generation is the same whatever ids the database hands out.
Dates are proleptic ordinals (`datetime.date.toordinal`), cheap to compare and to do arithmetic on.
"""

import datetime as dt
from dataclasses import dataclass, field

START = dt.date(2016, 1, 1).toordinal()  # first day of the demo's history
REFORM = dt.date(2025, 7, 1).toordinal()  # two-level local government (Resolution 202/2025/QH15)
NEVER = dt.date(9999, 12, 31).toordinal()

LEVEL_PROVINCE, LEVEL_DISTRICT, LEVEL_COMMUNE = 0, 1, 2
TITLE_LEVELS = {
    "central": LEVEL_PROVINCE,
    "province": LEVEL_PROVINCE,
    "district": LEVEL_DISTRICT,
    "commune": LEVEL_COMMUNE,
}


@dataclass
class TitleInfo:
    code: str
    name: str
    level: int
    group: str
    rank: int
    is_key: bool = False
    is_head: bool = False
    is_deputy: bool = False
    non_local: bool = False
    exclusive: bool = True

    @property
    def tier(self) -> int:
        """0 top leaders, 1 other key posts and heads of departments, 2 middle managers, 3 staff."""
        return 0 if self.rank <= 3 else 1 if self.rank <= 10 else 2 if self.rank <= 25 else 3


@dataclass
class Territory:
    code: str
    name: str
    kind: str  # province, city, district, commune, ward, special_zone
    level: int
    district: int = -1  # for a commune: index of its district before 1 July 2025
    valid_to: int = NEVER
    bodies: dict[str, int] = field(default_factory=dict)  # body kind -> unit index

    @property
    def short_name(self) -> str:
        for prefix in ("Thành phố ", "Tỉnh ", "Huyện ", "Quận ", "Thị xã ", "Xã ", "Phường ", "Đặc khu "):
            if self.name.startswith(prefix):
                return self.name[len(prefix) :]
        return self.name


@dataclass
class Unit:
    code: str
    name: str
    kind: str
    territory: int  # index of the territory it belongs to


@dataclass
class Post:
    """A position: a title at a unit with its seats."""

    unit: int
    title: str
    seats: int
    valid_from: int = START
    valid_to: int = NEVER


@dataclass
class ProvinceStructure:
    code: str
    name: str
    territories: list[Territory]  # index 0 is the province itself
    units: list[Unit]
    posts: list[Post]
    titles: dict[str, TitleInfo]
    managing_body: int  # unit index of the body that manages the province's key cadres
    elsewhere: list[str] = field(default_factory=list)  # "commune, province" texts of other provinces


@dataclass
class Result:
    """Columns of rows to insert. References are indexes: cadres of this result, units, posts, decisions."""

    province: str
    cadres: dict[str, list] = field(default_factory=dict)
    # (cadre, post, seat, start, end|None, planned_end|None, action, end_action, decision, end_decision|-1,
    #  is_concurrent, is_acting)
    assignments: list[tuple] = field(default_factory=list)
    # (number, date, issuer unit|-1, issuer name, summary, effective date)
    decisions: list[tuple] = field(default_factory=list)
    relatives: list[tuple] = field(
        default_factory=list
    )  # (cadre, kind, name, birth year, job, residence, cadre|-1)
    trainings: list[tuple] = field(
        default_factory=list
    )  # (cadre, institution, field, start, end, mode, qualif.)
    awards: list[tuple] = field(default_factory=list)  # (cadre, name, date, number, issued by)
    disciplines: list[tuple] = field(default_factory=list)  # (cadre, kind, date, reason, number, issued by)
    seats: dict[int, int] = field(default_factory=dict)  # post index -> seats, where scaled
    stats: dict[str, int] = field(default_factory=dict)  # moves by kind, for the summary
