"""The five-year forecast against cases computed by hand (no database)."""

import datetime as dt

from canbo.planning.engine import Seat, forecast
from canbo.planning.engine.forecast import seat_forecast

YEARS = (2026, 2027, 2028, 2029, 2030)


def test_a_holder_retiring_with_one_successor_who_stays():
    # The chairman retires on 31 May 2028; the one successor retires in 2035: covered every year.
    found = seat_forecast(Seat(1, 1, (dt.date(2028, 5, 31),), (dt.date(2035, 1, 31),)), YEARS)
    assert found.retiring == (2028,)
    assert found.open_by_year == (0, 0, 1, 1, 1)
    assert found.ready_by_year == (1, 1, 1, 1, 1)
    assert found.nobody_ready is None and found.covered


def test_the_only_successor_retires_before_the_holder():
    # Successor out on 31 March 2027, holder on 30 September 2029: from 2029 the seat is open, nobody ready.
    found = seat_forecast(Seat(1, 1, (dt.date(2029, 9, 30),), (dt.date(2027, 3, 31),)), YEARS)
    assert found.ready_by_year == (1, 0, 0, 0, 0)
    assert found.open_by_year == (0, 0, 0, 1, 1)
    assert found.nobody_ready == 2029


def test_retiring_on_the_last_day_of_the_year_counts_for_that_year():
    found = seat_forecast(Seat(1, 1, (dt.date(2026, 12, 31),), ()), YEARS)
    assert found.retiring == (2026,)
    assert found.open_by_year[0] == 1
    assert found.nobody_ready == 2026
    # A day later is the next year.
    assert seat_forecast(Seat(1, 1, (dt.date(2027, 1, 1),), ()), YEARS).nobody_ready == 2027


def test_a_vacant_seat_without_successors_is_uncovered_from_the_first_year():
    found = seat_forecast(Seat(1, 1, (), ()), YEARS)
    assert found.retiring == () and found.nobody_ready == 2026


def test_two_seats_need_two_successors():
    # Two vice-chairmen retiring in 2027 and 2029, one successor: short from 2029.
    seat = Seat(1, 2, (dt.date(2027, 6, 30), dt.date(2029, 6, 30)), (dt.date(2040, 1, 31),))
    found = seat_forecast(seat, YEARS)
    assert found.open_by_year == (0, 1, 1, 2, 2)
    assert found.nobody_ready == 2029


def test_retirements_after_the_horizon_are_not_listed():
    found = seat_forecast(Seat(1, 1, (dt.date(2031, 1, 31),), ()), YEARS)
    assert found.retiring == () and found.nobody_ready is None


def test_the_body_rows_by_year():
    seats = [
        Seat(1, 1, (dt.date(2028, 5, 31),), (dt.date(2035, 1, 31),)),  # covered
        Seat(2, 1, (dt.date(2028, 11, 30),), ()),  # 2028, nobody
        Seat(3, 1, (dt.date(2029, 9, 30),), (dt.date(2027, 3, 31),)),  # 2029, successor gone
        Seat(4, 1, (dt.date(2040, 1, 31),), ()),  # no retirement in the horizon
    ]
    result = forecast(seats, 2026)
    assert result.years == YEARS
    rows = {row.year: row for row in result.rows}
    assert [rows[y].retiring for y in YEARS] == [0, 0, 2, 1, 0]
    assert (rows[2028].titles_vacated, rows[2028].uncovered, rows[2028].first_uncovered) == (2, 1, 1)
    assert (rows[2029].titles_vacated, rows[2029].uncovered, rows[2029].first_uncovered) == (1, 1, 1)
    assert [f.nobody_ready for f in result.seats] == [None, 2028, 2029, None]
