"""The phrase list model: a well-behaved Qt model with the data each row shows."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt

from desktop.core.model import Phrase
from desktop.ui.phrase_model import NUMBERED, PhraseModel, Role, one_line


def phrase(n: int, text: str = "亲，在的", **fields) -> Phrase:
    return Phrase(id=f"p{n}", scenario="s", code=f"c{n}", title=f"标题{n}", text=text, **fields)


class CountingChecker:
    def __init__(self) -> None:
        self.calls = 0

    def check(self, text: str):
        self.calls += 1
        found = []
        if "绝对" in text:
            found.append(SimpleNamespace(severity="block", match="绝对"))
        if "保证" in text:
            found.append(SimpleNamespace(severity="warn", match="保证"))
        return found


@pytest.fixture
def checker() -> CountingChecker:
    return CountingChecker()


@pytest.fixture
def model(checker) -> PhraseModel:
    m = PhraseModel(checker.check)
    m.set_phrases([phrase(i, hotkey="ctrl+alt+1" if i == 0 else None, pinned=i == 1) for i in range(12)])
    return m


def test_passes_qt_model_tester(qtmodeltester, model):
    qtmodeltester.check(model, force_py=True)


def test_model_tester_after_changes(qtmodeltester, model):
    qtmodeltester.check(model, force_py=True)
    model.set_phrases([phrase(1), phrase(2)])
    model.replace_phrase(phrase(2, "新的内容"))
    model.set_phrases([])
    assert model.rowCount() == 0


def test_rows_show_title_preview_code_and_hotkey(model):
    first = model.index(0, 0)
    assert first.data(Qt.ItemDataRole.DisplayRole) == "标题0"
    assert first.data(Role.PREVIEW) == "亲，在的"
    assert first.data(Role.CODE) == "c0"
    assert first.data(Role.HOTKEY) == "Ctrl+Alt+1"
    assert first.data(Qt.ItemDataRole.ToolTipRole) == "亲，在的"
    assert model.index(1, 0).data(Role.PINNED) is True


def test_first_nine_rows_are_numbered(model):
    numbers = [model.index(r, 0).data(Role.NUMBER) for r in range(model.rowCount())]
    assert numbers == [*range(1, NUMBERED + 1), 0, 0, 0]


@pytest.mark.parametrize(
    ("text", "risk", "words"),
    [
        ("亲，在的", "", ""),
        ("我们保证发货", "warn", "保证"),
        ("保证绝对正品", "block", "绝对、保证"),
    ],
)
def test_risk_badge_is_the_worst_finding(checker, text, risk, words):
    m = PhraseModel(checker.check)
    m.set_phrases([phrase(1, text)])
    assert m.index(0, 0).data(Role.RISK) == risk
    found = m.index(0, 0).data(Role.RISK_WORDS).split("、")
    assert set(filter(None, found)) == set(filter(None, words.split("、")))


def test_risk_is_checked_once_per_text(checker):
    m = PhraseModel(checker.check)
    m.set_phrases([phrase(1, "保证")])
    for _ in range(3):
        m.index(0, 0).data(Role.RISK)
    assert checker.calls == 1
    m.replace_phrase(phrase(1, "绝对"))
    assert m.index(0, 0).data(Role.RISK) == "block"
    assert checker.calls == 2


def test_without_a_checker_there_are_no_badges():
    m = PhraseModel(None)
    m.set_phrases([phrase(1, "绝对")])
    assert m.index(0, 0).data(Role.RISK) == ""


def test_replace_phrase_signals_the_row(qtbot, model):
    with qtbot.waitSignal(model.dataChanged) as blocker:
        model.replace_phrase(phrase(3, "改过了"))
    assert blocker.args[0].row() == 3
    assert model.index(3, 0).data(Role.PREVIEW) == "改过了"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("一行", "一行"), ("两\n行", "两 行"), ("  空格   多 ", "空格 多"), ("长" * 130, "长" * 119 + "…")],
)
def test_preview_is_one_line(text, expected):
    assert one_line(text) == expected
