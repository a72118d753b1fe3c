"""Run a benchmark's worker in its own process on a fresh SQLite database (Django reads DATABASE_URL once at
setup), and read the JSON line it prints last."""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bench import figure
from bench.demo import ROOT


def run_worker(module: str, *args: str) -> dict | None:
    """`python -m module args...` on an empty database in a temporary folder; None (and the error shown) when
    the worker failed."""
    with tempfile.TemporaryDirectory(prefix="canbo-bench-") as tmp:
        env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{Path(tmp) / 'bench.sqlite3'}",
            "DJANGO_SETTINGS_MODULE": "canbo.settings",
            "CANBO_DATA_DIR": tmp,
        }
        done = subprocess.run(
            [sys.executable, "-m", module, *args], env=env, cwd=ROOT, capture_output=True, text=True
        )
    if done.returncode:
        figure(module.removeprefix("bench."), "failed")
        print(done.stderr[-3000:], file=sys.stderr)
        return None
    return json.loads(done.stdout.strip().splitlines()[-1])
