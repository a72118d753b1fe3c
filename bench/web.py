"""Benchmark "web": the cadre list page and search on PostgreSQL with 100,000 and 500,000 cadres.

Each size gets its own database (canbo_bench_web_<n>), built once by `canbo demo` and kept for later runs
(`--web-rebuild` builds it afresh). Timings go through Django's full request path (middleware, scope, filters,
template) with the test client, warm, for a user who sees everything and for a user scoped to one commune.
Targets: list page under 150 ms, search p95 under 50 ms. The due lists page of the whole city and of one
commune is timed too.
"""

import json
import os
import statistics
import subprocess
import sys
import time
from urllib.parse import urlsplit, urlunsplit

from bench import benchmark, figure
from bench.demo import DEFAULT_POSTGRES, ROOT, _fresh_postgres

REPEATS = 30
DUE_REPEATS = 3


def options(parser):
    parser.add_argument(
        "--web-sizes",
        type=int,
        nargs="+",
        default=[100_000, 500_000],
        metavar="N",
        help="Cadre counts of the web benchmark's databases (default 100,000 and 500,000).",
    )
    parser.add_argument(
        "--web-rebuild", action="store_true", help="Rebuild the web benchmark's databases even if they exist."
    )


def _database_url(size: int) -> str:
    parts = urlsplit(os.environ.get("BENCH_POSTGRES_URL", DEFAULT_POSTGRES))
    return urlunsplit(parts._replace(path=f"/canbo_bench_web_{size}"))


def _canbo(url: str, *args: str, capture: bool = True) -> subprocess.CompletedProcess:
    # Production settings: cached templates, no debug bookkeeping.
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "canbo.settings",
        "CANBO_DEBUG": "0",
        "CANBO_SECRET_KEY": "benchmark-only-secret-key-not-for-production",
    }
    return subprocess.run(
        [sys.executable, "-m", "bench.web", *args], env=env, cwd=ROOT, capture_output=capture, text=True
    )


@benchmark("web", options=options)
def cadre_list_and_search(args) -> None:
    for size in args.web_sizes:
        url = _database_url(size)
        probe = _canbo(url, "--count")
        have = int(probe.stdout.strip() or -1) if probe.returncode == 0 else -1
        if have != size or args.web_rebuild:
            if not _fresh_postgres(url):
                figure(f"web [{size:,} cadres]", "skipped (PostgreSQL not reachable)")
                continue
            started = time.perf_counter()
            built = _canbo(url, "--build", str(size))
            if built.returncode:
                figure(f"web [{size:,} cadres]", "failed to build")
                print(built.stderr[-3000:], file=sys.stderr)
                continue
            figure(f"web [{size:,} cadres] database built in", time.perf_counter() - started, "s")
        timed = _canbo(url, "--time")
        if timed.returncode:
            figure(f"web [{size:,} cadres]", "failed")
            print(timed.stderr[-3000:], file=sys.stderr)
            continue
        for label, ms in json.loads(timed.stdout.strip().splitlines()[-1]):
            figure(f"web [{size:,} cadres] {label}", ms, "ms")


# -- inside the benchmark's processes -----------------------------------------------------------------------


def _setup():
    import django

    django.setup()


def _count() -> None:
    _setup()
    from canbo.people.models import Cadre

    print(Cadre.objects.count())


def _build(size: int) -> None:
    _setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("demo", cadres=size, seed=2025, history_only=True, stdout=sys.stderr)


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered), p95


def _time() -> None:
    _setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.db.models import Count
    from django.test import Client

    from canbo.accounts.models import Membership
    from canbo.core.text import fold
    from canbo.organizations.models import OrgUnit
    from canbo.people.models import Cadre

    User = get_user_model()
    admin = User.objects.filter(username="bench-admin").first() or User.objects.create_superuser(
        "bench-admin", "", None
    )
    commune = OrgUnit.objects.current().filter(kind="commune").order_by("code").first()
    scoped = User.objects.filter(username="bench-commune").first()
    if scoped is None:
        scoped = User.objects.create_user("bench-commune", "", None)
        Membership.objects.create(user=scoped, unit=commune, role="viewer")

    sample = Cadre.objects.order_by("pk")[Cadre.objects.count() // 2]
    rare, rare_gender = Cadre.objects.values_list("given_name", "gender").order_by("-pk")[7]
    # The most frequent given name: its matches lie together in the name order, as a rare one's do.
    common = (
        Cadre.objects.values_list("given_name", flat=True)
        .annotate(n=Count("pk"))
        .order_by("-n", "given_name")[0]
    )
    queries = {
        "search 'nguyen van'": {"q": "nguyen van"},
        "search full name with diacritics": {"q": sample.full_name},
        "search full name without diacritics": {"q": fold(sample.full_name)},
        "search rare given name": {"q": rare},
        "search rare given name, one gender": {"q": rare, "gender": rare_gender},
        "search common given name": {"q": common},
        "search code": {"q": sample.code},
    }
    pages = {
        "list page 1": {},
        "list page 200": {"page": 200},
        "list women under 30": {"gender": "female", "age_band": "under_30"},
        "list unit subtree": {"unit": commune.pk},
    }
    results = []
    with connection.cursor() as cursor:
        cursor.execute("SELECT version()")
        print(cursor.fetchone()[0], file=sys.stderr)

    # Production settings redirect plain HTTP to HTTPS, so requests come as over TLS.
    def measure(client, label, params, headers=None):
        for _ in range(3):
            client.get("/cadres/", params, headers=headers, secure=True)
        samples = []
        for _ in range(REPEATS):
            started = time.perf_counter()
            response = client.get("/cadres/", params, headers=headers, secure=True)
            samples.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (label, response.status_code)
        p50, p95 = _percentiles(samples)
        results.append((f"{label} p50", round(p50, 1)))
        results.append((f"{label} p95", round(p95, 1)))

    for who, user in (("all units", admin), ("one commune", scoped)):
        client = Client()
        client.force_login(user)
        for label, params in {**pages, **queries}.items():
            measure(client, f"[{who}] {label}", params)
        # Typing in the search box asks for the results table only (htmx), which is what a searcher waits for.
        for label, params in queries.items():
            measure(client, f"[{who}] {label} as typed", params, {"HX-Request": "true"})
    # The due lists of the whole city and of one commune: seconds, not milliseconds, so a few runs.
    client = Client()
    client.force_login(admin)
    city = OrgUnit.objects.get(path=commune.path[: commune.path.index("/", 1) + 1])
    for label, body in (("whole city", city), ("one commune", commune)):
        samples = []
        for _ in range(DUE_REPEATS):
            started = time.perf_counter()
            response = client.get("/careers/due/", {"body": body.pk}, secure=True)
            samples.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (label, response.status_code)
        results.append((f"due lists, {label}, median of {DUE_REPEATS}", round(statistics.median(samples), 1)))
    print(json.dumps(results))


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "--count":
        _count()
    elif command == "--build":
        _build(int(sys.argv[2]))
    elif command == "--time":
        _time()
