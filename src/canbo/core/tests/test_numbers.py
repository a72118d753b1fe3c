"""One rounding of shares for every table: half up to one decimal, as official reports print them."""

import pytest

from canbo.core.numbers import percent


@pytest.mark.parametrize(
    ("count", "total", "shown"),
    [
        (1, 16, 6.3),  # 6.25: Python's round() would print 6.2
        (1, 8, 12.5),
        (112, 583, 19.2),  # the seeds' women among 583 cadres
        (45, 583, 7.7),  # ... and under 42
        (8, 18, 44.4),
        (3, 3, 100.0),
        (0, 5, 0.0),
        (4, 0, 0.0),
    ],
)
def test_percent_rounds_half_up_to_one_decimal(count, total, shown):
    assert percent(count, total) == shown
