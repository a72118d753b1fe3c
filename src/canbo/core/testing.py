"""Builders shared by the test suites: small, explicit, and going through the services where rules apply."""

import datetime as dt
import itertools

from canbo.organizations.models import OrgUnit, OrgUnitKind, Position, Title, TitleGroup, TitleLevel
from canbo.organizations.models.units import KIND_LEVEL, AdminLevel
from canbo.organizations.services import unit_search_text
from canbo.people.models import Cadre, Ethnicity, Gender
from canbo.people.services import cadre_create

_codes = itertools.count(1)


def make_unit(
    name: str,
    kind: str = OrgUnitKind.COMMUNE,
    parent: OrgUnit | None = None,
    code: str | None = None,
    valid_from=None,
    valid_to=None,
) -> OrgUnit:
    """A unit with its path, depth and locality filled as the organization services do."""
    level = KIND_LEVEL.get(kind) or (parent.admin_level if parent else AdminLevel.PROVINCE)
    unit = OrgUnit.objects.create(
        code=code or f"U{next(_codes):05d}",
        name=name,
        kind=kind,
        admin_level=level,
        parent=parent,
        valid_from=valid_from,
        valid_to=valid_to,
    )
    unit.path = f"{parent.path if parent else '/'}{unit.pk}/"
    unit.depth = parent.depth + 1 if parent else 0
    unit.territory = unit if unit.is_territorial else (parent.territory if parent else None)
    unit.search_text = unit_search_text(unit.name, unit.short_name, unit.code)
    unit.save(update_fields=["path", "depth", "territory", "search_text"])
    return unit


def create_unit(
    name: str,
    kind: str = OrgUnitKind.COMMUNE,
    parent: OrgUnit | None = None,
    code: str | None = None,
    valid_from=None,
) -> OrgUnit:
    """A unit made by the organization services, so it starts with its first version."""
    from canbo.organizations.services import unit_create

    return unit_create(
        code=code or f"U{next(_codes):05d}", name=name, kind=kind, parent=parent, valid_from=valid_from
    )


def make_title(
    code: str, name: str, level: str = TitleLevel.COMMUNE, group: str = TitleGroup.PARTY, **extra
) -> Title:
    return Title.objects.get_or_create(
        code=code, defaults={"name": name, "level": level, "group": group, **extra}
    )[0]


def make_position(unit: OrgUnit, title: Title, seats: int = 1) -> Position:
    return Position.objects.create(unit=unit, title=title, seats=seats)


def kinh() -> Ethnicity:
    return Ethnicity.objects.get_or_create(
        code_list="1019/QĐ-TCTK", code="01", defaults={"name": "Kinh", "is_minority": False}
    )[0]


def make_cadre(full_name: str = "Nguyễn Văn An", managed_by: OrgUnit | None = None, **fields) -> Cadre:
    fields.setdefault("code", f"CB{next(_codes):06d}")
    fields.setdefault("gender", Gender.MALE)
    fields.setdefault("birth_date", dt.date(1980, 5, 17))
    fields.setdefault("ethnicity", kinh())
    if managed_by is None:
        managed_by = OrgUnit.objects.first() or make_unit("Tỉnh Thử", OrgUnitKind.PROVINCE)
    return cadre_create(full_name=full_name, managed_by=managed_by, **fields)


def make_user(username: str, unit: OrgUnit | None = None, role: str = "viewer", password: str = ""):
    """A non-superuser; with `unit`, a membership giving `role` over that unit's subtree."""
    from django.contrib.auth import get_user_model

    from canbo.accounts.models import Membership

    user = get_user_model().objects.create_user(username, f"{username}@example.org", password or None)
    if unit is not None:
        Membership.objects.create(user=user, unit=unit, role=role)
    return user


def make_assignment(
    cadre: Cadre, position: Position, start_date=dt.date(2021, 1, 1), action="appointment", **fields
):
    """An assignment through the careers service, which also refreshes the cadre's current post."""
    from canbo.careers.services import assignment_create

    return assignment_create(cadre=cadre, position=position, start_date=start_date, action=action, **fields)
