"""Ten years of careers on a province's seats, simulated forward in time (plain Python).

On 1 January 2016 every seat has a holder. Then, in date order: people retire (Decree 135/2020 ages) or
leave, and each vacancy is filled by a chain of moves (a deputy is promoted, whose seat is filled in turn
...) that ends with a recruitment; party congresses and council sessions replace those who cannot serve a
full term; cadres are rotated down to communes, up, sideways and back after 36 months (Regulation 65); on 1
July 2025 the districts close and their cadres take commune and province posts. Whoever holds a seat at the
end is a cadre of the demo; people who left are not kept, so a seat may show a gap where a predecessor was.

Because a seat changes hands on one date and a cadre holds one seat at a time, periods never overlap.
"""

import datetime as dt
import heapq
import math
import random

from .structure import LEVEL_COMMUNE, LEVEL_DISTRICT, LEVEL_PROVINCE, NEVER, REFORM, START, ProvinceStructure

YEAR = 365.25
# Titles held alongside another post (members of the Standing Committee hold it on top of their own post).
CONCURRENT_TITLES = {"T_UVTV"}
# Titles filled by an election of the council or the party committee rather than by an appointment.
ELECTED_GROUPS = {"party", "council", "front"}

EV_EXIT, EV_CONGRESS, EV_SWAP, EV_RETURN, EV_REFORM, EV_OPEN = range(6)
SW_DOWN, SW_HKEY, SW_HSTAFF, SW_DEPT = range(4)

# How a vacancy is filled, by (level, tier): (weight, source) where a source names where the next holder comes
# from. The first source that yields an eligible candidate wins; recruitment always does.
FILL_SOURCES = {
    (LEVEL_PROVINCE, 0): [(55, "promote_terr"), (15, "up_district"), (10, "other_dept"), (20, "external")],
    (LEVEL_PROVINCE, 1): [
        (50, "promote_unit"),
        (15, "promote_terr"),
        (12, "up_district"),
        (8, "up_commune"),
        (10, "other_dept"),
        (5, "external"),
    ],
    (LEVEL_PROVINCE, 2): [
        (55, "promote_unit"),
        (12, "other_dept"),
        (10, "up_district"),
        (10, "up_commune"),
        (13, "recruit"),
    ],
    (LEVEL_PROVINCE, 3): [(60, "recruit"), (20, "up_commune"), (10, "up_district"), (10, "other_dept")],
    (LEVEL_DISTRICT, 0): [
        (50, "promote_terr"),
        (25, "up_commune"),
        (15, "down_province"),
        (10, "horizontal"),
    ],
    (LEVEL_DISTRICT, 1): [
        (45, "promote_terr"),
        (30, "up_commune"),
        (15, "down_province"),
        (10, "horizontal"),
    ],
    (LEVEL_DISTRICT, 2): [(45, "promote_unit"), (20, "up_commune"), (15, "other_dept"), (20, "recruit")],
    (LEVEL_DISTRICT, 3): [(60, "recruit"), (40, "up_commune")],
    (LEVEL_COMMUNE, 0): [
        (50, "promote_terr"),
        (15, "horizontal"),
        (20, "down_district"),
        (10, "down_province"),
        (5, "recruit"),
    ],
    (LEVEL_COMMUNE, 1): [
        (65, "promote_terr"),
        (10, "horizontal"),
        (12, "down_district"),
        (5, "down_province"),
        (8, "recruit"),
    ],
    (LEVEL_COMMUNE, 2): [(70, "promote_terr"), (10, "horizontal"), (20, "recruit")],
    (LEVEL_COMMUNE, 3): [(78, "recruit"), (22, "horizontal")],
}
# Swaps a year: per commune (down/up, key posts sideways), per staff seat of a commune, per department.
SWAP_RATES = {SW_DOWN: 0.10, SW_HKEY: 0.08, SW_HSTAFF: 0.015, SW_DEPT: 0.35}

# Age (mean, sd, min, max) on 1 January 2016 of the holders then, and at recruitment, by (level, tier).
INITIAL_AGE = {
    (LEVEL_PROVINCE, 0): (53, 3, 45, 58),
    (LEVEL_PROVINCE, 1): (51, 4, 42, 58),
    (LEVEL_PROVINCE, 2): (44, 6, 32, 58),
    (LEVEL_PROVINCE, 3): (36, 8, 24, 57),
    (LEVEL_DISTRICT, 0): (49, 4, 38, 57),
    (LEVEL_DISTRICT, 1): (47, 5, 35, 57),
    (LEVEL_DISTRICT, 2): (45, 6, 31, 57),
    (LEVEL_DISTRICT, 3): (40, 8, 24, 57),
    (LEVEL_COMMUNE, 0): (42, 6, 30, 57),
    (LEVEL_COMMUNE, 1): (38, 7, 27, 57),
    (LEVEL_COMMUNE, 2): (42, 7, 27, 57),
    (LEVEL_COMMUNE, 3): (37, 8, 24, 57),
}
RECRUIT_AGE = (30, 4, 25, 40)
TRANSFER_IN_AGE = (40, 6, 30, 52)  # civil servants coming from other sectors (teachers, public employees ...)
TRANSFER_IN_SHARE = 0.35
EXTERNAL_AGE = (49, 4, 40, 56)  # leaders sent from the centre or another province
EXTERNAL_MANAGER_AGE = (42, 5, 33, 54)
# Within a tier, deputies and heads of division are younger than the directors above them.
INITIAL_AGE_BY_TITLE = {
    "T_PGD_SO": (45, 5, 35, 58),
    "T_TP_SO": (38, 6, 30, 58),
    "T_PTP_SO": (35, 5, 28, 57),
    "H_PTP": (39, 6, 29, 57),
    "X_PTP": (36, 6, 27, 57),
    "X_PCT_UBND": (37, 6, 27, 57),
}

# Youngest age at which a cadre takes a post of this (level, tier).
MIN_AGE = {(0, 0): 44, (0, 1): 38, (0, 2): 31, (1, 0): 38, (1, 1): 34, (1, 2): 30, (2, 0): 30, (2, 1): 27}
YOUNG_PREFERENCE = 0.8
ACTING_SHARE = 0.35  # deputies made head who first act ("quyền") for a few months
ROTATION_MONTHS = 36
MIN_MONTHS_IN_POST = 24


def between(rnd: random.Random, low: int, high: int) -> int:
    """rnd.randint(low, high), several times faster: the generator draws millions of these."""
    return low + int(rnd.random() * (high - low + 1))


def month_index(ordinal: int) -> int:
    d = dt.date.fromordinal(ordinal)
    return d.year * 12 + d.month - 1


def month_start(index: int) -> int:
    return dt.date(index // 12, index % 12 + 1, 1).toordinal()


def add_months(ordinal: int, months: int) -> int:
    d = dt.date.fromordinal(ordinal)
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    day = min(d.day, 28 if month == 2 else 30 if month in (4, 6, 9, 11) else 31)
    return dt.date(year, month, day).toordinal()


def retirement_month(birth: int, female: bool) -> int:
    """Month index in which the retirement age is reached (Decree 135/2020, Art. 4)."""
    b = month_index(birth)
    year = b // 12 + 54
    while True:
        if female:
            required = 660 if year < 2021 else 660 + 4 * (min(year, 2035) - 2020)
        else:
            required = 720 if year < 2021 else 720 + 3 * (min(year, 2028) - 2020)
        if (b + required) // 12 <= year:
            return b + required
        year += 1


def retirement_exit(birth: int, female: bool) -> int:
    """First day no longer in service: the day after the end of the retirement month."""
    return month_start(retirement_month(birth, female) + 1)


class Simulation:
    """Run with `run()`; read the surviving cadres and their stints afterwards."""

    def __init__(
        self,
        structure: ProvinceStructure,
        n_cadres: int,
        seed: int,
        today: int,
        female_share: dict[str, float],
        vacancy_share: float = 0.03,
    ):
        self.st = structure
        self.n = n_cadres
        self.today = today
        self.rnd = random.Random(seed)
        self.female_share = female_share
        self.vacancy_share = vacancy_share
        self.scaled: dict[int, int] = {}
        self._seats()
        self._terms()
        # cadres
        self.birth: list[int] = []
        self.female: list[bool] = []
        self.exit_day: list[int] = []
        self.origin: list[str] = []  # initial, recruit, transfer_in, external
        self.joined: list[int] = []
        self.seat_of: list[int] = []
        self.since: list[int] = []
        self.action: list[str] = []
        self.planned: list[int] = []
        self.acting_until: list[int] = []
        self.rot_until: list[int] = []
        self.gone: list[bool] = []
        # closed stints: (cadre, seat, start, end, action, end_action, planned_end, acting_until)
        self.stints: list[tuple] = []
        self.events: list[tuple] = []
        self._seq = 0
        self.now = START
        self.counts = {
            "rotation_down": 0,
            "rotation_up": 0,
            "rotation_horizontal": 0,
            "return": 0,
            "transfer": 0,
            "promotion": 0,
            "recruitment": 0,
            "retirement": 0,
            "reform_moves": 0,
        }

    # ------------------------------------------------------------------ structure
    def _seats(self):
        st = self.st
        titles = st.titles
        self.concurrent_posts = []
        seats_of: dict[int, int] = {}
        for pi, post in enumerate(st.posts):
            title = titles[post.title]
            if not title.exclusive or title.code in CONCURRENT_TITLES:
                self.concurrent_posts.append(pi)
            else:
                seats_of[pi] = post.seats
        # Seats for N cadres with a few vacancies: scale staff posts up, or leave the least senior seats
        # unused.
        needed = math.ceil(self.n / (1 - self.vacancy_share))
        real = sum(n for pi, n in seats_of.items() if st.posts[pi].valid_to == NEVER)
        if needed > real:
            scalable = [
                pi
                for pi in seats_of
                if st.posts[pi].valid_to == NEVER
                and titles[st.posts[pi].title].tier == 3
                and st.territories[st.units[st.posts[pi].unit].territory].level != LEVEL_DISTRICT
            ]
            base = sum(seats_of[pi] for pi in scalable)
            extra = needed - real
            shares = [extra * seats_of[pi] / base for pi in scalable]
            adds = [int(x) for x in shares]
            for k in sorted(range(len(scalable)), key=lambda k: (adds[k] - shares[k], k))[
                : extra - sum(adds)
            ]:
                adds[k] += 1
            for pi, add in zip(scalable, adds, strict=True):
                if add:
                    seats_of[pi] += add
                    self.scaled[pi] = seats_of[pi]
        seat_post = [pi for pi, n in seats_of.items() for _ in range(n)]
        seat_no = [k for n in seats_of.values() for k in range(1, n + 1)]
        self.seat_post, self.seat_no = seat_post, seat_no
        n_seats = len(seat_post)
        self.unused: set[int] = set()
        if needed < real:
            current = [i for i in range(n_seats) if st.posts[seat_post[i]].valid_to == NEVER]
            current.sort(
                key=lambda i: (
                    titles[st.posts[seat_post[i]].title].tier,
                    seat_no[i],
                    -st.territories[st.units[st.posts[seat_post[i]].unit].territory].level,
                    i,
                )
            )
            self.unused = set(current[needed:])
        self.vacancies_target = needed - self.n
        # per-seat attributes
        self.seat_unit = [st.posts[pi].unit for pi in seat_post]
        self.seat_terr = [st.units[u].territory for u in self.seat_unit]
        self.seat_level = [st.territories[t].level for t in self.seat_terr]
        self.seat_title = [titles[st.posts[pi].title] for pi in seat_post]
        self.seat_tier = [t.tier for t in self.seat_title]
        self.seat_rank = [t.rank for t in self.seat_title]
        self.seat_from = [st.posts[pi].valid_from for pi in seat_post]
        self.seat_to = [
            min(st.posts[pi].valid_to, st.territories[self.seat_terr[i]].valid_to)
            for i, pi in enumerate(seat_post)
        ]
        self.seat_class = [self.class_of(i) for i in range(n_seats)]
        self.holder = [-1] * n_seats
        self.vacated = [START] * n_seats
        # pools
        self.terr_tier: dict[tuple[int, int], list[int]] = {}
        self.unit_tier: dict[tuple[int, int], list[int]] = {}
        self.terr_title: dict[tuple[int, str], list[int]] = {}
        for i in range(n_seats):
            if i in self.unused:
                continue
            self.terr_tier.setdefault((self.seat_terr[i], self.seat_tier[i]), []).append(i)
            self.unit_tier.setdefault((self.seat_unit[i], self.seat_tier[i]), []).append(i)
            self.terr_title.setdefault((self.seat_terr[i], self.seat_title[i].code), []).append(i)
        self.communes = [
            i
            for i, t in enumerate(st.territories)
            if t.level == LEVEL_COMMUNE and any((i, tier) in self.terr_tier for tier in range(4))
        ]
        self.districts = [i for i, t in enumerate(st.territories) if t.level == LEVEL_DISTRICT]
        self.district_communes = {
            d: [c for c in self.communes if st.territories[c].district == d] for d in self.districts
        }
        self.commune_pos = {c: k for k, c in enumerate(self.communes)}
        self.departments: dict[int, list[int]] = {}
        for ui, unit in enumerate(st.units):
            if unit.kind == "department":
                self.departments.setdefault(unit.territory, []).append(ui)
        self.staff_seats_per_commune = {c: len(self.terr_tier.get((c, 3), ())) for c in self.communes}

    def class_of(self, seat: int) -> str:
        """Calibration class of a seat: province managed cadres, province staff, district, commune ..."""
        title, level = self.seat_title[seat], self.seat_level[seat]
        if title.code == "X_CHQS":
            return "MIL"
        if level == LEVEL_PROVINCE:
            return "P_MAN" if title.rank <= 15 else "P_STAFF"
        if level == LEVEL_DISTRICT:
            return "D_LEAD" if title.tier <= 2 else "D_STAFF"
        return "C_LEAD" if title.tier <= 2 else "C_STAFF"

    def _terms(self):
        """Dates of party congresses, council first sessions and Front congresses, per territory."""
        rnd = self.rnd

        def day(a, b):
            lo, hi = dt.date(*a).toordinal(), dt.date(*b).toordinal()
            return between(rnd, lo, hi)

        self.terms: dict[int, dict[str, int]] = {}
        for ti, terr in enumerate(self.st.territories):
            terms = {
                "council2016": day((2016, 6, 15), (2016, 7, 5)),
                "council2021": day((2021, 6, 18), (2021, 7, 5)),
            }
            if terr.level == LEVEL_PROVINCE:
                terms |= {
                    "party2020": day((2020, 10, 1), (2020, 10, 20)),
                    "party2025": day((2025, 9, 25), (2025, 10, 15)),
                    "front2019": day((2019, 8, 20), (2019, 9, 20)),
                    "front2024": day((2024, 8, 20), (2024, 9, 20)),
                }
            elif terr.level == LEVEL_DISTRICT:
                terms |= {
                    "party2020": day((2020, 7, 20), (2020, 8, 31)),
                    "front2019": day((2019, 6, 15), (2019, 7, 31)),
                    "front2024": day((2024, 6, 15), (2024, 7, 31)),
                }
            else:
                terms |= {
                    "party2020": day((2020, 4, 1), (2020, 7, 15)),
                    "party2025": day((2025, 7, 25), (2025, 8, 31)),
                    "front2019": day((2019, 4, 1), (2019, 6, 10)),
                    "front2024": day((2024, 4, 1), (2024, 6, 10)),
                }
            terms["council2026"] = day((2026, 3, 25), (2026, 4, 15))
            self.terms[ti] = terms

    def boundaries(self, seat: int) -> list[tuple[int, str]]:
        """Term starts within the seat's history, with the action that opens each new term."""
        title, terr = self.seat_title[seat], self.seat_terr[seat]
        terms = self.terms[terr]
        level = self.seat_level[seat]
        reform = [(REFORM, "appointment")] if level == LEVEL_COMMUNE else []
        if title.group == "party":
            keys = ["party2020", "party2025"]
        elif title.group == "council" or (
            title.group == "government"
            and title.tier <= 1
            and (title.is_head or title.is_deputy)
            and title.rank <= 7
        ):
            keys = ["council2016", "council2021", "council2026"]
        elif title.group == "front":
            keys = ["front2019", "front2024"]
        else:
            return reform if (title.is_head or title.is_deputy) else []
        out = [(terms[k], "election") for k in keys if k in terms]
        return sorted(out + reform)

    # ------------------------------------------------------------------ helpers
    def push(self, day: int, kind: int, a=0, b=0, c=0):
        if day < self.now:  # history is written in date order; an event in the past would corrupt it
            raise AssertionError(f"event {kind} on {dt.date.fromordinal(day)} is before the simulated day")
        if day <= self.today:
            self._seq += 1
            heapq.heappush(self.events, (day, self._seq, kind, a, b, c))

    def gauss_age(self, spec) -> float:
        mean, sd, lo, hi = spec
        return min(hi, max(lo, self.rnd.gauss(mean, sd)))

    def new_cadre(self, day: int, age: float, female: bool, origin: str) -> int:
        birth = day - int(age * YEAR) - between(self.rnd, 0, 364)
        exit_day = retirement_exit(birth, female)
        if exit_day <= day + 400:  # too old to take a post: make them younger
            birth += (day + 400 - exit_day) + 400
            exit_day = retirement_exit(birth, female)
        c = len(self.birth)
        self.birth.append(birth)
        self.female.append(female)
        self.exit_day.append(exit_day)
        self.origin.append(origin)
        self.joined.append(day)
        self.seat_of.append(-1)
        self.since.append(day)
        self.action.append("")
        self.planned.append(0)
        self.acting_until.append(0)
        self.rot_until.append(0)
        self.gone.append(False)
        self.push(exit_day, EV_EXIT, c, 0)
        if origin != "initial" and self.rnd.random() < 0.04:  # a few leave the service before retiring
            self.push(day + between(self.rnd, 700, 4000), EV_EXIT, c, 1)
        return c

    def want_female(self, seat: int) -> bool:
        return self.rnd.random() < self.female_share.get(self.seat_class[seat], 0.3)

    def place(self, c: int, seat: int, day: int, action: str, planned: int = 0, acting_until: int = 0):
        self.holder[seat] = c
        self.seat_of[c] = seat
        self.since[c] = day
        self.action[c] = action
        self.planned[c] = planned
        self.acting_until[c] = acting_until

    def close(self, c: int, day: int, end_action: str) -> int:
        seat = self.seat_of[c]
        self.stints.append(
            (c, seat, self.since[c], day, self.action[c], end_action, self.planned[c], self.acting_until[c])
        )
        self.holder[seat] = -1
        self.vacated[seat] = day
        self.seat_of[c] = -1
        return seat

    def move(self, c: int, seat: int, day: int, action: str, planned: int = 0, acting_until: int = 0) -> int:
        old = self.close(c, day, action)
        self.place(c, seat, day, action, planned, acting_until)
        return old

    def leave(self, c: int, day: int, end_action: str) -> int:
        seat = self.close(c, day, end_action)
        self.gone[c] = True
        return seat

    def years_left(self, c: int, day: int) -> float:
        return (self.exit_day[c] - day) / YEAR

    def old_enough(self, c: int, seat: int, day: int) -> bool:
        return day - self.birth[c] >= MIN_AGE.get((self.seat_level[seat], self.seat_tier[seat]), 0) * YEAR

    def movable(self, c: int, day: int, months: int = MIN_MONTHS_IN_POST) -> bool:
        return (
            c >= 0
            and not self.gone[c]
            and self.rot_until[c] <= day
            and day - self.since[c] >= months * 30.4
            and self.exit_day[c] - day > 365
        )

    # ------------------------------------------------------------------ candidates
    def _pick(self, pool, day, target, up: bool, female: bool | None, check_rank: bool = False):
        """A holder of a seat in `pool` who may move to `target` on `day`; -1 if a few tries find none.

        For a higher post the younger of two eligible people is often preferred, as planning asks for young
        cadres.
        """
        if not pool:
            return -1
        rnd = self.rnd
        rank = self.seat_rank[target]
        youngest = day - MIN_AGE.get((self.seat_level[target], self.seat_tier[target]), 0) * YEAR
        found = -1
        for attempt in range(6):
            seat = pool[int(rnd.random() * len(pool))]
            if seat == target:
                continue
            c = self.holder[seat]
            if c < 0 or c == found or not self.movable(c, day):
                continue
            if check_rank and self.seat_rank[seat] <= rank:
                continue
            if self.birth[c] > youngest:
                continue
            if (
                up and self.exit_day[c] - day < 5 * YEAR
            ):  # 60 months before retirement at a higher appointment
                continue
            if female is not None and attempt < 4 and self.female[c] != female:
                continue
            if not up or found >= 0:
                return c if found < 0 or self.birth[c] > self.birth[found] else found
            if rnd.random() >= YOUNG_PREFERENCE:
                return c
            found = c
        return found

    def _neighbour_communes(self, terr: int, day: int) -> list[int]:
        st = self.st
        if day < REFORM and st.territories[terr].district >= 0:
            return self.district_communes.get(st.territories[terr].district, [])
        k = self.commune_pos.get(terr, 0)
        return self.communes[max(0, k - 8) : k + 9]

    def candidate(self, source: str, seat: int, day: int, female: bool) -> tuple[int, str]:
        """A cadre to fill `seat` from `source`, and the action; (-1, '') when none is eligible."""
        st, rnd = self.st, self.rnd
        terr, tier, unit, level = (
            self.seat_terr[seat],
            self.seat_tier[seat],
            self.seat_unit[seat],
            self.seat_level[seat],
        )
        title = self.seat_title[seat]
        elected = title.group in ELECTED_GROUPS or (title.group == "government" and title.rank <= 7)
        promote_action = "election" if elected else "appointment"
        c = -1
        # staff are promoted to heads of division, not straight to the top of a province department
        steps = (
            (tier,)
            if tier == 3
            else (tier,)
            if level == LEVEL_PROVINCE and title.rank < 20
            else (tier, tier + 1)
        )
        if source == "promote_unit":
            for t in steps:
                c = self._pick(self.unit_tier.get((unit, t)), day, seat, True, female, check_rank=True)
                if c >= 0:
                    return c, promote_action
            return -1, ""
        if source == "promote_terr":
            for t in steps:
                c = self._pick(self.terr_tier.get((terr, t)), day, seat, True, female, check_rank=True)
                if c >= 0:
                    return c, promote_action
            return -1, ""
        if source == "horizontal":
            if level == LEVEL_COMMUNE:
                others = self._neighbour_communes(terr, day)
            elif level == LEVEL_DISTRICT:
                others = [d for d in self.districts if d != terr]
            else:
                return -1, ""
            if not others:
                return -1, ""
            other = others[int(rnd.random() * len(others))]
            if other == terr:
                return -1, ""
            pool = self.terr_title.get((other, title.code)) or self.terr_tier.get((other, tier))
            c = self._pick(pool, day, seat, False, female)
            if c < 0:
                return -1, ""
            return c, "rotation" if tier <= 1 and self.years_left(c, day) >= 10 else "transfer"
        if source in ("down_district", "down_province"):
            if source == "down_district":
                district = st.territories[terr].district
                if day >= REFORM or district < 0:
                    return -1, ""
                src_terr, tiers = district, (1, 2)
            else:
                src_terr, tiers = 0, (2,) if level == LEVEL_COMMUNE else (1, 2)
            for t in tiers:
                c = self._pick(self.terr_tier.get((src_terr, t)), day, seat, False, female)
                if c >= 0:
                    return c, "rotation" if self.years_left(c, day) >= 10 else "transfer"
            return -1, ""
        if source == "up_commune":
            pool_communes = self.district_communes.get(terr, []) if level == LEVEL_DISTRICT else self.communes
            if not pool_communes:
                return -1, ""
            commune = pool_communes[int(rnd.random() * len(pool_communes))]
            tiers = (0, 1) if tier <= 1 else (1, 2) if tier == 2 else (3,)
            for t in tiers:
                c = self._pick(self.terr_tier.get((commune, t)), day, seat, True, female)
                if c >= 0:
                    return c, "rotation" if tier <= 2 and self.years_left(c, day) >= 10 else "transfer"
            return -1, ""
        if source == "up_district":
            if day >= REFORM or not self.districts:
                return -1, ""
            district = self.districts[int(rnd.random() * len(self.districts))]
            tiers = (0, 1) if tier <= 1 else (1, 2) if tier == 2 else (3,)
            for t in tiers:
                c = self._pick(self.terr_tier.get((district, t)), day, seat, True, female)
                if c >= 0:
                    return c, "transfer"
            return -1, ""
        if source == "other_dept":
            depts = [u for u in self.departments.get(terr, []) if u != unit]
            if not depts:
                return -1, ""
            other = depts[int(rnd.random() * len(depts))]
            c = self._pick(self.unit_tier.get((other, tier)), day, seat, False, female)
            return (c, "transfer") if c >= 0 else (-1, "")
        return -1, ""

    def fill(self, seat: int, day: int, leave_some: bool = True):
        """Fill a vacancy by a chain of moves that ends with a recruitment (or, near the end, a vacancy)."""
        rnd = self.rnd
        for depth in range(12):
            if self.seat_to[seat] <= day or seat in self.unused:
                return
            tier = self.seat_tier[seat]
            if (
                leave_some
                and tier >= 1
                and day >= self.today - 540
                and self.vacancies_left > 0
                and rnd.random() < 0.5
            ):
                self.vacancies_left -= 1
                return
            key = (self.seat_level[seat], tier)
            sources = FILL_SOURCES[key]
            female = self.want_female(seat)
            total = sum(w for w, _ in sources)
            x = rnd.random() * total
            order = []
            for w, s in sources:
                x -= w
                if x < 0 and not order:
                    order.append(s)
            order += [s for _, s in sources if s not in order]
            chosen, action = -1, ""
            for source in order:
                if source in ("recruit", "external"):
                    break
                chosen, action = self.candidate(source, seat, day, female)
                if chosen >= 0:
                    break
            if chosen < 0 or depth == 11:
                self.recruit(seat, day, female)
                return
            planned = 0
            if action == "rotation":
                planned = add_months(day, ROTATION_MONTHS)
            acting = 0
            title = self.seat_title[seat]
            if (
                title.is_head
                and self.seat_title[self.seat_of[chosen]].is_deputy
                and rnd.random() < ACTING_SHARE
            ):
                acting = day + between(rnd, 90, 300)
            old = self.move(chosen, seat, day, action, planned, acting)
            self._count(old, seat, action)
            if action == "rotation":
                self.rot_until[chosen] = planned
                self._schedule_return(chosen, old, seat, planned)
            seat = old

    def _count(self, old: int, new: int, action: str):
        a, b = self.seat_level[old], self.seat_level[new]
        if action == "rotation":
            key = "rotation_down" if b > a else "rotation_up" if b < a else "rotation_horizontal"
            self.counts[key] += 1
        elif action in ("election", "appointment"):
            self.counts["promotion"] += 1
        elif action in self.counts:
            self.counts[action] += 1

    def _schedule_return(self, c: int, origin: int, seat: int, planned: int):
        down = self.seat_level[seat] > self.seat_level[origin]
        if self.rnd.random() < (0.6 if down else 0.3):
            self.push(planned + between(self.rnd, 0, 150), EV_RETURN, c, origin, seat)

    def recruit(self, seat: int, day: int, female: bool):
        level, tier = self.seat_level[seat], self.seat_tier[seat]
        if tier <= 1:
            age, origin, action = self.gauss_age(EXTERNAL_AGE), "external", "transfer"
        elif tier == 2 and level == LEVEL_PROVINCE:
            age, origin, action = self.gauss_age(EXTERNAL_MANAGER_AGE), "external", "transfer"
        elif tier == 2 or self.rnd.random() < TRANSFER_IN_SHARE:
            age, origin, action = self.gauss_age(TRANSFER_IN_AGE), "transfer_in", "transfer"
        else:
            age, origin, action = self.gauss_age(RECRUIT_AGE), "recruit", "recruitment"
        if level == LEVEL_DISTRICT and tier <= 1:
            age = min(age, 52)
        c = self.new_cadre(day, age, female, origin)
        self.place(c, seat, day, action)
        self.counts["recruitment"] += 1

    # ------------------------------------------------------------------ events
    def run(self):
        rnd = self.rnd
        self.vacancies_left = self.vacancies_target
        for seat in range(len(self.seat_post)):
            if seat in self.unused:
                continue
            start = max(START, self.seat_from[seat])
            if start == START:
                key = (self.seat_level[seat], self.seat_tier[seat])
                spec = INITIAL_AGE_BY_TITLE.get(self.seat_title[seat].code, INITIAL_AGE[key])
                c = self.new_cadre(START, self.gauss_age(spec), self.want_female(seat), "initial")
                self.joined[c] = START - int(rnd.uniform(1, 25) * YEAR)
                self.place(c, seat, START, "initial")
            else:
                self.push(start, EV_OPEN, seat)
        self._schedule_terms()
        self._schedule_swaps()
        if self.districts:
            self.push(REFORM, EV_REFORM)
        while self.events:
            day, _, kind, a, b, c = heapq.heappop(self.events)
            self.now = day
            if kind == EV_EXIT:
                if not self.gone[a] and self.seat_of[a] >= 0:
                    seat = self.leave(a, day, "retirement" if b == 0 else "resignation")
                    self.counts["retirement"] += b == 0
                    self.fill(seat, day)
            elif kind == EV_CONGRESS:
                self._congress(a, b, day)
            elif kind == EV_SWAP:
                self._swap(a, b, day)
            elif kind == EV_RETURN:
                self._return(a, b, c, day)
            elif kind == EV_REFORM:
                self._reform(day)
            elif kind == EV_OPEN:
                self.fill(a, day, leave_some=False)
        self._adjust_vacancies()

    def _schedule_terms(self):
        for ti, terms in self.terms.items():
            for key, day in terms.items():
                if ti == 0 or any((ti, t) in self.terr_tier for t in (0, 1)):
                    self.push(day, EV_CONGRESS, ti, {"party": 0, "council": 1, "front": 2}[key[:-4]])

    def _congress(self, terr: int, kind: int, day: int):
        """Those who cannot serve half of the new term step down at the congress or session."""
        groups = ({"party"}, {"council", "government"}, {"front"})[kind]
        for tier in (0, 1):
            for seat in self.terr_tier.get((terr, tier), ()):
                title = self.seat_title[seat]
                if title.group not in groups or (title.group == "government" and title.rank > 7):
                    continue
                c = self.holder[seat]
                if (
                    c >= 0
                    and self.exit_day[c] - day < 2.5 * YEAR
                    and self.seat_to[seat] > day
                    and self.since[c] < day
                ):
                    self.leave(c, day, "retirement")
                    self.fill(seat, day)

    def _schedule_swaps(self):
        rnd, st = self.rnd, self.st
        years = (self.today - START) / YEAR
        for commune in self.communes:
            for kind, rate in (
                (SW_DOWN, SWAP_RATES[SW_DOWN]),
                (SW_HKEY, SWAP_RATES[SW_HKEY]),
                (SW_HSTAFF, SWAP_RATES[SW_HSTAFF] * self.staff_seats_per_commune[commune]),
            ):
                for _ in range(self._poisson(rate * years)):
                    self.push(between(rnd, START + 365, self.today), EV_SWAP, kind, commune)
        for terr, units in self.departments.items():
            for unit in units:
                for _ in range(self._poisson(SWAP_RATES[SW_DEPT] * years)):
                    self.push(
                        between(rnd, START + 365, min(self.today, st.territories[terr].valid_to - 1)),
                        EV_SWAP,
                        SW_DEPT,
                        unit,
                    )

    def _poisson(self, lam: float) -> int:
        # Knuth's method is enough for the small rates here; large ones use a normal approximation.
        if lam > 30:
            return max(0, int(round(self.rnd.gauss(lam, math.sqrt(lam)))))
        limit, k, p = math.exp(-lam), 0, self.rnd.random()
        while p > limit:
            k += 1
            p *= self.rnd.random()
        return k

    def _swap(self, kind: int, where: int, day: int):
        """Two cadres exchange posts under one decision: a rotation down and up, sideways, or a transfer."""
        rnd, st = self.rnd, self.st

        def any_of(pool):
            return pool[int(rnd.random() * len(pool))] if pool else -1

        def ok(seat, months=MIN_MONTHS_IN_POST):
            return (
                seat >= 0
                and self.seat_to[seat] > day
                and self.seat_from[seat] <= day
                and self.movable(self.holder[seat], day, months)
            )

        if kind == SW_DOWN:
            b_seat = any_of(self.terr_tier.get((where, 0)))
            district = st.territories[where].district
            if day < REFORM and district >= 0 and rnd.random() < 0.7:
                a_seat = any_of(self.terr_tier.get((district, 1 if rnd.random() < 0.4 else 2)))
            else:
                a_seat = any_of(self.terr_tier.get((0, 2)))
            if not (ok(a_seat) and ok(b_seat)):
                return
            a, b = self.holder[a_seat], self.holder[b_seat]
            if (
                self.years_left(a, day) < 10
                or self.years_left(b, day) < 5
                or not self.old_enough(b, a_seat, day)
            ):
                return
            up = "rotation" if self.years_left(b, day) >= 10 and rnd.random() < 0.6 else "transfer"
            self._do_swap(a_seat, b_seat, day, "rotation", up, True)
        elif kind in (SW_HKEY, SW_HSTAFF):
            tier = 0 if kind == SW_HKEY else 3
            a_seat = any_of(self.terr_tier.get((where, tier)))
            others = [c for c in self._neighbour_communes(where, day) if c != where]
            if a_seat < 0 or not others:
                return
            other = any_of(others)
            pool = self.terr_title.get((other, self.seat_title[a_seat].code)) if tier == 0 else None
            b_seat = any_of(pool or self.terr_tier.get((other, tier)))
            months = MIN_MONTHS_IN_POST if tier == 0 else 12
            if not (ok(a_seat, months) and ok(b_seat, months)):
                return
            a, b = self.holder[a_seat], self.holder[b_seat]
            if not (self.old_enough(a, b_seat, day) and self.old_enough(b, a_seat, day)):
                return
            rotate = tier == 0 and self.years_left(a, day) >= 10 and self.years_left(b, day) >= 10
            act = "rotation" if rotate else "transfer"
            self._do_swap(a_seat, b_seat, day, act, act, rotate)
        else:
            terr = st.units[where].territory
            others = [u for u in self.departments.get(terr, []) if u != where]
            tier = 1 if rnd.random() < 0.25 else 2
            a_seat = any_of(self.unit_tier.get((where, tier)))
            b_seat = any_of(self.unit_tier.get((any_of(others), tier))) if others else -1
            if not (ok(a_seat) and ok(b_seat)):
                return
            a, b = self.holder[a_seat], self.holder[b_seat]
            if not (self.old_enough(a, b_seat, day) and self.old_enough(b, a_seat, day)):
                return
            rotate = self.years_left(a, day) >= 10 and self.years_left(b, day) >= 10 and rnd.random() < 0.5
            act = "rotation" if rotate else "transfer"
            self._do_swap(a_seat, b_seat, day, act, act, rotate)

    def _do_swap(self, a_seat: int, b_seat: int, day: int, a_action: str, b_action: str, rotation: bool):
        a, b = self.holder[a_seat], self.holder[b_seat]
        planned = add_months(day, ROTATION_MONTHS) if rotation else 0
        self.close(a, day, a_action)
        self.close(b, day, b_action)
        self.place(a, b_seat, day, a_action, planned if a_action == "rotation" else 0)
        self.place(b, a_seat, day, b_action, planned if b_action == "rotation" else 0)
        for c, old, new, act in ((a, a_seat, b_seat, a_action), (b, b_seat, a_seat, b_action)):
            self._count(old, new, act)
            if act == "rotation":
                self.rot_until[c] = planned
                self._schedule_return(c, old, new, planned)

    def _return(self, c: int, origin: int, seat: int, day: int):
        if self.gone[c] or self.seat_of[c] != seat or origin in self.unused or self.seat_to[origin] <= day:
            return  # moved on, or the old post is gone: the cadre stays
        h = self.holder[origin]
        if h < 0:
            self.move(c, origin, day, "return")
            self.rot_until[c] = 0
            self.counts["return"] += 1
            self.fill(seat, day)
            return
        if not self.movable(h, day, 12) or not self.old_enough(h, seat, day):
            pool = self.unit_tier.get((self.seat_unit[origin], self.seat_tier[origin]), [])
            alternatives = [
                s
                for s in pool[:50]
                if self.holder[s] >= 0
                and self.movable(self.holder[s], day, 12)
                and self.old_enough(self.holder[s], seat, day)
            ]
            if not alternatives:
                return
            origin = alternatives[int(self.rnd.random() * len(alternatives))]
            h = self.holder[origin]
        rotate = self.years_left(h, day) >= 10
        self._do_swap(seat, origin, day, "return", "rotation" if rotate else "transfer", rotate)
        self.rot_until[c] = 0
        self.counts["return"] += 1

    def _reform(self, day: int):
        """1 July 2025: the districts close; their cadres move to communes they covered or to the province."""
        rnd = self.rnd
        for district in self.districts:
            seats = [s for t in range(4) for s in self.terr_tier.get((district, t), ())]
            communes = self.district_communes.get(district, [])
            for seat in seats:
                c = self.holder[seat]
                if c < 0:
                    continue
                if self.exit_day[c] - day < 2 * YEAR and rnd.random() < 0.6:
                    self.leave(c, day, "retirement")  # early retirement offered with the reorganization
                    continue
                tier = self.seat_tier[seat]
                wanted = {0: (0, 1), 1: (0, 1), 2: (1, 3), 3: (3,)}[tier]
                target = -1
                if communes and rnd.random() < (0.85 if tier <= 1 else 0.7):
                    for _ in range(8):
                        commune = communes[int(rnd.random() * len(communes))]
                        for t in wanted:
                            pool = self.terr_tier.get((commune, t), ())[:40]
                            pool = [s for s in pool if self._free_today(s, c, day)]
                            if pool:
                                target = pool[int(rnd.random() * len(pool))]
                                break
                        if target >= 0:
                            break
                if target < 0:
                    # district leaders become deputy directors, office heads division heads, staff specialists
                    low, high = {0: (11, 15), 1: (11, 15), 2: (16, 25)}.get(tier, (26, 99))
                    pool = [
                        s
                        for s in self.terr_tier.get((0, 2 if tier <= 2 else 3), ())[:300]
                        if low <= self.seat_rank[s] <= high and self._free_today(s, c, day)
                    ]
                    if pool:
                        target = pool[int(rnd.random() * len(pool))]
                if target < 0:
                    self.leave(c, day, "retirement")
                    continue
                self._make_room(target, day)
                self.move(c, target, day, "transfer")
                self.rot_until[c] = 0
                self.counts["reform_moves"] += 1

    def _free_today(self, seat: int, c: int, day: int) -> bool:
        """A seat a district cadre may take on `day`: not taken by someone who moved in that very day."""
        h = self.holder[seat]
        return (h < 0 or self.since[h] < day) and self.old_enough(c, seat, day)

    def _make_room(self, seat: int, day: int):
        """Free a seat for a district cadre: its holder takes a lower post there, or retires early."""
        h = self.holder[seat]
        if h < 0:
            return
        tier = self.seat_tier[seat]
        if tier < 3 and self.exit_day[h] - day > 5 * YEAR and self.rnd.random() < 0.6:
            pool = [
                s
                for s in self.terr_tier.get((self.seat_terr[seat], 3 if tier == 2 else tier + 1), ())[:60]
                if self.holder[s] < 0 or self.since[self.holder[s]] < day
            ]
            if pool:
                lower = pool[int(self.rnd.random() * len(pool))]
                occupant = self.holder[lower]
                if occupant >= 0:
                    self.leave(occupant, day, "retirement")
                self.move(h, lower, day, "transfer")
                return
        self.leave(h, day, "retirement")

    def _adjust_vacancies(self):
        """Leave exactly as many current seats vacant as there are seats beyond the N cadres."""
        rnd, today = self.rnd, self.today
        current = [s for s in range(len(self.seat_post)) if s not in self.unused and self.seat_to[s] == NEVER]
        holders = sum(1 for s in current if self.holder[s] >= 0)
        if holders > self.n:
            candidates = [
                s
                for s in current
                if self.holder[s] >= 0 and self.seat_tier[s] >= 1 and self.since[self.holder[s]] < today - 60
            ]
            rnd.shuffle(candidates)
            for s in candidates[: holders - self.n]:
                c = self.holder[s]
                self.leave(c, max(self.since[c] + 30, today - between(rnd, 20, 240)), "resignation")
        elif holders < self.n:
            vacant = [s for s in current if self.holder[s] < 0]
            vacant.sort(key=lambda s: (self.seat_tier[s], s))
            for s in vacant[: self.n - holders]:
                day = max(self.vacated[s] + 1, today - between(rnd, 10, 200))
                self.recruit(s, min(day, today), self.want_female(s))
