"""``quickreply --self-test``: proves an installed copy works (packs, rules, search, check, window).

Used by the packaging tests and by IT after installing: it runs offscreen in a temporary data
folder, prints one line per step and exits 0 only when every step passed.
"""

from __future__ import annotations

import os
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import IO

from desktop import __version__
from desktop.core.packs import load_pack
from desktop.core.session import open_session
from desktop.resources import default_pack, risk_rules_dir


def _step(name: str, fn: Callable[[], str], out: IO[str]) -> bool:
    t0 = time.perf_counter()
    try:
        detail = fn()
    except Exception as exc:  # a self-test reports every failure instead of stopping at the first
        print(f"FAIL  {name}: {type(exc).__name__}: {exc}", file=out)
        if os.environ.get("QUICKREPLY_DEBUG"):
            traceback.print_exc(file=out)
        return False
    print(f"ok    {name} ({(time.perf_counter() - t0) * 1000:.0f} ms) {detail}", file=out)
    return True


def run_self_test(out: IO[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    print(f"QuickReply {__version__} self-test", file=out)
    results: list[bool] = []
    with tempfile.TemporaryDirectory(prefix="quickreply-selftest-") as tmp:
        state: dict[str, object] = {}

        def packs() -> str:
            counts = []
            for loc in ("zh_CN", "en"):
                pack = load_pack(default_pack(loc))
                counts.append(f"{loc}: {pack.phrase_count()} phrases")
            return ", ".join(counts)

        def library() -> str:
            # The search and window probes ("qianshou") are written against the Chinese pack, so it
            # is seeded whatever the system language (an English Windows would fail them otherwise).
            session = open_session(Path(tmp), locale="zh_CN", pack_for_locale=default_pack)
            state["session"] = session
            return f"{len(session.library)} phrases seeded"

        def search() -> str:
            from desktop.core.search import SearchIndex

            session = state["session"]
            index = SearchIndex(session.library)  # type: ignore[attr-defined]
            hits = index.search("qianshou", limit=3)
            if not hits:
                raise AssertionError("no result for 'qianshou'")
            return f"'qianshou' -> {hits[0].phrase.title}"

        def risk() -> str:
            from desktop.core.risk import build_checker

            checker = build_checker(risk_rules_dir())
            flagged = checker.check("亲，加我薇信 1 3 8 0 0 1 3 8 0 0 0 私聊")
            clean = checker.check("亲，最近发货比较快，第一次购买可以放心")
            if not any(f.category == "contact" for f in flagged):
                raise AssertionError("disguised contact request was not caught")
            if clean:
                raise AssertionError(f"false alarm on a clean line: {clean}")
            return f"{len(flagged)} finding(s) on the contact request, none on the clean line"

        def window() -> str:
            from desktop.app import self_test_window

            return self_test_window(state["session"])  # type: ignore[arg-type]

        for name, fn in (("packs", packs), ("library", library), ("search", search), ("risk", risk),
                         ("window", window)):
            results.append(_step(name, fn, out))
        session = state.get("session")
        if session is not None:
            session.close()  # type: ignore[attr-defined]
    passed = sum(results)
    print(f"{passed}/{len(results)} passed", file=out)
    return 0 if passed == len(results) else 1
