"""`python -m bench [--only NAME ...]`: run the registered benchmarks (all by default)."""

import argparse
import importlib
import pkgutil
import sys
from pathlib import Path

import bench


def main(argv: list[str] | None = None) -> int:
    for module in pkgutil.iter_modules([str(Path(bench.__file__).parent)]):
        if not module.name.startswith("_"):
            importlib.import_module(f"bench.{module.name}")
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument(
        "--only",
        nargs="+",
        metavar="NAME",
        choices=sorted(bench.REGISTRY),
        help="Run only these benchmarks: " + ", ".join(sorted(bench.REGISTRY)),
    )
    for add_options in bench.OPTIONS:
        add_options(parser)
    args = parser.parse_args(argv)
    for name in args.only or sorted(bench.REGISTRY):
        print(f"== {name}", flush=True)
        bench.REGISTRY[name](args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
