"""The library file: atomic writes, recovery from damage, migrations, backups and the lock."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from desktop.core.errors import StoreError, StoreLocked, StoreUnreadable
from desktop.core.file_lock import FileLock
from desktop.core.i18n import Translator
from desktop.core.library import NullKeyer, PhraseLibrary
from desktop.core.messages import MESSAGES
from desktop.core.store import BACKUP_DIR, DATA_FILE, LOCK_FILE, SCHEMA_VERSION, BackupPolicy, Store

ZH = Translator("zh_CN", MESSAGES)
EN = Translator("en", MESSAGES)
DAY = 86400.0


class Clock:
    def __init__(self, start: float) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now


def noon(days_ago: int = 0) -> float:
    return dt.datetime(2026, 11, 23, 12, 0).timestamp() - days_ago * DAY


def make_library(path: Path, codes: list[str], **store_args: object) -> None:
    with Store(path, fsync=False, **store_args) as store:  # type: ignore[arg-type]
        lib = PhraseLibrary(store, keyer=NullKeyer())
        if "s" not in {s.id for s in lib.scenarios()}:
            lib.add_scenario("场景", scenario_id="s")
        for code in codes:
            lib.add_phrase("s", code, code, f"亲，这是{code}。")


def codes_in(path: Path, **store_args: object) -> list[str]:
    with Store(path, fsync=False, **store_args) as store:  # type: ignore[arg-type]
        return sorted(p.code for p in PhraseLibrary(store, keyer=NullKeyer()).phrases())


def test_new_folder_gets_a_file_with_the_schema_version(tmp_path: Path) -> None:
    with Store(tmp_path / "new" / "dir") as store:
        assert store.report is not None and store.report.created
    data = json.loads((tmp_path / "new" / "dir" / DATA_FILE).read_text("utf-8"))
    assert data["_meta"]["schema_version"] == SCHEMA_VERSION


def test_file_is_utf8_not_escaped_and_no_temp_files_stay(tmp_path: Path) -> None:
    make_library(tmp_path, ["a"])
    raw = (tmp_path / DATA_FILE).read_text("utf-8")
    assert "亲，这是a。" in raw
    assert [p.name for p in tmp_path.iterdir() if ".tmp-" in p.name] == []


def test_a_leftover_temp_file_is_removed_and_ignored(tmp_path: Path) -> None:
    make_library(tmp_path, ["a"])
    (tmp_path / f"{DATA_FILE}.tmp-99999").write_text("{half a fi")
    assert codes_in(tmp_path) == ["a"]
    assert not (tmp_path / f"{DATA_FILE}.tmp-99999").exists()


BAD_FILES = {
    "truncated": lambda good: good[: len(good) // 2],
    "garbage": lambda good: bytes(range(256)) * 4,
    "empty": lambda good: b"",
    "list": lambda good: b"[1,2]",
    "phrases-not-a-table": lambda good: b'{"phrases": 5}',
    "bad-doc-id": lambda good: b'{"phrases": {"x": {}}}',
    "bad-meta": lambda good: b'{"_meta": [], "phrases": {}}',
}


@pytest.mark.parametrize("damage", sorted(BAD_FILES))
def test_damaged_file_is_kept_and_the_newest_good_backup_loaded(tmp_path: Path, damage: str) -> None:
    clock = Clock(noon())
    policy = BackupPolicy(min_interval=0)
    make_library(tmp_path, ["a", "b"], clock=clock, backups=policy)
    clock.now += 60
    make_library(tmp_path, ["c"], clock=clock, backups=policy)  # backs up the a+b file
    good = (tmp_path / DATA_FILE).read_bytes()
    bad = BAD_FILES[damage](good)
    (tmp_path / DATA_FILE).write_bytes(bad)
    clock.now += 60
    with Store(tmp_path, fsync=False, clock=clock) as store:
        report = store.report
        assert report is not None and report.recovered
        lib = PhraseLibrary(store, keyer=NullKeyer())
        assert sorted(p.code for p in lib.phrases()) == ["a", "b"]  # the newest backup before "c"
    assert report.kept_corrupt is not None and report.kept_corrupt.name.startswith(f"{DATA_FILE}.corrupt-")
    assert report.kept_corrupt.read_bytes() == bad
    (zh,) = report.messages(ZH)
    (en,) = report.messages(EN)
    assert "已损坏" in zh and "备份恢复" in zh and str(report.kept_corrupt) in zh
    assert "damaged" in en and "restored from the backup" in en and str(report.kept_corrupt) in en
    # The recovered file is good: the next start needs no recovery.
    with Store(tmp_path, fsync=False) as store:
        assert store.report is not None and not store.report.recovered


def test_damaged_file_without_a_backup_is_kept_and_a_new_library_started(tmp_path: Path) -> None:
    (tmp_path / DATA_FILE).write_bytes(b'{"phrases": {"1": {"text": "the only copy"')
    with Store(tmp_path, fsync=False) as store:
        report = store.report
    assert report is not None and report.recovered and report.recovered_from is None
    assert report.kept_corrupt is not None
    assert report.kept_corrupt.read_bytes() == b'{"phrases": {"1": {"text": "the only copy"'
    assert "没有可用的备份" in report.messages(ZH)[0]
    assert "no usable backup" in report.messages(EN)[0]
    assert codes_in(tmp_path) == []


def test_two_recoveries_in_the_same_second_keep_both_bad_files(tmp_path: Path) -> None:
    clock = Clock(noon())
    for content in (b"first", b"second"):
        (tmp_path / DATA_FILE).write_bytes(content)
        with Store(tmp_path, fsync=False, clock=clock):
            pass
    kept = sorted(p.read_bytes() for p in tmp_path.glob(f"{DATA_FILE}.corrupt-*"))
    assert kept == [b"first", b"second"]


def test_a_damaged_backup_is_skipped(tmp_path: Path) -> None:
    clock = Clock(noon())
    policy = BackupPolicy(min_interval=0)
    make_library(tmp_path, ["a"], clock=clock, backups=policy)
    clock.now += 60
    make_library(tmp_path, ["b"], clock=clock, backups=policy)
    clock.now += 60
    make_library(tmp_path, ["c"], clock=clock, backups=policy)
    newest = Store(tmp_path).backups()[0]
    assert newest.phrases == 2
    newest.path.write_bytes(b"{broken")
    (tmp_path / DATA_FILE).write_bytes(b"{broken")
    assert codes_in(tmp_path) == ["a"]


def test_read_only_open_repairs_a_damaged_file_when_nobody_holds_the_lock(tmp_path: Path) -> None:
    clock = Clock(noon())
    make_library(tmp_path, ["a"], clock=clock)
    clock.now += 120
    make_library(tmp_path, ["b"], clock=clock)
    (tmp_path / DATA_FILE).write_bytes(b"\x00\x00")
    with Store(tmp_path, readonly=True) as store:
        assert store.report is not None and store.report.recovered_from is not None
        assert store.report.kept_corrupt is not None and store.report.kept_corrupt != store.path
    assert codes_in(tmp_path) == ["a"]


def test_read_only_open_while_another_holds_the_lock_recovers_in_memory_only(tmp_path: Path) -> None:
    clock = Clock(noon())
    make_library(tmp_path, ["a"], clock=clock)
    clock.now += 120
    make_library(tmp_path, ["b"], clock=clock)
    (tmp_path / DATA_FILE).write_bytes(b"garbage")
    holder = FileLock(tmp_path / LOCK_FILE)  # as the open window holds it
    holder.acquire()
    try:
        with Store(tmp_path, readonly=True) as reader:
            assert reader.report is not None and reader.report.kept_corrupt == reader.path
            assert sorted(p.code for p in PhraseLibrary(reader, keyer=NullKeyer()).phrases()) == ["a"]
        assert (tmp_path / DATA_FILE).read_bytes() == b"garbage"  # the holder decides, not a reader
    finally:
        holder.release()


def test_newer_schema_is_refused_and_left_untouched(tmp_path: Path) -> None:
    content = json.dumps({"_meta": {"schema_version": SCHEMA_VERSION + 1}, "phrases": {}}).encode()
    (tmp_path / DATA_FILE).write_bytes(content)
    for readonly in (False, True):
        with pytest.raises(StoreUnreadable) as exc:
            Store(tmp_path, readonly=readonly).open()
        assert "更新版本" in exc.value.message(ZH) and "newer" in exc.value.message(EN)
    assert (tmp_path / DATA_FILE).read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == [DATA_FILE, "quickreply.lock"]
    lock = FileLock(tmp_path / LOCK_FILE)
    lock.acquire()  # the refusal released the lock
    lock.release()


def test_migration_from_a_bare_tinydb_file_backs_up_first(tmp_path: Path) -> None:
    bare = {
        "phrases": {"1": {"id": "p1", "scenario": "s", "code": "hi", "title": "问候", "text": "亲，在的"}},
        "scenarios": {"1": {"id": "s", "name": "问候"}},
    }
    raw = json.dumps(bare, ensure_ascii=False).encode("utf-8")
    (tmp_path / DATA_FILE).write_bytes(raw)
    with Store(tmp_path, fsync=False) as store:
        assert store.report is not None and store.report.migrated_from == 0
        assert store.meta["schema_version"] == SCHEMA_VERSION
        assert PhraseLibrary(store, keyer=NullKeyer()).by_code("hi").text == "亲，在的"
    backups = Store(tmp_path).backups()
    assert len(backups) == 1 and backups[0].path.read_bytes() == raw
    data = json.loads((tmp_path / DATA_FILE).read_text("utf-8"))
    assert data["_meta"]["schema_version"] == SCHEMA_VERSION
    with Store(tmp_path) as store:
        assert store.report is not None and store.report.migrated_from is None


def test_backups_keep_20_versions_and_one_per_day_for_14_days(tmp_path: Path) -> None:
    clock = Clock(noon(days_ago=30))
    store = Store(tmp_path, fsync=False, clock=clock)
    store.open()
    lib = PhraseLibrary(store, keyer=NullKeyer())
    lib.add_scenario("s", scenario_id="s")
    n = 0
    # Thirty days of work, 6 saves a day two hours apart, then a busy last morning.
    for day in range(30, 0, -1):
        for hour in range(6):
            clock.now = noon(days_ago=day) - 6 * 3600 + hour * 7200
            lib.add_phrase("s", f"p{n}", "t", "x")
            n += 1
    for minute in range(40):
        clock.now = noon() - 3 * 3600 + minute * 120
        lib.add_phrase("s", f"p{n}", "t", "x")
        n += 1
    store.close()
    kept = [b.time for b in store.backups()]
    days = {dt.datetime.fromtimestamp(t).date() for t in kept}
    today = dt.datetime.fromtimestamp(noon()).date()
    newest_20 = kept[:20]
    assert all(t >= noon() - 3 * 3600 for t in newest_20)  # all from this morning
    assert days == {today - dt.timedelta(days=d) for d in range(14)}  # 14 days, no older
    assert len(kept) == 20 + 13  # the 20 newest, plus one for each of the 13 days before today
    assert all(b.phrases is not None for b in store.backups())


def test_backups_are_spaced_by_the_minimum_interval(tmp_path: Path) -> None:
    clock = Clock(noon())
    with Store(tmp_path, fsync=False, clock=clock) as store:
        lib = PhraseLibrary(store, keyer=NullKeyer())
        lib.add_scenario("s", scenario_id="s")
        for i in range(10):
            clock.now += 10
            lib.add_phrase("s", f"p{i}", "t", "x")
    assert len(list((tmp_path / BACKUP_DIR).iterdir())) == 2  # at the first write, and 60 s later


def test_backups_in_the_same_instant_do_not_overwrite_each_other(tmp_path: Path) -> None:
    clock = Clock(noon())
    policy = BackupPolicy(min_interval=0)
    with Store(tmp_path, fsync=False, clock=clock, backups=policy) as store:
        lib = PhraseLibrary(store, keyer=NullKeyer())
        lib.add_scenario("s", scenario_id="s")
        for i in range(3):
            lib.add_phrase("s", f"p{i}", "t", "x")
        counts = sorted(b.phrases or 0 for b in store.backups())
    assert counts == [0, 1, 2]  # +scenario; +p0; +p1 (the new empty file is not worth a backup)


def test_usage_flushes_keep_the_backup_from_before_an_edit(tmp_path: Path) -> None:
    clock = Clock(noon())
    make_library(tmp_path, ["a"], clock=clock)
    before = {b.path for b in Store(tmp_path).backups()}
    clock.now += 3600
    with Store(tmp_path, fsync=False, clock=clock) as store:
        lib = PhraseLibrary(store, keyer=NullKeyer(), clock=clock)
        lib.add_phrase("s", "b", "b", "亲，新加的。")  # the edit: the file with only "a" is kept
        for _ in range(25):  # the window counts uses and flushes them every so often
            clock.now += 120
            lib.record_use(lib.by_code("a").id)
            lib.flush()
        assert lib.by_code("a").uses == 25
    new = [b for b in Store(tmp_path).backups() if b.path not in before]
    assert [b.phrases for b in new] == [1]  # the pre-edit version, not 25 copies of use counts


def test_an_edit_left_without_a_backup_is_backed_up_once_later(tmp_path: Path) -> None:
    clock = Clock(noon())
    make_library(tmp_path, ["a"], clock=clock)
    clock.now += 3600
    with Store(tmp_path, fsync=False, clock=clock) as store:
        lib = PhraseLibrary(store, keyer=NullKeyer(), clock=clock)
        lib.add_phrase("s", "b", "b", "亲，b。")
        clock.now += 10
        lib.add_phrase("s", "c", "c", "亲，c。")  # too soon after the last backup for another
        for _ in range(5):
            clock.now += 120
            lib.record_use(lib.by_code("a").id)
            lib.flush()
    assert [b.phrases for b in Store(tmp_path).backups()] == [3, 1, 0]


def test_a_new_library_filled_at_once_leaves_no_empty_backup(tmp_path: Path) -> None:
    with Store(tmp_path, fsync=False) as store:
        lib = PhraseLibrary(store, keyer=NullKeyer())
        with lib.batch():  # as seeding from the default pack does
            lib.add_scenario("场景", scenario_id="s")
            lib.add_phrase("s", "a", "a", "亲，a。")
        assert store.backups() == []
        lib.add_phrase("s", "b", "b", "亲，b。")
        assert [b.phrases for b in store.backups()] == [1]


def test_text_that_cannot_be_saved_is_refused_and_the_file_kept(tmp_path: Path) -> None:
    make_library(tmp_path, ["a"])
    before = (tmp_path / DATA_FILE).read_bytes()
    with Store(tmp_path, fsync=False) as store:
        with pytest.raises(StoreError) as exc:
            store.table("phrases").insert({"text": "GBK read as UTF-8: \udcc7\udcd7"})
        assert "无法保存的字符" in exc.value.message(ZH) and "not valid text" in exc.value.message(EN)
        assert (tmp_path / DATA_FILE).read_bytes() == before
        store.table("phrases").remove(lambda doc: "GBK" in doc.get("text", ""))  # the next write works
    assert codes_in(tmp_path) == ["a"]


def test_backup_now_is_a_copy_not_a_link(tmp_path: Path) -> None:
    make_library(tmp_path, ["a"])
    with Store(tmp_path, fsync=False) as store:
        target = store.backup_now()
    assert target is not None
    (tmp_path / DATA_FILE).write_bytes(b"damaged in place")
    assert target.read_bytes() != b"damaged in place"


def test_second_writer_is_told_the_folder_is_in_use(tmp_path: Path) -> None:
    first = Store(tmp_path)
    first.open()
    try:
        with pytest.raises(StoreLocked) as exc:
            Store(tmp_path, lock_timeout=0.05).open()
        assert str(tmp_path) in exc.value.message(ZH) and "正在被" in exc.value.message(ZH)
        assert str(tmp_path) in exc.value.message(EN) and "in use" in exc.value.message(EN)
        with Store(tmp_path, readonly=True) as reader:  # readers are never blocked
            assert reader.report is not None
    finally:
        first.close()
    with Store(tmp_path):
        pass


def test_readonly_store_refuses_to_write(tmp_path: Path) -> None:
    make_library(tmp_path, ["a"])
    with Store(tmp_path, readonly=True) as store:
        with pytest.raises(StoreError) as exc:
            store.table("phrases").insert({"x": 1})
        assert "只读" in exc.value.message(ZH)


def test_a_failed_write_is_reported_and_kept_for_the_next_try(tmp_path: Path) -> None:
    store = Store(tmp_path, fsync=False)
    store.open()
    lib = PhraseLibrary(store, keyer=NullKeyer())
    lib.add_scenario("s", scenario_id="s")
    (tmp_path / DATA_FILE).unlink()
    (tmp_path / DATA_FILE).mkdir()  # os.replace onto a folder fails
    with pytest.raises(StoreError) as exc:
        lib.add_phrase("s", "a", "t", "x")
    assert "保存失败" in exc.value.message(ZH)
    assert store.dirty
    (tmp_path / DATA_FILE).rmdir()
    store.close()
    assert codes_in(tmp_path) == ["a"]


def test_close_twice_and_open_twice(tmp_path: Path) -> None:
    store = Store(tmp_path)
    store.open()
    with pytest.raises(StoreError):
        store.open()
    store.close()
    store.close()


@pytest.mark.parametrize("literal", ["123456789012345678901234567890", "NaN"])
def test_a_hand_edited_file_with_unusual_numbers_opens_and_saves(tmp_path: Path, literal: str) -> None:
    """Numbers only Python's json takes (huge integers, NaN) neither set the file aside nor stop
    the next save, which goes through the faster writer."""
    make_library(tmp_path, ["a", "b"])
    data = json.loads((tmp_path / DATA_FILE).read_text("utf-8"))
    data["_meta"]["note"] = "@@"
    (tmp_path / DATA_FILE).write_text(json.dumps(data, ensure_ascii=False).replace('"@@"', literal), "utf-8")
    make_library(tmp_path, ["c"])  # opens the file, adds a phrase, saves
    assert codes_in(tmp_path) == ["a", "b", "c"]
    assert [p.name for p in tmp_path.iterdir() if "corrupt" in p.name] == []


@pytest.mark.parametrize("writer", ["orjson", "json"])
def test_the_library_objects_are_written_as_their_documents(
        writer: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The store writes the library's phrases and scenarios themselves: the file must hold exactly
    what ``to_doc`` says, with orjson and with the standard json writer."""
    import desktop.core.store as store_module
    from desktop.core.model import Phrase, Scenario

    if writer == "json":
        monkeypatch.setattr(store_module, "_fast_json", lambda: None)
    phrase = Phrase("p1", "s", "cm", "尺码", "亲，\n身高？", tags=["尺码"], hotkey="ctrl+alt+1", pinned=True,
                    uses=3, last_used=1.5, created=1.0, updated=2.0, source="team", order=4,
                    search_key={"t": "chi'ma"})
    scenario = Scenario("s", "场景", order=2, icon="box", search_key="changjing")
    written = json.loads(store_module._dump_json({"phrases": {"1": phrase}, "scenarios": {"1": scenario}}))
    assert written == {"phrases": {"1": phrase.to_doc()}, "scenarios": {"1": scenario.to_doc()}}
