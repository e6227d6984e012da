"""Scenario dialogs: names checked by the library, deleting moves phrases, never drops them."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from desktop.ui.scenario_dialogs import ScenarioDialog, move_scenario


@pytest.fixture
def library(empty_library):
    lib = empty_library
    lib.add_scenario("尺码咨询", scenario_id="size")
    lib.add_scenario("售后", scenario_id="after")
    lib.add_scenario("催付", scenario_id="pay")
    lib.add_phrase("size", "cm", "尺码建议", "亲，报一下身高体重哦")
    lib.add_phrase("size", "cm2", "尺码偏小", "这款偏小一码，建议拍大一码")
    return lib


@pytest.fixture
def dialog(qtbot, library, tr):
    def make(mode, scenario=None):
        d = ScenarioDialog(library, tr, mode, library.scenario(scenario) if scenario else None)
        qtbot.addWidget(d)
        return d
    return make


def test_add_creates_a_scenario_at_the_end(dialog, library):
    d = dialog("add")
    d.name_edit.setText("  物流  查询 ")
    assert d.try_accept()
    assert d.result_scenario.name == "物流 查询"
    assert library.scenarios()[-1].name == "物流 查询"


@pytest.mark.parametrize(("name", "expected"),
                         [("售后", "已有名为“售后”的场景"), ("长" * 31, "最多 30 个字")])
def test_bad_names_are_refused_with_the_library_message(dialog, library, name, expected):
    d = dialog("add")
    d.name_edit.setText(name)
    assert not d.try_accept()
    assert expected in d.error_text()
    assert len(library.scenarios()) == 3
    d.name_edit.setText("新名字")
    assert d.error_text() == ""


def test_ok_is_disabled_for_a_blank_name(dialog):
    d = dialog("add")
    assert not d.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    d.name_edit.setText("发票")
    assert d.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_rename_keeps_the_id(dialog, library):
    d = dialog("rename", "after")
    assert d.name_edit.text() == "售后"
    d.name_edit.setText("售后处理")
    assert d.try_accept()
    assert library.scenario("after").name == "售后处理"


def test_delete_with_phrases_moves_them_to_the_chosen_scenario(dialog, library):
    d = dialog("delete", "size")
    assert "2 条话术" in d.prompt.text()
    assert [d.target_combo.itemData(i) for i in range(d.target_combo.count())] == ["after", "pay"]
    d.target_combo.setCurrentIndex(1)
    assert d.try_accept()
    assert [s.id for s in library.scenarios()] == ["after", "pay"]
    assert len(library) == 2
    assert {p.scenario for p in library.phrases()} == {"pay"}
    assert d.result_scenario.id == "pay"


def test_delete_an_empty_scenario_just_asks(dialog, library):
    d = dialog("delete", "pay")
    assert d.target_combo.isHidden()
    assert "删除场景“催付”" in d.prompt.text()
    assert d.try_accept()
    assert [s.id for s in library.scenarios()] == ["size", "after"]


def test_the_last_scenario_with_phrases_cannot_be_deleted(dialog, library):
    library.delete_scenario("after")
    library.delete_scenario("pay")
    d = dialog("delete", "size")
    assert d.blocked
    assert not d.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    assert "请先新建一个场景" in d.prompt.text()
    assert not d.try_accept()
    assert len(library) == 2 and library.scenarios()[0].id == "size"


def test_asking_returns_none_on_cancel(library, tr, monkeypatch):
    monkeypatch.setattr(ScenarioDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert ScenarioDialog.ask_add(None, library, tr) is None


@pytest.mark.parametrize(
    ("sid", "step", "moved", "order"),
    [("after", -1, True, ["after", "size", "pay"]), ("after", 1, True, ["size", "pay", "after"]),
     ("size", -1, False, ["size", "after", "pay"]), ("pay", 1, False, ["size", "after", "pay"])],
)
def test_move_scenario_up_and_down(library, sid, step, moved, order):
    assert move_scenario(library, sid, step) is moved
    assert [s.id for s in library.scenarios()] == order
