"""Store figures: opening a 1k/10k/100k-phrase library, its memory, adding a phrase, counting a use.

Every figure has a baseline measured in the same run on the same file: ``json.load`` for opening,
and a plain atomic save (``json.dumps`` + write + fsync + ``os.replace``) for writing.
Phrases are realistic: 30-120 Chinese characters, a title, tags, and a stored search key of the
size pinyin keys have (full readings and initials of title and text).
"""

from __future__ import annotations

import gc
import json
import os
import random
import shutil
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.table import Row
from desktop.core.library import NullKeyer, PhraseLibrary
from desktop.core.model import Phrase
from desktop.core.store import DATA_FILE, META, SCHEMA_VERSION, Store

AREA = "store"
HANZI = (
    "亲您好的在呢请问有什么可以帮您这款衣服尺码偏大建议拍小一号身高体重发给我帮您推荐发货时间付款后四十八小时内"
    "快递默认中通韵达顺丰需要补差价退换货七天无理由质量问题我们承担运费颜色以实物为准库存有限下单尽快哦感谢支持"
)
SYLLABLES = [
    "qin",
    "nin",
    "hao",
    "de",
    "zai",
    "ne",
    "qing",
    "wen",
    "you",
    "shen",
    "me",
    "ke",
    "yi",
    "bang",
    "zhe",
    "kuan",
    "yi",
    "fu",
    "chi",
    "ma",
    "pian",
    "da",
    "jian",
    "yi",
    "pai",
    "xiao",
    "hao",
]


def _hanzi(rng: random.Random, n: int) -> str:
    return "".join(rng.choices(HANZI, k=n))


def _pinyin_like(rng: random.Random, n: int) -> tuple[str, str]:
    """Readings and initials as long as a pinyin key of ``n`` characters would be."""
    syl = rng.choices(SYLLABLES, k=n)
    return "".join(syl), "".join(s[0] for s in syl)


def make_phrases(n: int, seed: int = 1) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    rng = random.Random(seed)
    scenarios = [
        {"id": f"s{i}", "name": f"场景{i}", "order": i, "icon": None, "search_key": ""} for i in range(12)
    ]
    phrases = []
    for i in range(n):
        text = "亲，" + _hanzi(rng, rng.randint(28, 118))
        title = _hanzi(rng, rng.randint(4, 10))
        t_full, t_ini = _pinyin_like(rng, len(title))
        x_full, x_ini = _pinyin_like(rng, len(text))
        p = Phrase(
            id=f"{i:032x}",
            scenario=f"s{i % 12}",
            code=f"c{i}",
            title=title,
            text=text,
            tags=[_hanzi(rng, 2) for _ in range(rng.randint(0, 3))],
            uses=rng.randint(0, 500),
            last_used=1.7e9 + i,
            created=1.7e9,
            updated=1.7e9 + i,
            source="pack",
            order=i // 12,
            search_key={"title": t_full, "title_initials": t_ini, "text": x_full, "text_initials": x_ini},
        )
        phrases.append(p.to_doc())
    return scenarios, phrases


def write_library(folder: Path, n: int) -> Path:
    scenarios, phrases = make_phrases(n)
    data = {
        META: {"schema_version": SCHEMA_VERSION, "search_key_version": NullKeyer.version},
        "scenarios": {str(i + 1): s for i, s in enumerate(scenarios)},
        "phrases": {str(i + 1): p for i, p in enumerate(phrases)},
    }
    path = folder / DATA_FILE
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return path


def open_library(folder: Path) -> tuple[Store, PhraseLibrary]:
    store = Store(folder, lock_timeout=5)
    store.open()
    return store, PhraseLibrary(store, keyer=NullKeyer())


def plain_load(path: Path) -> Any:
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def plain_loads(path: Path) -> Any:
    return json.loads(path.read_bytes())


def plain_atomic_save(path: Path, data: Any) -> None:
    tmp = path.with_name(path.name + ".plain-tmp")
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    with open(tmp, "wb") as fh:
        fh.write(payload)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def peak_kib(fn: Callable[[], object]) -> float:
    gc.collect()
    tracemalloc.start()
    try:
        keep = fn()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    del keep
    return peak / 1024


def interleaved(fns: list[Callable[[], object]], repeat: int) -> list[float]:
    """Best time (ms) of each function, their runs taken in turn.

    The machine is shared: running A, B, A, B … and keeping each one's best makes a busy moment
    hit both sides of a ratio alike instead of whichever block of runs it fell on.
    """
    best = [float("inf")] * len(fns)
    for _ in range(repeat):
        for i, fn in enumerate(fns):
            t0 = time.perf_counter()
            fn()
            best[i] = min(best[i], (time.perf_counter() - t0) * 1000)
    return best


def label(n: int) -> str:
    return f"{n // 1000}k"


def bench_size(n: int, quick: bool, root: Path) -> list[Row]:
    folder = root / label(n)
    folder.mkdir()
    path = write_library(folder, n)
    size_mib = path.stat().st_size / 2**20
    repeat = 3 if n >= 100_000 else 5 if quick else 9
    rows: list[Row] = []

    def open_and_close() -> None:
        store, _ = open_library(folder)
        store.close()

    def open_store_only() -> None:
        store = Store(folder, lock_timeout=5)
        store.open()
        store.close()

    open_ms, load_ms, loads_ms, store_ms = interleaved(
        [open_and_close, lambda: plain_load(path), lambda: plain_loads(path), open_store_only], repeat
    )
    what = f"open {label(n)} store + library ({size_mib:.1f} MiB, with keys)"
    target = "<= 1.5x" if n == 10_000 else ""
    rows.append(Row(AREA, what, open_ms, "json.load(file) of the same file", load_ms, target=target))
    rows.append(Row(AREA, what, open_ms, "json.loads(bytes), the fastest plain read", loads_ms))
    rows.append(
        Row(AREA, f"open {label(n)} store file only", store_ms, "json.loads(bytes), same file", loads_ms)
    )

    def open_from_snapshot() -> None:
        store = Store(folder, lock_timeout=5, snapshots=True)
        store.open()
        PhraseLibrary(store, keyer=NullKeyer())
        store.close()

    open_from_snapshot()  # unmeasured: writes the snapshot the window's next start reads
    snap_ms, loads_ms = interleaved([open_from_snapshot, lambda: plain_loads(path)], repeat)
    rows.append(Row(AREA, f"open {label(n)} store + library from its snapshot (as the window does)", snap_ms,
                    "json.loads(bytes), same file", loads_ms))

    def loaded() -> object:
        store, lib = open_library(folder)
        store.close()
        return lib

    rows.append(
        Row(
            AREA,
            f"memory peak opening {label(n)} (tracemalloc)",
            peak_kib(loaded) / 1024,
            "json.loads of the same file",
            peak_kib(lambda: plain_loads(path)) / 1024,
            unit="MiB",
        )
    )

    if n < 10_000:
        return rows
    store, lib = open_library(folder)
    try:
        counter = iter(range(10**9))
        sid = lib.scenarios()[0].id

        def add_one() -> None:
            i = next(counter)
            lib.add_phrase(sid, f"bench{i}", "新增话术", "亲，这是基准测试新增的一条话术，" + "好" * 40)

        add_one()  # the first write of a session also takes the backup; measure the steady state
        data = json.loads(store.path.read_bytes())  # the same data as plain objects, saved the plain way
        plain = folder / "plain.json"
        ids = [p.id for p in lib.phrases()[:100]]

        def use_100() -> None:
            for pid in ids:
                lib.record_use(pid)

        def use_and_flush() -> None:
            lib.record_use(ids[0])
            lib.flush()

        add_ms, base_save, use_ms, flush_ms = interleaved(
            [add_one, lambda: plain_atomic_save(plain, data), use_100, use_and_flush], repeat
        )
        use_ms /= len(ids)
        rows.append(
            Row(
                AREA,
                f"add a phrase at {label(n)} (fsync)",
                add_ms,
                "plain atomic json save, same data",
                base_save,
                target="<= 1.5x at 10k" if n == 10_000 else "",
            )
        )

        rows.append(
            Row(
                AREA,
                f"record a use at {label(n)} (batched)",
                use_ms,
                "plain atomic json save, same data",
                base_save,
                target="batched: << 1x",
            )
        )
        rows.append(
            Row(
                AREA,
                f"flush usage counters at {label(n)}",
                flush_ms,
                "plain atomic json save, same data",
                base_save,
            )
        )
    finally:
        store.close()
    return rows


def run(quick: bool) -> list[Row]:
    sizes = [1_000, 10_000] if quick else [1_000, 10_000, 100_000]
    root = Path(tempfile.mkdtemp(prefix="qr-bench-store-"))
    try:
        rows: list[Row] = []
        for n in sizes:
            rows.extend(bench_size(n, quick, root))
            shutil.rmtree(root / label(n), ignore_errors=True)
        return rows
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    from benchmarks.table import render

    print(render(run(quick=False)))
