"""The evaluation engine at every boundary: score to level, the conditions that lower a level, the quota,
runs of failing years and the party's shares."""

import subprocess
import sys

import pytest

from canbo.evaluation.engine import (
    Grade,
    Params,
    Task,
    Timeliness,
    check_quota,
    derive,
    dismissal_year,
    level_for_score,
    quota_allowed,
    share,
    task_score,
)

ON_TIME = Timeliness.ON_TIME


def task(result=10, target=10, quality=100, timeliness=ON_TIME, weight=1):
    return Task(target=target, weight=weight, result=result, quality=quality, timeliness=timeliness)


@pytest.mark.parametrize(
    ("score", "grade"),
    [
        (100, Grade.EXCELLENT),
        (90, Grade.EXCELLENT),
        (89.99, Grade.GOOD),
        (70, Grade.GOOD),
        (69.99, Grade.COMPLETED),
        (69, Grade.COMPLETED),
        (50, Grade.COMPLETED),
        (49.99, Grade.NOT_COMPLETED),
        (49, Grade.NOT_COMPLETED),
        (0, Grade.NOT_COMPLETED),
    ],
)
def test_level_for_score_boundaries(score, grade):
    assert level_for_score(score) == grade


def test_task_score_weighs_quantity_quality_timeliness():
    assert task_score(task()) == 100
    # Half the quantity: 0.4 * 0.5 + 0.4 + 0.2 = 0.8.
    assert task_score(task(result=5)) == pytest.approx(80)
    # Quality 50 and late: 0.4 + 0.4 * 0.5 + 0.2 * 0.5 = 0.7.
    assert task_score(task(quality=50, timeliness=Timeliness.LATE)) == pytest.approx(70)
    # Over-fulfilment earns no more than full credit.
    assert task_score(task(result=30)) == 100
    assert task_score(Task(target=10, weight=1, result=10)) is None


def test_score_is_the_weighted_mean_rounded_to_two_decimals():
    # 100 with weight 2, 80 with weight 1: 93.33.
    grading = derive([task(weight=2), task(result=5, weight=1)])
    assert grading.score == 93.33
    assert grading.grade == Grade.EXCELLENT


def quality_for(score):
    """A single on-time, fully delivered task scoring `score`: 60 + 0.4 * quality."""
    return (score - 60) / 0.4


@pytest.mark.parametrize(
    ("score", "grade"),
    [(90, Grade.EXCELLENT), (89.99, Grade.GOOD), (70, Grade.GOOD), (69.99, Grade.COMPLETED)],
)
def test_derive_boundaries_through_tasks(score, grade):
    grading = derive([task(quality=quality_for(score))])
    assert grading.score == score
    assert grading.grade == grade


@pytest.mark.parametrize(
    ("score", "grade"), [(50, Grade.COMPLETED), (49.99, Grade.NOT_COMPLETED), (49, Grade.NOT_COMPLETED)]
)
def test_derive_low_boundaries(score, grade):
    # Nothing delivered (quantity 0), on time: 0.2 + 0.4 * quality / 100.
    grading = derive([task(result=0, quality=(score - 20) / 0.4)])
    assert grading.score == score
    assert grading.grade == grade


def test_excellent_for_a_leader_needs_30_percent_over_fulfilled():
    exceeded, met = task(result=11), task(result=10)
    # 3 of 10 tasks over-fulfilled: exactly 30%, enough.
    ten = [exceeded] * 3 + [met] * 7
    grading = derive(ten, needs_over_fulfilment=True)
    assert (grading.grade, grading.over_fulfilled) == (Grade.EXCELLENT, 3)
    # 2 of 10: not enough, good instead, with the reason.
    grading = derive([exceeded] * 2 + [met] * 8, needs_over_fulfilment=True)
    assert grading.grade == Grade.GOOD
    assert grading.reasons[-1].code == "over_fulfilment"
    assert grading.reasons[-1].values["over"] == 2
    # An individual without a leading post does not need it.
    assert derive([met] * 10).grade == Grade.EXCELLENT


def test_late_task_bars_good_and_excellent():
    tasks = [task(), task(), task(timeliness=Timeliness.LATE)]
    grading = derive(tasks)
    # 100, 100, 90: 96.67 would be excellent, but a task came late.
    assert grading.score == 96.67
    assert grading.grade == Grade.COMPLETED
    assert [r.code for r in grading.reasons] == ["score", "late"]
    # Early counts as on time.
    assert derive([task(timeliness=Timeliness.EARLY)]).grade == Grade.EXCELLENT


def test_disqualifying_events_mean_not_completed_whatever_the_score():
    grading = derive([task()], disqualifications=["discipline"])
    assert grading.score == 100
    assert grading.grade == Grade.NOT_COMPLETED
    assert grading.reasons[0].values["events"] == ("discipline",)
    # Even a level rated directly.
    assert derive([], assigned=Grade.GOOD, disqualifications=["corruption"]).grade == Grade.NOT_COMPLETED


def test_unmeasured_tasks_and_direct_ratings():
    pending = derive([task(), Task(target=5, weight=1)])
    assert (pending.score, pending.grade) == (None, None)
    assert pending.reasons[0].values["pending"] == 1
    assert derive([]).grade is None
    assert derive([], assigned=Grade.EXCELLENT).grade == Grade.EXCELLENT


def test_parameters_move_the_thresholds():
    params = Params.with_overrides({"excellent_from": 95})
    assert level_for_score(94.99, params) == Grade.GOOD
    with pytest.raises(ValueError, match="unknown"):
        Params.with_overrides({"excelent_from": 95})


@pytest.mark.parametrize(("good", "allowed"), [(0, 0), (4, 0), (5, 1), (9, 1), (10, 2), (15, 3), (35, 7)])
def test_quota_is_20_percent_of_good_rounded_down(good, allowed):
    assert quota_allowed(good) == allowed


def test_check_quota_lists_the_groups_in_excess():
    groups = {
        ("unit A", "leadership"): {"excellent": 2, "good": 10},
        ("unit A", "staff"): {"excellent": 3, "good": 10, "completed": 4},
        ("unit B", "staff"): {"excellent": 1},
    }
    breaches = check_quota(groups)
    assert [(b.key, b.excellent, b.good, b.allowed, b.excess) for b in breaches] == [
        (("unit A", "staff"), 3, 10, 2, 1),
        (("unit B", "staff"), 1, 0, 0, 1),
    ]


def test_dismissal_after_two_consecutive_not_completed_years():
    nc, ok = Grade.NOT_COMPLETED, Grade.COMPLETED
    assert dismissal_year({2023: nc, 2024: nc}) == 2024
    assert dismissal_year({2022: nc, 2023: ok, 2024: nc}) is None
    # A missing year breaks the run.
    assert dismissal_year({2022: nc, 2024: nc}) is None
    assert dismissal_year({2021: nc, 2022: nc, 2023: nc, 2024: ok}) == 2023
    assert dismissal_year({2024: nc}) is None
    assert dismissal_year({2023: nc, 2024: nc}, Params(dismissal_years=3)) is None


def test_share_against_its_target_range():
    cells = ["excellent"] * 7 + ["good"] * 3
    found = share(cells, {"excellent"}, 0.70, 0.80)
    assert (found.count, found.total, found.ratio, found.status) == (7, 10, 0.7, "within")
    assert share(cells[3:], {"excellent"}, 0.70, 0.80).status == "below"
    assert share(["good"] * 9, {"good", "excellent"}, 0.80, 0.85).status == "above"
    assert share([], {"good"}, 0.8, 0.85).status == "none"


def test_engine_imports_no_django():
    code = "import sys, canbo.evaluation.engine; print(any(m.startswith('django') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("tasks", "over", "grade"),
    [
        (3, 0, Grade.GOOD),
        (3, 1, Grade.EXCELLENT),  # 33%
        (7, 2, Grade.GOOD),  # 28.6%
        (7, 3, Grade.EXCELLENT),  # 42.9%
        (10, 2, Grade.GOOD),
        (10, 3, Grade.EXCELLENT),  # exactly 30%
        (20, 5, Grade.GOOD),
        (20, 6, Grade.EXCELLENT),  # exactly 30%
    ],
)
def test_over_fulfilment_boundary(tasks, over, grade):
    grading = derive([task(result=11)] * over + [task()] * (tasks - over), needs_over_fulfilment=True)
    assert grading.score == 100
    assert grading.grade == grade


def test_over_fulfilment_does_not_lift_a_good_score():
    # All tasks over-fulfilled but a score of 89.99 stays "good".
    assert (
        derive([task(result=11, quality=quality_for(89.99))], needs_over_fulfilment=True).grade == Grade.GOOD
    )


@pytest.mark.parametrize(
    ("excellent", "good", "breach"),
    [(0, 0, False), (1, 0, True), (1, 4, True), (1, 5, False), (2, 5, True), (2, 10, False), (3, 14, True)],
)
def test_quota_boundary(excellent, good, breach):
    groups = {"unit": {Grade.EXCELLENT: excellent, Grade.GOOD: good, Grade.COMPLETED: 3}}
    assert bool(check_quota(groups)) is breach


@pytest.mark.parametrize(
    ("count", "total", "status"),
    [(69, 100, "below"), (7, 10, "within"), (75, 100, "within"), (8, 10, "within"), (81, 100, "above")],
)
def test_party_cells_share_boundaries(count, total, status):
    """Party cells rated clean and strong against the 70–80% the seeds quote."""
    grades = [Grade.EXCELLENT] * count + [Grade.GOOD] * (total - count)
    assert share(grades, {Grade.EXCELLENT}, 0.70, 0.80).status == status


@pytest.mark.parametrize(
    ("count", "total", "status"),
    [(79, 100, "below"), (4, 5, "within"), (83, 100, "within"), (17, 20, "within"), (86, 100, "above")],
)
def test_party_members_share_boundaries(count, total, status):
    """Members completing their tasks well or better against the 80–85% the seeds quote."""
    grades = [Grade.GOOD] * count + [Grade.COMPLETED] * (total - count)
    assert share(grades, {Grade.EXCELLENT, Grade.GOOD}, 0.80, 0.85).status == status


@pytest.mark.parametrize(
    ("history", "year"),
    [
        ({2024: Grade.NOT_COMPLETED}, None),
        ({2023: Grade.NOT_COMPLETED, 2024: Grade.COMPLETED, 2025: Grade.NOT_COMPLETED}, None),
        ({2024: Grade.NOT_COMPLETED, 2025: Grade.NOT_COMPLETED}, 2025),
        ({2024: Grade.COMPLETED, 2025: Grade.NOT_COMPLETED}, None),
    ],
)
def test_dismissal_boundary(history, year):
    assert dismissal_year(history) == year
