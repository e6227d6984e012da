"""Export, then import into an empty library: the same phrases come back, in every format."""

from __future__ import annotations

import csv
import io
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.exchange import export_library, read_import
from desktop.core.library import PhraseLibrary
from desktop.core.merge import plan_import
from desktop.core.merge_apply import apply_import
from desktop.core.store import Store

TRICKY = [
    ("尺码咨询", "cm", "尺码建议", "亲，这款偏小一码，\n建议拍大一码哦。", ["尺码", "常用"], "Ctrl+Alt+1"),
    ("尺码咨询", "tz", "=身高体重", '亲，您说的"偏大"是指哪里呢？, 逗号', [], None),
    ("优惠", "yh", "-5元", "-5元优惠券已发放", ["优惠"], None),
    ("优惠", "at", "@客服", "@所有人 +1 '引号开头", [], None),
    ("Shipping", "ship-1", "Ship time", "'=already escaped looking", [], None),
    ("Shipping", "ship_2", "Tab", "+86 不要留电话", [], None),
]


def make_library(path: Path) -> tuple[Store, PhraseLibrary]:
    store = Store(path, fsync=False)
    store.open()
    return store, PhraseLibrary(store)


@pytest.fixture
def source(tmp_path: Path) -> Iterator[PhraseLibrary]:
    store, lib = make_library(tmp_path / "src")
    for scenario, code, title, text, tags, hotkey in TRICKY:
        try:
            sid = lib.scenario(scenario).id
        except Exception:
            sid = lib.add_scenario(scenario).id
        lib.add_phrase(sid, code, title, text, tags=tags, hotkey=hotkey)
    lib.set_pinned(lib.by_code("tz").id)
    lib.record_use(lib.by_code("cm").id)
    yield lib
    store.close()


def fields(lib: PhraseLibrary, fmt: str) -> list[tuple[object, ...]]:
    names = {s.id: s.name for s in lib.scenarios()}
    out = []
    for p in lib.phrases():
        if fmt == "qianniu":
            out.append((names[p.scenario], p.code, p.text))
        elif fmt == "backup":
            out.append((p.id, names[p.scenario], p.code, p.title, p.text, tuple(p.tags), p.hotkey, p.pinned,
                        p.uses, p.created))
        else:
            out.append((names[p.scenario], p.code, p.title, p.text, tuple(p.tags), p.hotkey))
    return sorted(out, key=repr)


@pytest.mark.parametrize(("fmt", "name"), [
    ("csv", "out.csv"), ("qianniu", "out.csv"), ("xlsx", "out.xlsx"), ("pack", "out.json"),
    ("backup", "b.json")])
def test_export_then_import_gives_the_same_phrases(source: PhraseLibrary, tmp_path: Path, fmt: str,
                                                  name: str) -> None:
    out = tmp_path / name
    assert export_library(source, out, fmt) == len(TRICKY)
    store, target = make_library(tmp_path / "dst")
    try:
        plan = plan_import(target, read_import(out), "skip")
        assert plan.counts["add"] == len(TRICKY) and not plan.invalid
        apply_import(target, plan)
        assert fields(target, fmt) == fields(source, fmt)
        # and a second import of the same file changes nothing
        again = plan_import(target, read_import(out), "overwrite")
        assert again.counts["identical"] == len(TRICKY) and not again.writes
    finally:
        store.close()


def test_csv_export_is_utf8_with_bom_and_defuses_formulas(source: PhraseLibrary, tmp_path: Path) -> None:
    out = tmp_path / "x.csv"
    export_library(source, out, locale="zh_CN")
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert rows[0] == ["场景", "编码", "标题", "内容", "标签", "快捷键"]
    cells = [c for r in rows[1:] for c in r]
    assert not any(c.startswith(("=", "+", "-", "@")) for c in cells)
    assert "'=身高体重" in cells and "'-5元优惠券已发放" in cells


def test_english_headers_for_an_english_user(source: PhraseLibrary, tmp_path: Path) -> None:
    export_library(source, tmp_path / "x.csv", locale="en")
    first_line = (tmp_path / "x.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert first_line == "scenario,code,title,text,tags,hotkey"


def test_export_of_one_scenario(source: PhraseLibrary, tmp_path: Path) -> None:
    assert export_library(source, tmp_path / "x.xlsx", scenario="优惠") == 2


_texts = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc"), whitelist_characters="\n\t"),
                 min_size=1, max_size=40).map(lambda s: s.strip()).filter(bool)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(_texts, min_size=1, max_size=5, unique=True))
def test_any_text_survives_a_csv_round_trip(texts: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        store, lib = make_library(d / "a")
        sid = lib.add_scenario("s").id
        for i, t in enumerate(texts):
            lib.add_phrase(sid, f"c{i}", f"t{i}", t)
        export_library(lib, d / "x.csv")
        store.close()
        store2, lib2 = make_library(d / "b")
        apply_import(lib2, plan_import(lib2, read_import(d / "x.csv"), "skip"))
        assert sorted(p.text for p in lib2.phrases()) == sorted(p.text for p in lib.phrases())
        store2.close()
