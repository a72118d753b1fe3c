"""Benchmark "evaluation": a province's year of evaluations through the evaluation engine (no database).

- scoring: every subject's KPI tasks scored and its level derived (late tasks, over-fulfilment for leaders);
- quota: the grade counts per unit and task group, and the check that "excellent" stays within 20% of "good";
- dismissal: five years of levels per person, searched for two consecutive years "not completed".

The people are made up: units of about 40 people (the size of a commune after the 2025 merger), a leader group
and a staff group in each, three to five tasks per person with results spread around their targets.
"""

import random
import time
from collections import Counter, defaultdict

from bench import benchmark, figure

SUBJECTS = 136_000
UNIT_SIZE = 41


def options(parser):
    parser.add_argument(
        "--evaluation-subjects",
        type=int,
        default=SUBJECTS,
        metavar="N",
        help=f"People evaluated in the year (default {SUBJECTS:,}, a province's communes after the merger).",
    )


def _subjects(rnd: random.Random, n: int):
    from canbo.evaluation.engine import Task, Timeliness

    timeliness = [
        Timeliness.EARLY,
        Timeliness.ON_TIME,
        Timeliness.ON_TIME,
        Timeliness.ON_TIME,
        Timeliness.LATE,
    ]
    subjects = []
    for i in range(n):
        unit = i // UNIT_SIZE
        leader = i % UNIT_SIZE < 4
        tasks = [
            Task(
                target=100.0,
                weight=float(rnd.choice((1, 1, 2))),
                result=round(rnd.uniform(60, 115), 2),
                quality=round(rnd.uniform(40, 100), 2),
                timeliness=rnd.choice(timeliness),
            )
            for _ in range(rnd.randint(3, 5))
        ]
        subjects.append(((unit, "leadership" if leader else "staff"), leader, tasks))
    return subjects


@benchmark("evaluation", options=options)
def evaluation_year(args) -> None:
    from canbo.evaluation.engine import Grade, check_quota, derive, dismissal_year

    rnd = random.Random(2025)
    n = args.evaluation_subjects
    subjects = _subjects(rnd, n)
    figure("evaluation subjects", n)
    figure("evaluation KPI tasks", sum(len(tasks) for _k, _l, tasks in subjects))

    started = time.perf_counter()
    gradings = [derive(tasks, needs_over_fulfilment=leader) for _k, leader, tasks in subjects]
    scoring = time.perf_counter() - started
    figure("evaluation scoring (all subjects)", scoring * 1000, "ms")
    figure("evaluation scoring rate", round(n / scoring), "subjects/s")
    levels = Counter(g.grade for g in gradings)
    for grade in Grade:
        figure(f"evaluation level {grade.value}", levels[grade])

    started = time.perf_counter()
    groups: dict = defaultdict(Counter)
    for (key, _leader, _tasks), grading in zip(subjects, gradings, strict=True):
        groups[key][grading.grade] += 1
    breaches = check_quota(groups)
    quota = time.perf_counter() - started
    figure("evaluation quota groups", len(groups))
    figure("evaluation quota groups over the quota", len(breaches))
    figure("evaluation quota check", quota * 1000, "ms")

    grades = list(Grade)
    weights = [0.15, 0.55, 0.27, 0.03]
    histories = [
        dict(zip(range(2021, 2026), rnd.choices(grades, weights, k=5), strict=True)) for _ in range(n)
    ]
    started = time.perf_counter()
    flagged = sum(dismissal_year(history) is not None for history in histories)
    dismissal = time.perf_counter() - started
    figure("evaluation flagged for dismissal (5 years)", flagged)
    figure("evaluation dismissal search", dismissal * 1000, "ms")
    figure("evaluation year in all (scoring + quota)", (scoring + quota) * 1000, "ms")
