"""Month arithmetic and the retirement schedule of Decree 135/2020, for one person and for arrays of people.

Months are counted the way decisions count them: `add_months(day, k)` keeps the day of the month (the 31st
becomes the last day of a shorter month) and `months_between(a, b)` is the number of whole months k with
`add_months(a, k) <= b`. So "at least k months" and "on or after add_months(a, k)" always agree, and the
array versions below give the same answers as the scalar ones (the tests hold them to it).
"""

import calendar
import datetime as dt

import numpy as np

# numpy's datetime64[D] counts days from 1970-01-01; Python's ordinals count from 0001-01-01.
_EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()
_DAYS_IN_MONTH = np.array([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31], dtype=np.int64)


def month_index(day: dt.date) -> int:
    """Months since year 0: comparable and subtractable."""
    return day.year * 12 + day.month - 1


def days_in_month(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def add_months(day: dt.date, months: int) -> dt.date:
    index = month_index(day) + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, days_in_month(year, month + 1)))


def months_between(start: dt.date, end: dt.date) -> int:
    """Whole months from `start` to `end` (negative when `end` comes first)."""
    months = month_index(end) - month_index(start)
    if min(start.day, days_in_month(end.year, end.month)) > end.day:
        months -= 1
    return months


def month_end(index: int) -> dt.date:
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, days_in_month(year, month + 1))


def month_start(index: int) -> dt.date:
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, 1)


# -- retirement (Decree 135/2020, Art. 4) -------------------------------------------------------------------


def retirement_age_for_year(year: int, gender: str, params) -> int:
    """The retirement age in months for people who reach it in `year`: the base age before the schedule
    starts, then one step more each year up to the final age."""
    base = params["retirement_base_age_months"][gender]
    if year < params["retirement_schedule_from_year"]:
        return base
    steps = year - params["retirement_schedule_from_year"] + 1
    return min(
        base + steps * params["retirement_step_months"][gender], params["retirement_final_age_months"][gender]
    )


def retirement_age_months(birth_month: int, gender: str, params) -> int:
    """Age in months at which a person born in month index `birth_month` retires.

    The age that applies is the one of the year in which the person reaches it: the first year y whose
    age, added to the birth month, falls in y or earlier. Once the final age is reached it applies for good.
    """
    first_year = params["retirement_schedule_from_year"]
    final = params["retirement_final_age_months"][gender]
    year = first_year - 1
    while True:
        age = retirement_age_for_year(year, gender, params)
        if (birth_month + age) // 12 <= year or age == final:
            return age
        year += 1


def effective_birth_date(birth_date: dt.date, birth_year_only: bool) -> dt.date:
    """Decree 135, Art. 7: when only the year is known, the person counts as born on 1 January."""
    return dt.date(birth_date.year, 1, 1) if birth_year_only else birth_date


# -- the same on arrays -------------------------------------------------------------------------------------


def split_ordinals(ordinals: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(year, month 1-12, day) arrays from Python ordinals."""
    days = (ordinals - _EPOCH_ORDINAL).astype("datetime64[D]")
    months = days.astype("datetime64[M]")
    years = months.astype("datetime64[Y]").astype(np.int64) + 1970
    month = months.astype(np.int64) % 12 + 1
    day = (days - months).astype(np.int64) + 1
    return years, month, day


def days_in_month_array(index: np.ndarray) -> np.ndarray:
    year, month0 = np.divmod(index, 12)
    leap = ((year % 4 == 0) & (year % 100 != 0)) | (year % 400 == 0)
    return _DAYS_IN_MONTH[month0] + ((month0 == 1) & leap)


def months_between_array(start_index, start_day, end_index, end_day) -> np.ndarray:
    """`months_between` over arrays of month indexes and days of the month (scalars broadcast)."""
    months = np.asarray(end_index) - np.asarray(start_index)
    clamped = np.minimum(start_day, days_in_month_array(np.asarray(end_index)))
    return months - (clamped > end_day)


def retirement_age_array(birth_month: np.ndarray, male: np.ndarray, params) -> np.ndarray:
    """`retirement_age_months` for every person at once: one pass per year of the schedule."""
    ages = np.full(birth_month.shape, -1, dtype=np.int64)
    for gender, members in (("male", male), ("female", ~male)):
        final = params["retirement_final_age_months"][gender]
        year = params["retirement_schedule_from_year"] - 1
        pending = members.copy()
        while pending.any():
            age = retirement_age_for_year(year, gender, params)
            done = pending & (((birth_month + age) // 12 <= year) | (age == final))
            ages[done] = age
            pending &= ~done
            year += 1
    return ages
