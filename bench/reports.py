"""Benchmark "reports": the structure report and the cadre list's Excel export on a demo province.

- SQLite: a fresh database of 100,000 demo cadres (`--reports-sqlite-cadres`) in a temporary directory; the
  structure report for the whole province, for the body managing the most cadres and for the communes' party
  committees; then the Excel export of every cadre (100,000 rows).
- PostgreSQL, when DATABASE_URL points to a PostgreSQL server: the same structure reports on 500,000 demo
  cadres (`--reports-postgres-cadres`), in a database named after DATABASE_URL's with `_bench_reports_<n>`
  appended, built once by the demo generator (bulk inserts, then VACUUM) and kept for later runs
  (`--reports-rebuild` builds it afresh); each run migrates it first, so it has the current indexes. Target:
  under 500 ms.

Each database gets its own process, since Django reads DATABASE_URL once at setup. Times are warm medians of
several runs, after one cold run that is printed too.
"""

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from bench import benchmark, figure
from bench.demo import ROOT, _fresh_postgres

REPEATS = 5
TARGET_MS = 500


def options(parser):
    parser.add_argument(
        "--reports-sqlite-cadres",
        type=int,
        default=100_000,
        metavar="N",
        help="Demo cadres of the reports benchmark on SQLite (default 100,000).",
    )
    parser.add_argument(
        "--reports-postgres-cadres",
        type=int,
        default=500_000,
        metavar="N",
        help="Demo cadres of the reports benchmark on PostgreSQL (default 500,000).",
    )
    parser.add_argument(
        "--reports-rebuild", action="store_true", help="Rebuild the reports benchmark's PostgreSQL database."
    )


def _worker(database_url: str, data_dir: str, *args: str) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "canbo.settings",
        "CANBO_DATA_DIR": data_dir,
        "CANBO_DEBUG": "0",
        "CANBO_SECRET_KEY": "benchmark-only-secret-key-not-for-production",
    }
    command = [sys.executable, "-m", "bench.reports", "--worker", *args]
    return subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True)


def _figures(label: str, done: subprocess.CompletedProcess) -> None:
    if done.returncode:
        figure(f"reports [{label}]", "failed")
        print(done.stdout[-2000:], done.stderr[-4000:], file=sys.stderr)
        return
    for name, value, unit in json.loads(done.stdout.strip().splitlines()[-1]):
        figure(f"reports [{label}] {name}", value, unit)


def _build(label: str, url: str, data_dir: str, size: int) -> bool:
    started = time.perf_counter()
    built = _worker(url, data_dir, "build", str(size))
    if built.returncode:
        figure(f"reports [{label}]", "failed to build")
        print(built.stderr[-4000:], file=sys.stderr)
        return False
    figure(f"reports [{label}] {size:,} demo cadres generated in", time.perf_counter() - started, "s")
    return True


def _postgres_url(size: int) -> str | None:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        return None
    parts = urlsplit(url)
    name = parts.path.lstrip("/") or "canbo"
    return urlunsplit(parts._replace(path=f"/{name}_bench_reports_{size}"))


@benchmark("reports", options=options)
def structure_report_and_export(args) -> None:
    size = args.reports_sqlite_cadres
    label = f"SQLite, {size:,} cadres"
    with tempfile.TemporaryDirectory(prefix="canbo-bench-") as tmp:
        url = f"sqlite:///{Path(tmp) / 'reports.sqlite3'}"
        if _build(label, url, tmp, size):
            _figures(label, _worker(url, tmp, "time", "--xlsx"))
    size = args.reports_postgres_cadres
    label = f"PostgreSQL, {size:,} cadres"
    url = _postgres_url(size)
    if url is None:
        figure(f"reports [{label}]", "skipped (DATABASE_URL is not PostgreSQL)")
        return
    with tempfile.TemporaryDirectory(prefix="canbo-bench-") as tmp:
        probe = _worker(url, tmp, "count")
        have = int(probe.stdout.strip() or -1) if probe.returncode == 0 else -1
        if have != size or args.reports_rebuild:
            if not _fresh_postgres(url):
                figure(f"reports [{label}]", "skipped (PostgreSQL not reachable)")
                return
            if not _build(label, url, tmp, size):
                return
        _figures(label, _worker(url, tmp, "time"))


# -- inside the benchmark's processes -----------------------------------------------------------------------


def _timed(run) -> tuple[float, float]:
    """(cold, warm median) of `run()` in milliseconds."""
    samples = []
    for _ in range(REPEATS + 1):
        started = time.perf_counter()
        run()
        samples.append((time.perf_counter() - started) * 1000)
    return samples[0], statistics.median(samples[1:])


def _time(with_xlsx: bool) -> None:
    from django.db.models import Count
    from django.utils import timezone

    from canbo.organizations.models import OrgUnit
    from canbo.people.models import Cadre
    from canbo.reports import selectors, tasks
    from canbo.reports.selectors import Population, Scope

    day = timezone.localdate()
    province = OrgUnit.objects.filter(depth=0).order_by("path").first()
    busiest = (
        Cadre.objects.values("managed_by")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .values_list("managed_by")[:1]
    )
    body = OrgUnit.objects.get(pk=busiest[0][0])
    figures = []
    for name, population in (
        ("province, cadres in post", Population(Scope.UNIT, province, day)),
        ("busiest managing body", Population(Scope.MANAGED_BY, body, day)),
        ("party committee members of the communes", Population(Scope.COMMUNE_COMMITTEES, province, day)),
    ):
        counted = selectors.structure(None, population)["total"]["count"]
        cold, warm = _timed(lambda p=population: selectors.structure(None, p))
        figures.append((f"structure report, {name} ({counted:,} counted)", warm, f"ms (target {TARGET_MS})"))
        figures.append((f"structure report, {name}, first run", cold, "ms"))
    if with_xlsx:
        cadres = Cadre.objects.order_by("sort_key", "pk")
        started = time.perf_counter()
        content = tasks.cadres_xlsx(cadres)
        seconds = time.perf_counter() - started
        rows = cadres.count()
        figures.append((f"Excel export of {rows:,} rows", seconds, "s"))
        figures.append(("Excel export rate", rows / seconds, "rows/s"))
        figures.append(("Excel export size", len(content) / 1e6, "MB"))
    print(json.dumps(figures))


def _vacuum() -> None:
    """The visibility map of the freshly loaded rows, as autovacuum would set it later: without it an
    index-only scan still visits the table."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM")


def _main(command: str, argv: list[str]) -> None:
    import django

    django.setup()
    if command == "build":
        from django.core.management import call_command

        from canbo.people.demo.writer import run_demo

        call_command("migrate", verbosity=0)
        run_demo(["31"], int(argv[0]), 2025, write=lambda line: print(line, file=sys.stderr, flush=True))
        _vacuum()
    elif command == "count":
        from canbo.people.models import Cadre

        print(Cadre.objects.count())
    elif command == "time":
        from django.core.management import call_command

        # A kept database gets the indexes added since it was built.
        call_command("migrate", verbosity=0)
        _time("--xlsx" in argv)


if __name__ == "__main__" and sys.argv[1:2] == ["--worker"]:
    _main(sys.argv[2], sys.argv[3:])
