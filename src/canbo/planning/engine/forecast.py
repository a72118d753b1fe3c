"""The five-year forecast of a body: which posts fall vacant by retirement (Decree 135 dates) each year, and
whether planned successors are still there to take them. A title has "nobody ready" in the first year in
which its open seats outnumber the successors still in service."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

YEARS = 5


@dataclass(frozen=True, slots=True)
class Seat:
    """A leadership post: `seats` places, the retirement dates of its holders now and of its planned
    successors (each retires on the date given, the last day of work)."""

    key: int
    seats: int
    holders: tuple[dt.date, ...]
    successors: tuple[dt.date, ...]


@dataclass(frozen=True, slots=True)
class SeatForecast:
    key: int
    retiring: tuple[int, ...]  # years in which a holder retires, within the horizon
    open_by_year: tuple[int, ...]  # seats open at the end of each year of the horizon
    ready_by_year: tuple[int, ...]  # successors still in service at the end of each year
    nobody_ready: int | None  # the first year open seats outnumber ready successors

    @property
    def covered(self) -> bool:
        return self.nobody_ready is None


@dataclass(frozen=True, slots=True)
class YearRow:
    year: int
    retiring: int  # holders retiring this year
    titles_vacated: int  # posts that gain an open seat by retirement this year
    uncovered: int  # of those, posts with fewer ready successors than open seats at the end of the year
    first_uncovered: int  # posts whose "nobody ready" year is this one


@dataclass(frozen=True, slots=True)
class Forecast:
    years: tuple[int, ...]
    rows: tuple[YearRow, ...]
    seats: tuple[SeatForecast, ...]


def _after(retires: dt.date, year: int) -> bool:
    """Still in service at the end of `year`."""
    return retires > dt.date(year, 12, 31)


def seat_forecast(seat: Seat, years: tuple[int, ...]) -> SeatForecast:
    open_by_year, ready_by_year, nobody_ready = [], [], None
    for year in years:
        in_post = sum(_after(day, year) for day in seat.holders)
        ready = sum(_after(day, year) for day in seat.successors)
        open_seats = max(seat.seats - in_post, 0)
        open_by_year.append(open_seats)
        ready_by_year.append(ready)
        if nobody_ready is None and open_seats > ready:
            nobody_ready = year
    retiring = tuple(sorted(day.year for day in seat.holders if years[0] <= day.year <= years[-1]))
    return SeatForecast(seat.key, retiring, tuple(open_by_year), tuple(ready_by_year), nobody_ready)


def forecast(seats: Iterable[Seat], first_year: int, years: int = YEARS) -> Forecast:
    span = tuple(range(first_year, first_year + years))
    found = tuple(seat_forecast(seat, span) for seat in seats)
    rows = []
    for i, year in enumerate(span):
        vacated = [f for f in found if year in f.retiring]
        rows.append(
            YearRow(
                year,
                sum(f.retiring.count(year) for f in found),
                len(vacated),
                sum(f.open_by_year[i] > f.ready_by_year[i] for f in vacated),
                sum(f.nobody_ready == year for f in found),
            )
        )
    return Forecast(span, tuple(rows), found)
