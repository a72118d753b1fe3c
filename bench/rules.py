"""Benchmark "rules": the rules engine on plain data (no database).

- throughput: full evaluations (every rule, with reasons and facts) of one person against one post, per
  second, and the rule checks they contain;
- eligibility search: one post over 100,000 synthetic people with `rank` (target under 300 ms), p50/p95 over
  several posts and dates, plus the one-off cost of turning the people into columns (`Population`).

The people are made up: a province of 100 communes with their party committees and People's Committees,
careers of one to four posts, relatives among the post holders, some discipline, evaluations and planning.
"""

import datetime as dt
import random
import statistics
import time

from bench import benchmark, figure

PEOPLE = 100_000
COMMUNES = 100


def options(parser):
    parser.add_argument(
        "--rules-people", type=int, default=PEOPLE, metavar="N", help="People in the eligibility search."
    )


def _world(rnd: random.Random):
    from canbo.organizations.reference import STANDARD_BODIES, TITLES
    from canbo.rules.engine import Post, Title, Unit, leadership

    titles = {row[0]: Title.from_catalogue_row(row) for row in TITLES}
    province = Unit(1, "Tỉnh Thử", path="/1/", territory_id=1, territory_name="Tỉnh Thử")
    posts, next_id = [], 2
    for c in range(COMMUNES):
        commune = Unit(
            next_id, f"Xã {c}", path=f"/1/{next_id}/", territory_id=next_id, territory_name=f"Xã {c}"
        )
        next_id += 1
        for kind, template, seats in STANDARD_BODIES["commune"]:
            codes = [code for code, _n in seats]
            heads, deputies = leadership([titles[code] for code in codes])
            body = Unit(
                next_id,
                template.format(name=commune.name),
                path=f"{commune.path}{next_id}/",
                kind=kind,
                territory_id=commune.id,
                territory_name=commune.name,
                head_titles=heads,
                deputy_titles=deputies,
            )
            next_id += 1
            posts.extend(Post(body, titles[code], position_id=len(posts) + 1) for code in codes)
    return province, posts


def _people(rnd: random.Random, n: int, province, posts):
    from canbo.rules.engine import DisciplineRecord, Holding, Kin, Person, PlanningEntry

    communes = sorted({p.unit.territory_id for p in posts})
    people = []
    for pid in range(1, n + 1):
        held, start = [], dt.date(rnd.randint(2005, 2016), rnd.randint(1, 12), rnd.randint(1, 28))
        for k in range(rnd.randint(1, 4)):
            last = k == 3 or rnd.random() < 0.35
            end = None if last else start + dt.timedelta(days=rnd.randint(400, 2200))
            held.append(
                Holding(rnd.choice(posts), start, end, action=rnd.choice(["appointment", "rotation"]))
            )
            if end is None or end > dt.date(2025, 12, 31):
                break
            start = end
        home = rnd.choice(communes)
        people.append(
            Person(
                id=pid,
                code=f"CB{pid:06d}",
                name=f"Cán bộ {pid}",
                gender=rnd.choice(["male", "female"]),
                birth_date=dt.date(rnd.randint(1962, 1998), rnd.randint(1, 12), rnd.randint(1, 28)),
                hometown_name=f"Xã {home}",
                hometown_ids=frozenset({province.id, home}),
                degree=rnd.choice(["university", "university", "master", "college"]),
                political_theory=rnd.choice(["intermediate", "advanced", "advanced", "none"]),
                state_management=rnd.choice(["specialist", "principal", "none"]),
                disciplines=(DisciplineRecord("reprimand", dt.date(2024, 3, 1)),)
                if rnd.random() < 0.03
                else (),
                evaluations={2024: "good", 2025: rnd.choice(["good", "completed", "not_completed"])},
                planning=(PlanningEntry("X_BT", dt.date(2025, 10, 8), dt.date(2030, 10, 7)),)
                if rnd.random() < 0.05
                else (),
                kin=tuple(
                    Kin(rnd.choice(["spouse", "sibling", "child"]), "Người thân", rnd.randint(1, n))
                    for _ in range(rnd.randint(0, 2))
                ),
                posts=tuple(held),
            )
        )
    return people


def _holders(people, day):
    from canbo.rules.engine import HeldPost

    return tuple(HeldPost(p.id, p.name, h.post) for p in people for h in p.posts if h.held_on(day))


@benchmark("rules", options=options)
def run(args) -> None:
    from canbo.rules.engine import DEFAULT, Checker, Context, Population, Proposal, rank

    rnd = random.Random(2025)
    province, posts = _world(rnd)
    started = time.perf_counter()
    people = _people(rnd, args.rules_people, province, posts)
    figure("rules: synthetic people", len(people))
    figure("rules: making the people", time.perf_counter() - started, "s")
    day = dt.date(2026, 1, 5)
    secretaries = [p for p in posts if p.title.code == "X_BT"]
    holders = _holders(people, day)

    # Throughput: one full evaluation per (person, post) pair, reasons and facts included.
    sample = people[:20_000]
    checker = Checker(
        secretaries[0], Proposal("rotation", day, dt.date(2029, 1, 5)), Context(holders), DEFAULT
    )
    started = time.perf_counter()
    for person in sample:
        checker.evaluate(person)
    seconds = time.perf_counter() - started
    figure("rules: evaluations per second (12 rules, with reasons)", len(sample) / seconds, "/s")
    figure("rules: rule checks per second", len(sample) * len(DEFAULT.rules) / seconds, "/s")

    started = time.perf_counter()
    population = Population(people)
    figure(
        f"rules: columns for {len(people):,} people (built once, reused by searches)",
        time.perf_counter() - started,
        "s",
    )

    timings = []
    for run_number in range(20):
        target = secretaries[run_number % len(secretaries)]
        action = ("appointment", "rotation", "transfer", "reappointment")[run_number % 4]
        proposal = Proposal(action, day + dt.timedelta(days=31 * run_number), dt.date(2030, 1, 5))
        ctx = Context(tuple(h for h in holders if h.post.unit.territory_id == target.unit.territory_id))
        started = time.perf_counter()
        ranking = rank(population, target, proposal, ctx, DEFAULT)
        ranking.rows(limit=50)
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    figure(f"rules: eligibility search over {len(people):,} people p50", statistics.median(timings), "ms")
    figure(
        f"rules: eligibility search over {len(people):,} people p95",
        timings[int(round(0.95 * (len(timings) - 1)))],
        "ms",
    )
    figure("rules: eligible in the last search", ranking.eligible_count)
