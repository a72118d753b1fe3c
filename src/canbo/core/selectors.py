"""Reads for the overview page: counts within the user's scope, a handful of aggregate queries."""

import datetime as dt

from django.db.models import Count, F, Q

from canbo.core.numbers import percent
from canbo.organizations.models import OrgUnit, Position
from canbo.people.filtersets import born_before_age
from canbo.people.models import Cadre, Gender


def overview(user, today: dt.date, young_under: int = 42) -> dict:
    cadres = Cadre.objects.restrict(user)
    totals = cadres.aggregate(
        total=Count("id"),
        women=Count("id", filter=Q(gender=Gender.FEMALE)),
        young=Count("id", filter=Q(birth_date__gt=born_before_age(today, young_under))),
        minority=Count("id", filter=Q(ethnicity__is_minority=True)),
        party=Count("id", filter=Q(party_join_date__isnull=False)),
    )
    positions = (
        Position.objects.restrict(user)
        .current()
        .annotate(held=Count("assignments", filter=Q(assignments__end_date__isnull=True)))
    )
    # Aggregate names must not shadow the `seats` field the vacancy test reads.
    seats = positions.aggregate(
        position_count=Count("id"),
        vacant_count=Count("id", filter=Q(held__lt=F("seats"))),
    )
    units = OrgUnit.objects.restrict(user).current().count()
    total = totals["total"] or 0

    return {
        **totals,
        "women_pct": percent(totals["women"], total),
        "young_pct": percent(totals["young"], total),
        "minority_pct": percent(totals["minority"], total),
        "party_pct": percent(totals["party"], total),
        "positions": seats["position_count"],
        "vacant_positions": seats["vacant_count"],
        "units": units,
        "young_under": young_under,
    }
