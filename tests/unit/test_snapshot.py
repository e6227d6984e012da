"""The start-up snapshot: used only while the library file is unchanged, never a source of loss."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import desktop.core.snapshot as snapshot_module
import desktop.core.store as store_module
from desktop.core.library import PhraseLibrary
from desktop.core.model import Phrase
from desktop.core.snapshot import SNAPSHOT_FILE, Snapshot, file_sum, read_snapshot, write_snapshot
from desktop.core.store import DATA_FILE, SCHEMA_VERSION, Store


class Keyer:
    """Search keys as the real keyer stores them (a dict per phrase), without pypinyin."""

    version = "test-1"

    def phrase_key(self, phrase: Phrase) -> dict[str, str]:
        return {"t": phrase.title.lower(), "x": phrase.text[:3]}

    def name_key(self, name: str) -> str:
        return name.lower()


def open_library(path: Path, *, snapshots: bool = True,
                 readonly: bool = False) -> tuple[Store, PhraseLibrary]:
    store = Store(path, fsync=False, snapshots=snapshots, readonly=readonly)
    store.open()
    return store, PhraseLibrary(store, keyer=Keyer())


def contents(lib: PhraseLibrary) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    return [p.to_doc() for p in lib.phrases()], [s.to_doc() for s in lib.scenarios()]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A library of a few phrases with every kind of field set, closed (so its snapshot is written)."""
    store, lib = open_library(tmp_path)
    lib.add_scenario("尺码咨询", scenario_id="size")
    lib.add_scenario("物流", scenario_id="ship", icon="truck")
    lib.add_phrase("size", "cm", "尺码建议", "亲，方便告诉我身高体重吗？", tags=["尺码", "推荐"])
    lib.add_phrase("ship", "fh", "发货时间", "亲，付款后48小时内发货哦。", hotkey="Ctrl+Alt+1", pinned=True)
    lib.add_phrase("ship", "kd", "快递", "默认中通快递，可备注顺丰。")
    lib.record_use(lib.by_code("fh").id)
    store.close()
    return tmp_path


@pytest.fixture
def no_parsing(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[bytes]]:
    """Records every parse of a library file (a start from the snapshot parses none)."""
    parsed: list[bytes] = []
    real = store_module._parse_json

    def parse(raw: bytes) -> Any:
        parsed.append(raw)
        return real(raw)

    monkeypatch.setattr(store_module, "_parse_json", parse)
    yield parsed


def test_a_closed_library_starts_from_its_snapshot_with_the_same_content(
        folder: Path, no_parsing: list[bytes]) -> None:
    assert (folder / SNAPSHOT_FILE).is_file()
    store, lib = open_library(folder)
    from_snapshot = contents(lib)
    store.close()
    assert no_parsing == []
    store, lib = open_library(folder, snapshots=False)
    assert contents(lib) == from_snapshot and len(from_snapshot[0]) == 3
    assert lib.by_code("fh").uses == 1 and lib.by_code("fh").hotkey == "ctrl+alt+1"
    store.close()


def test_a_file_changed_behind_the_snapshot_is_read_instead(folder: Path, no_parsing: list[bytes]) -> None:
    path = folder / DATA_FILE
    raw = path.read_bytes()
    edited = raw.replace("中通".encode(), "圆通".encode())  # same length, as a careful hand edit
    assert len(edited) == len(raw) and edited != raw
    path.write_bytes(edited)
    store, lib = open_library(folder)
    assert lib.by_code("kd").text.startswith("默认圆通") and len(no_parsing) == 1
    store.close()  # a writable close makes the snapshot of the file as it is now
    store, lib = open_library(folder)
    assert lib.by_code("kd").text.startswith("默认圆通") and len(no_parsing) == 1
    store.close()


DAMAGE = {
    "empty": lambda blob: b"",
    "truncated": lambda blob: blob[: len(blob) // 2],
    "garbage": lambda blob: bytes(range(256)) * 8,
    "flipped byte": lambda blob: blob[:-10] + bytes([blob[-10] ^ 0x40]) + blob[-9:],
    "other header": lambda blob: blob.replace(b"QuickReply snapshot", b"QuickReply snapshoT", 1),
}


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_a_damaged_snapshot_is_ignored_and_made_again(
        folder: Path, damage: Any, no_parsing: list[bytes]) -> None:
    store, lib = open_library(folder, snapshots=False)
    expected = contents(lib)
    store.close()
    snap = folder / SNAPSHOT_FILE
    snap.write_bytes(damage(snap.read_bytes()))
    store, lib = open_library(folder)
    assert contents(lib) == expected and len(no_parsing) == 2  # the file was read
    store.close()
    store, lib = open_library(folder)
    assert contents(lib) == expected and len(no_parsing) == 2  # and the snapshot made again
    store.close()


def test_a_snapshot_from_another_python_is_not_used(
        folder: Path, monkeypatch: pytest.MonkeyPatch, no_parsing: list[bytes]) -> None:
    source = file_sum((folder / DATA_FILE).read_bytes())
    assert read_snapshot(folder / SNAPSHOT_FILE, source, SCHEMA_VERSION) is not None
    monkeypatch.setattr(snapshot_module, "_python", lambda: 299)
    assert read_snapshot(folder / SNAPSHOT_FILE, source, SCHEMA_VERSION) is None
    assert read_snapshot(folder / SNAPSHOT_FILE, source, SCHEMA_VERSION + 1) is None
    store, lib = open_library(folder)
    assert len(lib) == 3 and len(no_parsing) == 1
    store.close()


def test_edits_after_a_start_from_the_snapshot_are_saved(folder: Path) -> None:
    store, lib = open_library(folder)
    lib.update_phrase(lib.by_code("cm").id, text="亲，身高体重告诉我，帮您选尺码。")
    lib.delete_phrase(lib.by_code("kd").id)
    lib.add_phrase("size", "new", "新话术", "亲，这是新的。")
    lib.record_use(lib.by_code("new").id)
    lib.rename_scenario("ship", "物流快递")
    expected = contents(lib)
    store.close()
    for snapshots in (False, True):
        store, lib = open_library(folder, snapshots=snapshots)
        assert contents(lib) == expected
        assert [t.phrase.code for t in lib.trash()] == ["kd"]
        store.close()


def test_a_read_only_open_uses_the_snapshot_and_never_writes_one(
        folder: Path, no_parsing: list[bytes]) -> None:
    store, lib = open_library(folder, readonly=True)
    assert len(lib) == 3 and no_parsing == []
    store.close()
    (folder / SNAPSHOT_FILE).unlink()
    store, lib = open_library(folder, readonly=True)
    assert len(lib) == 3
    store.close()
    assert not (folder / SNAPSHOT_FILE).exists()


def test_a_store_opened_from_the_snapshot_without_a_library_loses_nothing(folder: Path) -> None:
    before = json.loads((folder / DATA_FILE).read_text("utf-8"))
    with Store(folder, fsync=False, snapshots=True) as store:
        assert len(store.table("phrases").all()) == 3
        store.table("settings").insert({"key": "x", "value": 1})  # a write of another table
    after = json.loads((folder / DATA_FILE).read_text("utf-8"))
    assert after["phrases"] == before["phrases"] and after["scenarios"] == before["scenarios"]


def test_a_snapshot_with_other_fields_is_read_the_careful_way(folder: Path) -> None:
    source = file_sum((folder / DATA_FILE).read_bytes())
    snap = read_snapshot(folder / SNAPSHOT_FILE, source, SCHEMA_VERSION)
    assert snap is not None
    fields, rows, kept = snap.tables["phrases"]
    assert fields[-1] == "search_key"
    # As an older version without search keys would have written it.
    older = dict(snap.tables, phrases=(fields[:-1], [(i, values[:-1]) for i, values in rows], kept))
    assert write_snapshot(folder / SNAPSHOT_FILE, source, SCHEMA_VERSION, Snapshot(snap.data, older))
    store, lib = open_library(folder, readonly=True)
    assert sorted(p.code for p in lib.phrases()) == ["cm", "fh", "kd"]
    assert lib.by_code("cm").tags == ["尺码", "推荐"] and lib.by_code("cm").search_key == {}
    store.close()


def test_a_snapshot_that_cannot_be_made_never_fails_the_close(
        folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object) -> bool:
        raise RuntimeError("no snapshot today")

    monkeypatch.setattr(store_module, "write_snapshot", broken)
    store, lib = open_library(folder)
    lib.add_phrase("size", "new", "新话术", "亲，这是新的。")
    store.close()  # saved, the lock released, the old snapshot (of the old file) gone
    assert not (folder / SNAPSHOT_FILE).exists()
    store, lib = open_library(folder, snapshots=False)
    assert lib.by_code("new").title == "新话术"
    store.close()


def test_values_phrases_repeat_are_loaded_once_from_the_snapshot(folder: Path) -> None:
    store, lib = open_library(folder)
    for i in range(3):  # each given as a string of its own, as an edit or an import gives them
        lib.add_phrase("".join(["sh", "ip"]), f"k{i}", f"快递{i}", f"亲，快递{i}。",
                       tags=["".join(["物", "流"]), "推荐"])
    store.close()
    store, lib = open_library(folder)
    ship = [p for p in lib.phrases() if p.scenario == "ship"]
    store.close()
    assert len(ship) == 5
    # one object for each repeated scenario id and tag, as the snapshot wrote it once
    assert len({id(p.scenario) for p in ship}) == 1
    assert len({id(t) for p in ship for t in p.tags if t == "物流"}) == 1


def test_sharing_never_makes_a_value_of_another_type() -> None:
    from desktop.core.library_records import shared

    names = ("a" + "b", "ab", None, "".join(["a", "b"]))
    out = shared(names)
    assert list(out) == list(names) and out[0] is out[1] is out[3]
    numbers = (1, 1.0, True, 2.5, 2.5)
    assert [type(v) for v in shared(numbers)] == [int, float, bool, float, float]
    tags = (["尺码", "推荐"], ["推荐"], [])
    shared_tags = shared(tags)
    assert shared_tags == list(tags) and shared_tags[0][1] is shared_tags[1][0]
    mixed = ([1, True], [1.0])
    assert [[type(v) for v in t] for t in shared(mixed)] == [[int, bool], [float]]
