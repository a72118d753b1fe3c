"""The engine is plain Python: importing it must not load Django."""

import subprocess
import sys

CHECK = (
    "import sys, canbo.rules.engine\n"
    "loaded = sorted(m for m in sys.modules if m == 'django' or m.startswith('django.'))\n"
    "print(loaded)\n"
    "sys.exit(1 if loaded else 0)\n"
)


def test_importing_the_engine_loads_no_django_module():
    done = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.strip() == "[]"
