"""Month arithmetic and the Decree 135/2020 schedule, checked against the published table (Appendix I for
men, Appendix II for women): the age applies by the month and year of birth, and a person retires at the end
of the month the age is reached."""

import datetime as dt

import numpy as np
import pytest

from canbo.rules.engine import DEFAULTS, dates
from canbo.rules.engine.derive import retirement

from .builders import person


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (dt.date(2020, 1, 31), 1, dt.date(2020, 2, 29)),
        (dt.date(2021, 1, 31), 1, dt.date(2021, 2, 28)),
        (dt.date(2020, 5, 17), 24, dt.date(2022, 5, 17)),
        (dt.date(2020, 5, 17), -5, dt.date(2019, 12, 17)),
    ],
)
def test_add_months_keeps_the_day_or_takes_the_last_one(start, months, expected):
    assert dates.add_months(start, months) == expected


def test_months_between_agrees_with_add_months():
    start = dt.date(2020, 1, 31)
    assert dates.months_between(start, dt.date(2020, 2, 28)) == 0
    assert dates.months_between(start, dt.date(2020, 2, 29)) == 1
    assert dates.months_between(dt.date(2020, 5, 17), dt.date(2022, 5, 16)) == 23
    assert dates.months_between(dt.date(2020, 5, 17), dt.date(2022, 5, 17)) == 24
    assert dates.months_between(dt.date(2022, 5, 17), dt.date(2020, 5, 17)) == -24


def test_array_months_between_equals_the_scalar_one():
    rng = np.random.default_rng(7)
    starts = [dt.date.fromordinal(int(o)) for o in rng.integers(730_000, 740_000, 2000)]
    ends = [dt.date.fromordinal(int(o)) for o in rng.integers(730_000, 740_000, 2000)]
    sy, sm, sd = dates.split_ordinals(np.array([d.toordinal() for d in starts]))
    ey, em, ed = dates.split_ordinals(np.array([d.toordinal() for d in ends]))
    got = dates.months_between_array(sy * 12 + sm - 1, sd, ey * 12 + em - 1, ed)
    assert got.tolist() == [dates.months_between(s, e) for s, e in zip(starts, ends, strict=True)]


# (gender, born (year, month), retirement age (years, months), month the age is reached (year, month))
PUBLISHED = [
    ("male", (1960, 9), (60, 0), (2020, 9)),
    ("male", (1961, 1), (60, 3), (2021, 4)),
    ("male", (1961, 9), (60, 3), (2021, 12)),
    ("male", (1961, 10), (60, 6), (2022, 4)),
    ("male", (1962, 6), (60, 6), (2022, 12)),
    ("male", (1962, 7), (60, 9), (2023, 4)),
    ("male", (1964, 1), (61, 3), (2025, 4)),
    ("male", (1965, 1), (61, 6), (2026, 7)),
    ("male", (1966, 3), (61, 9), (2027, 12)),
    ("male", (1966, 4), (62, 0), (2028, 4)),
    ("male", (1968, 1), (62, 0), (2030, 1)),
    ("female", (1965, 12), (55, 0), (2020, 12)),
    ("female", (1966, 1), (55, 4), (2021, 5)),
    ("female", (1966, 8), (55, 4), (2021, 12)),
    ("female", (1966, 9), (55, 8), (2022, 5)),
    ("female", (1967, 4), (55, 8), (2022, 12)),
    ("female", (1967, 5), (56, 0), (2023, 5)),
    ("female", (1970, 1), (57, 4), (2027, 5)),
    ("female", (1975, 4), (59, 8), (2034, 12)),
    ("female", (1975, 5), (60, 0), (2035, 5)),
    ("female", (1980, 5), (60, 0), (2040, 5)),
]


@pytest.mark.parametrize(("gender", "born", "age", "reached"), PUBLISHED)
def test_decree_135_schedule(gender, born, age, reached):
    someone = person(gender=gender, birth_date=dt.date(*born, 15))
    r = retirement(someone, DEFAULTS)
    assert divmod(r.age_months, 12) == age
    assert (r.date.year, r.date.month) == reached
    assert r.date == dates.month_end(reached[0] * 12 + reached[1] - 1)  # the end of that month
    assert r.first_day_after == dates.add_months(dt.date(*reached, 1), 1)


def test_the_schedule_reaches_62_for_men_in_2028_and_60_for_women_in_2035():
    assert dates.retirement_age_for_year(2027, "male", DEFAULTS) == 61 * 12 + 9
    assert dates.retirement_age_for_year(2028, "male", DEFAULTS) == 62 * 12
    assert dates.retirement_age_for_year(2040, "male", DEFAULTS) == 62 * 12
    assert dates.retirement_age_for_year(2034, "female", DEFAULTS) == 59 * 12 + 8
    assert dates.retirement_age_for_year(2035, "female", DEFAULTS) == 60 * 12


def test_only_the_birth_year_counts_as_born_on_1_january():
    known = person(gender="male", birth_date=dt.date(1961, 11, 20))
    year_only = person(gender="male", birth_date=dt.date(1961, 11, 20), birth_year_only=True)
    assert retirement(known, DEFAULTS).date == dt.date(2022, 5, 31)  # born 11/1961: 60 years 6 months
    assert retirement(year_only, DEFAULTS).date == dt.date(2021, 4, 30)  # as if born 1/1/1961


def test_array_schedule_equals_the_scalar_one_for_every_birth_month():
    months = np.arange(1940 * 12, 2010 * 12)
    for gender in ("male", "female"):
        male = np.full(months.shape, gender == "male")
        got = dates.retirement_age_array(months, male, DEFAULTS)
        assert got.tolist() == [dates.retirement_age_months(int(m), gender, DEFAULTS) for m in months]


def test_a_changed_schedule_is_followed():
    params = {**DEFAULTS, "retirement_step_months": {"male": 6, "female": 4}}
    # Born 1/1961 with 6 months a year: 60 years 6 months in 2021 reaches July 2021.
    assert dates.retirement_age_months(1961 * 12, "male", params) == 726
