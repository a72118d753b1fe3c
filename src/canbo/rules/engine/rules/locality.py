"""Non-local heads (Regulation 65-QĐ/TW, 2022)."""

from dataclasses import dataclass

from ..derive import locality
from ..results import FAIL, NA, PASS, WARN, Outcome
from ..text import inline
from .base import Rule


@dataclass(frozen=True, slots=True)
class _Locality:
    applies: bool
    territory_id: int | None
    territory: str


class NonLocal(Rule):
    """Posts flagged "non-local" (secretary, People's Committee chairman, ...) go to people whose hometown,
    and by setting whose residence, lies outside the locality of the post.

    It compares the locality (commune or province) of the target unit with the person's hometown unit, that
    unit's ancestors and the units it was merged into: a hometown commune lies in its province, and a
    commune merged in 2025 lies in the new commune.
    """

    code = "non_local"
    name_vi = "Không bố trí người địa phương"
    name_en = "Non-local heads"
    source = "Quy định 65-QĐ/TW (2022)"
    uses = ("non_local_includes_residence",)

    def prepare(self, target, proposal, ctx, params):
        unit = target.unit
        return _Locality(target.title.non_local, unit.territory_id, unit.territory_name or unit.name)

    def _not_applicable(self, target, params, where: _Locality):
        if not where.applies:
            return self.result(
                params,
                Outcome.NOT_APPLICABLE,
                f"Chức danh {target.title.name} không thuộc diện bố trí người không phải địa phương.",
                f"The title {target.title.name_en or target.title.name} is not subject to the non-local "
                "rule.",
                title=target.title.code,
            )
        return self.result(
            params,
            Outcome.NOT_APPLICABLE,
            f"Đơn vị {target.unit.name} không thuộc địa bàn xã hay tỉnh nào.",
            f"The unit {target.unit.name} belongs to no commune or province.",
            unit=target.unit.name,
        )

    def decide(self, person, target, proposal, params, where: _Locality):
        if not where.applies or where.territory_id is None:
            return self._not_applicable(target, params, where)
        by_home, by_residence = locality(person, where.territory_id, params)
        facts = {
            "compares": "territory_id in hometown_unit_ids",
            "territory_id": where.territory_id,
            "territory": where.territory,
            "hometown": person.hometown_name,
            "hometown_unit_ids": person.hometown_ids,
            "residence": person.residence_name,
            "residence_unit_ids": person.residence_ids,
            "local_by_hometown": by_home,
            "local_by_residence": by_residence,
        }
        post_vi = f"{target.title.name}, {target.unit.name}"
        post_en = f"{target.title.name_en or target.title.name}, {target.unit.name}"
        if by_home:
            return self.result(
                params,
                Outcome.FAIL,
                f"Quê quán {inline(person.hometown_name)} trùng địa bàn đơn vị bổ nhiệm ({post_vi}): "
                "vi phạm nguyên tắc không bố trí người địa phương.",
                f"Hometown {person.hometown_name} lies in the locality of the post ({post_en}): breaks the "
                "rule that this post is not given to a local person.",
                **facts,
            )
        if by_residence:
            return self.result(
                params,
                Outcome.FAIL,
                f"Nơi cư trú {inline(person.residence_name)} thuộc địa bàn đơn vị bổ nhiệm ({post_vi}): "
                "vi phạm nguyên tắc không bố trí người địa phương.",
                f"Residence {person.residence_name} lies in the locality of the post ({post_en}): breaks the "
                "rule that this post is not given to a local person.",
                **facts,
            )
        if not person.hometown_ids:
            return self.result(
                params,
                Outcome.WARNING,
                f"Quê quán chưa gắn với đơn vị hành chính, chưa đối chiếu được với địa bàn "
                f"{inline(where.territory)}: cần kiểm tra trực tiếp.",
                f"The hometown is not linked to an administrative unit and cannot be compared with "
                f"{where.territory}: check it by hand.",
                **facts,
            )
        return self.result(
            params,
            Outcome.PASS,
            f"Quê quán {inline(person.hometown_name)} ngoài địa bàn {inline(where.territory)}: "
            "không phải người địa phương.",
            f"Hometown {person.hometown_name} lies outside {where.territory}: not a local person.",
            **facts,
        )

    def decide_many(self, frame, where: _Locality):
        if not where.applies or where.territory_id is None:
            return frame.filled(NA)
        local = frame.local_to(where.territory_id)
        out = frame.filled(PASS)
        out[~frame.pop.has_home] = WARN
        out[local] = FAIL
        return out
