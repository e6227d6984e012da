"""Reordering by drag and drop (and Alt+Up/Down): replies within a scenario, onto another scenario
or Pinned, and the scenarios themselves. Drops are simulated through the models' mimeData and
dropMimeData, the same calls a real drop ends in."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, QPoint, Qt
from PySide6.QtGui import QDragMoveEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QListWidgetItem

from desktop.core.library import NullKeyer
from desktop.core.listing import ALL, FREQUENT, PINNED, RECENT, VIRTUAL
from desktop.core.model import Phrase
from desktop.core.session import open_session
from desktop.ui.phrase_model import PHRASE_MIME, PhraseModel, phrase_mime, read_phrase_mime
from desktop.ui.scenario_nav import COUNT_ROLE, KEY_ROLE, SCENARIO_MIME

MOVE = Qt.DropAction.MoveAction
DRAG = Qt.ItemFlag.ItemIsDragEnabled
DROP = Qt.ItemFlag.ItemIsDropEnabled


def phrase(n: int, **fields) -> Phrase:
    return Phrase(id=f"p{n}", scenario="s", code=f"c{n}", title=f"标题{n}", text="亲，在的", **fields)


def ids(model: PhraseModel) -> list[str]:
    return [p.id for p in model.phrases()]


def titles(window) -> list[str]:
    return [p.title for p in window.model.phrases()]


def press(window, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """Window shortcuts fire only for keys sent to the window handle."""
    QTest.keyClick(window.windowHandle(), key, modifier)


def drag_rows(model, *rows: int) -> QMimeData:
    return model.mimeData([model.index(r, 0) for r in rows])


def drop_rows(model, data: QMimeData, row: int) -> bool:
    return model.dropMimeData(data, MOVE, row, 0, QModelIndex())


def nav_row(window, key: str) -> int:
    nav = window.nav
    return next(i for i in range(nav.count()) if nav.item(i).data(KEY_ROLE) == key)


def drop_on_nav(window, data: QMimeData, row: int) -> bool:
    """A drop onto the nav entry at ``row`` (QListWidget's model hands it to the nav)."""
    model = window.nav.model()
    return model.dropMimeData(data, MOVE, -1, -1, model.index(row, 0))


def reopened_library(data_dir: Path):
    """The library as the next start would read it from disk."""
    return open_session(data_dir, locale="zh_CN", pack_for_locale=lambda _l: data_dir / "none",
                        readonly=True, keyer=NullKeyer())


def order_on_disk(tmp_path: Path, scenario: str | None = None) -> list[str]:
    s = reopened_library(tmp_path / "data")
    try:
        return [p.code for p in s.library.phrases(scenario)]
    finally:
        s.close()


# -- the model on its own --------------------------------------------------------------------------

@pytest.fixture
def model() -> PhraseModel:
    m = PhraseModel(None)
    m.set_phrases([phrase(i, pinned=i == 0) for i in range(5)], scenario="s")
    return m


def test_reorderable_model_passes_qt_model_tester(qtmodeltester, model):
    qtmodeltester.check(model, force_py=True)
    model.move_ids(["p4"], 1)
    assert ids(model) == ["p0", "p4", "p1", "p2", "p3"]


def test_rows_of_a_scenario_can_be_dragged_and_dropped_between(model):
    assert model.flags(model.index(2, 0)) & DRAG
    assert not model.flags(model.index(2, 0)) & DROP  # drops land between rows, not onto one
    assert model.flags(QModelIndex()) & DROP
    assert model.supportedDropActions() == MOVE
    assert PHRASE_MIME in model.mimeTypes()


def test_computed_order_cannot_be_dragged(model):
    model.set_phrases(model.phrases(), scenario=None)
    assert not model.flags(model.index(2, 0)) & DRAG
    assert not model.flags(QModelIndex()) & DROP
    data = phrase_mime("s", ["p3"])
    assert not model.canDropMimeData(data, MOVE, 1, 0, QModelIndex())
    assert not drop_rows(model, data, 1)
    assert ids(model) == ["p0", "p1", "p2", "p3", "p4"]


def test_drag_payload_names_the_scenario_and_the_replies(model):
    assert read_phrase_mime(drag_rows(model, 3, 1)) == ("s", ["p1", "p3"])
    assert read_phrase_mime(QMimeData()) is None
    broken = QMimeData()
    broken.setData(PHRASE_MIME, b"{not json")
    assert read_phrase_mime(broken) is None


@pytest.mark.parametrize(
    ("dragged", "row", "order"),
    [
        ([3], 1, ["p0", "p3", "p1", "p2", "p4"]),  # up
        ([1], 4, ["p0", "p2", "p3", "p1", "p4"]),  # down: before the row it was dropped above
        ([1], -1, ["p0", "p2", "p3", "p4", "p1"]),  # at the end
        ([1, 3], 5, ["p0", "p2", "p4", "p1", "p3"]),  # several keep their order
        ([4], 0, ["p0", "p4", "p1", "p2", "p3"]),  # cannot go above the pinned reply
        ([0], 5, ["p0", "p1", "p2", "p3", "p4"]),  # nor the pinned one below the others
    ],
)
def test_drop_reorders_and_asks_for_the_order_to_be_kept(qtbot, model, dragged, row, order):
    data = drag_rows(model, *dragged)
    changed = order != ids(model)
    if changed:
        with qtbot.waitSignal(model.reordered) as blocker:
            assert drop_rows(model, data, row)
        assert blocker.args == ["s", order]
    else:
        assert not drop_rows(model, data, row)
    assert ids(model) == order


def test_drop_from_another_scenario_or_of_unknown_replies_is_refused(model):
    assert not model.canDropMimeData(phrase_mime("other", ["p1"]), MOVE, 0, 0, QModelIndex())
    assert not model.canDropMimeData(phrase_mime("s", ["gone"]), MOVE, 0, 0, QModelIndex())
    assert not model.canDropMimeData(QMimeData(), MOVE, 0, 0, QModelIndex())
    assert not model.canDropMimeData(drag_rows(model, 1), Qt.DropAction.CopyAction, 0, 0, QModelIndex())


def test_selection_follows_the_moved_row(qtbot, model):
    from desktop.ui.phrase_list import PhraseListView

    view = PhraseListView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.setCurrentIndex(model.index(3, 0))
    assert model.move_row(3, -1)
    assert view.currentIndex().row() == 2
    assert model.phrase_at(view.currentIndex().row()).id == "p3"


# -- in the window ---------------------------------------------------------------------------------

def test_dragging_a_reply_within_its_scenario_keeps_the_new_order(make_window, session, tmp_path):
    window = make_window()
    window.nav.set_current_key("ship")
    assert titles(window) == ["发货时间", "查询订单", "快递公司"]
    assert drop_rows(window.model, drag_rows(window.model, 2), 0)
    assert titles(window) == ["快递公司", "发货时间", "查询订单"]
    assert [p.code for p in session.library.phrases("ship")] == ["kd", "fh", "cd"]
    assert order_on_disk(tmp_path, "ship") == ["kd", "fh", "cd"]


@pytest.mark.parametrize("key", VIRTUAL)
def test_virtual_views_cannot_be_reordered(make_window, session, key):
    window = make_window()
    session.library.record_use(session.library.by_code("fh").id)
    session.library.set_pinned(session.library.by_code("fh").id)
    window.nav.set_current_key(key)
    assert window.model.rowCount() > 0
    assert not window.model.flags(window.model.index(0, 0)) & DRAG
    before = titles(window)
    assert not drop_rows(window.model, phrase_mime(key, [window.model.phrase_at(0).id]), -1)
    assert titles(window) == before


def test_no_dragging_while_searching(qtbot, make_window):
    window = make_window()
    window.nav.set_current_key("ship")
    qtbot.keyClicks(window.search, "fh")
    assert window.model.rowCount() > 0
    assert not window.model.flags(window.model.index(0, 0)) & DRAG
    window.search.clear()
    assert window.model.flags(window.model.index(0, 0)) & DRAG


def test_reply_dropped_on_a_scenario_moves_there(make_window, session, tmp_path):
    window = make_window()
    window.nav.set_current_key("ship")
    assert drop_on_nav(window, drag_rows(window.model, 0), nav_row(window, "after"))
    assert session.library.by_code("fh").scenario == "after"
    assert titles(window) == ["查询订单", "快递公司"]
    assert "售后" in window.toast.text()
    assert window.nav.item(nav_row(window, "after")).data(COUNT_ROLE) == 2
    assert order_on_disk(tmp_path, "after") == ["th", "fh"]


def test_reply_dropped_on_pinned_is_pinned(make_window, session):
    window = make_window()
    window.nav.set_current_key("ship")
    assert drop_on_nav(window, drag_rows(window.model, 2), nav_row(window, PINNED))
    kd = session.library.by_code("kd")
    assert kd.pinned and kd.scenario == "ship"
    assert titles(window)[0] == "快递公司"


@pytest.mark.parametrize("target", [ALL, FREQUENT, RECENT, "ship"])
def test_reply_dropped_on_another_view_or_its_own_scenario_is_refused(make_window, session, target):
    window = make_window()
    window.nav.set_current_key("ship")
    assert not drop_on_nav(window, drag_rows(window.model, 0), nav_row(window, target))
    fh = session.library.by_code("fh")
    assert fh.scenario == "ship" and not fh.pinned


def test_only_scenarios_can_be_dragged_in_the_nav(make_window):
    nav = make_window().nav
    for i in range(nav.count()):
        key = nav.item(i).data(KEY_ROLE)
        assert bool(nav.item(i).flags() & DRAG) == (key not in VIRTUAL)
        assert bool(nav.item(i).flags() & DROP) == (key == PINNED or key not in VIRTUAL)
    assert nav.mimeData([nav.item(i) for i in range(nav.count())]).hasFormat(SCENARIO_MIME)


@pytest.mark.parametrize(
    ("dragged", "gap", "order"),
    [
        ("after", 0, ["after", "size", "ship"]),  # before the first scenario
        ("size", 3, ["ship", "after", "size"]),  # after the last
        ("size", 2, ["ship", "size", "after"]),
        ("ship", -4, ["ship", "size", "after"]),  # among the virtual views: first scenario
    ],
)
def test_scenarios_are_reordered_by_dragging(make_window, session, tmp_path, dragged, gap, order):
    window = make_window()
    nav = window.nav
    window.nav.set_current_key(dragged)
    data = nav.mimeData([nav.item(nav_row(window, dragged))])
    row = len(VIRTUAL) + gap
    model = nav.model()
    assert model.dropMimeData(data, MOVE, row, 0, QModelIndex())
    assert [s.id for s in session.library.scenarios()] == order
    keys = [nav.item(i).data(KEY_ROLE) for i in range(nav.count())]
    assert keys == [*VIRTUAL, *order]  # the virtual views stay on top
    assert nav.current_key() == dragged
    s = reopened_library(tmp_path / "data")
    try:
        assert [x.id for x in s.library.scenarios()] == order
    finally:
        s.close()


def test_views_added_after_the_scenarios_are_not_scenarios(make_window, session):
    window = make_window()
    window.nav.set_current_key("ship")
    nav = window.nav
    extra = QListWidgetItem("团队")
    extra.setData(KEY_ROLE, "@team")  # a view another part of the window may add at the end
    nav.addItem(extra)
    assert nav.scenario_ids() == ["size", "ship", "after"]
    assert bytes(nav.mimeData([extra]).data(SCENARIO_MIME).data()) == b"[]"  # nothing to drag
    assert not drop_on_nav(window, drag_rows(window.model, 0), nav.count() - 1)
    data = nav.mimeData([nav.item(nav_row(window, "size"))])
    assert nav.model().dropMimeData(data, MOVE, nav.count(), 0, QModelIndex())  # past the extra view
    assert [s.id for s in session.library.scenarios()] == ["ship", "after", "size"]


def test_dropping_a_scenario_where_it_is_changes_nothing(make_window, session):
    window = make_window()
    nav = window.nav
    data = nav.mimeData([nav.item(nav_row(window, "ship"))])
    assert not nav.model().dropMimeData(data, MOVE, nav_row(window, "ship"), 0, QModelIndex())
    assert [s.id for s in session.library.scenarios()] == ["size", "ship", "after"]


def _drop_event(widget, point: QPoint, data: QMimeData) -> QDropEvent:
    return QDropEvent(point.toPointF(), MOVE, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)


def test_drop_event_on_the_nav_goes_to_the_entry_under_the_pointer(make_window, session):
    window = make_window()
    window.nav.set_current_key("ship")
    nav = window.nav
    rect = nav.visualItemRect(nav.item(nav_row(window, "size")))
    data = drag_rows(window.model, 1)  # kept referenced: the event does not own it
    # Near the entry's lower edge still means "onto this entry" for a reply.
    event = _drop_event(nav, QPoint(rect.center().x(), rect.bottom() - 1), data)
    nav.dropEvent(event)
    assert event.isAccepted()
    assert session.library.by_code("cd").scenario == "size"


def test_drop_event_puts_a_scenario_in_the_nearest_gap(make_window, session):
    window = make_window()
    nav = window.nav
    rect = nav.visualItemRect(nav.item(nav_row(window, "size")))
    data = nav.mimeData([nav.item(nav_row(window, "after"))])
    event = _drop_event(nav, QPoint(rect.center().x(), rect.bottom() - 1), data)  # lower half: after it
    nav.dropEvent(event)
    assert [s.id for s in session.library.scenarios()] == ["size", "after", "ship"]


# -- keyboard --------------------------------------------------------------------------------------

def test_alt_up_and_down_move_the_selected_reply(make_window, session, tmp_path):
    window = make_window()
    window.nav.set_current_key("ship")
    window.select_row(0)
    press(window, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert titles(window) == ["查询订单", "发货时间", "快递公司"]
    assert window.current_phrase().code == "fh"  # the moved reply stays selected
    press(window, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    press(window, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)  # already last: nothing
    assert titles(window) == ["查询订单", "快递公司", "发货时间"]
    press(window, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert [p.code for p in session.library.phrases("ship")] == ["cd", "fh", "kd"]
    assert window.current_phrase().code == "fh"
    assert order_on_disk(tmp_path, "ship") == ["cd", "fh", "kd"]


def test_alt_down_does_nothing_where_the_order_is_computed(qtbot, make_window, session):
    window = make_window()
    before = [p.code for p in session.library.phrases()]
    press(window, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)  # in All
    window.nav.set_current_key("ship")
    qtbot.keyClicks(window.search, "kd")
    press(window, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)  # searching
    assert [p.code for p in session.library.phrases()] == before


def test_drop_event_on_the_list_puts_the_reply_in_the_gap(make_window, session):
    window = make_window()
    window.nav.set_current_key("ship")
    data = drag_rows(window.model, 2)
    rect = window.list.visualRect(window.model.index(0, 0))
    event = _drop_event(window.list.viewport(), QPoint(rect.center().x(), rect.top() + 2), data)
    window.list.dropEvent(event)
    assert titles(window) == ["快递公司", "发货时间", "查询订单"]
    assert [p.code for p in session.library.phrases("ship")] == ["kd", "fh", "cd"]


@pytest.mark.parametrize(("target", "accepted"),
                         [(ALL, False), (RECENT, False), (PINNED, True), ("ship", False), ("after", True)])
def test_nav_accepts_a_dragged_reply_only_over_a_place_it_can_go(make_window, target, accepted):
    window = make_window()
    window.nav.set_current_key("ship")
    nav = window.nav
    data = drag_rows(window.model, 0)
    rect = nav.visualItemRect(nav.item(nav_row(window, target)))
    event = QDragMoveEvent(rect.center(), MOVE, data, Qt.MouseButton.LeftButton,
                           Qt.KeyboardModifier.NoModifier)
    nav.dragMoveEvent(event)
    assert event.isAccepted() == accepted
