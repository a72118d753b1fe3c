"""The array path (`rank`) must answer exactly what the per-person path (`evaluate`) answers, for every rule,
on random people built around the thresholds; and it must order people eligible first."""

import datetime as dt
import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from canbo.rules.engine import (
    DEFAULT,
    Context,
    DisciplineRecord,
    HeldPost,
    Kin,
    Outcome,
    PlanningEntry,
    Population,
    Proposal,
    evaluate,
    rank,
)
from canbo.rules.engine.results import CODES

from .builders import (
    FINANCE,
    HOME_AFFAIRS,
    KY_NAM,
    KY_NAM_COMMITTEE,
    KY_NAM_PARTY,
    KY_TRINH,
    KY_TRINH_PARTY,
    PROVINCE,
    PROVINCE_COMMITTEE,
    PROVINCE_PARTY,
    held,
    person,
    post,
)

POSTS = [
    (KY_NAM_PARTY, "X_BT"),
    (KY_NAM_PARTY, "X_PBT_TT"),
    (KY_NAM_PARTY, "X_TBTC"),
    (KY_TRINH_PARTY, "X_BT"),
    (KY_NAM_COMMITTEE, "X_CT_UBND"),
    (KY_NAM_COMMITTEE, "X_PCT_UBND"),
    (KY_NAM_COMMITTEE, "X_CC_TC"),
    (KY_NAM_COMMITTEE, "X_CHQS"),
    (PROVINCE_PARTY, "T_BT"),
    (PROVINCE_COMMITTEE, "T_CT_UBND"),
    (HOME_AFFAIRS, "T_GD_SO"),
    (FINANCE, "T_PGD_SO"),
    (FINANCE, "T_CV"),
]
ACTIONS = [
    "appointment",
    "reappointment",
    "transfer",
    "rotation",
    "secondment",
    "return",
    "dismissal",
    "retirement",
]
PLACES = [
    frozenset(),
    frozenset({PROVINCE.id, KY_NAM.id}),
    frozenset({PROVINCE.id, KY_TRINH.id}),
    frozenset({PROVINCE.id}),
]
HOLDERS = list(range(900, 906))


def a_day(rnd: random.Random, first=2012, last=2030) -> dt.date:
    # Month ends and the 1st on purpose: that is where month arithmetic goes wrong.
    year, month = rnd.randint(first, last), rnd.randint(1, 12)
    day = rnd.choice([1, 2, 15, 28, 29, 30, 31])
    while True:
        try:
            return dt.date(year, month, day)
        except ValueError:
            day -= 1


def random_person(rnd: random.Random, pid: int):
    posts, start = [], a_day(rnd, 2008, 2016)
    for _ in range(rnd.randint(0, 3)):
        unit, code = rnd.choice(POSTS)
        end = None if rnd.random() < 0.4 else start + dt.timedelta(days=rnd.randint(200, 2500))
        posts.append(held(unit, code, start, end, rnd.choice(ACTIONS[:5]), is_concurrent=rnd.random() < 0.15))
        if end is None:
            break
        start = end if rnd.random() < 0.7 else end + dt.timedelta(days=rnd.randint(1, 90))
    return person(
        id=pid,
        gender=rnd.choice(["male", "female"]),
        birth_date=a_day(rnd, 1958, 1995),
        birth_year_only=rnd.random() < 0.1,
        hometown_ids=rnd.choice(PLACES),
        residence_ids=rnd.choice(PLACES),
        degree=rnd.choice(["college", "university", "master"]),
        political_theory=rnd.choice(["none", "intermediate", "advanced", "bachelor"]),
        state_management=rnd.choice(["none", "specialist", "principal"]),
        disciplines=tuple(
            DisciplineRecord(
                rnd.choice(["reprimand", "warning", "removal", "expulsion"]), a_day(rnd, 2018, 2028)
            )
            for _ in range(rnd.randint(0, 2))
        ),
        evaluations=None
        if rnd.random() < 0.3
        else {
            y: rnd.choice(["excellent", "good", "completed", "not_completed"])
            for y in range(2020, 2030)
            if rnd.random() < 0.8
        },
        planning=None
        if rnd.random() < 0.3
        else tuple(
            PlanningEntry(
                rnd.choice(["X_BT", "X_CT_UBND", "T_BT"]),
                a_day(rnd, 2018, 2026),
                a_day(rnd, 2026, 2031) if rnd.random() < 0.8 else None,
                rnd.choice([None, KY_NAM_PARTY.id, KY_TRINH_PARTY.id]),
            )
            for _ in range(rnd.randint(0, 2))
        ),
        kin=tuple(
            Kin(
                rnd.choice(["spouse", "child", "sibling", "sibling_in_law", "mother_in_law"]),
                "Người thân",
                rnd.choice([*HOLDERS, None]),
            )
            for _ in range(rnd.randint(0, 3))
        ),
        posts=tuple(posts),
    )


@given(st.integers(0, 2**32 - 1))
@settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck))
def test_rank_agrees_with_evaluate_for_every_rule(seed):
    rnd = random.Random(seed)
    people = [random_person(rnd, pid) for pid in range(1, 41)]
    target = post(*rnd.choice(POSTS))
    day = a_day(rnd, 2016, 2030)
    planned = None if rnd.random() < 0.2 else day + dt.timedelta(days=rnd.randint(900, 1400))
    proposal = Proposal(rnd.choice(ACTIONS), day, planned)
    ctx = Context(holders=tuple(HeldPost(h, "Người giữ", post(*rnd.choice(POSTS))) for h in HOLDERS))
    ruleset = DEFAULT.with_params(
        {
            "non_local_includes_residence": rnd.random() < 0.5,
            "severities": {rnd.choice(DEFAULT.rules).code: rnd.choice(["hard", "soft"])},
        }
    )
    ranking = rank(people, target, proposal, ctx, ruleset)
    for i, someone in enumerate(people):
        evaluation = evaluate(someone, target, proposal, ctx, ruleset)
        expected = [CODES[r.outcome] for r in evaluation.results]
        assert ranking.matrix[i].tolist() == expected, (someone, [r.rule for r in evaluation.results])
        assert bool(ranking.eligible[i]) == evaluation.eligible


def test_eligible_people_come_first_then_fewer_failures_and_warnings():
    day = dt.date(2026, 1, 5)
    target = post(KY_NAM_PARTY, "X_BT")
    local = person(id=1, name="Local", hometown_name="Xã Kỳ Nam", hometown_ids=frozenset({KY_NAM.id}))  # hard
    short = person(id=2, name="Short", political_theory="intermediate")  # soft failure
    ready = person(id=3, name="Ready", evaluations={2024: "good", 2025: "good"})  # fewer warnings
    plain = person(id=4, name="Plain")
    population = Population([local, short, ready, plain])
    ranking = rank(population, target, Proposal("appointment", day), Context(), DEFAULT)
    assert [row.person.name for row in ranking.rows()] == ["Ready", "Plain", "Short", "Local"]
    assert ranking.eligible_count == 3
    first = ranking.rows(limit=1)[0]
    assert (first.eligible, first.hard_failures, first.soft_failures) == (True, 0, 0)
    assert first.outcomes["evaluation"] == Outcome.PASS
    explained = ranking.evaluations(limit=1, offset=3)[0]
    assert explained.person_name == "Local" and not explained.eligible
    assert explained.result("non_local").reason_vi.startswith("Quê quán xã Kỳ Nam")


def test_an_empty_population_ranks_to_nothing():
    ranking = rank(
        [], post(KY_NAM_PARTY, "X_BT"), Proposal("appointment", dt.date(2026, 1, 5)), Context(), DEFAULT
    )
    assert (len(ranking), ranking.rows(), ranking.eligible_count) == (0, [], 0)
