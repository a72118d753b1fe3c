"""The rules of the default rule set, in the order results are shown."""

from .age import RetirementAge, ServiceBeforeAppointment, ServiceBeforeRotation
from .base import Rule
from .kinship import Kinship
from .locality import NonLocal
from .records import Discipline, EvaluationHistory, Planning, TitleStandards
from .tenure import RotationPeriod, TermLimit, TimeInPost

RULES: tuple[Rule, ...] = (
    NonLocal(),
    TermLimit(),
    RetirementAge(),
    ServiceBeforeAppointment(),
    ServiceBeforeRotation(),
    TimeInPost(),
    RotationPeriod(),
    Kinship(),
    Discipline(),
    TitleStandards(),
    EvaluationHistory(),
    Planning(),
)

__all__ = [
    "RULES",
    "Discipline",
    "EvaluationHistory",
    "Kinship",
    "NonLocal",
    "Planning",
    "RetirementAge",
    "RotationPeriod",
    "Rule",
    "ServiceBeforeAppointment",
    "ServiceBeforeRotation",
    "TermLimit",
    "TimeInPost",
    "TitleStandards",
]
