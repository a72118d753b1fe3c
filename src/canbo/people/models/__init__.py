from .cadres import (
    Cadre,
    Degree,
    Gender,
    PoliticalTheory,
    Religion,
    StateManagement,
)
from .ethnicity import Ethnicity
from .records import Award, Discipline, DisciplineKind, FamilyRelation, RelationKind, TrainingRecord

__all__ = [
    "Award",
    "Cadre",
    "Degree",
    "Discipline",
    "DisciplineKind",
    "Ethnicity",
    "FamilyRelation",
    "Gender",
    "PoliticalTheory",
    "RelationKind",
    "Religion",
    "StateManagement",
    "TrainingRecord",
]
