"""Benchmark "backup": how long `canbo backup`, `canbo restore --verify-only` and `canbo restore` take on a
demo province (SQLite), and how large the archive is."""

import json
import sys
import tempfile
import time
from pathlib import Path

from bench import benchmark, figure
from bench._fresh import run_worker


def options(parser):
    parser.add_argument(
        "--backup-cadres", type=int, default=10_000, metavar="N", help="Demo cadres (default 10,000)."
    )


@benchmark("backup", options=options)
def backup_timings(args) -> None:
    result = run_worker("bench.backup", str(args.backup_cadres))
    if result is not None:
        figure(f"rows in {result['tables']} tables", result["rows"])
        figure("archive size", result["size"] / 1_000_000, "MB")
        for step in ("backup", "verify", "restore"):
            figure(f"{step} ({result['method']})", result[step], "s")


def _timed(function, *args):
    started = time.perf_counter()
    value = function(*args)
    return value, round(time.perf_counter() - started, 2)


def _worker(cadres: int) -> None:
    import django

    django.setup()
    from django.core.management import call_command

    from canbo.core import backup

    call_command("migrate", verbosity=0)
    call_command("demo", cadres=cadres, seed=2025, stdout=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="canbo-bench-backup-") as tmp:
        archive = Path(tmp) / "canbo.tar.gz"
        manifest, backed_up = _timed(backup.backup, archive)
        (_, verified), verify = _timed(backup.verify_archive, archive)
        (_, restored), restore = _timed(backup.restore, archive)
        assert verified.ok and restored.ok, verified.problems + restored.problems
        result = {
            "method": manifest["method"],
            "tables": len(manifest["counts"]),
            "rows": sum(manifest["counts"].values()),
            "size": archive.stat().st_size,
            "backup": backed_up,
            "verify": verify,
            "restore": restore,
        }
    print(json.dumps(result))


if __name__ == "__main__":
    _worker(int(sys.argv[1]))
