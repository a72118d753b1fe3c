"""Builders for the rotation planner's tests."""

import datetime as dt

from canbo.rotation import services
from canbo.rotation.models import PositionsMode, RotationRound
from canbo.rules.tests.conftest import DAY, seat


def matrix_objects(unit, cadre) -> dict:
    """The rotation objects the permission matrix reaches: a round of the unit with the cadre chosen."""
    rnd = RotationRound.objects.create(name=f"Luân chuyển {unit.name}", body=unit, date=dt.date(2026, 1, 5))
    rnd.candidates.add(cadre)
    return {"rotation_round": rnd}


def heads_round(ward, organizer, candidates, name="Luân chuyển 2026") -> RotationRound:
    """A round of the province filling both heads' seats of Kỳ Trinh (secretary and chairman) from the
    candidates: the pair rule lets one of them be filled."""
    return services.round_save(
        None,
        user=organizer,
        positions=[seat(ward.other, "X_BT"), seat(ward.other, "X_CT_UBND")],
        candidates=candidates,
        name=name,
        body=ward.province,
        date=DAY,
        positions_mode=PositionsMode.CHOSEN,
        use_planning_pool=False,
    )
