"""``python -m benchmarks [--quick] [--only AREA]``: print the table of figures."""

from __future__ import annotations

import argparse
import importlib
import platform
import sys

from benchmarks.table import Row, render

# Each module exposes run(quick: bool) -> list[Row].
MODULES = ["bench_store", "bench_exchange", "bench_packaging", "bench_risk", "bench_search", "bench_window"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("--quick", action="store_true", help="smaller sizes, for a smoke run")
    parser.add_argument("--only", action="append", help="run only these modules (e.g. bench_store)")
    args = parser.parse_args(argv)
    rows: list[Row] = []
    for name in MODULES:
        if args.only and name not in args.only:
            continue
        module = importlib.import_module(f"benchmarks.{name}")
        rows.extend(module.run(args.quick))
        print(f"... {name} done", file=sys.stderr)
    print(f"Python {platform.python_version()} on {platform.machine()}, {platform.system()}")
    print(render(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
