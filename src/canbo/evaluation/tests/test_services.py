"""Services keep the score and level with the tasks; finalizing checks the quota and what is missing; the
selectors find two failing years in a row and feed the rules engine."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from canbo.core import testing
from canbo.evaluation import selectors, services
from canbo.evaluation.models import EvaluationStatus, Grade, SubjectKind, TaskGroup
from canbo.organizations.models import OrgUnitKind

from .builders import COMPLETED, EXCELLENT, GOOD, NOT_COMPLETED, make_evaluation

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    """The messages are checked in English (the default language is Vietnamese)."""
    with translation.override("en"):
        yield


def test_task_changes_regrade_the_evaluation(commune, people):
    evaluation = make_evaluation(commune, people[0], tasks=[(10, None, None, "")])
    assert (evaluation.score, evaluation.grade) == (None, "")
    task = evaluation.tasks.get()
    services.task_update(task, result=Decimal(12), quality=Decimal(100), timeliness="on_time")
    evaluation.refresh_from_db()
    assert (evaluation.score, evaluation.grade) == (Decimal("100.00"), Grade.EXCELLENT)
    services.task_update(task, timeliness="late")
    evaluation.refresh_from_db()
    assert (evaluation.score, evaluation.grade) == (Decimal("90.00"), Grade.COMPLETED)
    services.task_delete(task)
    evaluation.refresh_from_db()
    assert (evaluation.score, evaluation.grade) == (None, "")


def test_leader_needs_over_fulfilment(commune, people):
    met = (10, 10, 100, "on_time")
    leader = make_evaluation(commune, people[0], tasks=[met] * 3, task_group=TaskGroup.LEADERSHIP)
    assert leader.grade == Grade.GOOD
    services.task_update(leader.tasks.first(), result=Decimal(11))
    leader.refresh_from_db()
    assert leader.grade == Grade.EXCELLENT


def test_disqualifying_event_and_invalid_tasks(commune, people):
    evaluation = make_evaluation(commune, people[0], tasks=EXCELLENT)
    with CaptureQueriesContext(connection) as ctx:
        services.evaluation_update(evaluation, disqualifications=["discipline"])
    assert evaluation.grade == Grade.NOT_COMPLETED
    evaluation.refresh_from_db()
    assert evaluation.grade == Grade.NOT_COMPLETED and evaluation.disqualifications == ["discipline"]
    # The edit and the grade it gives are one write (one audit entry), not two.
    updates = [q for q in ctx.captured_queries if q["sql"].startswith('UPDATE "evaluation_evaluation"')]
    assert len(updates) == 1
    with pytest.raises(ValidationError) as error:
        services.task_add(evaluation, name="x", target=Decimal(0), weight=Decimal(1), quality=Decimal(120))
    assert set(error.value.error_dict) == {"target", "quality"}


def test_subject_must_match_the_kind(commune, people):
    with pytest.raises(ValidationError):
        services.evaluation_create(kind=SubjectKind.INDIVIDUAL, year=2025, unit=commune)
    with pytest.raises(ValidationError, match="party cell"):
        services.evaluation_create(kind=SubjectKind.PARTY_CELL, year=2025, unit=commune)
    with pytest.raises(ValidationError, match="not a party member"):
        services.evaluation_create(kind=SubjectKind.PARTY_MEMBER, year=2025, unit=commune, cadre=people[0])
    make_evaluation(commune, people[0])
    with pytest.raises(ValidationError, match="already"):
        make_evaluation(commune, people[0])
    # The same cadre has one yearly and up to four quarterly evaluations.
    assert make_evaluation(commune, people[0], quarter=1).quarter == 1


def test_finalize_refused_over_quota_then_allowed(commune, committee, people):
    # Two excellent against four good: 20% of 4 is 0 (rounded down), so both are in excess.
    for cadre, tasks in zip(people, [EXCELLENT, EXCELLENT, GOOD, GOOD, GOOD, GOOD], strict=True):
        make_evaluation(committee, cadre, tasks=tasks)
    with pytest.raises(ValidationError) as error:
        services.finalize(unit=commune, year=2025)
    [message] = error.value.messages
    assert "Đảng ủy xã Kỳ Nam" in message and "2 too many" in message
    assert not committee.evaluations.filter(status=EvaluationStatus.FINALIZED).exists()
    # Lower one to good: 1 excellent against 5 good is within the quota.
    lowered = committee.evaluations.get(cadre=people[0])
    services.task_update(lowered.tasks.get(), quality=Decimal(50))
    assert services.finalize(unit=commune, year=2025) == 6
    lowered.refresh_from_db()
    assert lowered.is_final
    with pytest.raises(ValidationError, match="finalized"):
        services.task_delete(lowered.tasks.get())


def test_quota_groups_are_separate(commune, committee, people):
    """A leader's "excellent" is not counted against the staff's "good"."""
    make_evaluation(committee, people[0], tasks=[(10, 11, 100, "on_time")], task_group=TaskGroup.LEADERSHIP)
    for cadre in people[1:]:
        make_evaluation(committee, cadre, tasks=GOOD)
    with pytest.raises(ValidationError, match="Leaders and managers"):
        services.finalize(unit=commune, year=2025)


def test_finalize_refuses_evaluations_without_a_level(commune, people):
    make_evaluation(commune, people[0], tasks=[(10, None, None, "")])
    with pytest.raises(ValidationError, match="no level yet: Nguyễn Văn An"):
        services.finalize(unit=commune, year=2025)


def test_dismissal_flags_two_consecutive_years(commune, people):
    for year in (2023, 2024):
        make_evaluation(commune, people[0], year=year, tasks=NOT_COMPLETED)
        make_evaluation(commune, people[1], year=year, tasks=NOT_COMPLETED if year == 2024 else COMPLETED)
    make_evaluation(commune, people[2], year=2022, tasks=NOT_COMPLETED)
    make_evaluation(commune, people[2], year=2024, tasks=NOT_COMPLETED)
    for year in (2022, 2023, 2024):
        services.finalize(unit=commune, year=year)
    from canbo.evaluation.models import Evaluation
    from canbo.people.models import Cadre

    flags = selectors.dismissal_flags(Evaluation.objects.all(), Cadre.objects.all())
    assert [(f.cadre, f.year) for f in flags] == [(people[0], 2024)]


def test_yearly_grades_read_finalized_yearly_individual_evaluations(commune, people):
    make_evaluation(commune, people[0], year=2024, tasks=GOOD)
    make_evaluation(commune, people[0], year=2025, tasks=COMPLETED)
    make_evaluation(commune, people[0], year=2025, quarter=2, tasks=NOT_COMPLETED)
    services.finalize(unit=commune, year=2024)
    services.finalize(unit=commune, year=2025, quarter=2)
    ids = [people[0].pk, people[1].pk]
    # 2025's yearly evaluation is still a draft; the quarter does not count.
    assert selectors.yearly_grades(ids) == {people[0].pk: {2024: "good"}}


def test_board_counts_levels_quota_and_party_shares(commune, committee, people):
    cells = [
        testing.make_unit(f"Chi bộ thôn {n}", OrgUnitKind.PARTY_CELL, parent=committee) for n in range(1, 5)
    ]
    for cell, grade in zip(cells, ["excellent", "excellent", "excellent", "good"], strict=True):
        make_evaluation(cell, kind=SubjectKind.PARTY_CELL, assigned_grade=grade)
    members = [testing.make_cadre(f"Đảng viên {n}", party_join_date=dt.date(2000, 1, 1)) for n in range(5)]
    for member, grade in zip(members, ["good", "good", "good", "completed", "excellent"], strict=True):
        make_evaluation(cells[0], member, kind=SubjectKind.PARTY_MEMBER, assigned_grade=grade)
    make_evaluation(committee, people[0], tasks=EXCELLENT)

    from canbo.evaluation.models import Evaluation

    board = selectors.board(commune, 2025, None, Evaluation.objects.all())
    assert board.total == 10 and board.drafts == 10
    assert board.distribution["excellent"] == 5
    # Cells: 3 of 4 clean and strong (75%, within 70–80%); members: 4 of 5 good or better (80%, within).
    assert (board.party_cells.count, board.party_cells.total, board.party_cells.status) == (3, 4, "within")
    assert (board.party_members.count, board.party_members.status) == (4, "within")
    # The cells count together under their committee: 3 excellent against 1 good is over the quota, as are
    # the members (1 against 3) and the lone excellent individual.
    assert [(g.unit, g.kind, g.excess) for g in board.breaches] == [
        (committee, SubjectKind.INDIVIDUAL, 1),
        (committee, SubjectKind.PARTY_CELL, 3),
        (cells[0], SubjectKind.PARTY_MEMBER, 1),
    ]
    assert not board.can_finalize
