"""The situations the press reports describe, built from raw records through the documented import files, so
that the reports can be checked to give the published figures back.

- Hai Phong: 583 cadres managed by the City Party Committee; 112 women (19.2%), 45 under 42 (7.7%), every one
  with a university degree or above, 454 master's (77.9%), 52 doctorates (8.9%; printed "9%").
- Hai Phong's commune party committees: 3,261 members; 991 women, 689 under 42, 7 college, 1,738
  university, 1,482 master's and 34 doctorates. The published table prints 1,506 master's, but its four degree
  counts add up to 3,285, 24 more than the members: 24 doctors were counted among the master's too, and here
  each member counts once, under the highest degree (see docs/reports.md).
- Kim Bang district, half a term (1 Oct 2020 – 1 Apr 2023): 6 district cadres sent to communes (4 secretaries,
  2 chairmen); 18 moved between district departments; 3 commune cadres moved up (standing deputy secretary,
  chairman, vice-chairman); 2 returned after rotation; 8 key cadres moved between communes (5 secretaries,
  3 chairmen); 23 commune civil servants moved commune to commune; 8/18 secretaries and 4/18 chairmen
  non-local.
- Nam Giang district: ethnic minorities 62% of the district party committee against a 50% target, 55% of
  department heads against 35%.

Every record is made up and deterministic: cadres are named by their codes, and the figures come from
arithmetic on their index, never from a random draw.
"""

import csv
import datetime as dt
import io
from collections import Counter
from decimal import Decimal

from canbo.core.importing import run_import
from canbo.organizations.models import OrgUnit

from . import services
from .models import Indicator

AS_OF = dt.date(2023, 3, 31)
TERM_START = dt.date(2020, 10, 1)
HALF_TERM_END = dt.date(2023, 4, 1)
KINH, CO_TU = "01", "25"
COMMUNES = 18


class SeedError(Exception):
    """An import of the seed files was refused; the message lists the report."""


class Builder:
    """Rows of the four import files, with seats numbered so that no two holders share one."""

    def __init__(self):
        self.units, self.titles, self.cadres, self.assignments = [], [], [], []
        self._seats: Counter = Counter()

    def unit(self, code, name, kind, parent=""):
        self.units.append({"code": code, "name": name, "kind": kind, "parent_code": parent})
        return code

    def cadre(self, code, managed_by, *, female=False, born=dt.date(1970, 6, 15), ethnicity=KINH, **extra):
        self.cadres.append(
            {
                "code": code,
                "full_name": f"Cán bộ mẫu {code}",
                "gender": "female" if female else "male",
                "birth_date": born.isoformat(),
                "ethnicity": ethnicity,
                "managed_by_code": managed_by,
                "education": extra.pop("education", "university"),
                "political_theory": extra.pop("political_theory", "advanced"),
                "hometown_code": extra.pop("hometown", ""),
            }
        )
        return code

    def post(self, cadre, unit, title, start, end=None, action="appointment"):
        self._seats[(unit, title)] += 1
        self.assignments.append(
            {
                "cadre_code": cadre,
                "unit_code": unit,
                "title_code": title,
                "start_date": start.isoformat(),
                "end_date": end.isoformat() if end else "",
                "action": action,
                "end_action": "transfer" if end else "",
                "seat": self._seats[(unit, title)],
            }
        )

    def move(self, cadre, before: tuple[str, str], after: tuple[str, str], day: dt.date, action="transfer"):
        """A post held from the start of the previous term up to `day`, then another from `day` on."""
        self.post(cadre, *before, dt.date(2016, 1, 1), day)
        self.post(cadre, *after, day, action=action)


def _csv(rows: list[dict]) -> io.BytesIO:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return io.BytesIO(out.getvalue().encode())


def hai_phong(b: Builder) -> None:
    city = b.unit("S-HP", "Thành phố Hải Phòng", "city")
    committee = b.unit("S-HP-TU", "Thành ủy Hải Phòng", "party_committee", city)
    departments = [
        b.unit(f"S-HP-S{d:02d}", f"Sở mẫu {d} Hải Phòng", "department", city) for d in range(1, 11)
    ]
    total, women, young, masters, doctorates = 583, 112, 45, 454, 52
    for i in range(total):
        # Multiplying by a number prime to 583 permutes the indexes: each share lands on spread-out cadres.
        code = b.cadre(
            f"S-HP{i + 1:04d}",
            committee,
            female=(i * 5) % total < women,
            born=dt.date(1986, 6, 15) if (i * 7) % total < young else dt.date(1968, 6, 15),
            education=(
                "doctorate"
                if (i * 3) % total < doctorates
                else "master"
                if (i * 3) % total < doctorates + masters
                else "university"
            ),
        )
        b.post(code, departments[i % len(departments)], "T_CV", dt.date(2018, 1, 1), action="recruitment")
    hai_phong_commune_committees(b, city)


# Hai Phong's commune party committee members as published, with the 24 doctors the table also counts among
# the master's counted once only (1,506 - 24 master's).
HP_COMMUNES = 114
HP_MEMBERS, HP_WOMEN, HP_YOUNG = 3261, 991, 689
HP_DEGREES = (("doctorate", 34), ("master", 1506 - 24), ("university", 1738), ("college", 7))


def hai_phong_commune_committees(b: Builder, city: str) -> None:
    b.titles.append(
        {"code": "S_X_DUV", "name": "Đảng ủy viên xã", "level": "commune", "group": "party", "rank": 9}
    )
    committees = []
    for n in range(1, HP_COMMUNES + 1):
        commune = b.unit(f"S-HP-X{n:03d}", f"Xã mẫu {n} Hải Phòng", "commune", city)
        name = f"Đảng ủy xã mẫu {n} Hải Phòng"
        committees.append(b.unit(f"{commune}-DU", name, "party_committee", commune))
    for i in range(HP_MEMBERS):
        # 3,261 = 3 × 1,087: multipliers prime to it spread each share over the communes.
        rank, education = (i * 11) % HP_MEMBERS, "college"
        for degree, count in HP_DEGREES:
            if rank < count:
                education = degree
                break
            rank -= count
        committee = committees[i % HP_COMMUNES]
        code = b.cadre(
            f"S-HP-DUV{i + 1:04d}",
            committee,
            female=(i * 5) % HP_MEMBERS < HP_WOMEN,
            born=dt.date(1986, 6, 15) if (i * 7) % HP_MEMBERS < HP_YOUNG else dt.date(1970, 6, 15),
            education=education,
        )
        b.post(code, committee, "S_X_DUV", dt.date(2020, 10, 1), action="election")


def kim_bang(b: Builder) -> None:
    province = b.unit("S-HNA", "Tỉnh Hà Nam", "province")
    district = b.unit("S-KB", "Huyện Kim Bảng", "district", province)
    party = b.unit("S-KB-DU", "Huyện ủy Kim Bảng", "party_committee", district)
    people = b.unit("S-KB-UB", "UBND huyện Kim Bảng", "peoples_committee", district)
    offices = [b.unit(f"S-KB-P{d:02d}", f"Phòng mẫu {d} Kim Bảng", "department", people) for d in range(1, 7)]
    communes = []
    for n in range(1, COMMUNES + 1):
        commune = b.unit(f"S-KB-X{n:02d}", f"Xã mẫu {n} Kim Bảng", "commune", district)
        b.unit(f"{commune}-DU", f"Đảng ủy xã mẫu {n}", "party_committee", commune)
        b.unit(f"{commune}-UB", f"UBND xã mẫu {n}", "peoples_committee", commune)
        b.unit(f"{commune}-HD", f"HĐND xã mẫu {n}", "peoples_council", commune)
        communes.append(commune)

    def home(n: int, local: bool) -> str:
        """The cadre's hometown: the commune of the post (local) or the next one."""
        return communes[n] if local else communes[(n + 1) % COMMUNES]

    rotation_day, sideways_day = dt.date(2021, 6, 1), dt.date(2021, 12, 1)
    # Secretaries: 1–4 sent down from district offices, 5–9 moved from other communes, 10–18 elected in
    # place before the term; the first 8 are not local people.
    for n in range(COMMUNES):
        code = b.cadre(f"S-KB-BT{n + 1:02d}", party, hometown=home(n, local=n >= 8))
        post = (f"{communes[n]}-DU", "X_BT")
        if n < 4:
            b.move(code, (offices[n], "H_TP"), post, rotation_day, "rotation")
        elif n < 9:
            b.move(code, (f"{communes[n + 5]}-DU", "X_PBT_TT"), post, sideways_day)
        else:
            b.post(code, *post, TERM_START - dt.timedelta(days=30), action="election")
    # Chairmen: 1–2 sent down, 3–5 moved from other communes, the rest elected before; the first 4 non-local.
    for n in range(COMMUNES):
        code = b.cadre(f"S-KB-CT{n + 1:02d}", party, hometown=home(n, local=n >= 4))
        post = (f"{communes[n]}-UB", "X_CT_UBND")
        if n < 2:
            b.move(code, (offices[n + 4], "H_TP"), post, rotation_day, "rotation")
        elif n < 5:
            b.move(code, (f"{communes[n + 3]}-UB", "X_PCT_UBND"), post, sideways_day)
        else:
            b.post(code, *post, TERM_START - dt.timedelta(days=30), action="election")
    # Up: a standing deputy secretary, a chairman and a vice-chairman of communes to district posts.
    for n, (title, body) in enumerate((("H_PBT_TT", party), ("H_CT_UBND", people), ("H_PCT_UBND", people))):
        code = b.cadre(f"S-KB-LEN{n + 1}", party)
        b.move(code, (f"{communes[14 + n]}-UB", "X_PCT_UBND"), (body, title), dt.date(2022, 3, 1))
    # Back to the district after a rotation to a commune council.
    for n in range(2):
        code = b.cadre(f"S-KB-VE{n + 1}", party)
        b.move(
            code,
            (f"{communes[11 + n]}-HD", "X_PCT_HDND"),
            (offices[0], "H_CV"),
            dt.date(2022, 6, 1),
            "return",
        )
    # Between district offices.
    for n in range(18):
        code = b.cadre(f"S-KB-PB{n + 1:02d}", party)
        b.move(code, (offices[n % 6], "H_CV"), (offices[(n + 1) % 6], "H_CV"), dt.date(2021, 9, 1))
    # Commune civil servants moved to another commune.
    titles = ("X_CC_TC", "X_CC_DC", "X_CC_TP", "X_CC_VH", "X_CHQS")
    for n in range(23):
        code = b.cadre(f"S-KB-CC{n + 1:02d}", party)
        title = titles[n % len(titles)]
        b.move(
            code,
            (f"{communes[n % 18]}-UB", title),
            (f"{communes[(n + 7) % 18]}-UB", title),
            dt.date(2022, 1, 1),
        )


def nam_giang(b: Builder) -> list[tuple[str, str, Decimal]]:
    province = b.unit("S-QNA", "Tỉnh Quảng Nam", "province")
    district = b.unit("S-NG", "Huyện Nam Giang", "district", province)
    party = b.unit("S-NG-DU", "Huyện ủy Nam Giang", "party_committee", district)
    people = b.unit("S-NG-UB", "UBND huyện Nam Giang", "peoples_committee", district)
    b.titles.append(
        {"code": "S_H_UV", "name": "Huyện ủy viên", "level": "district", "group": "party", "rank": 9}
    )
    for n in range(50):
        code = b.cadre(f"S-NG-UV{n + 1:02d}", party, ethnicity=CO_TU if n < 31 else KINH)
        b.post(code, party, "S_H_UV", dt.date(2020, 10, 1), action="election")
    for n in range(20):
        office = b.unit(f"S-NG-P{n + 1:02d}", f"Phòng mẫu {n + 1} Nam Giang", "department", people)
        code = b.cadre(f"S-NG-TP{n + 1:02d}", party, ethnicity=CO_TU if n < 11 else KINH)
        b.post(code, office, "H_TP", dt.date(2021, 1, 1))
    return [
        (party, Indicator.ETHNIC_MINORITY, Decimal("50")),
        (people, Indicator.ETHNIC_MINORITY, Decimal("35")),
    ]


def build() -> dict[str, int]:
    """Import the seed situations (all or nothing per file) and set Nam Giang's targets."""
    b = Builder()
    hai_phong(b)
    kim_bang(b)
    targets = nam_giang(b)
    counts = {}
    for kind, rows in (
        ("units", b.units),
        ("titles", b.titles),
        ("cadres", b.cadres),
        ("assignments", b.assignments),
    ):
        report = run_import(kind, _csv(rows), filename=f"{kind}.csv")
        if report.errors:
            raise SeedError(f"{kind}: " + "; ".join(str(e) for e in report.errors[:5]))
        counts[kind] = len(rows)
    for code, indicator, percent in targets:
        services.structure_target_set(
            unit=OrgUnit.objects.get(code=code),
            indicator=indicator,
            percent=percent,
            effective_from=dt.date(2022, 2, 10),
            source="Nghị quyết 21 (10/02/2022)",
        )
    return counts
