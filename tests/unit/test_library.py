"""The phrase library: validation a person reads (zh_CN and en), edits, trash, scenarios, usage."""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from desktop.core.errors import NotFound, QuickReplyError, ValidationFailed
from desktop.core.i18n import Translator
from desktop.core.library import Change, NullKeyer, PhraseLibrary
from desktop.core.messages import MESSAGES
from desktop.core.store import DATA_FILE, Store

ZH = Translator("zh_CN", MESSAGES)
EN = Translator("en", MESSAGES)


class Clock:
    def __init__(self, start: float = 1_800_000_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def open_library(tmp_path: Path, clock: Clock) -> Iterator[Callable[..., PhraseLibrary]]:
    """Opens the library of tmp_path (closing the previous one first, as a restart would)."""
    opened: list[Store] = []

    def _open(**kwargs: object) -> PhraseLibrary:
        for s in opened:
            s.close()
        store = Store(tmp_path, fsync=False, clock=clock)
        store.open()
        opened.append(store)
        ids = (f"id{n}" for n in itertools.count())
        return PhraseLibrary(store, keyer=NullKeyer(), clock=clock, new_id=lambda: next(ids), **kwargs)  # type: ignore[arg-type]

    yield _open
    for s in opened:
        s.close()


@pytest.fixture
def lib(open_library: Callable[..., PhraseLibrary]) -> PhraseLibrary:
    lib = open_library()
    lib.add_scenario("尺码咨询", scenario_id="size")
    lib.add_scenario("物流", scenario_id="ship")
    lib.add_phrase("size", "cm", "尺码建议", "亲，方便告诉我身高体重吗？我帮您推荐尺码。", tags=["尺码"])
    lib.add_phrase("ship", "fh", "发货时间", "亲，付款后48小时内发货哦。", hotkey="Ctrl+Alt+1")
    return lib


def data_bytes(tmp_path: Path) -> bytes:
    return (tmp_path / DATA_FILE).read_bytes()


def failure(exc: pytest.ExceptionInfo[ValidationFailed]) -> tuple[list[str], str, str]:
    e = exc.value
    return [x.key for x in e.errors], e.message(ZH), e.message(EN)


# -- validation --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "key", "zh", "en"),
    [
        ({"text": ""}, "phrase.text.empty", "话术内容不能为空", "cannot be empty"),
        ({"text": "  \n "}, "phrase.text.empty", "话术内容不能为空", "cannot be empty"),
        ({"text": "字" * 2001}, "phrase.text.too_long", "2001", "2001"),
        ({"code": ""}, "phrase.code.invalid", "快捷编码", "is invalid"),
        ({"code": "x" * 17}, "phrase.code.invalid", "1–16", "1–16"),
        ({"code": "尺码"}, "phrase.code.invalid", "尺码", "尺码"),
        ({"code": "a b"}, "phrase.code.invalid", "a b", "a b"),
        ({"code": "cm"}, "phrase.code.duplicate", "尺码建议", "already used"),
        ({"code": " CM "}, "phrase.code.duplicate", "尺码建议", "already used"),
        ({"hotkey": "ctrl+alt+1"}, "phrase.hotkey.duplicate", "发货时间", "already used"),
        ({"hotkey": "Alt+Ctrl+1"}, "phrase.hotkey.duplicate", "发货时间", "already used"),
        ({"hotkey": "q"}, "phrase.hotkey.invalid", "修饰键", "modifier"),
        ({"scenario": "nope"}, "phrase.scenario.unknown", "nope", "does not exist"),
        ({"title": ""}, "phrase.title.empty", "标题不能为空", "title cannot be empty"),
        # GBK bytes read as UTF-8 arrive as lone surrogates: they could never be saved
        ({"text": "亲，\udcc7\udcd7"}, "phrase.text.not_text", "无法识别的字符", "not valid text"),
        ({"title": "\udcb3\udfc2"}, "phrase.title.not_text", "无法识别的字符", "not valid text"),
        ({"tags": ["ok", "\ud800"]}, "phrase.tags.not_text", "无法识别的字符", "not valid text"),
        ({"code": "a\udcff"}, "phrase.code.invalid", "a\ufffd", "a\ufffd"),
        ({"hotkey": "ctrl+v"}, "phrase.hotkey.reserved", "粘贴", "paste"),
        ({"hotkey": "Ctrl+C"}, "phrase.hotkey.reserved", "复制", "copy"),
        ({"hotkey": "alt+space"}, "phrase.hotkey.reserved", "窗口菜单", "window menu"),
        ({"hotkey": "win+v"}, "phrase.hotkey.reserved", "剪贴板历史", "clipboard history"),
        ({"hotkey": "ctrl+shift+v"}, "phrase.hotkey.reserved", "Ctrl+Shift+V", "Ctrl+Shift+V"),
        ({"hotkey": "ctrl+alt+del"}, "phrase.hotkey.reserved", "系统安全界面", "security screen"),
    ],
)
def test_add_refuses_bad_fields_in_both_languages(
    lib: PhraseLibrary, tmp_path: Path, fields: dict[str, str], key: str, zh: str, en: str
) -> None:
    before = data_bytes(tmp_path)
    args = {"scenario": "size", "code": "new", "title": "新话术", "text": "亲，在的。", "hotkey": None}
    args.update(fields)
    with pytest.raises(ValidationFailed) as exc:
        lib.add_phrase(args.pop("scenario"), args.pop("code"), args.pop("title"), args.pop("text"), **args)
    keys, zh_msg, en_msg = failure(exc)
    assert keys == [key]
    assert zh in zh_msg
    assert en in en_msg
    assert data_bytes(tmp_path) == before
    assert len(lib) == 2


def test_a_megabyte_reply_is_refused_clearly_and_nothing_is_written(
    lib: PhraseLibrary, tmp_path: Path
) -> None:
    before = data_bytes(tmp_path)
    with pytest.raises(ValidationFailed) as exc:
        lib.add_phrase("size", "big", "大段", "好" * 1_000_000)
    keys, zh, en = failure(exc)
    assert keys == ["phrase.text.too_long"]
    assert "1000000" in zh and "2000" in zh
    assert "1000000" in en and "limit is 2000" in en
    assert len(zh) < 200  # the message quotes the size, not the text
    assert data_bytes(tmp_path) == before
    with pytest.raises(ValidationFailed):
        lib.update_phrase(lib.by_code("cm").id, text="好" * 1_000_000)
    assert data_bytes(tmp_path) == before


def test_every_bad_field_is_listed_at_once(lib: PhraseLibrary) -> None:
    with pytest.raises(ValidationFailed) as exc:
        lib.add_phrase("nope", "cm", "", "")
    assert set(exc.value.by_field()) == {"scenario", "code", "title", "text"}


def test_the_app_hotkey_is_reserved(open_library: Callable[..., PhraseLibrary]) -> None:
    lib = open_library(reserved_hotkeys=lambda: ["Ctrl+Alt+Q"])
    lib.add_scenario("s", scenario_id="s")
    with pytest.raises(ValidationFailed) as exc:
        lib.add_phrase("s", "a", "t", "x", hotkey="ctrl+alt+q")
    assert exc.value.errors[0].key == "phrase.hotkey.duplicate"


def test_check_phrase_reports_without_saving(lib: PhraseLibrary, tmp_path: Path) -> None:
    before = data_bytes(tmp_path)
    pid = lib.by_code("fh").id
    assert [e.key for e in lib.check_phrase(pid, code="cm")] == ["phrase.code.duplicate"]
    assert lib.check_phrase(pid, code="fh") == []  # its own code is fine
    assert [e.field for e in lib.check_phrase(None, text="x", title="t", code="ok", scenario="size")] == []
    assert data_bytes(tmp_path) == before


# -- phrases ---------------------------------------------------------------------------------


def test_add_cleans_and_survives_a_restart(
    lib: PhraseLibrary, open_library: Callable[..., PhraseLibrary]
) -> None:
    p = lib.add_phrase(
        "尺码咨询", "  Size2 ", " 尺码表\n ", "  亲，尺码表在详情页哦 \r\n  ", tags="尺码，详情"
    )
    assert (p.code, p.title, p.text, p.tags, p.scenario) == (
        "size2",
        "尺码表",
        "亲，尺码表在详情页哦",
        ["尺码", "详情"],
        "size",
    )
    again = open_library()
    assert again.by_code("size2") == p
    assert [x.code for x in again.phrases()] == ["cm", "size2", "fh"]


def test_edit_keeps_id_and_frees_the_old_code(
    lib: PhraseLibrary, open_library: Callable[..., PhraseLibrary], clock: Clock
) -> None:
    p = lib.by_code("cm")
    clock.now += 10
    q = lib.update_phrase(p.id, code="cm2", text="亲，尺码参考详情页的尺码表。")
    assert q.id == p.id and q.updated == clock.now and q.created == p.created
    with pytest.raises(NotFound):
        lib.by_code("cm")
    lib.add_phrase("size", "cm", "新的", "亲，新的一条。")
    again = open_library()
    assert again.by_code("cm2").text == "亲，尺码参考详情页的尺码表。"
    assert again.by_code("cm").title == "新的"


def test_an_edit_that_changes_nothing_writes_nothing(lib: PhraseLibrary, tmp_path: Path) -> None:
    before = data_bytes(tmp_path)
    p = lib.by_code("cm")
    assert lib.update_phrase(p.id, title=" 尺码建议 ") is p
    assert data_bytes(tmp_path) == before


def test_unknown_fields_are_refused(lib: PhraseLibrary) -> None:
    with pytest.raises(QuickReplyError):
        lib.update_phrase(lib.by_code("cm").id, uses=99)


def test_delete_goes_to_trash_and_restores(
    lib: PhraseLibrary, open_library: Callable[..., PhraseLibrary]
) -> None:
    p = lib.by_code("cm")
    lib.delete_phrase(p.id)
    assert len(lib) == 1
    with pytest.raises(NotFound):
        lib.by_code("cm")
    again = open_library()
    assert [t.phrase.id for t in again.trash()] == [p.id]
    back = again.restore(p.id)
    assert (back.id, back.code, back.text) == (p.id, "cm", p.text)
    assert again.trash() == []
    assert open_library().by_code("cm").id == p.id


def test_restore_when_the_code_was_taken_meanwhile(lib: PhraseLibrary) -> None:
    p = lib.by_code("fh")
    lib.delete_phrase(p.id)
    other = lib.add_phrase("ship", "fh", "另一条", "亲，另一条发货话术。", hotkey="ctrl+alt+1")
    back = lib.restore(p.id)
    assert back.code == "fh2"
    assert back.hotkey is None  # its hotkey went to the other phrase meanwhile
    assert lib.by_code("fh").id == other.id
    assert lib.by_code("fh2").text == p.text


def test_restore_into_a_deleted_scenario(lib: PhraseLibrary) -> None:
    p = lib.by_code("fh")
    lib.delete_phrase(p.id)
    lib.delete_scenario("ship")
    back = lib.restore(p.id)
    assert back.scenario == "size"


def store_hotkey(tmp_path: Path, code: str, hotkey: str) -> None:
    """Give a phrase a hotkey in the file, as an older version without the reserved list saved it."""
    data = json.loads((tmp_path / DATA_FILE).read_text("utf-8"))
    for doc in data["phrases"].values():
        if doc["code"] == code:
            doc["hotkey"] = hotkey
    (tmp_path / DATA_FILE).write_text(json.dumps(data, ensure_ascii=False), "utf-8")


def test_a_reserved_hotkey_saved_by_an_older_version_does_not_block_other_edits(
    lib: PhraseLibrary, open_library: Callable[..., PhraseLibrary], tmp_path: Path
) -> None:
    p = lib.by_code("fh")
    store_hotkey(tmp_path, "fh", "ctrl+v")
    lib = open_library()
    assert lib.set_pinned(p.id).hotkey == "ctrl+v"  # pinning is not refused for an untouched field
    with pytest.raises(ValidationFailed) as exc:
        lib.update_phrase(lib.by_code("cm").id, hotkey="ctrl+v")  # but it is never newly given
    assert exc.value.errors[0].key == "phrase.hotkey.reserved"
    assert lib.update_phrase(p.id, hotkey="ctrl+alt+2").hotkey == "ctrl+alt+2"
    with pytest.raises(ValidationFailed):
        lib.update_phrase(p.id, hotkey="ctrl+v")  # once changed, it cannot come back


def test_restore_drops_a_reserved_hotkey(
    lib: PhraseLibrary, open_library: Callable[..., PhraseLibrary], tmp_path: Path
) -> None:
    p = lib.by_code("fh")
    store_hotkey(tmp_path, "fh", "alt+tab")
    lib = open_library()
    lib.delete_phrase(p.id)
    assert lib.restore(p.id).hotkey is None


@pytest.mark.parametrize(("given", "expected"), [({}, "未分组"), ({"default_scenario_name": "Ungrouped"},
                                                                  "Ungrouped")])
def test_restore_into_a_library_without_scenarios_uses_the_default_name(
    open_library: Callable[..., PhraseLibrary], given: dict[str, str], expected: str
) -> None:
    lib = open_library(**given)
    lib.add_scenario("唯一", scenario_id="only")
    p = lib.add_phrase("only", "a", "t", "亲，在的。")
    lib.delete_phrase(p.id)
    lib.delete_scenario("only")
    back = lib.restore(p.id)
    assert lib.scenario(back.scenario).name == expected
    assert [s.name for s in lib.scenarios()] == [expected]


def test_restore_unknown_and_empty_trash(lib: PhraseLibrary) -> None:
    with pytest.raises(NotFound):
        lib.restore("nope")
    lib.delete_phrase(lib.by_code("cm").id)
    assert lib.empty_trash() == 1
    assert lib.trash() == []


def test_move_between_scenarios_goes_to_the_end_or_the_given_place(lib: PhraseLibrary) -> None:
    a = lib.add_phrase("ship", "kd", "快递", "亲，默认发中通快递。")
    p = lib.move_phrase(lib.by_code("cm").id, "物流")
    assert p.scenario == "ship"
    assert [x.code for x in lib.phrases("ship")] == ["fh", "kd", "cm"]
    lib.move_phrase(a.id, "size")
    lib.move_phrase(lib.by_code("fh").id, "size", index=0)
    assert [x.code for x in lib.phrases("size")] == ["fh", "kd"]
    with pytest.raises(NotFound):
        lib.move_phrase(a.id, "nope")


def test_reorder_phrases(lib: PhraseLibrary, open_library: Callable[..., PhraseLibrary]) -> None:
    b = lib.add_phrase("size", "b", "b", "b")
    c = lib.add_phrase("size", "c", "c", "c")
    lib.reorder_phrases("size", [c.id, b.id])
    assert [x.code for x in lib.phrases("size")] == ["c", "b", "cm"]
    assert [x.code for x in open_library().phrases("size")] == ["c", "b", "cm"]


def test_reorder_with_an_unknown_id_changes_nothing(lib: PhraseLibrary, tmp_path: Path) -> None:
    before = data_bytes(tmp_path)
    with pytest.raises(NotFound):
        lib.reorder_phrases("size", [lib.by_code("cm").id, "ghost"])
    assert data_bytes(tmp_path) == before


def test_pin(lib: PhraseLibrary, open_library: Callable[..., PhraseLibrary]) -> None:
    lib.set_pinned(lib.by_code("fh").id)
    assert open_library().by_code("fh").pinned
    lib = open_library()
    lib.set_pinned(lib.by_code("fh").id, False)
    assert not open_library().by_code("fh").pinned


def test_record_use_is_lazy_but_never_lost_on_close(
    lib: PhraseLibrary, tmp_path: Path, open_library: Callable[..., PhraseLibrary], clock: Clock
) -> None:
    before = data_bytes(tmp_path)
    p = lib.by_code("cm")
    clock.now += 5
    lib.record_use(p.id)
    lib.record_use(p.id)
    assert data_bytes(tmp_path) == before  # batched, not one write per copy
    assert lib.phrase(p.id).uses == 2
    again = open_library()  # closes the first store
    assert (again.by_code("cm").uses, again.by_code("cm").last_used) == (2, clock.now)


def test_record_use_is_written_with_the_next_edit_or_after_a_while(
    lib: PhraseLibrary, open_library: Callable[..., PhraseLibrary], tmp_path: Path, clock: Clock
) -> None:
    p = lib.by_code("cm")
    lib.record_use(p.id)
    lib.set_pinned(lib.by_code("fh").id)
    assert b'"uses":1' in data_bytes(tmp_path)
    clock.now += 31
    lib.record_use(p.id)
    assert b'"uses":2' in data_bytes(tmp_path)


def test_listeners_hear_each_change(lib: PhraseLibrary) -> None:
    heard: list[Change] = []
    stop = lib.subscribe(heard.append)
    p = lib.add_phrase("size", "x", "x", "x")
    lib.record_use(p.id)
    lib.delete_phrase(p.id)
    stop()
    lib.add_phrase("size", "y", "y", "y")
    assert [c.kind for c in heard] == ["added", "used", "removed"]


# -- scenarios -------------------------------------------------------------------------------


def test_scenario_add_rename_reorder(lib: PhraseLibrary, open_library: Callable[..., PhraseLibrary]) -> None:
    s = lib.add_scenario("  售后   服务 ")
    assert s.name == "售后 服务"
    lib.rename_scenario("物流", "物流查询")
    lib.reorder_scenarios([s.id, "ship"])
    again = open_library()
    assert [x.name for x in again.scenarios()] == ["售后 服务", "物流查询", "尺码咨询"]
    assert again.scenario("物流查询").id == "ship"


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("", "scenario.name.empty"),
        ("尺码咨询", "scenario.name.duplicate"),
        ("长" * 31, "scenario.name.too_long"),
        ("售后\udcc7", "scenario.name.not_text"),
    ],
)
def test_scenario_name_rules(lib: PhraseLibrary, name: str, key: str) -> None:
    with pytest.raises(ValidationFailed) as exc:
        lib.add_scenario(name)
    assert exc.value.errors[0].key == key
    assert exc.value.message(EN) != key and exc.value.message(ZH) != key


def test_delete_a_non_empty_scenario_is_refused_without_a_target(lib: PhraseLibrary, tmp_path: Path) -> None:
    before = data_bytes(tmp_path)
    with pytest.raises(QuickReplyError) as exc:
        lib.delete_scenario("size")
    assert exc.value.key == "scenario.not_empty"
    assert "1 条话术" in exc.value.message(ZH)
    assert "1 phrases" in exc.value.message(EN)
    assert data_bytes(tmp_path) == before
    with pytest.raises(QuickReplyError):
        lib.delete_scenario("size", move_to="size")
    with pytest.raises(NotFound):
        lib.delete_scenario("size", move_to="nope")
    assert len(lib) == 2 and len(lib.scenarios()) == 2


def test_delete_a_scenario_moves_its_phrases(
    lib: PhraseLibrary, open_library: Callable[..., PhraseLibrary]
) -> None:
    lib.delete_scenario("size", move_to="物流")
    again = open_library()
    assert [s.id for s in again.scenarios()] == ["ship"]
    assert sorted(p.code for p in again.phrases("ship")) == ["cm", "fh"]


def test_delete_an_empty_scenario(lib: PhraseLibrary) -> None:
    s = lib.add_scenario("空的")
    lib.delete_scenario(s.id)
    with pytest.raises(NotFound):
        lib.scenario("空的")


def test_damaged_documents_are_skipped_and_reported(
    tmp_path: Path, lib: PhraseLibrary, open_library: Callable[..., PhraseLibrary]
) -> None:
    lib._store.close()
    path = tmp_path / DATA_FILE
    data = json.loads(path.read_text("utf-8"))
    first = next(iter(data["phrases"].values()))
    data["phrases"]["900"] = {"id": "bad", "text": 5}  # edited by hand: no longer a phrase
    data["phrases"]["901"] = {**first, "id": "copy"}  # pasted twice: the same code again
    data["scenarios"]["902"] = {"name": 7}
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    again = open_library()
    assert len(again) == 2
    assert len(again.scenarios()) == 2
    assert len(again.skipped) == 3
    # Opening and saving loses nothing: what could not be read is written back as it was.
    again._new_id = lambda: "new-id"  # this fixture's ids start again at each open
    again.add_phrase("size", "new", "新的", "亲，新的回复。")
    saved = json.loads(path.read_text("utf-8"))
    assert saved["phrases"]["900"] == {"id": "bad", "text": 5}
    assert saved["phrases"]["901"]["id"] == "copy"
    assert saved["scenarios"]["902"] == {"name": 7}
    assert len(saved["phrases"]) == 5 and len(open_library()) == 3


def test_a_change_whose_save_fails_is_kept_listed_searchable_and_saved_next_time(
    tmp_path: Path, lib: PhraseLibrary, open_library: Callable[..., PhraseLibrary]
) -> None:
    from desktop.core.errors import StoreError
    from desktop.core.model import Phrase
    from desktop.core.search import SearchIndex

    index = SearchIndex(lib)
    seen: list[Change] = []
    lib.subscribe(seen.append)
    path = tmp_path / DATA_FILE
    path.unlink()
    path.mkdir()  # the file cannot be replaced: as with a full disk or a file held by another program
    with pytest.raises(StoreError):
        lib.add_phrase("size", "new", "新话术", "亲，这是新加的。")
    with pytest.raises(StoreError):
        lib.add_phrases([Phrase(id="", scenario="ship", code="b1", title="批量", text="亲，批量加的。")])
    with pytest.raises(StoreError):
        lib.delete_phrase(lib.by_code("fh").id)
    # The window and the search were told, so what the library holds is what they show.
    assert [c.kind for c in seen] == ["added", "added", "removed"]
    assert {p.code for p in lib.phrases()} == {"cm", "new", "b1"}
    assert [h.phrase.code for h in index.search("新话术")] == ["new"]
    assert index.search("发货时间") == []
    path.rmdir()
    lib.flush()  # the next save writes what the failed ones could not
    assert {p.code for p in open_library().phrases()} == {"cm", "new", "b1"}
