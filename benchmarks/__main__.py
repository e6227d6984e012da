"""``python -m benchmarks [--quick] [--only AREA]``: print the table of figures."""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
from pathlib import Path

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
        rows.extend(_run_apart(name, args.quick))
        print(f"... {name} done", file=sys.stderr)
    print(f"Python {platform.python_version()} on {platform.machine()}, {platform.system()}")
    print(render(rows))
    return 0


def _run_apart(name: str, quick: bool) -> list[Row]:
    """One area in a fresh interpreter: what an earlier area left behind (a heap grown by 100k-phrase
    libraries, objects the garbage collector walks, modules loaded) cannot slow this one down."""
    code = ("import dataclasses, importlib, json, sys; "
            f"rows = importlib.import_module('benchmarks.{name}').run({quick!r}); "
            "print('ROWS ' + json.dumps([dataclasses.asdict(r) for r in rows]))")
    done = subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).resolve().parent.parent,
                          stdout=subprocess.PIPE, text=True, check=True)
    line = next(x for x in reversed(done.stdout.splitlines()) if x.startswith("ROWS "))
    return [Row(**fields) for fields in json.loads(line[len("ROWS "):])]


if __name__ == "__main__":
    sys.exit(main())
