"""Plain facts for the engine's tests: a province with a commune and their bodies, titles from the default
catalogue, and people with sensible defaults."""

import datetime as dt
import itertools

from canbo.organizations.reference import STANDARD_BODIES, TITLES
from canbo.rules.engine import Holding, Person, Post, Title, Unit, leadership

CATALOGUE = {row[0]: Title.from_catalogue_row(row) for row in TITLES}
_ids = itertools.count(1000)


def title(code: str) -> Title:
    return CATALOGUE[code]


def locality(name: str, parent: Unit | None = None, unit_id: int | None = None) -> Unit:
    unit_id = unit_id or next(_ids)
    path = f"{parent.path if parent else '/'}{unit_id}/"
    return Unit(id=unit_id, name=name, path=path, territory_id=unit_id, territory_name=name)


def body(name: str, territory: Unit, kind: str, unit_id: int | None = None, titles=None) -> Unit:
    """A body of a locality with the head and deputy titles of its standard positions (or `titles`)."""
    unit_id = unit_id or next(_ids)
    if titles is None:
        level = "province" if territory.path.count("/") == 2 else "commune"
        codes = next(codes for k, _name, codes in STANDARD_BODIES[level] if k == kind)
        titles = [code for code, _seats in codes]
    heads, deputies = leadership([title(code) for code in titles])
    return Unit(
        id=unit_id,
        name=name,
        path=f"{territory.path}{unit_id}/",
        kind=kind,
        territory_id=territory.id,
        territory_name=territory.name,
        head_titles=heads,
        deputy_titles=deputies,
    )


# One province, two communes, their party committees and People's Committees, a home-affairs department.
PROVINCE = locality("Tỉnh Hà Tĩnh", unit_id=1)
KY_NAM = locality("Xã Kỳ Nam", PROVINCE, unit_id=2)
KY_TRINH = locality("Phường Kỳ Trinh", PROVINCE, unit_id=3)
KY_NAM_PARTY = body("Đảng ủy xã Kỳ Nam", KY_NAM, "party_committee", unit_id=21)
KY_NAM_COMMITTEE = body("UBND xã Kỳ Nam", KY_NAM, "peoples_committee", unit_id=22)
KY_TRINH_PARTY = body("Đảng ủy phường Kỳ Trinh", KY_TRINH, "party_committee", unit_id=31)
PROVINCE_PARTY = body("Tỉnh ủy Hà Tĩnh", PROVINCE, "party_committee", unit_id=11)
PROVINCE_COMMITTEE = body("UBND tỉnh Hà Tĩnh", PROVINCE, "peoples_committee", unit_id=12)
HOME_AFFAIRS = body(
    "Sở Nội vụ", PROVINCE, "department", unit_id=13, titles=["T_GD_SO", "T_PGD_SO", "T_TP_SO", "T_PTP_SO"]
)
FINANCE = body(
    "Sở Tài chính", PROVINCE, "department", unit_id=14, titles=["T_GD_SO", "T_PGD_SO", "T_TP_SO", "T_PTP_SO"]
)


def post(unit: Unit, code: str, position_id: int | None = None) -> Post:
    return Post(unit=unit, title=title(code), position_id=position_id)


def held(
    unit: Unit, code: str, start: dt.date, end: dt.date | None = None, action: str = "appointment", **kw
):
    return Holding(post=post(unit, code), start=start, end=end, action=action, **kw)


def person(**fields) -> Person:
    fields.setdefault("id", next(_ids))
    fields.setdefault("name", "Nguyễn Văn Giáp")
    fields.setdefault("gender", "male")
    fields.setdefault("birth_date", dt.date(1980, 5, 17))
    fields.setdefault("hometown_name", "Phường Kỳ Trinh")
    fields.setdefault("hometown_ids", frozenset({PROVINCE.id, KY_TRINH.id}))
    fields.setdefault("degree", "university")
    fields.setdefault("political_theory", "advanced")
    fields.setdefault("state_management", "principal")
    return Person(**fields)


def check(
    code: str, someone: Person, target: Post, action: str, day: dt.date, ctx=None, params=None, **proposal
):
    """One rule of the default set, with the default parameters unless `params` changes some."""
    from canbo.rules.engine import DEFAULT, Context, Proposal

    ruleset = DEFAULT.with_params(params or {})
    return ruleset.rule(code).check(
        someone, target, Proposal(action, day, **proposal), ctx or Context(), ruleset.params
    )
