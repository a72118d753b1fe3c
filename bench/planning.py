"""Benchmark "planning": a province's planning coverage and five-year forecast (target: each under 1 s).

A fresh SQLite database gets a demo province of 5,000 managed cadres (`canbo demo`, which also plans its
leadership posts for 2026–2031 and trains some cadres); then the coverage (successors per title and the
pool's structure), the forecast (retirements by year against successors) and the body's training share are
computed for the province's party committee, each several times: the best and the median are printed.
"""

import json
import statistics
import sys
import time

from bench import benchmark, figure
from bench._fresh import run_worker

RUNS = 5
TARGET_SECONDS = 1.0


def options(parser):
    parser.add_argument(
        "--planning-cadres", type=int, default=5_000, metavar="N", help="Managed cadres (default 5,000)."
    )


@benchmark("planning", options=options)
def planning(args) -> None:
    result = run_worker("bench.planning", str(args.planning_cadres))
    if result is not None:
        figure("managed cadres", result["cadres"])
        figure("leadership posts", result["posts"])
        figure("planned successors", result["entries"])
        for name in ("coverage", "forecast", "training"):
            best, median = result[name]
            figure(f"{name} best", best * 1000, "ms")
            figure(f"{name} median", median * 1000, "ms")
            figure(f"{name} under {TARGET_SECONDS:g} s", "yes" if median < TARGET_SECONDS else "no")


def _timed(call) -> tuple[float, float]:
    times = []
    for _run in range(RUNS):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return round(min(times), 4), round(statistics.median(times), 4)


def _worker(cadres: int) -> None:
    import datetime as dt

    import django

    django.setup()
    from django.core.management import call_command

    from canbo.people.models import Cadre
    from canbo.planning import selectors
    from canbo.planning.models import PlanningTerm

    call_command("migrate", verbosity=0)
    call_command("demo", cadres=cadres, seed=2025, today=dt.date(2026, 11, 1), stdout=sys.stderr)
    term = PlanningTerm.objects.select_related("body").order_by("pk").first()
    day = dt.date(2026, 11, 1)
    found = selectors.coverage(term)
    print(
        json.dumps(
            {
                "cadres": Cadre.objects.count(),
                "posts": len(found.slots),
                "entries": term.entries.count(),
                "coverage": _timed(lambda: selectors.coverage(term)),
                "forecast": _timed(lambda: selectors.forecast(term, day)),
                "training": _timed(lambda: selectors.body_training(term.body, day, term)),
            }
        )
    )


if __name__ == "__main__":
    _worker(int(sys.argv[1]))
