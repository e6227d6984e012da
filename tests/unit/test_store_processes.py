"""Two real processes on one data folder: the second is told it is in use or waits; no update is lost."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from desktop.core.library import NullKeyer, PhraseLibrary
from desktop.core.store import Store

ROOT = Path(__file__).resolve().parents[2]
ENV = dict(os.environ, PYTHONPATH=str(ROOT))

# Opens, adds one phrase, closes; ``rounds`` times, waiting for the other writer each time.
WRITER = r"""
import sys
from desktop.core.library import NullKeyer, PhraseLibrary
from desktop.core.store import Store

name, data_dir, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
for i in range(rounds):
    with Store(data_dir, lock_timeout=60) as store:
        lib = PhraseLibrary(store, keyer=NullKeyer())
        lib.add_phrase("s", "%s-%d" % (name, i), "标题", "亲，%s 第 %d 条" % (name, i))
        lib.record_use(lib.by_code("shared").id)
print("done", flush=True)
"""

# Holds the library open until its stdin closes, like the window does.
HOLDER = r"""
import sys
from desktop.core.store import Store

with Store(sys.argv[1]) as store:
    print("open", flush=True)
    sys.stdin.read()
"""


def seed(path: Path) -> None:
    with Store(path, fsync=False) as store:
        lib = PhraseLibrary(store, keyer=NullKeyer())
        lib.add_scenario("共用", scenario_id="s")
        lib.add_phrase("s", "shared", "共用", "亲，两边都会用到这一条。")


def test_second_process_is_told_the_folder_is_in_use(tmp_path: Path) -> None:
    seed(tmp_path)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(tmp_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=ENV,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "open\n"
        # One language here (the command waits 3 s for the lock); both are checked in test_store.py.
        for locale, words in (("zh_CN", "正在被另一个快捷回复程序使用"),):
            result = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "desktop",
                    "--data-dir",
                    str(tmp_path),
                    "--locale",
                    locale,
                    "add",
                    "--scenario",
                    "s",
                    "--code",
                    "x",
                    "--title",
                    "t",
                    "亲",
                ],
                capture_output=True,
                text=True,
                env=ENV,
                timeout=60,
            )
            assert result.returncode == 1
            assert words in result.stderr and str(tmp_path) in result.stderr
            assert "Traceback" not in result.stderr
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=60)
    with Store(tmp_path, fsync=False) as store:
        assert [p.code for p in PhraseLibrary(store, keyer=NullKeyer()).phrases()] == ["shared"]


def test_two_writers_taking_turns_lose_nothing(tmp_path: Path) -> None:
    seed(tmp_path)
    rounds = 15
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, name, str(tmp_path), str(rounds)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=ENV,
            text=True,
        )
        for name in ("a", "b")
    ]
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        assert out == "done\n"
    with Store(tmp_path, fsync=False) as store:
        lib = PhraseLibrary(store, keyer=NullKeyer())
        codes = {p.code for p in lib.phrases()}
        assert codes == {"shared"} | {f"{n}-{i}" for n in "ab" for i in range(rounds)}
        assert lib.by_code("shared").uses == 2 * rounds  # lazily written counters are not lost either
