"""The planning engine is plain Python: importing it loads no Django."""

import subprocess
import sys


def test_the_engine_imports_without_django():
    code = "import sys, canbo.planning.engine; print('django' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
