"""Planning and training rules: plain Python on the rules engine's facts, no Django."""

from .checks import Appointment, Candidate, Planned, Term, blocking, check_entry, review_entry
from .forecast import YEARS as FORECAST_YEARS
from .forecast import Forecast, Seat, SeatForecast, YearRow, forecast
from .params import DEFAULTS, TO_CONFIRM, merged
from .structure import Indicator, Member, structure
from .training import Shortfall, raises, requirement, shortfalls

__all__ = [
    "DEFAULTS",
    "FORECAST_YEARS",
    "TO_CONFIRM",
    "Appointment",
    "Candidate",
    "Forecast",
    "Indicator",
    "Member",
    "Planned",
    "Seat",
    "SeatForecast",
    "Shortfall",
    "Term",
    "YearRow",
    "blocking",
    "check_entry",
    "forecast",
    "merged",
    "raises",
    "requirement",
    "review_entry",
    "shortfalls",
    "structure",
]
