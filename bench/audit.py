"""Benchmark "audit": what the audit trail costs a bulk edit of 10,000 cadres (target: under 30% slower).

The same edit (a phone number, through the service every edit takes) runs twice on a fresh SQLite database of
demo cadres, once with the audit trail suspended and once recording every change in the hash chain.
"""

import json
import sys
import time

from bench import benchmark, figure
from bench._fresh import run_worker


def options(parser):
    parser.add_argument(
        "--audit-records", type=int, default=10_000, metavar="N", help="Cadres edited (default 10,000)."
    )


@benchmark("audit", options=options)
def audit_overhead(args) -> None:
    result = run_worker("bench.audit", str(args.audit_records))
    if result is not None:
        figure(f"bulk edit of {result['records']:,} cadres without audit", result["without"], "s")
        figure(f"bulk edit of {result['records']:,} cadres with audit", result["with"], "s")
        figure("audit overhead", 100 * (result["with"] / result["without"] - 1), "%")


def _edit_all(cadres, suffix: str) -> float:
    from django.db import transaction

    from canbo.people.services import cadre_update

    started = time.perf_counter()
    with transaction.atomic():
        for number, cadre in enumerate(cadres):
            cadre_update(cadre, phone=f"09{suffix}{number:07d}")
    return time.perf_counter() - started


def _worker(records: int) -> None:
    import django

    django.setup()
    from django.core.management import call_command

    from canbo.audit.services import suspended
    from canbo.people.models import Cadre

    call_command("migrate", verbosity=0)
    call_command("demo", cadres=records, seed=2025, stdout=sys.stderr)
    cadres = list(Cadre.objects.order_by("pk")[:records])
    with suspended():
        without = _edit_all(cadres, "1")
    with_audit = _edit_all(cadres, "2")
    print(json.dumps({"records": len(cadres), "without": round(without, 2), "with": round(with_audit, 2)}))


if __name__ == "__main__":
    _worker(int(sys.argv[1]))
