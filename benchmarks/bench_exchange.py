"""Import figures: reading, planning (dry run) and writing 10k / 100k-row CSV and XLSX files.

Baselines are measured in the same run on the same file: the ``csv`` module reading the decoded
file into lists (no processing), and openpyxl iterating the sheet's values in read-only mode.
Writing is measured twice: with no search keys (the import's own cost) and with the pinyin keys
the library stores for every phrase, which dominate a large write.

Times are this process's CPU time, best of a few runs: on the shared machine this was written on,
wall time swung two- to three-fold between runs, CPU time by up to a third (the small 10k
baseline most). The write figures therefore leave out the wait for fsync. The CSV baseline, read
and dry run are taken in turn (nine rounds at 10k, five at 100k), so load that comes and goes
hits all three alike.
"""

from __future__ import annotations

import csv
import io
import random
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.table import Row
from desktop.core.exchange import preview_import, read_import
from desktop.core.exchange_csv import FIELD_LIMIT
from desktop.core.library import NullKeyer, PhraseLibrary, SearchKeyer
from desktop.core.merge_apply import apply_import
from desktop.core.store import Store, paused_gc

AREA = "exchange"
HANZI = (
    "亲您好的在呢请问有什么可以帮您这款衣服尺码偏大建议拍小一号身高体重发给我帮您推荐发货时间付款后四十八小时内"
    "快递默认中通韵达顺丰需要补差价退换货七天无理由质量问题我们承担运费颜色以实物为准库存有限下单尽快哦感谢支持"
)
SCENARIOS = ["欢迎语", "尺码咨询", "库存", "议价", "发货", "物流", "售后", "质量", "催付", "结束语"]


def _rows(n: int, seed: int = 7) -> list[list[str]]:
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        text = "".join(rnd.choice(HANZI) for _ in range(rnd.randint(20, 80)))
        if i % 10 == 0:
            text = text[:20] + "\n" + text[20:]  # some multi-line replies, as real libraries have
        tags = "常用" if i % 3 == 0 else ""
        out.append([SCENARIOS[i % len(SCENARIOS)], f"c{i}", text[:10], text, tags, ""])
    return out


def _write_csv(path: Path, rows: list[list[str]]) -> None:
    buf = io.StringIO(newline="")
    w = csv.writer(buf)
    w.writerow(["场景", "编码", "标题", "内容", "标签", "快捷键"])
    w.writerows(rows)
    path.write_bytes(buf.getvalue().encode("utf-8-sig"))


def _write_xlsx(path: Path, rows: list[list[str]]) -> None:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("话术")
    ws.append(["场景", "编码", "标题", "内容", "标签", "快捷键"])
    for r in rows:
        ws.append(r)
    wb.save(path)


def _plain_csv(path: Path) -> None:
    # With the garbage collector paused, as the import itself does: otherwise the baseline pays
    # for collections over 100k row lists and the ratio flatters the import.
    csv.field_size_limit(max(csv.field_size_limit(), FIELD_LIMIT))
    with paused_gc():
        text = path.read_bytes().decode("utf-8-sig")
        list(csv.reader(io.StringIO(text, newline="")))


def _plain_xlsx(path: Path) -> None:
    from openpyxl import load_workbook

    with paused_gc():
        wb = load_workbook(path, read_only=True, data_only=True)
        rows = [list(values) for ws in wb.worksheets for values in ws.iter_rows(values_only=True)]
        wb.close()
    del rows


def _pinyin_keyer() -> SearchKeyer:
    from desktop.core.pinyin import PinyinKeyer

    return PinyinKeyer()


def _import_once(path: Path, work: Path, keyer: SearchKeyer | None, *, write: bool) -> float:
    """One import into an empty library; returns milliseconds (library set-up not counted)."""
    folder = work / f"lib-{time.perf_counter_ns()}"
    store = Store(folder)
    store.open()
    lib = PhraseLibrary(store, keyer=keyer or NullKeyer())
    try:
        t0 = time.process_time()
        plan = preview_import(lib, path)
        if write:
            apply_import(lib, plan)
        return (time.process_time() - t0) * 1000
    finally:
        store.close()
        shutil.rmtree(folder, ignore_errors=True)


def _best(fn: Callable[[], float], repeat: int) -> float:
    """The lowest of ``repeat`` measurements that ``fn`` makes itself (ms)."""
    return min(fn() for _ in range(repeat))


def _cpu_ms(fn: Callable[[], object], repeat: int) -> float:
    """The lowest CPU time of ``repeat`` calls of ``fn`` (ms)."""
    samples = []
    for _ in range(repeat):
        t0 = time.process_time()
        fn()
        samples.append((time.process_time() - t0) * 1000)
    return min(samples)


def run(quick: bool) -> list[Row]:
    rows: list[Row] = []
    sizes_csv = [10_000] if quick else [10_000, 100_000]
    sizes_xlsx = [10_000] if quick else [10_000, 100_000]
    work = Path(tempfile.mkdtemp(prefix="qr-bench-exchange-"))
    try:
        data = _rows(max(sizes_csv + sizes_xlsx))
        for n in sizes_csv:
            path = work / f"p{n}.csv"
            _write_csv(path, data[:n])
            repeat = 9 if n <= 10_000 else 5  # the 10k runs are short: more rounds, less noise
            label = f"csv module reads {n // 1000}k rows"
            # In turn (baseline, read, dry run, baseline, …), best of each: a busy moment of the
            # shared machine then hits all three alike instead of whichever block of runs it fell on.
            samples: dict[str, list[float]] = {"base": [], "read": [], "dry": []}
            for _ in range(repeat):
                samples["base"].append(_cpu_ms(lambda p=path: _plain_csv(p), 1))  # type: ignore[misc]
                samples["read"].append(_cpu_ms(lambda p=path: read_import(p), 1))  # type: ignore[misc]
                samples["dry"].append(_import_once(path, work, None, write=False))
            base, read, dry = (min(samples[k]) for k in ("base", "read", "dry"))
            rows.append(Row(AREA, f"CSV {n // 1000}k rows: read into items", read, label, base))
            rows.append(Row(AREA, f"CSV {n // 1000}k rows: dry run (read + plan)", dry, label, base,
                            target="<= 3x plain read"))
            wr = _best(lambda p=path: _import_once(p, work, None, write=True),  # type: ignore[misc]
                       3 if n <= 10_000 else 1)
            rows.append(Row(AREA, f"CSV {n // 1000}k rows: import and write, no search keys", wr, label,
                            base))
            if n <= 10_000:
                # Pinyin keys cost the same per phrase at any size (about a millisecond each), so they
                # are measured at 10k only: at 100k they would take minutes and say nothing new.
                keyer = _pinyin_keyer()
                wk = _best(lambda p=path, k=keyer: _import_once(p, work, k, write=True), 1)  # type: ignore[misc]
                rows.append(Row(AREA, f"CSV {n // 1000}k rows: import and write with pinyin keys", wk,
                                "the same import without search keys", wr,
                                target="keys dominate: reported apart"))
        for n in sizes_xlsx:
            path = work / f"p{n}.xlsx"
            _write_xlsx(path, data[:n])
            repeat = 3 if n <= 10_000 else 1
            label = f"openpyxl read-only reads {n // 1000}k rows"
            base = _cpu_ms(lambda p=path: _plain_xlsx(p), repeat)  # type: ignore[misc]
            dry = _best(lambda p=path: _import_once(p, work, None, write=False), repeat)  # type: ignore[misc]
            rows.append(Row(AREA, f"XLSX {n // 1000}k rows: dry run (read + plan)", dry, label, base))
            wr = _best(lambda p=path: _import_once(p, work, None, write=True), repeat)  # type: ignore[misc]
            rows.append(Row(AREA, f"XLSX {n // 1000}k rows: import and write, no search keys", wr, label,
                            base))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return rows
