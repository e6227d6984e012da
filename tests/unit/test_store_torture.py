"""Kill a writing process at random moments: every acknowledged edit survives, no file is damaged."""

from __future__ import annotations

import hashlib
import json
import os
import random
import selectors
import subprocess
import sys
import time
from pathlib import Path

from desktop.core.library import NullKeyer, PhraseLibrary
from desktop.core.store import DATA_FILE, Store

KILLS = 200
SEED = 20261123
MAX_DELAY = 0.150  # seconds after the child's first acknowledgement
WAIT_FIRST_ACK = 60.0  # a generous bound on start-up, only reached if the child is broken

# The child edits through PhraseLibrary (with fsync, as in real use) and prints "intent" before and
# "ack" after each call; a line in the pipe is a promise that the call had returned.
CHILD = r"""
import hashlib, random, sys
from desktop.core.library import NullKeyer, PhraseLibrary
from desktop.core.store import Store

run, data_dir = int(sys.argv[1]), sys.argv[2]
rng = random.Random(run)
store = Store(data_dir, lock_timeout=30)
store.open()
lib = PhraseLibrary(store, keyer=NullKeyer())
if not lib.scenarios():
    lib.add_scenario("压力测试", scenario_id="t")
n = 0
while True:
    code = "c%d" % rng.randrange(120)
    text = "亲，第%d轮第%d次：" % (run, n) + "好" * rng.randrange(200)
    digest = hashlib.sha1(text.encode()).hexdigest()[:16]
    print("intent", code, digest, flush=True)
    p = lib.find_code(code)
    if p is None:
        lib.add_phrase("t", code, "标题" + code, text, tags=["压力"])
    else:
        lib.update_phrase(p.id, text=text)
    print("ack", code, digest, flush=True)
    n += 1
"""


def digest(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()[:16]


def run_child_and_kill(data_dir: Path, run: int, delay: float) -> tuple[list[str], str]:
    """Start a child, SIGKILL it ``delay`` s after its first ack; its complete output lines and stderr."""
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(run), str(data_dir)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert proc.stdout is not None and proc.stderr is not None
    buf = b""
    sel = selectors.DefaultSelector()
    sel.register(proc.stdout, selectors.EVENT_READ)
    os.set_blocking(proc.stdout.fileno(), False)
    deadline = time.monotonic() + WAIT_FIRST_ACK
    acked = False
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                break
            if sel.select(timeout=left):
                chunk = proc.stdout.read()
                if not chunk:  # the child died on its own
                    break
                buf += chunk
                if not acked and b"\nack " in b"\n" + buf:
                    acked = True
                    deadline = time.monotonic() + delay
    finally:
        proc.kill()
        proc.wait()
        sel.close()
    os.set_blocking(proc.stdout.fileno(), True)
    buf += proc.stdout.read()
    err = proc.stderr.read().decode("utf-8", "replace")
    proc.stdout.close()
    proc.stderr.close()
    assert acked, f"child {run} never acknowledged a write:\n{err}"
    complete = buf.decode("utf-8").split("\n")[:-1]  # a last line without "\n" was cut by the kill
    return complete, err


def test_acknowledged_writes_survive_sigkill(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    expected: dict[str, str] = {}  # code -> digest of its last acknowledged text
    total_acks = 0
    for run in range(KILLS):
        lines, err = run_child_and_kill(tmp_path, run, rng.uniform(0, MAX_DELAY))
        assert "Traceback" not in err, err
        pending: tuple[str, str] | None = None
        for line in lines:
            kind, code, dig = line.split()
            if kind == "intent":
                pending = (code, dig)
            else:
                assert pending == (code, dig)
                expected[code] = dig
                pending = None
                total_acks += 1

        # The file on disk parses as it is: nothing was half-written.
        json.loads((tmp_path / DATA_FILE).read_text("utf-8"))
        with Store(tmp_path, lock_timeout=0, fsync=False) as store:  # the dead child left no lock
            report = store.report
            assert report is not None and not report.recovered and report.migrated_from is None
            lib = PhraseLibrary(store, keyer=NullKeyer())
            assert lib.skipped == []
            found = {p.code: digest(p.text) for p in lib.phrases()}
        for code, dig in expected.items():
            if found.get(code) != dig:
                # Only the one call in flight at the kill may have landed without its ack.
                assert pending is not None and (code, found.get(code)) == pending, (run, code)
        if pending is not None and found.get(pending[0]) == pending[1]:
            expected[pending[0]] = pending[1]
        assert set(found) == set(expected), run
        assert list(tmp_path.glob("*.corrupt-*")) == []
    assert total_acks >= KILLS  # every run acknowledged at least one write
