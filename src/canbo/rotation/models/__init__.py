from .rounds import (
    PinKind,
    PlanKind,
    PositionsMode,
    RotationMove,
    RotationPin,
    RotationPreference,
    RotationRound,
    RoundStatus,
)

__all__ = [
    "PinKind",
    "PlanKind",
    "PositionsMode",
    "RotationMove",
    "RotationPin",
    "RotationPreference",
    "RotationRound",
    "RoundStatus",
]
