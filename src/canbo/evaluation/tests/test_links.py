"""What other apps read from evaluations: the history on the cadre's page and the due list of cadres
flagged for dismissal."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from canbo.careers.due import due_lists, flagged_by_evaluation
from canbo.core import testing
from canbo.core.testing_views import scoped_user
from canbo.evaluation import services

from .builders import GOOD, NOT_COMPLETED, make_evaluation

pytestmark = pytest.mark.django_db


def fail_two_years(unit, cadre, years=(2024, 2025)):
    for year in years:
        make_evaluation(unit, cadre, year=year, tasks=NOT_COMPLETED)
        services.finalize(unit=unit, year=year)


def test_cadre_page_shows_the_history_in_scope_and_the_flag(client, commune, people):
    other = testing.make_unit("Xã Kỳ Bắc", parent=commune.parent, code="11312")
    an = people[0]
    fail_two_years(commune, an)
    quarter = make_evaluation(commune, an, year=2025, quarter=3, tasks=GOOD)
    # A year evaluated in a unit outside the viewer's scope stays out of sight.
    outside = make_evaluation(other, an, year=2022, tasks=GOOD)
    client.force_login(scoped_user(commune, "viewer"))
    page = client.get(reverse("people:cadre", args=[an.pk])).content.decode()
    shown = re.findall(r'<tr id="evaluation-(\d+)"', page)
    yearly = list(
        an.evaluations.filter(quarter=None, unit=commune).order_by("-year").values_list("pk", flat=True)
    )
    assert shown == [str(pk) for pk in (yearly[0], quarter.pk, yearly[1])]
    assert f'id="evaluation-{outside.pk}"' not in page and "Xã Kỳ Bắc" not in page
    assert 'class="msg-error"' in page and "2025" in page
    # Someone evaluated once is not flagged.
    page = client.get(reverse("people:cadre", args=[people[1].pk])).content.decode()
    assert 'id="evaluation-history"' in page and 'class="msg-error"' not in page


def test_due_list_of_cadres_flagged_by_evaluation(commune, people, secretary_title):
    position = testing.make_position(commune, secretary_title)
    staff = testing.make_position(commune, testing.make_title("X_CC", "Công chức", rank=60), seats=3)
    an, binh, cuong = people[:3]
    testing.make_assignment(an, position, start_date=dt.date(2020, 1, 1))
    testing.make_assignment(binh, staff, start_date=dt.date(2020, 1, 1), seat=1)
    testing.make_assignment(cuong, staff, start_date=dt.date(2020, 1, 1), seat=2)
    fail_two_years(commune, an)
    # Failing 2020 and 2021 is an old run: not due in 2026.
    fail_two_years(commune, binh, years=(2020, 2021))
    # Failing once, then good.
    make_evaluation(commune, cuong, year=2024, tasks=NOT_COMPLETED)
    make_evaluation(commune, cuong, year=2025, tasks=GOOD)
    services.finalize(unit=commune, year=2025)
    day = dt.date(2026, 3, 1)
    items = flagged_by_evaluation(commune.parent, day)
    assert [(i.cadre, i.position, i.detail) for i in items] == [(an, position, "2025")]
    assert due_lists(commune, day)["flagged_by_evaluation"] == items
    # As of 2024, only the first failing year is on record: nobody is due.
    assert flagged_by_evaluation(commune, dt.date(2024, 12, 1)) == []


def test_due_lists_page_shows_the_evaluation_section(client, commune, people, secretary_title):
    testing.make_assignment(people[0], testing.make_position(commune, secretary_title))
    fail_two_years(commune, people[0])
    client.force_login(scoped_user(commune, "organizer"))
    page = client.get(reverse("careers:due"), {"body": commune.pk}).content.decode()
    assert 'id="due-evaluation"' in page and "Nguyễn Văn An" in page
