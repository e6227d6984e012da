"""Search figures: per-keystroke latency at 10k/100k phrases, re-indexing one edit, the cost of keys.

Libraries are made from the shipped zh_CN pack: each phrase is a pack phrase whose title and text
are joined with pieces of others (so titles, codes and texts differ; texts average ~55
characters, the pack's own ~45), with the pack's pinyin keys joined the same way (computing keys
for 100k phrases with pypinyin would take minutes; the joined keys equal the keyer's). One in
five phrases has uses, one in fifty is pinned.

Queries are typed one character at a time and every prefix is searched, as the window does, with
the window's result limit. The mix: full pinyin, initials, Chinese, codes, Chinese + initials,
words from reply texts. The baseline, in the same run, is a bare ``query in text`` scan over the
same texts for the same prefixes.
"""

from __future__ import annotations

import gc
import json
import random
import re
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.table import Row, percentile
from desktop.core.library import NullKeyer, PhraseLibrary
from desktop.core.model import Phrase
from desktop.core.pinyin import KEY_VERSION, PinyinKeyer, fold, han_pattern
from desktop.core.search import SearchIndex
from desktop.core.store import DATA_FILE, META, SCHEMA_VERSION, Store
from desktop.resources import default_pack

AREA = "search"
WINDOW_LIMIT = 200  # what the quick window asks for (SEARCH_LIMIT)
SUFFIXES = "说明 处理 提醒 跟进 安抚 建议 问题 售后 流程 核实 补发 催单 回复 确认".split()


def _pack() -> tuple[list[tuple[str, dict[str, Any]]], list[dict[str, Any]]]:
    data = json.loads(default_pack("zh_CN").read_text(encoding="utf-8"))
    return [(s["id"], p) for s in data["scenarios"] for p in s["phrases"]], data["scenarios"]


def make_library(n: int, seed: int = 7) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(scenario docs, phrase docs with pinyin keys) for ``n`` phrases derived from the pack."""
    keyer = PinyinKeyer()
    pack, scenarios = _pack()
    base = []
    for sid, p in pack:
        ph = Phrase(id="", scenario=sid, code=p["code"], title=p["title"], text=p["text"],
                    tags=p.get("tags", []))
        base.append((sid, ph, keyer.phrase_key(ph)))
    suffixes = [(s, keyer.tokens(s)) for s in SUFFIXES]
    rng = random.Random(seed)
    docs = []
    orders: dict[str, int] = {}
    for i in range(n):
        sid, ph, key = base[i % len(base)] if i < len(base) else rng.choice(base)
        title, t = ph.title, key["t"]
        if i >= len(base):
            s, st = rng.choice(suffixes)
            title, t = (title + s)[:60], t + "'" + st
        _, other, okey = rng.choice(base)
        clause = re.split("[，。！？~]", other.text.removeprefix("亲，"))[0][:24]  # text: ~60 characters
        text = ph.text + clause
        skip = len(han_pattern().findall(other.text[:other.text.index(clause)]))
        x = key.get("x", "") + okey.get("x", "")[skip:skip + len(han_pattern().findall(clause))]
        code = ph.code if i < len(base) else f"{ph.code[:10]}{i:x}"[:16]
        uses = rng.randint(1, 300) if rng.random() < 0.2 else 0
        order = orders.get(sid, 0)
        orders[sid] = order + 1
        doc = Phrase(
            id=f"{i:032x}", scenario=sid, code=code, title=title, text=text, tags=list(ph.tags),
            pinned=rng.random() < 0.02, uses=uses,
            last_used=(1.7e9 + rng.random() * 5e6) if uses else None,
            created=1.69e9, updated=1.69e9, source="pack", order=order,
            search_key={**({"g": key["g"]} if "g" in key else {}), "t": t, "x": x},
        ).to_doc()
        docs.append(doc)
    scen_docs = [{"id": s["id"], "name": s["name"], "order": i, "icon": None,
                  "search_key": keyer.name_key(s["name"])} for i, s in enumerate(scenarios)]
    return scen_docs, docs


def write_store(folder: Path, scenarios: list[dict[str, Any]], phrases: list[dict[str, Any]],
                *, keys: bool) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    if not keys:
        phrases = [{**p, "search_key": {}} for p in phrases]
        scenarios = [{**s, "search_key": ""} for s in scenarios]
    data = {
        META: {"schema_version": SCHEMA_VERSION,
               "search_key_version": KEY_VERSION if keys else NullKeyer.version},
        "scenarios": {str(i + 1): s for i, s in enumerate(scenarios)},
        "phrases": {str(i + 1): p for i, p in enumerate(phrases)},
    }
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    (folder / DATA_FILE).write_text(text, encoding="utf-8")


def open_library(folder: Path, keys: bool, *, readonly: bool = False) -> tuple[Store, PhraseLibrary]:
    """Open as the window does (writable, holding the lock); close the store when done."""
    store = Store(folder, readonly=readonly)
    store.open()
    return store, PhraseLibrary(store, keyer=PinyinKeyer() if keys else NullKeyer())


def open_and_close(folder: Path, keys: bool) -> None:
    store, _ = open_library(folder, keys)
    store.close()


def _built_and_warm(lib: PhraseLibrary) -> None:
    index = SearchIndex(lib)
    index.warm()
    index.close()


def _queries(lib: PhraseLibrary, rng: random.Random, count: int) -> list[str]:
    """A realistic mix of what agents type, aimed at phrases of the library."""
    phrases = lib.phrases()
    out = []
    kinds = ["pinyin", "initials", "chinese", "code", "mixed", "text", "pinyin", "initials"]
    for i in range(count):
        p = rng.choice(phrases)
        toks = [t.split(",")[0] for t in p.search_key.get("t", "").split("'")]
        readings = [t for t in toks if t]
        kind = kinds[i % len(kinds)]
        if kind == "pinyin" and readings:
            out.append("".join(readings[:3]))
        elif kind == "initials" and readings:
            out.append("".join(r[0] for r in readings[:4]))
        elif kind == "code":
            out.append(p.code)
        elif kind == "mixed" and len(readings) >= 3:
            out.append(p.title[:2] + "".join(r[0] for r in readings[2:4]))
        elif kind == "text":
            start = rng.randrange(0, max(1, len(p.text) - 4))
            out.append(p.text[start:start + 3])
        else:
            out.append(p.title[:3])
    return out


def _keystrokes(queries: list[str]) -> list[str]:
    return [q[:k] for q in queries for k in range(1, len(q) + 1)]


def bench_typing(index: SearchIndex, texts: list[str], queries: list[str]) -> tuple[list[float], list[float]]:
    ours, bare = [], []
    for q in queries:
        for k in range(1, len(q) + 1):
            prefix = q[:k]
            t0 = time.perf_counter()
            index.search(prefix, limit=WINDOW_LIMIT)
            ours.append((time.perf_counter() - t0) * 1000)
            t0 = time.perf_counter()
            _ = [t for t in texts if prefix in t]
            bare.append((time.perf_counter() - t0) * 1000)
    return ours, bare


def _median_ms(fn: Callable[[], object], repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        gc.collect()
        t0 = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t0) * 1000)
    return statistics.median(samples)


def bench_size(n: int, quick: bool, root: Path) -> list[Row]:
    label = f"{n // 1000}k"
    scenarios, phrases = make_library(n)
    with_keys, without = root / f"{label}-keys", root / f"{label}-plain"
    write_store(with_keys, scenarios, phrases, keys=True)
    write_store(without, scenarios, phrases, keys=False)
    rows: list[Row] = []

    if n <= 10_000:
        repeat = 5 if quick else 15
        keyed, plain = [], []
        for _ in range(repeat):  # interleaved, so a busy moment of the shared machine hits both
            keyed.append(_median_ms(lambda: open_and_close(with_keys, True), 1))
            plain.append(_median_ms(lambda: open_and_close(without, False), 1))
        size_k = (with_keys / DATA_FILE).stat().st_size / 2**20
        size_p = (without / DATA_FILE).stat().st_size / 2**20
        # Best of each: the shared machine only ever adds time.
        rows.append(Row(AREA, f"open {label} store + library with pinyin keys ({size_k:.1f} MiB), best",
                        min(keyed), f"same file without keys ({size_p:.1f} MiB)", min(plain),
                        target="<= 1.2x"))

    store, lib = open_library(with_keys, True, readonly=True)
    build = _median_ms(lambda: SearchIndex(lib).close(), 3 if quick or n > 10_000 else 7)
    warmed = _median_ms(lambda: _built_and_warm(lib), 3)
    load = _median_ms(lambda: open_and_close(with_keys, True), 3)
    rows.append(Row(AREA, f"build index over {label} from stored keys", build,
                    "opening the same store + library", load))
    rows.append(Row(AREA, f"build index over {label} + warm() (all chunk strings)", warmed,
                    "opening the same store + library", load))

    index = SearchIndex(lib)
    index.warm()
    texts = [fold(p.text) for p in lib.phrases()]
    rng = random.Random(11)
    queries = _queries(lib, rng, 16 if quick else 48)
    ours, bare = bench_typing(index, texts, queries)
    target_p95 = "p95 <= 5 ms" if n <= 10_000 else "p95 <= 50 ms"
    what = f"per keystroke, {label} phrases, limit {WINDOW_LIMIT} ({len(ours)} keystrokes)"
    rows.append(Row(AREA, what + " p50", percentile(ours, 50), "bare `q in text` scan p50",
                    percentile(bare, 50), target="<= 10x"))
    rows.append(Row(AREA, what + " p95", percentile(ours, 95), "bare `q in text` scan p95",
                    percentile(bare, 95), target=f"{target_p95}, <= 10x"))
    ours_all, bare_all = [], []
    for q in queries[: len(queries) // 2]:
        t0 = time.perf_counter()
        index.search(q)
        ours_all.append((time.perf_counter() - t0) * 1000)
        t0 = time.perf_counter()
        _ = [t for t in texts if q in t]
        bare_all.append((time.perf_counter() - t0) * 1000)
    rows.append(Row(AREA, f"whole query, no limit (CLI), {label} p95", percentile(ours_all, 95),
                    "bare scan p95", percentile(bare_all, 95)))

    if n <= 10_000:
        rows.extend(bench_edit(lib, index, label, quick))
    index.close()
    store.close()
    return rows


def bench_edit(lib: PhraseLibrary, index: SearchIndex, label: str, quick: bool) -> list[Row]:
    """Re-indexing after an edit or a use: one phrase out and in, its chunk's strings rebuilt."""
    rng = random.Random(5)
    targets = [p.id for p in rng.sample(lib.phrases(), 40 if quick else 200)]
    edit, use = [], []
    for pid in targets:
        p = lib.phrase(pid)
        p.title = p.title[::-1]  # the index rebuilds the entry from the phrase, as after an edit
        t0 = time.perf_counter()
        index.reindex(pid)
        index.warm()
        edit.append((time.perf_counter() - t0) * 1000)
        p.uses += 1
        p.last_used = time.time()
        t0 = time.perf_counter()
        index.reindex(pid, reuse=True)
        index.warm()
        use.append((time.perf_counter() - t0) * 1000)
    full = _median_ms(lambda: SearchIndex(lib).close(), 3)
    return [
        Row(AREA, f"re-index one edited phrase at {label} (p95)", percentile(edit, 95),
            "full index build", full, target="<= 2 ms"),
        Row(AREA, f"re-index one used phrase at {label} (p95, moves in the order)", percentile(use, 95),
            "full index build", full),
    ]


def run(quick: bool) -> list[Row]:
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in (10_000, 100_000):
            rows.extend(bench_size(n, quick, Path(tmp)))
    return rows


if __name__ == "__main__":
    from benchmarks.table import render

    print(render(run(quick=False)))
