"""Packaging figures: the frozen bundle's size (unpacked and compressed) and how fast it starts.

Baselines are the unfrozen equivalents measured in the same run: the installed size of the
packages the app depends on (what a Python install would need), and ``python -m desktop``
started the same way. The bundle in dist/quickreply is reused when it is newer than the sources;
otherwise it is rebuilt there (~20 s).
"""

from __future__ import annotations

import importlib.metadata as md
import importlib.util
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from benchmarks.startup import compile_sources, start_until_shown
from benchmarks.table import Row

AREA = "packaging"
ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
MB = 1024 * 1024


def _builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_linux", ROOT / "packaging" / "build_linux.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _program(bundle: Path) -> Path:
    return bundle / ("quickreply-cli.exe" if sys.platform == "win32" else "quickreply")


def _newest_source() -> float:
    sources = [*ROOT.joinpath("desktop").rglob("*.py"), *ROOT.joinpath("phrases").rglob("*.json"),
               ROOT / "build.spec"]
    return max(p.stat().st_mtime for p in sources)


def ensure_bundle() -> Path:
    """dist/quickreply, rebuilt only when missing or older than the sources."""
    bundle = DIST / "quickreply"
    program = _program(bundle)
    if not program.exists() or program.stat().st_mtime < _newest_source():
        _builder().build_bundle(DIST, ROOT / "build")
    return bundle


def tree_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def _requirement_names(dist_name: str) -> list[str]:
    names = []
    for req in md.requires(dist_name) or []:
        if "extra ==" in req:
            continue
        marker = req.split(";", 1)[1] if ";" in req else ""
        if "sys_platform" in marker:
            wanted = ("== 'win32'" in marker or '== "win32"' in marker) == (sys.platform == "win32")
            if not wanted:
                continue
        names.append(re.split(r"[\s<>=!~;\[(]", req, maxsplit=1)[0])
    return names


def dependency_size() -> int:
    """Installed size of the app's runtime dependencies, transitively (PySide6, shiboken6, ...)."""
    seen: set[str] = set()
    todo = _requirement_names("quickreply")
    total = 0
    while todo:
        name = todo.pop().lower().replace("_", "-")
        if name in seen:
            continue
        seen.add(name)
        try:
            dist = md.distribution(name)
        except md.PackageNotFoundError:
            continue
        for f in dist.files or []:
            path = Path(str(dist.locate_file(f)))
            if path.is_file():
                total += path.stat().st_size
        todo.extend(_requirement_names(name))
    return total


def time_to_window(command: list[str], env: dict[str, str]) -> float:
    """Milliseconds from starting the process until it reports its window shown."""
    return start_until_shown(command, env).shown_ms


def time_command(command: list[str], env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(command, env=env, check=True, capture_output=True)
    return (time.perf_counter() - t0) * 1000


def _median(fn: Callable[[], float], repeat: int) -> float:
    return statistics.median(fn() for _ in range(repeat))


def run(quick: bool) -> list[Row]:
    bundle = ensure_bundle()
    program = _program(bundle)
    rows: list[Row] = []

    unpacked = tree_size(bundle) / MB
    rows.append(Row(AREA, "bundle size, unpacked", unpacked, "installed size of PySide6 + deps (unfrozen)",
                    dependency_size() / MB, unit="MB", target="<= 130 MB"))

    with tempfile.TemporaryDirectory(prefix="quickreply-bench-") as tmp:
        tmp_path = Path(tmp)
        if sys.platform.startswith("linux"):
            archive = _builder().build_tarball(bundle, tmp_path, fast=quick)
            kind = ".tar.gz (quick)" if quick else ".tar.xz"
            rows.append(Row(AREA, f"bundle size, compressed {kind}", archive.stat().st_size / MB,
                            "bundle size, unpacked", unpacked, unit="MB", target="<= 50 MB"))

        home = tmp_path / "home"
        home.mkdir()
        data = tmp_path / "data"
        env = {k: v for k, v in os.environ.items() if not k.startswith("QUICKREPLY_")}
        env.update(QT_QPA_PLATFORM="offscreen", QUICKREPLY_EXIT_AFTER_SHOW="1", HOME=str(home),
                   QUICKREPLY_DATA_DIR=str(data))
        frozen = [str(program)]
        unfrozen = [sys.executable, "-m", "desktop"]
        repeat = 2 if quick else 5
        compile_sources()  # the frozen bundle carries bytecode; so does an installed copy
        # The first start seeds the library and warms the file cache for both; it is not counted.
        time_to_window(frozen, env)
        time_to_window(unfrozen, env)
        frozen_ms = _median(lambda: time_to_window(frozen, env), repeat)
        unfrozen_ms = _median(lambda: time_to_window(unfrozen, env), repeat)
        rows.append(Row(AREA, "start to window shown, frozen", frozen_ms,
                        "python -m desktop, same library", unfrozen_ms, target="<= 1.5x baseline"))

        frozen_cli = _median(lambda: time_command([*frozen, "list"], env), repeat)
        unfrozen_cli = _median(lambda: time_command([*unfrozen, "list"], env), repeat)
        rows.append(Row(AREA, "CLI `list` start to exit, frozen", frozen_cli,
                        "python -m desktop list", unfrozen_cli, target="<= 1.5x baseline"))
    return rows
