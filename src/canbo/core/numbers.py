"""Shares as official tables print them, one rounding for the reports, the dashboard and the engines.

Plain Python, so the planners' engines use it without Django.
"""

from decimal import ROUND_HALF_UP, Decimal


def percent(count: float, total: float) -> float:
    """`count` as a percent of `total`, rounded half up to one decimal (1/16 is 6.3, not Python's 6.2)."""
    if not total:
        return 0.0
    share = Decimal(100) * Decimal(str(count)) / Decimal(str(total))
    return float(share.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))
