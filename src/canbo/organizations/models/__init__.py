from .decisions import Decision
from .titles import Position, Title, TitleGroup, TitleLevel
from .units import AdminLevel, OrgUnit, OrgUnitKind, OrgUnitVersion, RestructuringEvent, RestructuringKind

__all__ = [
    "AdminLevel",
    "Decision",
    "OrgUnit",
    "OrgUnitKind",
    "OrgUnitVersion",
    "Position",
    "RestructuringEvent",
    "RestructuringKind",
    "Title",
    "TitleGroup",
    "TitleLevel",
]
