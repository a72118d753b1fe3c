"""Benchmark "demo generation rate": `canbo demo` into a fresh SQLite database (and PostgreSQL when
reachable).

Each database gets its own process, since Django reads DATABASE_URL once at setup. PostgreSQL is used when
BENCH_POSTGRES_URL, or by default postgres://postgres@127.0.0.1:5432/canbo_bench, can be reached; the database
named there is dropped and created afresh.
"""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from bench import benchmark, figure

DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432/canbo_bench"
ROOT = Path(__file__).resolve().parent.parent


def options(parser):
    parser.add_argument(
        "--demo-cadres",
        type=int,
        default=500_000,
        metavar="N",
        help="Cadres the demo benchmark generates (default 500,000).",
    )
    parser.add_argument(
        "--demo-province",
        action="append",
        metavar="CODE",
        help="Province for the demo benchmark (default 31); repeat for several.",
    )


def _fresh_postgres(url: str) -> bool:
    """Drop and create the benchmark database; False when the server cannot be reached."""
    try:
        import psycopg
    except ImportError:
        return False
    parts = urlsplit(url)
    name = parts.path.lstrip("/") or "canbo_bench"
    admin = urlunsplit(parts._replace(path="/postgres"))
    try:
        with psycopg.connect(admin, autocommit=True, connect_timeout=3) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
    except psycopg.Error:
        return False
    return True


def _run(label: str, database_url: str, data_dir: str, args) -> None:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "canbo.settings",
        "CANBO_DATA_DIR": data_dir,
    }
    provinces = args.demo_province or ["31"]
    command = [sys.executable, "-m", "bench.demo", "--worker", str(args.demo_cadres), *provinces]
    done = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True)
    if done.returncode:
        figure(f"demo generation rate [{label}]", "failed")
        print(done.stdout[-2000:], done.stderr[-4000:], file=sys.stderr)
        return
    totals = json.loads(done.stdout.strip().splitlines()[-1])
    seconds = totals["seconds"]
    figure(f"demo generation rate [{label}] cadres", totals["cadres"])
    figure(
        f"demo generation rate [{label}] rows (assignments, decisions, relatives)",
        totals["assignments"] + totals["decisions"] + totals["relatives"],
    )
    figure(f"demo generation rate [{label}] total", seconds, "s")
    figure(f"demo generation rate [{label}]", totals["cadres"] / seconds if seconds else 0.0, "cadres/s")


@benchmark("demo", options=options)
def demo_generation_rate(args) -> None:
    with tempfile.TemporaryDirectory(prefix="canbo-bench-") as tmp:
        _run("SQLite", f"sqlite:///{Path(tmp) / 'bench.sqlite3'}", tmp, args)
        url = os.environ.get("BENCH_POSTGRES_URL", DEFAULT_POSTGRES)
        if _fresh_postgres(url):
            _run("PostgreSQL", url, tmp, args)
        else:
            figure("demo generation rate [PostgreSQL]", "skipped (server not reachable)")


def _worker(argv: list[str]) -> None:
    """Inside the bench process: set up Django on DATABASE_URL, migrate, generate, print totals as JSON."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "canbo.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from canbo.people.demo.writer import run_demo

    cadres, provinces = int(argv[0]), argv[1:]
    call_command("migrate", verbosity=0)
    totals = run_demo(provinces, cadres, 2025, write=lambda line: print(line, file=sys.stderr, flush=True))
    totals.pop("moves", None)
    print(json.dumps(totals))


if __name__ == "__main__" and sys.argv[1:2] == ["--worker"]:
    _worker(sys.argv[2:])
