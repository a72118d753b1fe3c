"""The demo generator: from a province's structure to rows of cadres, assignments and decisions (plain
Python).

`generate(structure, n_cadres, seed, today)` is deterministic: the same structure, count, seed and day give
the same names, dates and codes, whatever database the rows end up in.
"""

import datetime as dt
import random

import numpy as np

from canbo.core.text import fold, name_sort_key

from . import profiles as pf
from .history import History
from .names import FEMALE_GIVEN, MALE_GIVEN, NameDrawer, full_name
from .simulate import YEAR, Simulation, between
from .structure import (
    LEVEL_COMMUNE,
    LEVEL_DISTRICT,
    LEVEL_PROVINCE,
    NEVER,
    REFORM,
    START,
    TITLE_LEVELS,
    Post,
    ProvinceStructure,
    Result,
    Territory,
    TitleInfo,
    Unit,
)

# Offices of a district People's Committee, for the demo's pre-2025 districts.
DISTRICT_OFFICES = [
    "Văn phòng HĐND và UBND",
    "Phòng Nội vụ",
    "Phòng Tài chính - Kế hoạch",
    "Phòng Tài nguyên và Môi trường",
    "Phòng Kinh tế và Hạ tầng",
    "Phòng Lao động - Thương binh và Xã hội",
]
DISTRICT_OFFICE_POSITIONS = [("H_TP", 1), ("H_PTP", 1), ("H_CV", 3)]
YOUNG_AGE = 42  # "young" as in the Hai Phong figures


def plan_districts(commune_codes: list[str], rng: np.random.Generator) -> list[list[int]]:
    """Group communes in code order into districts of 8 to 15: the demo's stand-in for the pre-2025 layer."""
    groups, i, n = [], 0, len(commune_codes)
    while i < n:
        size = int(rng.integers(8, 16))
        if n - (i + size) < 5:  # no tiny last district
            size = n - i
        groups.append(list(range(i, min(n, i + size))))
        i += size
    return groups


def district_name(commune_name: str) -> tuple[str, str]:
    """'Xã Kỳ Sơn' -> ('Huyện Kỳ Sơn', 'Kỳ Sơn'): the demo names a district after one of its communes."""
    short = Territory("", commune_name, "commune", LEVEL_COMMUNE).short_name
    return f"Huyện {short}", short


def reference_structure(
    code: str, name: str, communes: list[tuple[str, str, str]], seed: int = 0, with_districts: bool = True
) -> ProvinceStructure:
    """A structure built from the reference catalogue alone (no database): for tests and benchmarks."""
    from canbo.organizations import reference as ref

    titles = {
        t[0]: TitleInfo(
            code=t[0],
            name=t[1],
            level=TITLE_LEVELS[t[3]],
            group=t[4],
            rank=t[5],
            is_key=t[6],
            is_head=t[7],
            is_deputy=t[8],
            non_local=t[9],
        )
        for t in ref.TITLES
    }
    territories = [Territory(code, name, "province", LEVEL_PROVINCE)]
    units: list[Unit] = []
    posts: list[Post] = []

    def add_bodies(ti: int, kind: str, valid_to: int = NEVER):
        terr = territories[ti]
        for body_kind, template, positions in ref.STANDARD_BODIES[kind]:
            units.append(
                Unit(f"{terr.code}-{body_kind}", template.format(name=terr.short_name), body_kind, ti)
            )
            terr.bodies[body_kind] = len(units) - 1
            posts.extend(Post(len(units) - 1, t, n, START, valid_to) for t, n in positions)
        if kind == "province":
            for k, dept in enumerate(ref.PROVINCE_DEPARTMENTS):
                units.append(Unit(f"{terr.code}-S{k:02d}", dept, "department", ti))
                posts.extend(Post(len(units) - 1, t, n) for t, n in ref.DEPARTMENT_POSITIONS)
        if kind == "district":
            for k, office in enumerate(DISTRICT_OFFICES):
                units.append(Unit(f"{terr.code}-P{k:02d}", office, "department", ti))
                posts.extend(
                    Post(len(units) - 1, t, n, START, valid_to) for t, n in DISTRICT_OFFICE_POSITIONS
                )

    add_bodies(0, "province")
    first_commune = len(territories)
    for c_code, c_name, c_kind in communes:
        territories.append(Territory(c_code, c_name, c_kind, LEVEL_COMMUNE))
        add_bodies(len(territories) - 1, "commune")
    if with_districts:
        rng = np.random.default_rng([seed, int(code)])
        for k, group in enumerate(plan_districts([c[0] for c in communes], rng)):
            d_name, _ = district_name(communes[group[len(group) // 2]][1])
            territories.append(
                Territory(f"{code}D{k + 1:02d}", d_name, "district", LEVEL_DISTRICT, valid_to=REFORM)
            )
            for i in group:
                territories[first_commune + i].district = len(territories) - 1
            add_bodies(len(territories) - 1, "district", REFORM)
    managing = territories[0].bodies["party_committee"]
    return ProvinceStructure(code, name, territories, units, posts, titles, managing)


def weighted(rnd: random.Random, cumulative: tuple[float, ...]) -> int:
    """Index drawn with the given cumulative probabilities (the last bucket takes the rest)."""
    x = rnd.random()
    for i, edge in enumerate(cumulative):
        if x < edge:
            return i
    return len(cumulative)


class Progress:
    def __init__(self, callback=None):
        self.callback = callback

    def __call__(self, phase: str, count: int):
        if self.callback:
            self.callback(phase, count)


def generate(structure: ProvinceStructure, n_cadres: int, seed: int, today: dt.date, progress=None) -> Result:
    progress = Progress(progress)
    st = structure
    rng = np.random.default_rng([seed, int(st.code)])
    rnd = random.Random(int(rng.integers(2**62)))
    today_o = today.toordinal()
    sim = Simulation(st, n_cadres, int(rng.integers(2**62)), today_o, {})
    sim.female_share = _female_shares(sim)
    sim.run()
    survivors = [c for c in range(len(sim.birth)) if not sim.gone[c] and sim.seat_of[c] >= 0]
    survivors.sort(key=lambda c: sim.seat_of[c])
    progress("careers", len(survivors))
    result = Result(province=st.code)
    result.seats = dict(sim.scaled)
    people = _People(sim, st, survivors, rng, rnd, today_o)
    people.build(result)
    progress("profiles", len(survivors))
    stints_by_cadre: dict[int, list[tuple]] = {c: [] for c in survivors}
    for stint in sim.stints:
        if stint[0] in stints_by_cadre:
            stints_by_cadre[stint[0]].append(stint)
    for c in survivors:
        stints_by_cadre[c].append(
            (c, sim.seat_of[c], sim.since[c], None, sim.action[c], "", sim.planned[c], sim.acting_until[c])
        )
        stints_by_cadre[c].sort(key=lambda s: s[2])
    history = History(sim, st, rnd)
    index_of = {c: k for k, c in enumerate(survivors)}
    history.build(stints_by_cadre, index_of, result.cadres["full_name"])
    history.concurrent(stints_by_cadre, index_of)
    history.acting_heads(index_of, result.cadres["full_name"])
    result.assignments = [tuple(r) for r in history.rows]
    result.decisions = history.decisions.finish()
    result.stats = dict(history.stats)
    progress("assignments", len(result.assignments))
    return result


def _female_shares(sim: Simulation, lift: bool = True) -> dict[str, float]:
    """Per-class chances of a woman, with commune staff set so that all commune cadres reach the target."""
    counts: dict[str, int] = {}
    for seat, cls in enumerate(sim.seat_class):
        if seat not in sim.unused and sim.seat_to[seat] == NEVER:
            counts[cls] = counts.get(cls, 0) + 1
    shares = dict(pf.FEMALE_TARGET)
    staff = counts.get("C_STAFF", 0)
    if staff:
        total = staff + counts.get("C_LEAD", 0) + counts.get("MIL", 0)
        want = (
            pf.COMMUNE_FEMALE * total
            - shares["C_LEAD"] * counts.get("C_LEAD", 0)
            - shares["MIL"] * counts.get("MIL", 0)
        )
        shares["C_STAFF"] = min(0.6, max(0.2, want / staff))
    # Women retire earlier and leave posts sooner: a small lift keeps the end result on target.
    if not lift:
        return shares
    return {k: min(0.95, v * (1.1 if k.startswith("C") else 1.05)) for k, v in shares.items()}


class _People:
    """Profiles, names, relatives, training, awards and discipline of the surviving cadres."""

    def __init__(self, sim: Simulation, st: ProvinceStructure, survivors: list[int], rng, rnd, today: int):
        self.sim, self.st, self.survivors, self.rng, self.rnd, self.today = (
            sim,
            st,
            survivors,
            rng,
            rnd,
            today,
        )
        self.n = len(survivors)
        self.seat = [sim.seat_of[c] for c in survivors]
        self.cls = [sim.seat_class[s] for s in self.seat]
        self.level = [sim.seat_level[s] for s in self.seat]
        self.tier = [sim.seat_tier[s] for s in self.seat]
        self.terr = [sim.seat_terr[s] for s in self.seat]
        self.birth = [sim.birth[c] for c in survivors]
        self.female = np.array([sim.female[c] for c in survivors], dtype=bool)
        self._gender_quota()
        self.region = pf.region(st.code)
        self.province_short = st.territories[0].short_name
        self.communes = [i for i, t in enumerate(st.territories) if t.level == LEVEL_COMMUNE]

    def _gender_quota(self):
        """Bring each class's share of women to its target exactly.

        The simulation aims at the targets already; the few people switched here are young enough that a
        woman's earlier retirement age would not have ended their career before today.
        """
        shares = _female_shares(self.sim, lift=False)
        today = self.today
        for cls in sorted(shares):
            members = [k for k in range(self.n) if self.cls[k] == cls]
            if not members:
                continue
            want = round(shares[cls] * len(members))
            women = [k for k in members if self.female[k]]
            if len(women) > want:
                for k in self.rng.permutation(women)[: len(women) - want]:
                    self.female[k] = False
            elif len(women) < want:
                men = [k for k in members if not self.female[k] and today - self.birth[k] < 54 * YEAR]
                for k in self.rng.permutation(men)[: want - len(women)] if men else []:
                    self.female[k] = True

    # ------------------------------------------------------------------ helpers
    def _by_group(self, keys: list, table: dict, fallback) -> np.ndarray:
        """Quota draws per group key: index into the group's shares for each person."""
        out = np.zeros(self.n, dtype=int)
        groups: dict = {}
        for i, key in enumerate(keys):
            groups.setdefault(key, []).append(i)
        for key in sorted(groups, key=str):
            idx = np.array(groups[key])
            out[idx] = pf.quota_draw(self.rng, len(idx), table.get(key, fallback))
        return out

    def _place_text(self, terr: int) -> str:
        return f"{self.st.territories[terr].name}, {self.st.name}"

    def _date(self, ordinal: int) -> dt.date:
        return dt.date.fromordinal(ordinal)

    # ------------------------------------------------------------------ build
    def build(self, result: Result):
        sim, st, rng, rnd, n, today = self.sim, self.st, self.rng, self.rnd, self.n, self.today
        # Education, with commune staff calibrated so that all commune cadres reach the Hai Phong shares.
        edu_table = dict(pf.EDUCATION)
        counts = {k: self.cls.count(k) for k in ("C_LEAD", "C_STAFF", "MIL")}
        if counts["C_STAFF"]:
            total = sum(counts.values())
            want = (
                np.array(pf.COMMUNE_EDUCATION) * total
                - np.array(edu_table["C_LEAD"]) * counts["C_LEAD"]
                - np.array(edu_table["MIL"]) * counts["MIL"]
            )
            edu_table["C_STAFF"] = tuple(np.clip(want, 0, None) / max(1e-9, np.clip(want, 0, None).sum()))
        education = self._by_group(self.cls, edu_table, (0.02, 0.7, 0.28, 0.0))
        theory_key = [
            (0 if lv == LEVEL_PROVINCE else 2, t) for lv, t in zip(self.level, self.tier, strict=True)
        ]
        theory = self._by_group(theory_key, pf.POLITICAL_THEORY, (0.2, 0.4, 0.4, 0, 0))
        management = self._by_group(theory_key, pf.STATE_MANAGEMENT, (0.3, 0.7, 0, 0))
        codes, p = pf.ethnic_table(st.code)
        ethnic = [codes[i] for i in rng.choice(len(codes), size=n, p=p)]
        family, middle, given = NameDrawer(st.code).draw(rng, self.female, ethnic)
        religion_names = [r for r, _ in pf.RELIGIONS]
        religion = rng.choice(len(religion_names), size=n, p=[w for _, w in pf.RELIGIONS])
        # Cadres managed by the provincial Standing Committee are all Party members.
        party_share = [
            1.0 if cls == "P_MAN" else pf.PARTY_SHARE[t] for cls, t in zip(self.cls, self.tier, strict=True)
        ]
        party = rng.random(n) < np.array(party_share)
        self.family, self.middle, self.given, self.ethnic = family, middle, given, ethnic
        hometown, hometown_text = self._hometowns()
        kin = self._kinship()
        # Derived name fields, as canbo.people.services.derive_name_fields computes them.
        codes_out = [f"{st.code}{k + 1:07d}" for k in range(n)]
        names = [full_name(family[k], middle[k], given[k]) for k in range(n)]
        sort_cache: dict[tuple, str] = {}
        fold_cache: dict[str, str] = {}
        sort_keys, search = [], []
        for k in range(n):
            triple = (family[k], middle[k], given[k])
            key = sort_cache.get(triple)
            if key is None:
                key = sort_cache[triple] = name_sort_key(*triple)
            sort_keys.append(key)
            folded = fold_cache.get(names[k])
            if folded is None:
                folded = fold_cache[names[k]] = fold(names[k])
            search.append(f"{folded} {codes_out[k].lower()}"[:255])
        self.names = names
        cols: dict[str, list] = {
            name: []
            for name in (
                "code",
                "full_name",
                "family_name",
                "middle_name",
                "given_name",
                "gender",
                "birth_date",
                "birthplace",
                "hometown",
                "hometown_text",
                "ethnicity",
                "religion",
                "permanent_residence",
                "current_residence",
                "residence_unit",
                "id_number",
                "phone",
                "recruited_on",
                "occupation_before",
                "education",
                "education_field",
                "academic_title",
                "political_theory",
                "state_management",
                "languages",
                "it_skill",
                "party_join_date",
                "party_official_date",
                "civil_service_grade",
                "salary_step",
                "salary_coefficient",
                "health",
                "height_cm",
                "weight_kg",
                "managed_by",
                "current_position",
                "search_text",
                "sort_key",
            )
        }
        ids_used: set[str] = set()
        self.recruited: list[int] = []
        self.residence: list[str] = []
        for k, c in enumerate(self.survivors):
            seat, terr, level, tier = self.seat[k], self.terr[k], self.level[k], self.tier[k]
            title = sim.seat_title[seat]
            birth = self.birth[k]
            female = bool(self.female[k])
            b = self._date(birth)
            # joined the service: recruits on their day; others earlier, after their studies
            # Entered the service: recruits on their first post; people already in post on 1 January 2016
            # and those who came from elsewhere some years before, after their studies.
            origin = sim.origin[c]
            first_post = START if origin == "initial" else sim.joined[c]
            guess = sim.joined[c]
            if origin in ("transfer_in", "external"):
                guess -= int(rnd.uniform(3, 15) * YEAR)
            joined = min(first_post, max(guess, birth + int(rnd.uniform(21.5, 24) * YEAR)))
            self.recruited.append(joined)
            work_terr = (
                terr
                if level == LEVEL_COMMUNE
                else self.communes[int(rnd.random() * len(self.communes))]
                if self.communes
                else 0
            )
            residence = self._place_text(work_terr)
            self.residence.append(residence)
            pid = ""
            while not pid or pid in ids_used:
                century = (2 if b.year >= 2000 else 0) + (1 if female else 0)
                pid = f"0{st.code}{century}{b.year % 100:02d}{between(rnd, 0, 999999):06d}"
            ids_used.add(pid)
            join_date = official = None
            if party[k]:
                earliest = max(birth + int(19 * YEAR), joined - int(3 * YEAR))
                latest = min(today - 400, max(earliest + 30, joined + int(10 * YEAR)))
                join_o = between(rnd, earliest, max(earliest, latest))
                join_date = self._date(join_o)
                official = self._date(min(today - 1, join_o + 365 + between(rnd, 0, 40)))
            grade, coefficient, step = self._grade(management[k], tier, joined)
            degree = pf.DEGREES[education[k]]
            field = self._field(title.code)
            cols["code"].append(codes_out[k])
            cols["full_name"].append(names[k])
            cols["family_name"].append(family[k])
            cols["middle_name"].append(middle[k])
            cols["given_name"].append(given[k])
            cols["gender"].append("female" if female else "male")
            cols["birth_date"].append(birth)
            cols["birthplace"].append(hometown_text[k] if rnd.random() < 0.85 else residence)
            cols["hometown"].append(hometown[k])
            cols["hometown_text"].append(hometown_text[k])
            cols["ethnicity"].append(ethnic[k])
            cols["religion"].append(
                religion_names[religion[k]] if not party[k] or rnd.random() < 0.2 else "none"
            )
            cols["permanent_residence"].append(residence)
            cols["current_residence"].append(residence)
            cols["residence_unit"].append(work_terr)
            cols["id_number"].append(pid)
            cols["phone"].append(f"0{rnd.choice('389')}{between(rnd, 10000000, 99999999)}")
            cols["recruited_on"].append(joined)
            cols["occupation_before"].append(
                pf.OCCUPATIONS_BEFORE[int(rnd.random() * len(pf.OCCUPATIONS_BEFORE))]
            )
            cols["education"].append(degree)
            cols["education_field"].append(field)
            cols["academic_title"].append(
                "Phó Giáo sư" if degree == "doctorate" and rnd.random() < 0.08 else ""
            )
            cols["political_theory"].append(pf.THEORY_LEVELS[theory[k]])
            cols["state_management"].append(pf.MANAGEMENT_LEVELS[management[k]])
            cols["languages"].append(pf.LANGUAGES[int(rnd.random() * len(pf.LANGUAGES))])
            cols["it_skill"].append(pf.IT_SKILLS[int(rnd.random() * len(pf.IT_SKILLS))])
            cols["party_join_date"].append(join_date.toordinal() if join_date else None)
            cols["party_official_date"].append(official.toordinal() if official else None)
            cols["civil_service_grade"].append(grade)
            cols["salary_step"].append(step)
            cols["salary_coefficient"].append(coefficient)
            cols["health"].append("Tốt" if rnd.random() < 0.8 else "Bình thường")
            cols["height_cm"].append(int(rnd.gauss(157 if female else 167, 5)))
            cols["weight_kg"].append(int(rnd.gauss(52 if female else 64, 6)))
            cols["managed_by"].append(self._managed_by(seat))
            cols["current_position"].append(sim.seat_post[seat])
            cols["search_text"].append(search[k])
            cols["sort_key"].append(sort_keys[k])
        result.cadres = cols
        self.education, self.theory, self.management = education, theory, management
        result.relatives = self._relatives(kin)
        result.trainings = self._trainings()
        result.awards = self._awards()
        result.disciplines = self._disciplines()

    def _grade(self, management: int, tier: int, joined: int):
        level = pf.MANAGEMENT_LEVELS[management]
        key = (
            level
            if level in ("senior", "principal", "specialist")
            else ("clerk" if tier == 3 else "specialist")
        )
        name, first, step_size, steps = pf.GRADES[key]
        years = (self.today - joined) / YEAR - {"senior": 18, "principal": 9}.get(key, 0)
        step = int(min(steps, max(1, 1 + years // 3)))
        return name, round(first + (step - 1) * step_size, 2), step

    def _field(self, title_code: str) -> str:
        fields = pf.FIELDS.get(title_code, pf.GENERAL_FIELDS)
        return fields[int(self.rnd.random() * len(fields))]

    def _managed_by(self, seat: int) -> int:
        sim, st = self.sim, self.st
        level, title = sim.seat_level[seat], sim.seat_title[seat]
        if level == LEVEL_PROVINCE:
            return st.managing_body if title.rank <= 15 else sim.seat_unit[seat]
        terr = st.territories[sim.seat_terr[seat]]
        return terr.bodies.get("party_committee", sim.seat_unit[seat])

    def _hometowns(self) -> tuple[list[int], list[str]]:
        """Mostly the commune where they work or one nearby; non-local rule posts mostly from elsewhere."""
        sim, st, rnd = self.sim, self.st, self.rnd
        out, text = [], []
        communes = self.communes
        for k in range(self.n):
            seat, terr, level = self.seat[k], self.terr[k], self.level[k]
            title = sim.seat_title[seat]
            x = rnd.random()
            non_local = title.non_local and rnd.random() < (0.9 if level == LEVEL_PROVINCE else 0.75)
            if level == LEVEL_PROVINCE and title.rank == 1:
                non_local, x = True, 1.0  # every provincial secretary is from elsewhere since 2025
            place = -1
            if level == LEVEL_COMMUNE and not non_local and x < 0.72:
                if x < 0.55:
                    place = terr
                else:
                    district = st.territories[terr].district
                    near = sim.district_communes.get(district) or communes
                    place = near[int(rnd.random() * len(near))]
            elif (x < 0.93 or not st.elsewhere) and communes:
                for _ in range(5):
                    place = communes[int(rnd.random() * len(communes))]
                    if place != terr:
                        break
            if non_local and level == LEVEL_PROVINCE and st.elsewhere and rnd.random() < 0.7:
                place = -1
            if place >= 0:
                out.append(place)
                text.append(self._place_text(place))
            else:
                out.append(-1)
                text.append(st.elsewhere[int(rnd.random() * len(st.elsewhere))] if st.elsewhere else st.name)
        return out, text

    # ------------------------------------------------------------------ kinship among cadres
    def _kinship(self) -> dict:
        """Pairs of cadres who are relatives, some in posts that the kinship rules forbid together."""
        sim, rnd, n = self.sim, self.rnd, self.n
        spouse = [-1] * n
        siblings: dict[int, list[int]] = {}
        parent_of = [-1] * n
        age = [(self.today - b) / YEAR for b in self.birth]
        by_place: dict[int, list[int]] = {}
        for k in range(n):
            by_place.setdefault(self.terr[k], []).append(k)
        titles = [sim.seat_title[s].code for s in self.seat]

        def pair(a: int, b: int, want: str) -> bool:
            if a == b or spouse[a] >= 0 or spouse[b] >= 0 or parent_of[a] >= 0 or parent_of[b] >= 0:
                return False
            if (
                want == "spouse"
                and self.female[a] != self.female[b]
                and abs(age[a] - age[b]) <= 9
                and min(age[a], age[b]) >= 26
            ):
                spouse[a], spouse[b] = b, a
                return True
            if (
                want in ("sibling", "spouse")
                and abs(age[a] - age[b]) <= 12
                and self.ethnic[a] == self.ethnic[b]
                and (a not in siblings and b not in siblings)
            ):
                siblings[a], siblings[b] = [b], [a]
                self.family[b] = self.family[a]
                return True
            if (
                want == "parent"
                and age[a] - age[b] >= 22
                and self.ethnic[a] == self.ethnic[b]
                and a not in siblings
                and b not in siblings
            ):
                parent_of[b] = a
                if not self.female[a]:
                    self.family[b] = self.family[a]
                return True
            return False

        # Forbidden pairs: the People's Committee chairman with the commune's finance officer, the party
        # secretary with the head of inspection.
        for terr in sorted(by_place):
            members = by_place[terr]
            if self.st.territories[terr].level != LEVEL_COMMUNE:
                continue
            r = rnd.random()
            for head, other in (("X_CT_UBND", "X_CC_TC"), ("X_BT", "X_CNUBKT")):
                if r < (0.06 if head == "X_CT_UBND" else 0.03):
                    heads = [k for k in members if titles[k] == head]
                    others = [k for k in members if titles[k] == other]
                    if heads and others:
                        pair(heads[0], others[0], "spouse")
        # Other couples, siblings and parents with children, within the same place.
        places = sorted(by_place)
        for _ in range(int(n * 0.012)):
            members = by_place[places[int(rnd.random() * len(places))]]
            pair(
                members[int(rnd.random() * len(members))], members[int(rnd.random() * len(members))], "spouse"
            )
        for _ in range(int(n * 0.01)):
            members = by_place[places[int(rnd.random() * len(places))]]
            pair(
                members[int(rnd.random() * len(members))],
                members[int(rnd.random() * len(members))],
                "sibling",
            )
        for _ in range(int(n * 0.01)):
            members = by_place[places[int(rnd.random() * len(places))]]
            a, b = members[int(rnd.random() * len(members))], members[int(rnd.random() * len(members))]
            if age[a] < age[b]:
                a, b = b, a
            pair(a, b, "parent")
        return {"spouse": spouse, "siblings": siblings, "parent_of": parent_of}

    # ------------------------------------------------------------------ rows
    def _relatives(self, kin: dict) -> list[tuple]:
        """Spouse, parents, children (CV form 2C); relatives who are cadres point at them."""
        rnd, rng, n, today_year = self.rnd, self.rng, self.n, self._date(self.today).year
        spouse, siblings, parent_of = kin["spouse"], kin["siblings"], kin["parent_of"]
        drawer = NameDrawer(self.st.code)
        year = [self._date(b).year for b in self.birth]
        # generated people: fathers, mothers, spouses (opposite gender), four children
        ones, zeros = np.ones(n, dtype=bool), np.zeros(n, dtype=bool)
        f_fam, f_mid, f_giv = drawer.draw(rng, zeros, self.ethnic)
        m_fam, m_mid, m_giv = drawer.draw(rng, ones, self.ethnic)
        s_fam, s_mid, s_giv = drawer.draw(rng, ~self.female, self.ethnic)
        married = [
            spouse[k] >= 0 or rnd.random() < (0.9 if year[k] < today_year - 30 else 0.55) for k in range(n)
        ]
        father = [full_name(self.family[k], f_mid[k], f_giv[k]) for k in range(n)]
        father_year = [year[k] - between(rnd, 22, 36) for k in range(n)]
        mother = [full_name(m_fam[k], m_mid[k], m_giv[k]) for k in range(n)]
        mother_year = [father_year[k] + between(rnd, 0, 6) for k in range(n)]
        father_cadre, mother_cadre = [-1] * n, [-1] * n
        spouse_name = [full_name(s_fam[k], s_mid[k], s_giv[k]) for k in range(n)]
        spouse_year = [
            year[k] + (between(rnd, -6, 1) if self.female[k] else between(rnd, -1, 6)) for k in range(n)
        ]
        for k in range(n):
            if spouse[k] >= 0:
                spouse_name[k], spouse_year[k] = self.names[spouse[k]], year[spouse[k]]
        for a, sibs in siblings.items():
            for b in sibs:
                if a < b:
                    father[b], father_year[b], mother[b], mother_year[b] = (
                        father[a],
                        father_year[a],
                        mother[a],
                        (mother_year[a]),
                    )
        for child in range(n):
            p = parent_of[child]
            if p < 0:
                continue
            if self.female[p]:
                mother[child], mother_year[child], mother_cadre[child] = self.names[p], year[p], p
                father[child], father_year[child] = spouse_name[p], spouse_year[p]
                married[p] = True
            else:
                father[child], father_year[child], father_cadre[child] = self.names[p], year[p], p
                mother[child], mother_year[child] = spouse_name[p], spouse_year[p]
                married[p] = True
        # children: a couple of cadres shares them; fathers give the family name
        children: dict[int, list[tuple]] = {}
        cadre_children: dict[int, list[int]] = {}
        for child in range(n):
            if parent_of[child] >= 0:
                cadre_children.setdefault(parent_of[child], []).append(child)
        for k in range(n):
            if k in children:
                continue
            made = []
            if married[k]:
                count = weighted(rnd, (0.1, 0.37, 0.87)) - len(cadre_children.get(k, ()))
                father_family = self.family[k] if not self.female[k] else spouse_name[k].split(" ")[0]
                born = min(year[k], spouse_year[k]) + between(rnd, 24, 33)
                for _ in range(max(0, count)):
                    if born > today_year:
                        break
                    girl = rnd.random() < 0.48
                    mid = (
                        rnd.choice(("Thị", "Ngọc", "Thu", "Minh", "Khánh", "Bảo"))
                        if girl
                        else rnd.choice(("Văn", "Minh", "Đức", "Quang", "Gia", "Hoàng"))
                    )
                    givens = FEMALE_GIVEN if girl else MALE_GIVEN
                    giv = givens[int(rnd.random() * len(givens))]
                    age = today_year - born
                    job = (
                        ""
                        if age < 6
                        else "Học sinh"
                        if age < 18
                        else "Sinh viên"
                        if age < 23
                        else (pf.SPOUSE_JOBS[int(rnd.random() * len(pf.SPOUSE_JOBS))])
                    )
                    made.append((full_name(father_family, mid, giv), born, job, -1))
                    born += between(rnd, 2, 6)
            for child in cadre_children.get(k, ()):
                made.append((self.names[child], year[child], "Cán bộ", child))
            children[k] = made
            if spouse[k] >= 0:
                children[spouse[k]] = made
        rows = []
        for k in range(n):
            residence = self.residence[k]
            home = self.st.name
            rows.append(
                (
                    k,
                    "father",
                    father[k],
                    father_year[k],
                    self._parent_job(father_year[k]),
                    home,
                    father_cadre[k],
                )
            )
            rows.append(
                (
                    k,
                    "mother",
                    mother[k],
                    mother_year[k],
                    self._parent_job(mother_year[k]),
                    home,
                    mother_cadre[k],
                )
            )
            if married[k]:
                job = "Cán bộ" if spouse[k] >= 0 else pf.SPOUSE_JOBS[int(rnd.random() * len(pf.SPOUSE_JOBS))]
                rows.append((k, "spouse", spouse_name[k], spouse_year[k], job, residence, spouse[k]))
            for sib in siblings.get(k, ()):
                rows.append((k, "sibling", self.names[sib], year[sib], "Cán bộ", self.residence[sib], sib))
            for name, born, job, cadre in children.get(k, ()):
                rows.append((k, "child", name, born, job, residence, cadre))
        return rows

    def _parent_job(self, born: int) -> str:
        if born < 1945 or self.rnd.random() < 0.15:
            return "Đã mất"
        return pf.PARENT_JOBS[int(self.rnd.random() * len(pf.PARENT_JOBS))]

    def _trainings(self) -> list[tuple]:
        rnd, today = self.rnd, self.today
        rows = []
        school = f"Trường Chính trị tỉnh {self.province_short}"
        for k in range(self.n):
            birth = self.birth[k]
            degree = int(self.education[k])
            field = self._field(self.sim.seat_title[self.seat[k]].code)
            start = dt.date(self._date(birth).year + 18, 9, 5).toordinal()
            regular = rnd.random() < 0.7
            if not regular:
                start += int(rnd.uniform(2, 8) * YEAR)
            end = min(today - 30, start + int((4 if regular else 4.5) * YEAR))
            if start < end:
                rows.append(
                    (
                        k,
                        pf.university_for(self.region, rnd),
                        field,
                        start,
                        end,
                        "Chính quy" if regular else "Vừa làm vừa học",
                        "Cao đẳng" if degree == 0 else "Cử nhân",
                    )
                )
            if degree >= 2:
                m_start = min(today - int(2.2 * YEAR), end + int(rnd.uniform(3, 12) * YEAR))
                if m_start > end:
                    rows.append(
                        (
                            k,
                            pf.university_for(self.region, rnd),
                            field,
                            m_start,
                            m_start + int(2 * YEAR),
                            "Vừa làm vừa học",
                            "Thạc sĩ",
                        )
                    )
                    if degree == 3:
                        d_start = min(today - int(4.2 * YEAR), m_start + int(rnd.uniform(2.5, 8) * YEAR))
                        if d_start > m_start + 700:
                            rows.append(
                                (
                                    k,
                                    "Học viện Chính trị quốc gia Hồ Chí Minh"
                                    if rnd.random() < 0.5
                                    else pf.university_for(self.region, rnd),
                                    field,
                                    d_start,
                                    d_start + int(4 * YEAR),
                                    "Tập trung",
                                    "Tiến sĩ",
                                )
                            )
            theory = int(self.theory[k])
            if theory >= 2:
                t_start = max(
                    birth + int(27 * YEAR),
                    min(today - 400, self.recruited[k] + int(rnd.uniform(3, 14) * YEAR)),
                )
                if theory == 2:
                    rows.append(
                        (
                            k,
                            school,
                            "Trung cấp lý luận chính trị - hành chính",
                            t_start,
                            t_start + 300,
                            "Vừa làm vừa học",
                            "Trung cấp lý luận chính trị",
                        )
                    )
                else:
                    t_start = min(today - 500, t_start + int(rnd.uniform(2, 6) * YEAR))
                    rows.append(
                        (
                            k,
                            pf.THEORY_SCHOOLS[self.region],
                            "Cao cấp lý luận chính trị",
                            t_start,
                            t_start + 450,
                            "Tập trung" if rnd.random() < 0.6 else "Vừa làm vừa học",
                            "Cử nhân chính trị" if theory == 4 else "Cao cấp lý luận chính trị",
                        )
                    )
            management = int(self.management[k])
            if management >= 1:
                m_start = min(
                    today - 200, max(self.recruited[k] + 400, today - int(rnd.uniform(1, 12) * YEAR))
                )
                label = {1: "chuyên viên", 2: "chuyên viên chính", 3: "chuyên viên cao cấp"}[management]
                rows.append(
                    (
                        k,
                        "Học viện Hành chính Quốc gia" if management >= 2 else school,
                        f"Bồi dưỡng kiến thức quản lý nhà nước ngạch {label}",
                        m_start,
                        m_start + 60,
                        "Bồi dưỡng",
                        "Chứng chỉ",
                    )
                )
        return [r for r in rows if r[3] < r[4] and r[4] < self.today + 1]

    def _awards(self) -> list[tuple]:
        rnd, today, rows = self.rnd, self.today, []
        province = self.st.name
        for k in range(self.n):
            tier, level = self.tier[k], self.level[k]
            count = weighted(rnd, (0.35, 0.7, 0.9) if tier >= 2 else (0.1, 0.4, 0.75))
            earliest = max(self.recruited[k] + 365, today - int(15 * YEAR))
            for _ in range(count if earliest < today - 20 else 0):
                day = between(rnd, earliest, today - 20)
                year = self._date(day).year
                r = rnd.random()
                if tier <= 1 and r < 0.12:
                    name, by, suffix = "Bằng khen của Thủ tướng Chính phủ", "Thủ tướng Chính phủ", "QĐ-TTg"
                elif r < 0.45:
                    name, by, suffix = (
                        f"Bằng khen của Chủ tịch UBND {province}",
                        f"UBND {province}",
                        "QĐ-UBND",
                    )
                elif r < 0.6 and level == LEVEL_COMMUNE:
                    name, by, suffix = (
                        "Chiến sĩ thi đua cơ sở",
                        f"UBND {self.st.territories[self.terr[k]].name}",
                        ("QĐ-UBND"),
                    )
                elif r < 0.7 and tier <= 1:
                    name, by, suffix = "Chiến sĩ thi đua cấp tỉnh", f"UBND {province}", "QĐ-UBND"
                else:
                    name = "Giấy khen của Chủ tịch UBND" + (
                        f" {self.st.territories[self.terr[k]].name}"
                        if level == LEVEL_COMMUNE
                        else f" {province}"
                    )
                    by, suffix = name.replace("Giấy khen của Chủ tịch ", ""), "QĐ-UBND"
                rows.append((k, name, day, f"{between(rnd, 12, 3800)}/{suffix}", by))
                if year < 2000:
                    rows.pop()
        return rows

    def _disciplines(self) -> list[tuple]:
        """A few reprimands and warnings, after the current post began, so no promotion followed them."""
        sim, rnd, today, rows = self.sim, self.rnd, self.today, []
        for k, c in enumerate(self.survivors):
            if rnd.random() >= 0.015:
                continue
            start = sim.since[c] + 120
            if start >= today - 30:
                continue
            day = between(rnd, start, today - 30)
            kind = "reprimand" if rnd.random() < 0.7 else "warning"
            if self.level[k] == LEVEL_PROVINCE:
                by, number = "Ủy ban Kiểm tra Tỉnh ủy", f"{between(rnd, 10, 400)}-QĐ/UBKTTU"
            else:
                by = f"Ủy ban Kiểm tra Đảng ủy {self.st.territories[self.terr[k]].name}"
                number = f"{between(rnd, 1, 60)}-QĐ/UBKTĐU"
            if not self.sim.seat_title[self.seat[k]].is_key and self.tier[k] == 3:
                by = f"UBND {self.st.territories[self.terr[k]].name}"
                number = f"{between(rnd, 10, 900)}/QĐ-UBND"
            reason = pf.DISCIPLINE_REASONS[int(rnd.random() * len(pf.DISCIPLINE_REASONS))]
            rows.append((k, kind, day, reason, number, by))
        return rows


def current_age(birth: int, today: int) -> float:
    return (today - birth) / YEAR


__all__ = [
    "DISTRICT_OFFICES",
    "DISTRICT_OFFICE_POSITIONS",
    "YOUNG_AGE",
    "generate",
    "plan_districts",
    "reference_structure",
    "district_name",
    "current_age",
    "REFORM",
    "START",
    "LEVEL_DISTRICT",
]
