"""A small province for the reports' tests: two communes, a district office, cadres moving between them."""

import datetime as dt

from canbo.core import testing
from canbo.organizations.models import OrgUnitKind, Title
from canbo.people.models import Ethnicity, Gender

DAY = dt.date(2024, 6, 1)


def minority() -> Ethnicity:
    return Ethnicity.objects.get_or_create(
        code_list="1019/QĐ-TCTK", code="25", defaults={"name": "Cơ Tu", "is_minority": True}
    )[0]


def small_province():
    province = testing.make_unit("Tỉnh Thử", OrgUnitKind.PROVINCE, code="P")
    office = testing.make_unit("Sở Nội vụ", OrgUnitKind.DEPARTMENT, parent=province, code="P-SNV")
    communes, committees = {}, {}
    for key in ("a", "b"):
        commune = testing.make_unit(f"Xã {key.upper()}", parent=province, code=f"X{key.upper()}")
        communes[key] = commune
        committees[key] = testing.make_unit(
            f"Đảng ủy xã {key.upper()}",
            OrgUnitKind.PARTY_COMMITTEE,
            parent=commune,
            code=f"X{key.upper()}-DU",
        )
    secretary = Title.objects.get(code="X_BT")
    member = testing.make_title("X_UV_T", "Đảng ủy viên xã")
    specialist = Title.objects.get(code="T_CV")
    seats = {
        "a_bt": testing.make_position(committees["a"], secretary),
        "b_bt": testing.make_position(committees["b"], secretary),
        "a_uv": testing.make_position(committees["a"], member, seats=5),
        "office": testing.make_position(office, specialist, seats=5),
    }
    people = {}
    # A woman from commune B, secretary of A since 2021: not local there.
    people["lan"] = testing.make_cadre(
        "Cán bộ thử Lan",
        managed_by=province,
        gender=Gender.FEMALE,
        birth_date=dt.date(1990, 1, 1),
        hometown=communes["b"],
        education="master",
        political_theory="advanced",
        state_management="specialist",
    )
    testing.make_assignment(people["lan"], seats["a_bt"], dt.date(2021, 1, 1))
    # Secretary of B, from B itself.
    people["binh"] = testing.make_cadre(
        "Cán bộ thử Bình", managed_by=province, hometown=communes["b"], ethnicity=minority()
    )
    testing.make_assignment(people["binh"], seats["b_bt"], dt.date(2021, 1, 1))
    # Member of A's committee until 2023, then sent... up to the provincial office.
    people["cuc"] = testing.make_cadre("Cán bộ thử Cúc", managed_by=province, education="college")
    testing.make_assignment(people["cuc"], seats["a_uv"], dt.date(2019, 1, 1), end_date=dt.date(2023, 3, 1))
    testing.make_assignment(people["cuc"], seats["office"], dt.date(2023, 3, 1), action="transfer")
    # Left before the day: counted in 2022, not in 2024.
    people["dung"] = testing.make_cadre("Cán bộ thử Dũng", managed_by=province)
    testing.make_assignment(people["dung"], seats["a_uv"], dt.date(2019, 1, 1), end_date=dt.date(2023, 1, 1))
    return {
        "province": province,
        "office": office,
        "communes": communes,
        "committees": committees,
        "seats": seats,
        "people": people,
    }
