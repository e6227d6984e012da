"""Window figures at 10k phrases: start to shown, keystroke to list updated, Enter to clipboard, memory.

The library is the search benchmark's: 10k phrases made from the shipped zh_CN pack, with the
pinyin keys the keyer stores, written once to a temporary data folder.

- Start: ``python -m desktop --data-dir D`` with ``QUICKREPLY_EXIT_AFTER_SHOW=1`` (the app prints a
  marker once its window is shown and takes keys, a second once the work it does after that is
  done: risk checker built, every search string warm; then quits), timed from process start to
  each line; the baseline is a bare PySide6 ``QWidget`` started, shown and reported the same
  way. Offscreen platform, median of several starts taken in turn, after one unmeasured start of
  each. The project's bytecode is compiled first, as an installed copy has it.
- Memory: resident set size of each of those processes read by the process itself at the moment
  it writes each marker (the app is started through a small wrapper that taps its stdout); the
  target is checked once start-up is done, when everything the window keeps is loaded.
- Keystroke: in this process, the window built as the app builds it (``build_window``) with fake
  hotkeys and paster; realistic queries typed one character at a time into the search field
  (key events for ASCII, an insertion for Chinese characters, as an input method commits them),
  each timed until the event queue is empty and the list model holds the new rows (index warmed
  and ``gc.freeze()`` first, as the app does once shown). The baseline is ``SearchIndex.search``
  of a separate, warmed index for the same prefixes in the same order.
- Copy: Enter in the search field until the Qt clipboard holds the reply; the baseline is
  ``QClipboard.setText`` of the same text alone.
"""

from __future__ import annotations

import gc
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.bench_search import _keystrokes, _queries, make_library, write_store
from benchmarks.startup import SHOWN, STARTED, compile_sources, start_until_shown
from benchmarks.table import Row, percentile

AREA = "window"
ROOT = Path(__file__).resolve().parent.parent
# Failure deadline for a start that never shows its window, not an expected duration.

# The baseline: the least a PySide6 window costs to start, reported exactly as the app reports it.
BARE_WINDOW = f"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

app = QApplication(sys.argv[:1])
window = QWidget()
window.resize(560, 620)
window.show()

def shown():
    if "--rss" in sys.argv:
        import psutil
        print("RSS", psutil.Process().memory_info().rss, flush=True)
    print("{SHOWN}", flush=True)
    app.quit()

QTimer.singleShot(0, shown)
sys.exit(app.exec())
"""

# The app itself, unchanged, with its stdout tapped: the RSS is read when the marker is written.
APP_WITH_RSS = f"""
import sys
import psutil

class Tap:
    def __init__(self, out):
        self.out = out
    def write(self, text):
        if "{SHOWN}" in text or "{STARTED}" in text:
            self.out.write(f"RSS {{psutil.Process().memory_info().rss}}\\n")
        return self.out.write(text)
    def flush(self):
        self.out.flush()
    def __getattr__(self, name):
        return getattr(self.out, name)

sys.stdout = Tap(sys.stdout)
from desktop.cli import main
sys.exit(main(sys.argv[1:]))
"""


def benchstart_until_shown(data: Path, home: Path, label: str, quick: bool) -> list[Row]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("QUICKREPLY_")}
    env.update(QT_QPA_PLATFORM="offscreen", QUICKREPLY_EXIT_AFTER_SHOW="1", HOME=str(home))
    compile_sources()
    app = [sys.executable, "-m", "desktop", "--data-dir", str(data)]
    bare = [sys.executable, "-c", BARE_WINDOW]
    # Unmeasured: warms the file cache for both and lets the app write its first settings.
    start_until_shown(app, env)
    start_until_shown(bare, env)
    repeat = 3 if quick else 7
    app_starts, bare_ms = [], []
    for _ in range(repeat):  # in turn, so a busy moment of the shared machine hits both
        app_starts.append(start_until_shown(app, env))
        bare_ms.append(start_until_shown(bare, env).shown_ms)
    bare_median = statistics.median(bare_ms)
    rows = [Row(AREA, f"start to window shown, {label} phrases (median of {repeat})",
                statistics.median(s.shown_ms for s in app_starts), "bare PySide6 QWidget shown, same way",
                bare_median, target="<= 2x"),
            Row(AREA, f"start to start-up work done (risk checker, search warm), {label}",
                statistics.median(s.started_ms for s in app_starts), "bare PySide6 QWidget shown, same way",
                bare_median)]

    app_rss, bare_rss = [], []
    for _ in range(2 if quick else 3):
        app = [sys.executable, "-c", APP_WITH_RSS, "--data-dir", str(data)]
        app_rss.append(start_until_shown(app, env))
        bare_rss.append(start_until_shown([*bare, "--rss"], env).shown_rss)
    mib = 2**20
    bare_mib, bare_what = statistics.median(bare_rss) / mib, "bare PySide6 QWidget shown (RSS)"
    rows.append(Row(AREA, f"resident memory once start-up is done, {label} phrases (RSS)",
                    statistics.median(s.started_rss for s in app_rss) / mib, bare_what, bare_mib,
                    unit="MiB", target="<= 1.5x"))
    rows.append(Row(AREA, f"resident memory when the window is shown, {label} phrases (RSS)",
                    statistics.median(s.shown_rss for s in app_rss) / mib, bare_what, bare_mib, unit="MiB"))
    return rows


class TimedClipboard:
    """The Qt clipboard, noting when the text has been set."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.set_at = 0.0

    def set_text(self, text: str) -> None:
        self.inner.set_text(text)
        self.set_at = time.perf_counter()

    def text(self) -> str:
        return str(self.inner.text())


def bench_in_process(data: Path, label: str, quick: bool) -> list[Row]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import shiboken6
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QClipboard
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from desktop.app import build_window, make_services, make_translator
    from desktop.core.listing import SEARCH_LIMIT
    from desktop.core.placeholders import asked_fields
    from desktop.core.search import SearchIndex
    from desktop.core.session import open_session
    from desktop.platform.hotkeys import FakeHotkeys
    from desktop.platform.paste import FakePaster
    from desktop.platform.qt_clipboard import QtClipboard
    from desktop.resources import default_pack

    app = QApplication.instance() or QApplication([])
    session = open_session(data, locale="zh_CN", pack_for_locale=default_pack)
    clipboard = TimedClipboard(QtClipboard())
    window = build_window(session, make_services(session, clipboard=clipboard, hotkeys=FakeHotkeys(),
                                                 paster=FakePaster()), make_translator("zh_CN"))
    baseline = SearchIndex(session.library)
    try:
        window.show_window()
        app.processEvents()
        # As the app does once its window is up: the index warmed, the loaded objects frozen.
        window.services.search.warm()
        baseline.warm()
        gc.collect()
        gc.freeze()
        lib = session.library
        queries = _queries(lib, random.Random(11), 16 if quick else 48)
        box = window.search

        def type_char(ch: str) -> None:
            if ch.isascii():
                QTest.keyClick(box, ch)
            else:  # an input method commits Chinese characters into the field
                box.insert(ch)

        typed, bare = [], []
        for q in queries:
            box.clear()
            app.processEvents()
            for k, ch in enumerate(q, start=1):
                t0 = time.perf_counter()
                type_char(ch)
                app.processEvents()
                typed.append((time.perf_counter() - t0) * 1000)
                assert box.text() == q[:k], (box.text(), q[:k])
        for prefix in _keystrokes(queries):
            t0 = time.perf_counter()
            baseline.search(prefix, limit=SEARCH_LIMIT)
            bare.append((time.perf_counter() - t0) * 1000)
        what = f"keystroke to list updated, {label} phrases ({len(typed)} keystrokes)"
        rows = [
            Row(AREA, what + " p50", percentile(typed, 50), "SearchIndex.search alone p50",
                percentile(bare, 50)),
            Row(AREA, what + " p95", percentile(typed, 95), "SearchIndex.search alone p95",
                percentile(bare, 95), target="p95 <= 16 ms"),
        ]

        # Copy: a reply without {?fields} (those open the form first) is looked up by its code.
        plain = [p for p in lib.phrases() if not asked_fields(p.text)]
        picks = random.Random(3).sample(plain, 30 if quick else 100)
        board = QApplication.clipboard()
        copy, handled, set_only = [], [], []
        for p in picks:
            box.setText(p.code)
            app.processEvents()
            phrase = window.current_phrase()
            if phrase is None or asked_fields(phrase.text):  # another reply listed first
                continue
            t0 = time.perf_counter()
            QTest.keyClick(box, Qt.Key.Key_Return)
            assert clipboard.set_at > t0, "Enter did not copy"
            copy.append((clipboard.set_at - t0) * 1000)
            app.processEvents()
            handled.append((time.perf_counter() - t0) * 1000)
            text = board.text()
            board.setText("")
            t0 = time.perf_counter()
            board.setText(text, QClipboard.Mode.Clipboard)
            set_only.append((time.perf_counter() - t0) * 1000)
        lib.flush()
        rows.append(Row(AREA, f"Enter to clipboard set, {label} phrases (p95 of {len(copy)})",
                        percentile(copy, 95), "QClipboard.setText alone p95", percentile(set_only, 95),
                        target="<= 10 ms"))
        rows.append(Row(AREA, f"Enter until handled (use counted, notice shown), {label} (p95)",
                        percentile(handled, 95), "QClipboard.setText alone p95", percentile(set_only, 95)))
        return rows
    finally:
        gc.unfreeze()
        baseline.close()
        window.shutdown()
        window.close()
        app.processEvents()
        # Deleted now, while Python runs: left to the interpreter's exit, PySide can free it twice.
        shiboken6.delete(window)
        session.close()


def run(quick: bool) -> list[Row]:
    n = 10_000
    label = f"{n // 1000}k"
    with tempfile.TemporaryDirectory(prefix="qr-bench-window-") as tmp:
        root = Path(tmp)
        scenarios, phrases = make_library(n)
        data = root / "data"
        write_store(data, scenarios, phrases, keys=True)
        home = root / "home"
        home.mkdir()
        rows = benchstart_until_shown(data, home, label, quick)
        rows[2:2] = bench_in_process(data, label, quick)
        return rows


if __name__ == "__main__":
    from benchmarks.table import render

    print(render(run(quick="--quick" in sys.argv)))
