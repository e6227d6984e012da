"""Merging an import into the library: the plan, each policy, one-step apply, undo and restore."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.exchange import read_import
from desktop.core.exchange_csv import parse_csv_text
from desktop.core.exchange_items import ExchangeError, ImportData, ImportItem, exchange_translator
from desktop.core.library import PhraseLibrary
from desktop.core.merge import plan_import
from desktop.core.merge_apply import apply_import, replace_library, undo_import
from desktop.core.model import CODE_RE
from desktop.core.store import Store

DATA = Path(__file__).resolve().parents[1] / "data"


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        self.now += 1.0
        return self.now


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store(tmp_path / "lib", fsync=False)
    s.open()
    yield s
    s.close()


@pytest.fixture
def lib(store: Store) -> PhraseLibrary:
    library = PhraseLibrary(store, clock=Clock())
    size = library.add_scenario("尺码咨询", scenario_id="size")
    library.add_phrase(size.id, "cm", "尺码建议", "亲，这款偏小一码，建议拍大一码哦。", tags=["尺码"])
    library.add_phrase(size.id, "tz", "身高体重", "亲，您提供一下身高体重，帮您推荐尺码。")
    return library


def item(code: str, text: str, *, scenario: str = "尺码咨询", title: str = "", row: str = "2",
         **kw: object) -> ImportItem:
    if "tags" in kw:
        kw["tags"] = tuple(kw["tags"])  # type: ignore[arg-type]
    return ImportItem(row=row, scenario=scenario, code=code, raw_code=code, title=title, text=text, **kw)  # type: ignore[arg-type]


def data_of(*items: ImportItem, fmt: str = "csv", columns: set[str] | None = None) -> ImportData:
    d = ImportData(source="test.csv", format=fmt, items=list(items))
    if columns is not None:
        d.columns = columns
    return d


def snapshot(lib: PhraseLibrary) -> list[tuple[str, str, str, str, tuple[str, ...]]]:
    return sorted((p.code, p.title, p.text, p.scenario, tuple(p.tags)) for p in lib.phrases())


# -- classification ----------------------------------------------------------------------------

def test_plan_sorts_rows_into_new_identical_changed_conflict_invalid(lib: PhraseLibrary) -> None:
    d = data_of(
        item("new1", "亲，新的话术", title="新", row="2"),
        item("cm", "亲，这款偏小一码，建议拍大一码哦。", title="尺码建议", tags=["尺码"], row="3"),
        item("tz", "亲，您提供一下身高体重，帮您推荐尺码。", title="另一个标题", row="4"),
        item("cm", "别的内容", title="x", row="5"),
        item("bad", "", row="6"),
        item("new1", "亲，新的话术", title="新", row="7"),
    )
    plan = plan_import(lib, d, "skip")
    c = plan.counts
    assert (c["new"], c["identical"], c["changed"], c["invalid"], c["duplicates"]) == (2, 1, 1, 1, 1)
    # row 5 repeats code "cm" of row 3 with another text: it gets a code of its own (so it is new)
    assert [e.code for e in plan.entries if e.item.row == "5"] == ["cm2"]
    assert plan.invalid[0].row == "6"
    assert plan.invalid[0].errors[0].key == "phrase.text.empty"


def test_conflict_is_same_code_other_text(lib: PhraseLibrary) -> None:
    plan = plan_import(lib, data_of(item("cm", "完全不同的内容", title="t")), "skip")
    assert plan.counts["conflict"] == 1 and plan.counts["skip"] == 1


def test_invalid_rows_are_explained_in_the_users_language(lib: PhraseLibrary) -> None:
    plan = plan_import(lib, data_of(item("x", "好" * 2001, row="9")), "skip")
    zh = "\n".join(plan.summary(exchange_translator("zh_CN")))
    en = "\n".join(plan.summary(exchange_translator("en")))
    assert "第 9 行无效" in zh and "2001" in zh
    assert "Row 9 is invalid" in en and "2001" in en


def test_text_with_lone_surrogates_is_an_invalid_row_not_a_failed_import(
        lib: PhraseLibrary, store: Store) -> None:
    rows = data_of(item("ok", "亲，好的", row="2"), item("bad", "亲\ud800好", row="3"))
    plan = plan_import(lib, rows, "skip")
    assert [r.row for r in plan.invalid] == ["3"]
    apply_import(lib, plan)
    codes = [p.code for p in lib.phrases()]
    assert "ok" in codes and "bad" not in codes
    store.flush()  # the file is still writable: nothing unencodable got in


@pytest.mark.parametrize(("text", "invalid"), [
    ("编码,内容,标题\nok,亲，好的,好\nbad,亲\ud800好,坏\nt,亲，标题坏了,标\udc80\n", ["3", "4"]),
    ("编码,内容,标题\nok,亲，好的,好\nfine,亲，也好,也\n", []),
])
def test_lone_surrogates_in_csv_text_are_invalid_rows(lib: PhraseLibrary, text: str,
                                                     invalid: list[str]) -> None:
    data = parse_csv_text(text, "x.csv")
    assert data.characters_checked == (not invalid)  # the reader looked at the whole text once
    plan = plan_import(lib, data, "skip")
    assert [r.row for r in plan.invalid] == invalid
    assert all(e.key.endswith("not_text") for r in plan.invalid for e in r.errors)


def test_codes_are_made_valid_and_unique(lib: PhraseLibrary) -> None:
    d = read_import(DATA / "qianniu_export_gbk.csv")
    plan = plan_import(lib, d, "skip")
    codes = {e.item.raw_code or e.item.text[:6]: e.code for e in plan.entries}
    assert codes["HY2"] == "hy2"
    assert codes["=cmd"] == "cmd"
    assert codes["尺码"] == "cm2"  # pinyin initials "cm": taken (library, row 6), so numbered
    assert len({e.code for e in plan.entries}) == len(plan.entries)
    assert all(e.scenario for e in plan.entries)
    assert plan.count(status="identical") == 1  # row 6 "cm" is the library's "cm"


def test_empty_group_goes_to_the_default_scenario(lib: PhraseLibrary) -> None:
    d = read_import(DATA / "qianniu_export_gbk.csv", locale="en")
    plan = plan_import(lib, d, "skip")
    assert "Ungrouped" in [s.name for s in plan.new_scenarios]


def test_rows_without_code_match_the_library_by_text(lib: PhraseLibrary) -> None:
    d = data_of(item("", "亲，这款偏小一码，建议拍大一码哦。"), columns={"code", "text", "scenario"})
    plan = plan_import(lib, d, "skip")
    assert plan.entries[0].code == "cm"
    assert plan.entries[0].status == "identical"


def test_qianniu_rows_do_not_count_a_missing_title_as_a_change(lib: PhraseLibrary) -> None:
    d = data_of(item("cm", "亲，这款偏小一码，建议拍大一码哦。"), fmt="qianniu",
                columns={"code", "text", "scenario"})
    assert plan_import(lib, d, "overwrite").entries[0].status == "identical"


# -- policies ----------------------------------------------------------------------------------

def _conflicting(**kw: object) -> ImportData:
    return data_of(item("cm", "亲，新版本的尺码建议。", title="尺码建议", tags=["尺码"], **kw))


def test_skip_keeps_the_existing_phrase(lib: PhraseLibrary) -> None:
    before = snapshot(lib)
    plan = plan_import(lib, _conflicting(), "skip")
    apply_import(lib, plan)
    assert snapshot(lib) == before


def test_overwrite_takes_the_imported_text_and_keeps_usage(lib: PhraseLibrary) -> None:
    lib.record_use(lib.by_code("cm").id)
    apply_import(lib, plan_import(lib, _conflicting(), "overwrite"))
    p = lib.by_code("cm")
    assert p.text == "亲，新版本的尺码建议。" and p.uses == 1


@pytest.mark.parametrize(("offset", "expected"), [(+1000.0, "亲，新版本的尺码建议。"), (-1000.0, None)])
def test_newer_keeps_the_newer_version(lib: PhraseLibrary, offset: float, expected: str | None) -> None:
    old_text = lib.by_code("cm").text
    stamp = lib.by_code("cm").updated + offset
    apply_import(lib, plan_import(lib, _conflicting(updated=stamp), "newer"))
    assert lib.by_code("cm").text == (expected or old_text)


def test_newer_without_timestamps_skips_and_says_so(lib: PhraseLibrary) -> None:
    plan = plan_import(lib, _conflicting(), "newer")
    assert plan.counts["skip"] == 1
    assert any("no update times" in line for line in plan.summary(exchange_translator("en")))


def test_rename_imports_a_conflict_under_a_free_code(lib: PhraseLibrary) -> None:
    result = apply_import(lib, plan_import(lib, _conflicting(), "rename"))
    assert lib.by_code("cm").text == "亲，这款偏小一码，建议拍大一码哦。"
    assert lib.by_code("cm2").text == "亲，新版本的尺码建议。"
    assert len(result.added) == 1


def test_renamed_conflicts_never_share_a_code_even_when_cut_to_the_same_stem(lib: PhraseLibrary) -> None:
    size = lib.by_code("cm").scenario
    lib.add_phrase(size, "abcdefghijklmnop", "长一", "亲，第一句。")
    lib.add_phrase(size, "abcdefghijklmnoq", "长二", "亲，第二句。")
    rows = [item("abcdefghijklmnop", "亲，第一句改了。", row="2"),
            item("abcdefghijklmnoq", "亲，第二句改了。", row="3"),
            item("abcdefghijklmno2", "亲，本来就叫这个。", row="4")]
    plan = plan_import(lib, data_of(*rows), "rename")
    # both renamed codes are cut to 15 letters and numbered; 2 is the file's own code for row 4
    assert [e.code for e in plan.entries] == ["abcdefghijklmno3", "abcdefghijklmno4", "abcdefghijklmno2"]
    assert [e.action for e in plan.entries] == ["add", "add", "add"]


def test_a_phrase_matched_by_id_does_not_take_a_code_an_earlier_row_has(lib: PhraseLibrary) -> None:
    cm = lib.by_code("cm")
    rows = [item("cm", cm.text, title=cm.title, tags=cm.tags, row="2"),
            item("zz", "亲，另一句。", row="3", phrase_id=cm.id)]
    plan = plan_import(lib, data_of(*rows), "skip")
    assert [(e.code, e.status) for e in plan.entries] == [("cm", "identical"), ("zz", "new")]


def test_unknown_policy_is_refused(lib: PhraseLibrary) -> None:
    with pytest.raises(ExchangeError):
        plan_import(lib, _conflicting(), "replace-all")


def test_taken_hotkeys_are_dropped_with_a_note(lib: PhraseLibrary) -> None:
    lib.update_phrase(lib.by_code("cm").id, hotkey="Ctrl+Alt+1")
    rows = [item("a1", "一", hotkey="ctrl+alt+1"), item("a2", "二", hotkey="Ctrl+Alt+2"),
            item("a3", "三", hotkey="Ctrl+Alt+2")]
    plan = plan_import(lib, data_of(*rows), "skip")
    assert [e.hotkey for e in plan.entries] == [None, "ctrl+alt+2", None]
    apply_import(lib, plan)
    assert lib.by_code("a2").hotkey == "ctrl+alt+2"


# -- apply, dry run, undo ----------------------------------------------------------------------

def test_dry_run_writes_nothing(lib: PhraseLibrary, store: Store) -> None:
    lib.flush()
    before = store.path.read_bytes()
    backups = list(store.backup_dir.glob("*")) if store.backup_dir.exists() else []
    plan = plan_import(lib, read_import(DATA / "qianniu_export_gbk.csv"), "overwrite")
    assert plan.writes
    assert store.path.read_bytes() == before
    assert (list(store.backup_dir.glob("*")) if store.backup_dir.exists() else []) == backups


def test_apply_takes_a_backup_and_writes_once(lib: PhraseLibrary, store: Store) -> None:
    lib.flush()
    writes = []
    original = store._persist
    store._persist = lambda *a, **k: (writes.append(1), original(*a, **k))[1]  # type: ignore[method-assign]
    result = apply_import(lib, plan_import(lib, read_import(DATA / "qianniu_export_gbk.csv"), "skip"))
    assert result.backup is not None and result.backup.exists()
    assert len(writes) == 1
    assert len(result.added) == 7


def test_undo_takes_the_import_back(lib: PhraseLibrary, store: Store) -> None:
    lib.update_phrase(lib.by_code("cm").id, text="旧的尺码话术")  # so the file's "cm" overwrites it
    before = snapshot(lib)
    scenarios_before = [s.name for s in lib.scenarios()]
    result = apply_import(lib, plan_import(lib, read_import(DATA / "qianniu_export_gbk.csv"), "overwrite"))
    assert snapshot(lib) != before
    report = undo_import(lib, result)
    assert snapshot(lib) == before
    assert [s.name for s in lib.scenarios()] == scenarios_before
    assert (report.removed, report.restored, report.kept) == (7, 1, [])
    store.close()  # the file holds what the library shows: opened again, it is the same
    with Store(store.data_dir, fsync=False) as again:
        assert snapshot(PhraseLibrary(again)) == before


def test_undo_keeps_phrases_edited_since_the_import(lib: PhraseLibrary) -> None:
    result = apply_import(lib, plan_import(lib, data_of(item("n1", "一"), item("n2", "二")), "skip"))
    lib.update_phrase(lib.by_code("n1").id, text="一（改过）")
    report = undo_import(lib, result)
    assert report.removed == 1 and len(report.kept) == 1
    assert lib.by_code("n1").text == "一（改过）"


def test_a_plan_made_before_other_edits_is_refused(lib: PhraseLibrary) -> None:
    plan = plan_import(lib, data_of(item("n1", "一")), "skip")
    lib.add_phrase("size", "n1", "t", "别人刚加的")
    before = snapshot(lib)
    with pytest.raises(ExchangeError) as err:
        apply_import(lib, plan)
    assert err.value.key == "import.stale"
    assert snapshot(lib) == before


def test_progress_is_reported(lib: PhraseLibrary) -> None:
    calls: list[tuple[int, int]] = []
    items = [item(f"p{i}", f"话术 {i}") for i in range(30)]
    apply_import(lib, plan_import(lib, data_of(*items), "skip"), progress=lambda d, t: calls.append((d, t)))
    assert calls[-1] == (30, 30)


@dataclass
class FakeFinding:
    severity: str
    match: str


class FakeChecker:
    def check(self, text: str) -> list[FakeFinding]:
        return [FakeFinding("block", "绝对")] if "绝对" in text else []


def test_risky_wording_in_imported_texts_is_reported(lib: PhraseLibrary) -> None:
    plan = plan_import(lib, data_of(item("a", "绝对正品", row="4"), item("b", "正品")), "skip",
                       checker=FakeChecker())
    assert plan.counts["risky"] == 1
    lines = plan.summary(exchange_translator("zh_CN"))
    assert any("1 条话术含风险用语" in line and "1 条必须修改" in line for line in lines)
    assert any("第 4 行" in line and "绝对" in line for line in lines)


def test_replace_library_makes_it_exactly_the_backup(lib: PhraseLibrary, tmp_path: Path) -> None:
    from desktop.core.exchange import export_library

    export_library(lib, tmp_path / "b.json", "backup")
    wanted = snapshot(lib)
    apply_import(lib, plan_import(lib, data_of(item("extra", "多出来的", scenario="别的")), "skip"))
    lib.update_phrase(lib.by_code("cm").id, text="改过")
    (tmp_path / "scratch").mkdir()
    result, _ = replace_library(lib, read_import(tmp_path / "b.json"), scratch_dir=tmp_path / "scratch")
    assert snapshot(lib) == wanted
    assert [s.name for s in lib.scenarios()] == ["尺码咨询"]
    assert result.backup is not None


def test_a_one_megabyte_cell_is_an_invalid_row_not_a_crash(lib: PhraseLibrary, tmp_path: Path) -> None:
    f = tmp_path / "big.csv"
    f.write_text(f'编码,内容\nbig,"{"长" * (1 << 20)}"\nok,短\n', encoding="utf-8")
    plan = plan_import(lib, read_import(f), "skip")
    assert [(r.row, r.errors[0].key) for r in plan.invalid] == [("2", "phrase.text.too_long")]
    assert [e.code for e in plan.entries] == ["ok"]


def test_reading_reports_progress(tmp_path: Path) -> None:
    f = tmp_path / "many.csv"
    f.write_text("编码,内容\n" + "".join(f"c{i},话术{i}\n" for i in range(5000)), encoding="utf-8")
    calls: list[tuple[int, int]] = []
    read_import(f, progress=lambda done, total: calls.append((done, total)))
    assert len(calls) >= 2 and calls[-1][0] == calls[-1][1]


_codes = st.one_of(st.just(""), st.sampled_from(["cm", "CM", "尺码", "tz", "=x", "a b", "x" * 20]),
                   st.text(max_size=6))
_texts = st.sampled_from(["亲，在的", "亲，这款偏小一码，建议拍大一码哦。", "好的", "亲，已催快递", "  "])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.tuples(_codes, _texts), max_size=12),
       policy=st.sampled_from(["skip", "overwrite", "newer", "rename"]))
def test_every_plan_gives_valid_distinct_codes(lib: PhraseLibrary, rows: list[tuple[str, str]],
                                               policy: str) -> None:
    d = data_of(*(item(c, t, row=str(i)) for i, (c, t) in enumerate(rows, 2)))
    plan = plan_import(lib, d, policy)
    written = [e.code for e in plan.entries if e.action != "skip"]
    assert all(CODE_RE.fullmatch(c) for c in written)
    assert len(set(written)) == len(written)
    added = {e.code for e in plan.entries if e.action == "add"}
    assert not any(lib.find_code(c) for c in added)
    assert len(plan.entries) + len(plan.invalid) + len(plan.duplicates) == len(rows)


@settings(max_examples=30, deadline=None)
@given(rows=st.lists(st.tuples(_codes, _texts), max_size=8),
       policy=st.sampled_from(["skip", "overwrite", "newer", "rename"]))
def test_apply_then_undo_leaves_the_library_as_it_was(rows: list[tuple[str, str]], policy: str) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp), fsync=False)
        store.open()
        try:
            library = PhraseLibrary(store, clock=Clock())
            sid = library.add_scenario("尺码咨询").id
            library.add_phrase(sid, "cm", "尺码建议", "亲，这款偏小一码，建议拍大一码哦。")
            before = snapshot(library)
            d = data_of(*(item(c, t, row=str(i)) for i, (c, t) in enumerate(rows, 2)))
            result = apply_import(library, plan_import(library, d, policy))
            undo_import(library, result)
            assert snapshot(library) == before
            assert [s.name for s in library.scenarios()] == ["尺码咨询"]
        finally:
            store.close()


def test_preview_reads_and_plans_without_writing(lib: PhraseLibrary, store: Store) -> None:
    from desktop.core.exchange import preview_import

    lib.flush()
    before = store.path.read_bytes()
    plan = preview_import(lib, DATA / "general_en_bom.csv", policy="overwrite", locale="en")
    assert plan.counts["add"] == 3 and store.path.read_bytes() == before


def test_merging_a_backup_matches_phrases_by_id_after_a_code_change(lib: PhraseLibrary,
                                                                  tmp_path: Path) -> None:
    from desktop.core.exchange import export_library

    export_library(lib, tmp_path / "b.json", "backup")
    lib.update_phrase(lib.by_code("cm").id, code="cm-new")
    plan = plan_import(lib, read_import(tmp_path / "b.json"), "skip")
    assert plan.counts["add"] == 0 and plan.counts["identical"] == 2


def test_rows_with_several_errors_read_as_one_sentence(lib: PhraseLibrary) -> None:
    plan = plan_import(lib, data_of(item("x", "", title="标" * 200, row="4")), "skip")
    zh = plan.summary(exchange_translator("zh_CN"))[-1]
    en = plan.summary(exchange_translator("en"))[-1]
    assert zh.startswith("第 4 行无效：") and zh.count("；") == 1 and zh.endswith("。")
    assert "。；" not in zh and "。。" not in zh
    assert en.startswith("Row 4 is invalid: ") and ".;" not in en and ".." not in en


class Boom(RuntimeError):
    pass


@pytest.mark.parametrize("fail_at", ["apply", "scenarios"])
def test_replace_library_is_all_or_nothing(lib: PhraseLibrary, store: Store, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch, fail_at: str) -> None:
    from desktop.core import merge_apply
    from desktop.core.exchange import export_library

    lib.add_scenario("售后", scenario_id="after")
    lib.add_phrase("after", "th", "退货", "亲，七天无理由退货。", hotkey="Ctrl+Alt+7")
    lib.record_use(lib.by_code("cm").id)
    export_library(lib, tmp_path / "b.json", "backup")
    lib.update_phrase(lib.by_code("cm").id, text="改过的尺码建议")
    lib.delete_scenario("after", move_to="size")
    before = [(p.id, p.code, p.text, p.scenario, p.order, p.uses, p.hotkey, p.created, p.updated)
              for p in lib.phrases()]
    scenarios_before = [(s.id, s.name, s.icon) for s in lib.scenarios()]
    data = read_import(tmp_path / "b.json")

    if fail_at == "apply":
        real = merge_apply.apply_import

        def failing(*args: object, **kwargs: object) -> None:
            real(*args, **kwargs)  # type: ignore[arg-type]
            raise Boom("disk went away")

        monkeypatch.setattr(merge_apply, "apply_import", failing)
    else:
        def failing_scenario(*args: object, **kwargs: object) -> None:
            raise Boom("disk went away")

        monkeypatch.setattr(lib, "add_scenario", failing_scenario)
        monkeypatch.setattr(merge_apply, "_Snapshot", _snapshot_without_patch(lib, merge_apply))
    (tmp_path / "scratch").mkdir()
    with pytest.raises(Boom):
        replace_library(lib, data, scratch_dir=tmp_path / "scratch")
    after = [(p.id, p.code, p.text, p.scenario, p.order, p.uses, p.hotkey, p.created, p.updated)
             for p in lib.phrases()]
    assert after == before
    assert [(s.id, s.name, s.icon) for s in lib.scenarios()] == scenarios_before
    # and the file on disk holds the same library, not an empty one
    on_disk = Store(tmp_path / "lib", readonly=True)
    on_disk.open()
    reopened = PhraseLibrary(on_disk)
    assert sorted((p.code, p.text) for p in reopened.phrases()) == sorted((b[1], b[2]) for b in before)


def _snapshot_without_patch(lib: PhraseLibrary, merge_apply: object) -> type:
    """The snapshot class, putting scenarios back through the unpatched method."""
    base = merge_apply._Snapshot  # type: ignore[attr-defined]
    add_scenario = PhraseLibrary.add_scenario

    class Snapshot(base):  # type: ignore[misc, valid-type]
        def put_back(self, library: PhraseLibrary) -> None:
            library.add_scenario = lambda *a, **k: add_scenario(library, *a, **k)  # type: ignore[method-assign]
            super().put_back(library)

    return Snapshot
