"""Benchmarks that print figures to compare between versions: `python -m bench [--only NAME ...]`.

A benchmark is a function registered with `@benchmark("name")`; it receives the parsed options and prints
its figures with `figure()`. Modules of this package are imported by `python -m bench`, so a new module only
has to register its functions. Options a benchmark needs are declared with `@benchmark("name",
options=...)`.
"""

from collections.abc import Callable

REGISTRY: dict[str, Callable] = {}
OPTIONS: list[Callable] = []


def benchmark(name: str, options: Callable | None = None):
    """Register `function(args)` under `name`; `options(parser)` may add command-line options."""

    def register(function: Callable) -> Callable:
        REGISTRY[name] = function
        if options is not None:
            OPTIONS.append(options)
        return function

    return register


def figure(label: str, value, unit: str = "") -> None:
    """One labelled figure per line, easy to read and to grep."""
    if isinstance(value, float):
        text = f"{value:,.1f}"
    elif isinstance(value, int):
        text = f"{value:,}"
    else:
        text = str(value)
    print(f"{label}: {text}{' ' + unit if unit else ''}", flush=True)
