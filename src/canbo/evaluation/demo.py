"""Deterministic evaluations for a demo database: several years of yearly evaluations of every cadre in a
post, of the units they work in and of party members, with a realistic spread of levels, the quota kept,
and a few cadres who fail two years running.

The levels are drawn first, per unit and task group, so that the quota holds; each subject then gets KPI
tasks whose results give that level, and the engine scores them as it scores anyone's.
"""

import datetime as dt
import math
import random
from collections import defaultdict
from dataclasses import dataclass

from canbo.evaluation import engine

# Share of each level among those evaluated (before the quota turns surplus "excellent" into "good").
SPREAD = {"excellent": 0.16, "good": 0.56, "completed": 0.25, "not_completed": 0.03}
# Share of cadres who fail the last two years running (flagged for dismissal).
WEAK = 0.004

TASK_NAMES = [
    ("Giải quyết hồ sơ thủ tục hành chính đúng hạn", "hồ sơ", 400),
    ("Tham mưu văn bản chỉ đạo, điều hành", "văn bản", 24),
    ("Kiểm tra, giám sát cơ sở", "cuộc", 6),
    ("Tiếp công dân, giải quyết đơn thư", "lượt", 60),
    ("Thu ngân sách trên địa bàn", "triệu đồng", 3500),
    ("Chuyển đổi số: hồ sơ xử lý trực tuyến", "hồ sơ", 250),
    ("Tuyên truyền, phổ biến pháp luật", "buổi", 12),
    ("Phát triển đảng viên mới", "đảng viên", 5),
]


@dataclass(frozen=True)
class Subject:
    """Someone or some unit to evaluate in a year: `key` is the quota group it counts in."""

    kind: str
    unit_id: int
    cadre_id: int | None
    task_group: str
    key: tuple


def levels(subjects: list[Subject], weak: set[int], year: int, last: int, rng: random.Random) -> list[str]:
    """A level per subject: drawn from SPREAD, "not completed" for the weak in the last two years, and no
    more "excellent" in a quota group than 20% of its "good"."""
    grades = []
    for s in subjects:
        if s.cadre_id in weak and s.kind == "individual" and year >= last - 1:
            grades.append("not_completed")
        else:
            grades.append(rng.choices(list(SPREAD), weights=list(SPREAD.values()))[0])
    groups = defaultdict(list)
    for i, s in enumerate(subjects):
        groups[s.key].append(i)
    for members in groups.values():
        good = sum(grades[i] == "good" for i in members)
        excellent = [i for i in members if grades[i] == "excellent"]
        # Turning an "excellent" into "good" also raises the quota: stop as soon as it holds.
        while excellent and len(excellent) > engine.quota_allowed(good):
            grades[excellent.pop()] = "good"
            good += 1
    return grades


def tasks_for(grade: str, leader: bool, rng: random.Random) -> list[tuple[str, str, engine.Task]]:
    """Three to five KPI tasks whose score gives `grade` (see the task score's weights)."""
    n = rng.randint(3, 5)
    over = math.ceil(0.3 * n) if leader and grade == "excellent" else rng.randint(0, 1)
    tasks = []
    for i in range(n):
        name, measure, target = TASK_NAMES[rng.randrange(len(TASK_NAMES))]
        quantity, timeliness = 1.0, "on_time"
        if grade == "excellent":
            quality = rng.uniform(80, 100)
        elif grade == "good":
            quality = rng.uniform(35, 70)
        elif grade == "completed":
            quality = rng.uniform(0, 20)
        else:
            quantity, quality, timeliness = rng.uniform(0.2, 0.4), rng.uniform(10, 40), "late"
        if i < over and grade != "not_completed":
            quantity = 1.1
        task = engine.Task(
            target=float(target),
            weight=1.0,
            result=round(target * quantity, 2),
            quality=round(quality, 2),
            timeliness=engine.Timeliness(timeliness),
        )
        tasks.append((name, measure, task))
    return tasks


def subjects_of(year: int) -> list[Subject]:
    """Who is evaluated for `year`: every cadre in a post on 31 December (in the unit of that post), each
    unit with someone evaluated, and the party members among the cadres, in a stable order."""
    from canbo.careers.models import Assignment

    held = (
        Assignment.objects.on(dt.date(year, 12, 31))
        .filter(is_concurrent=False)
        .order_by("cadre_id", "pk")
        .values_list(
            "cadre_id",
            "position__unit_id",
            "position__unit__parent_id",
            "position__title__is_head",
            "position__title__is_deputy",
            "cadre__party_join_date",
        )
    )
    people, members, units, seen = [], [], {}, set()
    for cadre_id, unit_id, parent_id, head, deputy, joined in held:
        if cadre_id in seen:
            continue
        seen.add(cadre_id)
        group = "leadership" if head or deputy else "staff"
        people.append(Subject("individual", unit_id, cadre_id, group, (unit_id, "individual", group)))
        if joined is not None and joined.year <= year:
            members.append(Subject("party_member", unit_id, cadre_id, "staff", (unit_id, "party_member")))
        # Units are ranked together under the body above them, as the quota counts them.
        units[unit_id] = parent_id or unit_id
    collectives = [
        Subject("collective", u, None, "collective", (above, "collective"))
        for u, above in sorted(units.items())
    ]
    return people + members + collectives


def fill(years: list[int], seed: int, batch_size: int = 5000) -> dict:
    """Evaluations for `years` (those not evaluated yet), finalized through the quota check; counts."""
    from django.db import transaction

    from canbo.evaluation import services
    from canbo.evaluation.conf import params
    from canbo.evaluation.models import Evaluation, KpiTask
    from canbo.organizations.models import OrgUnit

    settings = params()
    counts = {"evaluations": 0, "tasks": 0, "finalized": 0}
    people_ids = sorted({s.cadre_id for s in subjects_of(years[-1]) if s.cadre_id is not None})
    weak = set(random.Random(seed).sample(people_ids, round(len(people_ids) * WEAK))) if people_ids else set()
    for year in years:
        if Evaluation.objects.filter(year=year, quarter__isnull=True).exists():
            continue
        rng = random.Random(f"{seed}-{year}")
        subjects = subjects_of(year)
        grades = levels(subjects, weak, year, years[-1], rng)
        with transaction.atomic():
            rows, task_rows = [], []
            for subject, grade in zip(subjects, grades, strict=True):
                leader = subject.task_group in ("leadership", "collective")
                tasks = tasks_for(grade, leader, rng)
                graded = engine.derive(
                    [t for _n, _m, t in tasks], needs_over_fulfilment=leader, params=settings
                )
                rows.append(
                    Evaluation(
                        kind=subject.kind,
                        year=year,
                        unit_id=subject.unit_id,
                        cadre_id=subject.cadre_id,
                        task_group=subject.task_group,
                        score=graded.score,
                        grade=graded.grade.value,
                    )
                )
                task_rows.append(tasks)
            created = Evaluation.objects.bulk_create(rows, batch_size=batch_size)
            KpiTask.objects.bulk_create(
                (
                    KpiTask(
                        evaluation=evaluation,
                        name=name,
                        measure=measure,
                        target=task.target,
                        weight=task.weight,
                        result=task.result,
                        quality=task.quality,
                        timeliness=task.timeliness.value,
                    )
                    for evaluation, tasks in zip(created, task_rows, strict=True)
                    for name, measure, task in tasks
                ),
                batch_size=batch_size,
            )
        counts["evaluations"] += len(created)
        counts["tasks"] += sum(len(t) for t in task_rows)
        for root in OrgUnit.objects.filter(parent__isnull=True):
            counts["finalized"] += services.finalize(unit=root, year=year)
    return counts
