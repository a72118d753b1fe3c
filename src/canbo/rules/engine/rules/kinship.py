"""Kinship (Regulation 205-QĐ/TW 2019; Anti-corruption Law 2018; Decree 59/2019).

Relatives (spouse, parents of either spouse, children, siblings) may not together hold: the secretary,
deputy secretary, organization-board head and inspection head posts of one party committee; the People's
Committee chairmanship and the head of the local home-affairs or inspection body; the head and a deputy of
one unit. Heads and deputies may not have relatives in the personnel, accounting, cashier or warehouse
posts of their unit.
"""

from dataclasses import dataclass

import numpy as np

from canbo.core.text import fold

from ..facts import HeldPost, Post
from ..results import FAIL, PASS, Outcome
from ..text import RELATIONS, label
from .base import Rule

PAIRS = {
    "party_leadership": (
        "bí thư, phó bí thư, trưởng ban tổ chức, chủ nhiệm ủy ban kiểm tra của cùng cấp ủy",
        "secretary, deputy secretary, head of the organization board or of the inspection commission of one "
        "party committee",
    ),
    "chairman_oversight": (
        "chủ tịch UBND với người đứng đầu cơ quan nội vụ, thanh tra cùng địa phương",
        "People's Committee chairman with the local head of home affairs or inspection",
    ),
    "head_deputy": ("người đứng đầu và cấp phó của cùng đơn vị", "head and deputy of one unit"),
    "sensitive_post": (
        "người đứng đầu, cấp phó với người làm tổ chức - nhân sự, kế toán, thủ quỹ, thủ kho của đơn vị",
        "head or deputy with the unit's personnel, accounting, cashier or warehouse post",
    ),
}


@dataclass(frozen=True, slots=True)
class _Conflicts:
    by_holder: dict[int, list[tuple[HeldPost, str]]]
    relations: frozenset[str]
    posts_compared: int


class _Pairs:
    """Which pair of the regulation two posts form, if any."""

    def __init__(self, params):
        self.leadership = frozenset(params["kinship_party_leadership_titles"])
        self.chairmen = frozenset(params["kinship_chairman_titles"])
        self.sensitive = frozenset(params["kinship_sensitive_titles"])
        self.words = params["kinship_oversight_unit_words"]

    def _oversight_head(self, post: Post) -> bool:
        if post.title.code not in post.unit.head_titles:
            return False
        name = fold(post.unit.name)
        return any(word in name for words in self.words.values() for word in words)

    def between(self, a: Post, b: Post) -> str | None:
        if a.unit.id == b.unit.id:
            codes = {a.title.code, b.title.code}
            if a.title.code in self.leadership and b.title.code in self.leadership:
                return "party_leadership"
            heads, deputies = a.unit.head_titles, a.unit.deputy_titles
            if (a.title.code in heads and b.title.code in deputies) or (
                b.title.code in heads and a.title.code in deputies
            ):
                return "head_deputy"
            if codes & (heads | deputies) and codes & self.sensitive:
                return "sensitive_post"
        same_locality = a.unit.territory_id is not None and a.unit.territory_id == b.unit.territory_id
        if same_locality and (
            (a.title.code in self.chairmen and self._oversight_head(b))
            or (b.title.code in self.chairmen and self._oversight_head(a))
        ):
            return "chairman_oversight"
        return None


class Kinship(Rule):
    code = "kinship"
    name_vi = "Quan hệ gia đình"
    name_en = "Kinship"
    source = "Quy định 205-QĐ/TW (2019); Luật Phòng, chống tham nhũng 2018; Nghị định 59/2019/NĐ-CP"
    uses = (
        "kinship_relations",
        "kinship_party_leadership_titles",
        "kinship_chairman_titles",
        "kinship_oversight_unit_words",
        "kinship_sensitive_titles",
    )

    def prepare(self, target, proposal, ctx, params):
        """The holders whose post conflicts with the target (the target's own seats excepted: whoever holds
        them now is being replaced)."""
        pairs = _Pairs(params)
        by_holder: dict[int, list[tuple[HeldPost, str]]] = {}
        for held in ctx.holders:
            if held.post.same_post(target):
                continue
            pair = pairs.between(target, held.post)
            if pair:
                by_holder.setdefault(held.person_id, []).append((held, pair))
        return _Conflicts(by_holder, frozenset(params["kinship_relations"]), len(ctx.holders))

    def decide(self, person, target, proposal, params, conflicts: _Conflicts):
        found = [
            (kin, held, pair)
            for kin in person.kin
            if kin.relation in conflicts.relations and kin.person_id in conflicts.by_holder
            for held, pair in conflicts.by_holder[kin.person_id]
        ]
        facts = {
            "relatives_declared": len(person.kin),
            "relatives_who_are_cadres": sum(k.person_id is not None for k in person.kin),
            "posts_compared": conflicts.posts_compared,
        }
        if not found:
            return self.result(
                params,
                Outcome.PASS,
                f"Không có người thân giữ chức vụ không được cùng giữ với {target.label_vi}.",
                f"No relative holds a post that may not be held together with {target.label_en}.",
                **facts,
            )
        parts_vi, parts_en, conflicts_facts = [], [], []
        for kin, held, pair in found:
            relation_vi, relation_en = label(RELATIONS, kin.relation)
            pair_vi, pair_en = PAIRS[pair]
            parts_vi.append(
                f"{relation_vi} {held.person_name} đang giữ chức vụ {held.post.label_vi} ({pair_vi})"
            )
            parts_en.append(f"{relation_en} {held.person_name} holds {held.post.label_en} ({pair_en})")
            conflicts_facts.append(
                {
                    "relation": kin.relation,
                    "relative_id": held.person_id,
                    "relative": held.person_name,
                    "post": held.post.label_vi,
                    "pair": pair,
                }
            )
        return self.result(
            params,
            Outcome.FAIL,
            f"Người thân không được cùng giữ chức vụ với {target.label_vi}: {'; '.join(parts_vi)}.",
            f"Relatives may not hold posts together with {target.label_en}: {'; '.join(parts_en)}.",
            conflicts=conflicts_facts,
            **facts,
        )

    def decide_many(self, frame, conflicts: _Conflicts):
        pop = frame.pop
        holders = np.fromiter(conflicts.by_holder, dtype=np.int64, count=len(conflicts.by_holder))
        relations = pop.codes.many(sorted(conflicts.relations))
        hit = np.isin(pop.k_person, holders) & np.isin(pop.k_relation, relations)
        return np.where(pop.any_of(pop.k_owner, hit), FAIL, PASS).astype(np.int8)
