"""The planning pool's structure against its targets (Regulation 50-QĐ/TW): young cadres, women, ethnic
minorities suited to the area, three age bands. Each indicator says whether it leaves a gap."""

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from canbo.core.numbers import percent
from canbo.rules.engine.dates import months_between


@dataclass(frozen=True, slots=True)
class Member:
    birth_date: dt.date
    female: bool
    ethnic_minority: bool


@dataclass(frozen=True, slots=True)
class Indicator:
    code: str
    name_vi: str
    name_en: str
    count: int
    share: float  # percent of the pool
    target: float | None  # percent; None: at least one person
    gap: bool

    def name(self, language: str = "vi") -> str:
        return self.name_en if language.startswith("en") else self.name_vi


def age_on(birth: dt.date, day: dt.date) -> int:
    return months_between(birth, day) // 12


def structure(
    members: Iterable[Member],
    day: dt.date,
    level: str,
    area_minority_share: float,
    params: Mapping[str, Any],
) -> list[Indicator]:
    """Indicators of the pool on `day` (the start of the term). The ethnic-minority target is the share of
    minorities among the area's own cadres, so that the pool reflects the area."""
    pool = list(members)
    total = len(pool)
    ages = [age_on(m.birth_date, day) for m in pool]
    young_age = params["young_age"].get(level, params["young_age"]["province"])
    young = sum(age < young_age for age in ages)
    women = sum(m.female for m in pool)
    minority = sum(m.ethnic_minority for m in pool)
    rows = [
        (
            "young",
            f"Cán bộ trẻ (dưới {young_age} tuổi)",
            f"Young cadres (under {young_age})",
            young,
            float(params["young_share_min"]),
        ),
        ("women", "Cán bộ nữ", "Women", women, float(params["women_share_min"])),
        ("minority", "Người dân tộc thiểu số", "Ethnic minorities", minority, round(area_minority_share, 1)),
    ]
    indicators = [
        Indicator(code, vi, en, count, percent(count, total), target, percent(count, total) < target)
        for code, vi, en, count, target in rows
    ]
    for band, low, high in params["age_bands"]:
        count = sum(low <= age < high for age in ages)
        indicators.append(
            Indicator(
                f"age:{band}",
                f"Độ tuổi {band}",
                f"Age band {band}",
                count,
                percent(count, total),
                None,
                count == 0,
            )
        )
    return indicators
