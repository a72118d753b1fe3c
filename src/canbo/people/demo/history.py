"""Assignment rows and decisions from the simulated stints (plain Python).

A stint (one cadre on one seat without a break) becomes one or more assignments: a new row opens at each
party congress or council session for elected posts (the election), on 1 July 2025 for commune posts (the
new commune's appointments), five years after an appointment for other heads and deputies (re-appointment),
and when an acting head is confirmed. Each row has its decision, numbered per issuing body and year like
real ones: "123-QĐ/TU" for a provincial party committee, "45/QĐ-UBND" for a People's Committee, "12/NQ-HĐND"
for a council resolution.
"""

import datetime as dt
import random

from canbo.core.text import fold

from .simulate import ELECTED_GROUPS, Simulation, add_months, between
from .structure import LEVEL_COMMUNE, LEVEL_DISTRICT, LEVEL_PROVINCE, NEVER, REFORM, START, ProvinceStructure

INITIAL_NOTE = "Đang giữ chức vụ khi bắt đầu dữ liệu (01/01/2016)"
VERBS = {
    "appointment": "Bổ nhiệm",
    "reappointment": "Bổ nhiệm lại",
    "election": "Phê chuẩn kết quả bầu",
    "rotation": "Luân chuyển",
    "transfer": "Điều động",
    "return": "Điều động trở lại sau thời gian luân chuyển",
    "recruitment": "Tuyển dụng",
}


def _abbreviation(name: str) -> str:
    """'Sở Nông nghiệp và Môi trường' -> 'SNNMT', the way departments sign their decisions."""
    skip = {"và", "tỉnh", "thành", "phố", "thuộc"}
    words = [w for w in name.replace(",", " ").replace("-", " ").split() if w.lower() not in skip]
    return "".join(fold(w)[0].upper() if w[0] != "Đ" else "Đ" for w in words if w)[:8] or "CQ"


class Decisions:
    """Collects decisions; numbers them per issuer and year once all are known."""

    def __init__(self, structure: ProvinceStructure, rnd: random.Random):
        self.st = structure
        self.rnd = rnd
        self.rows: list[list] = []  # [issuer key, suffix, date, issuer unit, issuer name, summary, effective]
        self.shared: dict[tuple, int] = {}

    def add(
        self, issuer: tuple[int, str, str], day: int, effective: int, summary: str, share_key=None
    ) -> int:
        if share_key is not None and share_key in self.shared:
            return self.shared[share_key]
        unit, name, suffix = issuer
        self.rows.append([unit if unit >= 0 else name, suffix, day, unit, name, summary[:500], effective])
        index = len(self.rows) - 1
        if share_key is not None:
            self.shared[share_key] = index
        return index

    def finish(self) -> list[tuple]:
        """(number, date, issuer unit|-1, issuer name, summary, effective date), numbered in date order."""
        order = sorted(range(len(self.rows)), key=lambda i: (str(self.rows[i][0]), self.rows[i][2], i))
        counters: dict[tuple, int] = {}
        numbers = [""] * len(self.rows)
        for i in order:
            key, suffix, day = self.rows[i][0], self.rows[i][1], self.rows[i][2]
            year = dt.date.fromordinal(day).year
            ck = (str(key), suffix, year)
            if ck not in counters:
                counters[ck] = between(self.rnd, 1, 30)
            counters[ck] += between(self.rnd, 1, 4)
            n = counters[ck]
            # Party decisions read "123-QĐ/TU", State ones "45/QĐ-UBND".
            numbers[i] = f"{n}-{suffix}" if "/" in suffix else f"{n}/{suffix}"
        return [(numbers[i], r[2], r[3], r[4], r[5], r[6]) for i, r in enumerate(self.rows)]


class History:
    def __init__(self, sim: Simulation, structure: ProvinceStructure, rnd: random.Random):
        self.sim = sim
        self.st = structure
        self.rnd = rnd
        self.decisions = Decisions(structure, rnd)
        self.rows: list[tuple] = []
        self.stats: dict[str, int] = {}

    # ------------------------------------------------------------------ issuers
    def _body(self, terr: int, kind: str) -> int:
        return self.st.territories[terr].bodies.get(kind, -1)

    def _higher(self, terr: int, day: int) -> int:
        t = self.st.territories[terr]
        if t.level == LEVEL_COMMUNE:
            return t.district if day < REFORM and t.district >= 0 else 0
        return 0

    def _party(self, terr: int) -> tuple[int, str, str]:
        level = self.st.territories[terr].level
        unit = self._body(terr, "party_committee")
        suffix = {LEVEL_PROVINCE: "QĐ/TU", LEVEL_DISTRICT: "QĐ/HU", LEVEL_COMMUNE: "QĐ/ĐU"}[level]
        return unit, self.st.units[unit].name if unit >= 0 else "", suffix

    def _committee(self, terr: int) -> tuple[int, str, str]:
        unit = self._body(terr, "peoples_committee")
        return unit, self.st.units[unit].name if unit >= 0 else "", "QĐ-UBND"

    def _council(self, terr: int) -> tuple[int, str, str]:
        unit = self._body(terr, "peoples_council")
        return unit, self.st.units[unit].name if unit >= 0 else "", "NQ-HĐND"

    def issuer(self, seat: int, day: int, action: str) -> tuple[int, str, str]:
        sim = self.sim
        title, terr, level = sim.seat_title[seat], sim.seat_terr[seat], sim.seat_level[seat]
        higher = self._higher(terr, day)
        if level == LEVEL_PROVINCE and title.tier == 0 and action in ("election", "transfer", "appointment"):
            if title.group == "government":
                return -1, "Thủ tướng Chính phủ", "QĐ-TTg"
            if title.group == "party":
                return -1, "Bộ Chính trị", "QĐNS/TW"
        if action == "election":
            if title.group in ("council", "government"):
                return self._council(terr)
            return self._party(higher) if level != LEVEL_PROVINCE else (-1, "Ban Bí thư", "QĐNS/TW")
        if title.tier <= 1 or (level == LEVEL_PROVINCE and title.rank <= 15):
            if action in ("rotation", "transfer", "return") or title.group in ELECTED_GROUPS:
                return self._party(higher if level == LEVEL_COMMUNE else 0)
            return self._committee(
                higher if level == LEVEL_COMMUNE else terr if level == LEVEL_DISTRICT else 0
            )
        if level == LEVEL_PROVINCE:
            unit = sim.seat_unit[seat]
            return unit, self.st.units[unit].name, "QĐ-" + _abbreviation(self.st.units[unit].name)
        if level == LEVEL_COMMUNE and day >= REFORM:
            return self._committee(0 if action in ("rotation", "transfer", "return") else terr)
        return self._committee(higher if level == LEVEL_COMMUNE else terr)

    def summary(self, action: str, name: str, seat: int) -> str:
        sim = self.sim
        title = sim.seat_title[seat]
        unit = self.st.units[sim.seat_unit[seat]].name
        if action == "recruitment":
            return f"Tuyển dụng đồng chí {name} vào vị trí {title.name}, {unit}"
        return f"{VERBS.get(action, 'Quyết định về')} đồng chí {name} giữ chức {title.name}, {unit}"

    # ------------------------------------------------------------------ rows
    def build(
        self, stints_by_cadre: dict[int, list[tuple]], index_of: dict[int, int], names: list[str]
    ) -> None:
        """Assignment rows for the surviving cadres (`index_of`: simulation cadre -> result cadre index)."""
        sim, rnd, today = self.sim, self.rnd, self.sim.today
        rows = self.rows
        for c, stints in stints_by_cadre.items():
            k = index_of[c]
            name = names[k]
            previous_end_row, previous_seat = -1, -1
            for _c, seat, start, end, action, end_action, planned, acting_until in stints:
                self._count_move(previous_seat, seat, start, action)
                previous_seat = seat
                title = sim.seat_title[seat]
                post, seat_no = sim.seat_post[seat], sim.seat_no[seat]
                stop = end if end is not None else NEVER
                terms = sim.boundaries(seat)
                elections = [(d, a) for d, a in terms if a == "election"]
                cuts = [(d, a) for d, a in terms if start < d < stop and d <= today]
                head_like = (
                    (title.is_head or title.is_deputy)
                    and title.group not in ELECTED_GROUPS
                    and not (title.group == "government" and title.rank <= 7)
                )
                if head_like:
                    d = add_months(start, 60)
                    while d < stop and d <= today:
                        if all(abs(d - x) > 180 for x, _ in cuts):
                            cuts.append((d, "reappointment"))
                        d = add_months(d, 60)
                acting = 0
                if acting_until and start < acting_until:
                    if acting_until < stop and acting_until <= today:
                        cuts = [(d, a) for d, a in cuts if d > acting_until + 30 or d < acting_until]
                        cuts.append((acting_until, "appointment"))
                    acting = acting_until
                cuts.sort()
                starts = [(start, action)] + cuts
                for i, (s, a) in enumerate(starts):
                    e = starts[i + 1][0] if i + 1 < len(starts) else end
                    initial = a == "initial"
                    if initial:
                        a = (
                            "election"
                            if (
                                title.group in ELECTED_GROUPS
                                or (title.group == "government" and title.rank <= 7)
                            )
                            else "appointment"
                        )
                    is_acting = bool(acting) and s < acting and (e is None or e <= acting)
                    if a == "rotation" and planned:
                        planned_end = planned
                    elif title.tier == 3 and not title.is_head:
                        planned_end = None
                    elif a == "election":  # the term ends with the next congress or election
                        planned_end = next((d for d, _ in elections if d > s), add_months(s, 60))
                    else:
                        planned_end = add_months(s, 60)
                    if initial:
                        decision = -1
                    elif s == REFORM and a == "appointment" and sim.seat_level[seat] == LEVEL_COMMUNE:
                        unit = sim.seat_unit[seat]
                        decision = self.decisions.add(
                            self._reform_issuer(seat),
                            REFORM - between(rnd, 1, 5),
                            REFORM,
                            f"Chỉ định, bổ nhiệm các chức danh của {self.st.units[unit].name} "
                            "sau sắp xếp đơn vị hành chính",
                            share_key=("reform", unit),
                        )
                    elif a == "election" and i > 0:
                        unit = sim.seat_unit[seat]
                        decision = self.decisions.add(
                            self.issuer(seat, s, a),
                            s + between(rnd, 0, 6),
                            s,
                            f"Phê chuẩn kết quả bầu các chức danh của {self.st.units[unit].name}",
                            share_key=("election", unit, s),
                        )
                    else:
                        decision = self.decisions.add(
                            self.issuer(seat, s, a),
                            max(START - 30, s - between(rnd, 3, 25)),
                            s,
                            self.summary(a, name, seat),
                        )
                    if i == 0 and previous_end_row >= 0:
                        rows[previous_end_row][9] = decision
                    row = [
                        k,
                        post,
                        seat_no,
                        s,
                        e,
                        planned_end,
                        a,
                        "",
                        decision,
                        -1,
                        False,
                        is_acting,
                        INITIAL_NOTE if initial else "",
                    ]
                    if i > 0:
                        rows[-1][7] = a
                        rows[-1][9] = decision
                    rows.append(row)
                if end is not None:
                    rows[-1][7] = end_action
                    previous_end_row = len(rows) - 1

    def acting_heads(self, index_of: dict[int, int], names: list[str]) -> None:
        """A deputy stands in (concurrently, as acting head) where a head's seat is vacant today."""
        sim, rnd, today = self.sim, self.rnd, self.sim.today
        for seat, title in enumerate(sim.seat_title):
            if not title.is_head or sim.holder[seat] >= 0 or seat in sim.unused or sim.seat_to[seat] != NEVER:
                continue
            unit = sim.seat_unit[seat]
            deputies = [
                s
                for t in (title.tier, title.tier + 1)
                for s in sim.unit_tier.get((unit, t), ())[:20]
                if sim.seat_title[s].is_deputy and sim.holder[s] in index_of
            ]
            if not deputies:
                continue
            c = sim.holder[deputies[0]]
            start = max(sim.vacated[seat] + between(rnd, 1, 20), sim.since[c] + 1)
            if start > today:
                continue
            k = index_of[c]
            decision = self.decisions.add(
                self.issuer(seat, start, "appointment"),
                start - between(rnd, 0, 5),
                start,
                f"Giao đồng chí {names[k]} phụ trách {title.name}, {self.st.units[unit].name}",
            )
            self.rows.append(
                [
                    k,
                    sim.seat_post[seat],
                    sim.seat_no[seat],
                    start,
                    None,
                    None,
                    "concurrent",
                    "",
                    decision,
                    -1,
                    True,
                    True,
                    "Phụ trách",
                ]
            )

    def _count_move(self, before: int, after: int, start: int, action: str) -> None:
        """Moves of the cadres kept, for the summary: rotations by direction, returns, district closures."""
        if before < 0:
            return
        a, b = self.sim.seat_level[before], self.sim.seat_level[after]
        if action == "rotation":
            key = "rotation_down" if b > a else "rotation_up" if b < a else "rotation_horizontal"
        elif action == "return":
            key = "return"
        elif start == REFORM and a == LEVEL_DISTRICT:
            key = "reform_moves"
        else:
            key = action
        self.stats[key] = self.stats.get(key, 0) + 1

    def _reform_issuer(self, seat: int) -> tuple[int, str, str]:
        title = self.sim.seat_title[seat]
        if title.group in ("party", "front"):
            return self._party(0)
        if title.group == "council":
            return self._council(0)
        return self._committee(0)

    def concurrent(self, stints_by_cadre: dict[int, list[tuple]], index_of: dict[int, int]) -> None:
        """Concurrent posts (Standing Committee members): held per term by key cadres of the same place."""
        sim, st, rnd = self.sim, self.st, self.rnd
        for pi in sim.concurrent_posts:
            post = st.posts[pi]
            terr = st.units[post.unit].territory
            terms = sim.terms[terr]
            starts = sorted({START, *(terms[k] for k in ("party2020", "party2025") if k in terms)})
            starts = [s for s in starts if s <= sim.today and s < post.valid_to]
            pool = [
                c
                for c, stints in stints_by_cadre.items()
                if any(
                    sim.seat_tier[s[1]] <= 1
                    and sim.seat_terr[s[1]] == terr
                    or sim.seat_level[s[1]] == LEVEL_DISTRICT
                    and sim.seat_title[s[1]].rank <= 1
                    for s in stints
                )
            ]
            for ti, term_start in enumerate(starts):
                term_end = starts[ti + 1] if ti + 1 < len(starts) else None
                candidates = []
                for c in pool:
                    stints = stints_by_cadre[c]
                    running, end = self._key_run(stints, term_start, terr)
                    if running:
                        seat = next(
                            s[1] for s in stints if s[2] <= term_start and (s[3] is None or s[3] > term_start)
                        )
                        candidates.append((sim.seat_rank[seat], rnd.random(), c, end))
                candidates.sort()
                for seat_no, (_, _, c, end) in enumerate(candidates[: post.seats], start=1):
                    stop = end if term_end is None else (term_end if end is None else min(end, term_end))
                    if ti == 0:
                        decision, note, action = -1, INITIAL_NOTE, "election"
                    else:
                        issuer = (
                            (-1, "Ban Bí thư", "QĐNS/TW")
                            if st.territories[terr].level == 0
                            else self._party(self._higher(terr, term_start))
                        )
                        decision = self.decisions.add(
                            issuer,
                            term_start + between(rnd, 0, 6),
                            term_start,
                            f"Chuẩn y Ban Thường vụ {st.units[post.unit].name}",
                            share_key=("concurrent", pi, term_start),
                        )
                        note, action = "", "election"
                    planned_end = term_end or add_months(term_start, 60)
                    self.rows.append(
                        [
                            index_of[c],
                            pi,
                            seat_no,
                            term_start,
                            stop,
                            planned_end,
                            action,
                            "election" if stop is not None else "",
                            decision,
                            -1,
                            True,
                            False,
                            note,
                        ]
                    )

    def _key_run(self, stints: list[tuple], day: int, terr: int) -> tuple[bool, int | None]:
        """Whether the cadre holds a key post of `terr` on `day`, and when that run of key posts ends."""
        sim = self.sim
        level = self.st.territories[terr].level
        running, end = False, None
        for _, seat, start, stop, *_ in stints:
            inside = (
                sim.seat_tier[seat] <= 1
                and sim.seat_title[seat].rank > 3
                and (
                    sim.seat_terr[seat] == terr
                    or (
                        level == LEVEL_PROVINCE
                        and sim.seat_level[seat] == LEVEL_DISTRICT
                        and sim.seat_title[seat].rank <= 1
                    )
                )
            )
            if not running:
                if inside and start <= day and (stop is None or stop > day):
                    running, end = True, stop
            elif inside and start == end:
                end = stop
            else:
                break
        return running, end  # end None: the run goes on today
