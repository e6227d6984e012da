"""Giving a reply its own hotkey: a free combination is taken, a reserved one is refused in place."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog

from desktop.app import make_translator
from desktop.core.model import Phrase
from desktop.ui.hotkey_dialog import HotkeyDialog


def phrase(hotkey: str | None = None) -> Phrase:
    return Phrase(id="p1", scenario="s", code="fh", title="发货时间", text="亲，48小时内发货。",
                  hotkey=hotkey)


@pytest.fixture
def make(qtbot):
    def build(typed: str, *, had: str | None = None, locale: str = "zh_CN") -> HotkeyDialog:
        dialog = HotkeyDialog(make_translator(locale), phrase(had))
        qtbot.addWidget(dialog)
        dialog.edit.setKeySequence(QKeySequence(typed))
        return dialog

    return build


@pytest.mark.parametrize(
    ("typed", "locale", "said"),
    [
        ("Ctrl+V", "zh_CN", "粘贴"),
        ("Alt+Tab", "zh_CN", "切换窗口"),
        ("Ctrl+Shift+V", "en", "paste as plain text"),
    ],
)
def test_a_reserved_combination_is_refused_saying_what_it_does(make, typed, locale, said):
    dialog = make(typed, locale=locale)
    assert not dialog.try_accept()
    assert said in dialog.error_text()
    assert dialog.result() != QDialog.DialogCode.Accepted  # still open: the person can press another


@pytest.mark.parametrize(
    ("typed", "had", "stored"),
    [
        ("Ctrl+Alt+2", None, "ctrl+alt+2"),
        ("", "ctrl+alt+2", ""),  # cleared: the hotkey is removed
        ("Ctrl+V", "ctrl+v", "ctrl+v"),  # a reply keeps the reserved hotkey an older version saved
    ],
)
def test_a_usable_hotkey_is_returned_in_canonical_form(make, typed, had, stored):
    dialog = make(typed, had=had)
    assert dialog.try_accept()
    assert dialog.hotkey == stored
    assert dialog.error_text() == ""
