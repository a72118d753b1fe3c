"""Thresholds of the evaluation rules, each a parameter with the regulation's figure as its default."""

from dataclasses import dataclass, fields, replace


@dataclass(frozen=True, slots=True)
class Params:
    #: Lowest score of each level (Regulation 366-QĐ/TW; Decree 335/2025).
    excellent_from: float = 90
    good_from: float = 70
    completed_from: float = 50
    #: Share of tasks over-fulfilled that "excellent" needs from collectives and leaders.
    over_fulfilment_share: float = 0.30
    #: Weights of quantity, quality and timeliness in a task's score (to confirm: the regulations name the
    #: three criteria without fixing their weights).
    quantity_weight: float = 0.4
    quality_weight: float = 0.4
    timeliness_weight: float = 0.2
    #: Credit a late task keeps for timeliness (to confirm).
    late_credit: float = 0.5
    #: "Excellent" may not exceed this share of those rated "good" in the same unit and task group.
    excellent_quota_share: float = 0.20
    #: Consecutive years "not completed" that call for dismissal from the post.
    dismissal_years: int = 2
    #: Targets the seeds quote: party cells "clean and strong", members completing their tasks well.
    party_cell_target_low: float = 0.70
    party_cell_target_high: float = 0.80
    party_member_target_low: float = 0.80
    party_member_target_high: float = 0.85

    @classmethod
    def with_overrides(cls, overrides: dict) -> "Params":
        """The defaults with some values replaced; an unknown name is an error, not silently ignored."""
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(overrides) - known)
        if unknown:
            raise ValueError(f"unknown evaluation parameters: {', '.join(unknown)}")
        return replace(cls(), **overrides)


DEFAULTS = Params()
