"""What a cadre still lacks for a title's standard (the rules engine's title standards) and what a course
would close."""

from collections.abc import Mapping
from dataclasses import dataclass

from canbo.rules.engine import Post, Title, Unit
from canbo.rules.engine.params import STANDARD_FIELDS
from canbo.rules.engine.rules import TitleStandards
from canbo.rules.engine.rules.records import FIELDS
from canbo.rules.engine.text import label

_STANDARDS = TitleStandards()


@dataclass(frozen=True, slots=True)
class Shortfall:
    field: str  # "degree", "political_theory" or "state_management"
    need: str
    have: str

    @property
    def text_vi(self) -> str:
        names, field_vi, _field_en = FIELDS[self.field]
        return f"{field_vi}: cần {label(names, self.need)[0]}, hiện có {label(names, self.have)[0]}"

    @property
    def text_en(self) -> str:
        names, _field_vi, field_en = FIELDS[self.field]
        return f"{field_en}: needs {label(names, self.need)[1]}, has {label(names, self.have)[1]}"


def requirement(title: Title, params) -> dict[str, str]:
    """The minimum levels the title requires, looked up as the title-standards rule does ({} when none)."""
    standard = _STANDARDS.prepare(Post(Unit(0, ""), title), None, None, params)
    return dict(standard.requirement) if standard is not None else {}


def shortfalls(levels: Mapping[str, str], need: Mapping[str, str]) -> list[Shortfall]:
    """`levels`: the cadre's degree, political theory and state management codes."""
    return [
        Shortfall(field, minimum, levels.get(field, "none"))
        for field, minimum in need.items()
        if STANDARD_FIELDS[field].get(levels.get(field, "none"), 0) < STANDARD_FIELDS[field][minimum]
    ]


def raises(field: str, have: str, grants: str) -> bool:
    """Whether a course granting level `grants` in `field` lifts a cadre who has `have`."""
    order = STANDARD_FIELDS[field]
    return order.get(grants, 0) > order.get(have, 0)
