"""The planning thresholds, with their defaults. Those marked "to confirm" are defaults each body should
check against its own practice; a deployment overrides any of them with the CANBO_PLANNING setting."""

from collections.abc import Mapping
from typing import Any

DEFAULTS: dict[str, Any] = {
    # Regulation 377-QĐ/TW: at most 3 cadres per title, one cadre for at most 3 titles of the same level.
    "max_cadres_per_title": 3,
    "max_titles_per_level": 3,
    # The planned cadre must be able to serve a full term (months) from the start of the term planned for.
    "full_term_months": 60,
    # Discipline from reprimand up takes a cadre out of the planning; the waiting periods before they can be
    # planned again are the rules engine's ("discipline_wait_months"). Forms without a waiting period there
    # (expulsion, forced dismissal, demotion) always bar.
    "barring_disciplines": ["reprimand", "warning", "removal", "demotion", "expulsion", "dismissal"],
    # Planning is not decided together with an appointment: a proposal still open, or an appointment or
    # election dated this many days before the planning decision or later, bars it (to confirm).
    "appointment_gap_days": 30,
    # Structure targets carried from Regulation 50-QĐ/TW.
    "young_share_min": 15,
    "women_share_min": 25,
    # Under this age (years, at the start of the term) a cadre counts as young, by the body's level.
    "young_age": {"central": 45, "province": 40, "district": 40, "commune": 40},
    # Three age bands five years apart, by age at the start of the term: (label, from, up to but excluding).
    "age_bands": [["< 45", 0, 45], ["45–49", 45, 50], ["≥ 50", 50, 200]],
}
# Defaults that are a body's own practice rather than a figure of the regulations.
TO_CONFIRM = frozenset({"appointment_gap_days", "young_age", "age_bands"})


def merged(overrides: Mapping[str, Any] | None = None) -> dict[str, Any]:
    values = dict(DEFAULTS)
    unknown = set(overrides or {}) - set(DEFAULTS)
    if unknown:
        raise ValueError(f"unknown planning parameters: {', '.join(sorted(unknown))}")
    values.update(overrides or {})
    return values
