"""The phrase editor: errors beside fields, saving, live risk marks and the confirm before risky saves."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QEvent, QMimeData
from PySide6.QtGui import QHelpEvent, QInputMethodEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication, QMessageBox, QToolTip

from desktop.core.i18n import Translator
from desktop.core.messages import MESSAGES
from desktop.core.risk_model import Advice, Finding
from desktop.ui.phrase_editor import PhraseEditorDialog
from desktop.ui.risk_highlighter import BLOCK_COLOUR, WARN_COLOUR


class FakeChecker:
    """WeChat ids must be fixed, "绝对" is a warning: enough to see marks and confirms."""

    RULES = [(re.compile(r"vx\d+"), "contact", "block"), (re.compile("绝对"), "promise", "warn")]

    def check(self, text: str) -> list[Finding]:
        return [Finding(cat, sev, m.start(), m.end(), m.group(), cat,
                            Advice(f"{cat}的建议", f"advice on {cat}"))
                for rx, cat, sev in self.RULES for m in rx.finditer(text)]


@pytest.fixture
def library(empty_library):
    lib = empty_library
    lib.add_scenario("尺码咨询", scenario_id="size")
    lib.add_scenario("售后", scenario_id="after")
    lib.add_phrase("size", "cm", "尺码建议", "亲，报一下身高体重哦")
    return lib


@pytest.fixture
def editor(qtbot, library, tr):
    def make(**kwargs):
        dialog = PhraseEditorDialog(library, FakeChecker(), tr, **kwargs)
        qtbot.addWidget(dialog)
        return dialog
    return make


def fill(dialog, *, title="发货时间", text="亲，48小时内发货哦", code="fh", tags="", hotkey=""):
    dialog.title_edit.setText(title)
    dialog.text_edit.setPlainText(text)
    dialog.code_edit.setText(code)
    dialog.tags_edit.setText(tags)
    dialog.hotkey_edit.setText(hotkey)


def wavy_ranges(block):
    """(start, length, colour) of each wavy underline the highlighter put on a block."""
    return [(r.start, r.length, r.format.underlineColor().name()) for r in block.layout().formats()
            if r.format.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline]


def test_saving_empty_text_is_refused_with_the_reason_beside_the_text(editor):
    dialog = editor()
    fill(dialog, text="")
    assert not dialog.try_save()
    assert "话术内容不能为空" in dialog.error_text("text")
    assert dialog.error_text("code") == ""


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("code", "AB C!", "快捷编码“ab c!”无效"),
        ("code", "cm", "已被“尺码建议”使用"),
        ("hotkey", "Ctrl+Foo", "快捷键“Ctrl+Foo”无效"),
        ("title", "", "标题不能为空"),
    ],
)
def test_errors_appear_beside_their_field_while_typing(editor, library, field, value, expected):
    dialog = editor()
    fill(dialog)
    getattr(dialog, f"{field}_edit").setText(value)
    assert expected in dialog.error_text(field)
    others = [name for name in ("title", "text", "code", "hotkey") if name != field]
    assert all(dialog.error_text(name) == "" for name in others)
    assert not dialog.try_save()
    assert len(library) == 1


def test_untouched_fields_stay_quiet_until_save(editor):
    dialog = editor()
    dialog.title_edit.setText("只填了标题")
    assert dialog.error_text("text") == ""
    assert dialog.error_text("code") == ""
    dialog.try_save()
    assert dialog.error_text("text") and dialog.error_text("code")


def test_save_creates_the_phrase(editor, library):
    dialog = editor(scenario="售后")
    fill(dialog, tags="发货, 物流", hotkey="ctrl+alt+1")
    dialog.pinned_check.setChecked(True)
    assert dialog.try_save()
    saved = library.by_code("fh")
    assert dialog.saved == saved
    assert (saved.title, saved.text, saved.scenario) == ("发货时间", "亲，48小时内发货哦", "after")
    assert saved.tags == ["发货", "物流"] and saved.hotkey == "ctrl+alt+1" and saved.pinned


def test_save_updates_an_existing_phrase(editor, library):
    phrase = library.by_code("cm")
    dialog = editor(phrase=phrase)
    assert dialog.text_edit.toPlainText() == phrase.text
    dialog.text_edit.setPlainText("亲，身高体重发我，帮您推荐尺码")
    dialog.scenario_combo.setCurrentIndex(dialog.scenario_combo.findData("after"))
    assert dialog.try_save()
    updated = library.phrase(phrase.id)
    assert updated.text == "亲，身高体重发我，帮您推荐尺码" and updated.scenario == "after"
    assert len(library) == 1


def test_hotkey_is_tidied_when_leaving_the_field(editor):
    dialog = editor()
    dialog.hotkey_edit.setText("alt + CTRL + 2")
    dialog.hotkey_edit.editingFinished.emit()
    assert dialog.hotkey_edit.text() == "Ctrl+Alt+2"


def test_risk_marks_sit_on_the_risky_words_in_each_block(editor, qtbot):
    dialog = editor()
    dialog.text_edit.setPlainText("亲，请加我vx12345678哦\n这款绝对不掉色")
    doc = dialog.text_edit.document()
    first, second = doc.findBlockByNumber(0), doc.findBlockByNumber(1)
    qtbot.waitUntil(lambda: wavy_ranges(second) != [])
    assert wavy_ranges(first) == [(5, 10, BLOCK_COLOUR.name())]
    assert wavy_ranges(second) == [(2, 2, WARN_COLOUR.name())]


def test_marks_follow_edits_above_them_and_count_emoji_as_qt_does(editor, qtbot):
    dialog = editor()
    dialog.text_edit.setPlainText("第一行\n绝对")
    dialog.text_edit.highlighter.ensure_current()
    cursor = dialog.text_edit.textCursor()
    cursor.setPosition(0)
    cursor.insertText("😀😀\n")  # two UTF-16 pairs and a new block above the warning
    doc = dialog.text_edit.document()
    # Moved with the edit at once, before the re-check: never drawn at a stale offset.
    assert wavy_ranges(doc.findBlockByNumber(2)) == [(0, 2, WARN_COLOUR.name())]
    cursor.setPosition(doc.findBlockByNumber(2).position())
    cursor.insertText("不")  # in front of the word: the mark moves by one
    assert wavy_ranges(doc.findBlockByNumber(2)) == [(1, 2, WARN_COLOUR.name())]
    dialog.text_edit.setPlainText("😀😀vx123")
    qtbot.waitUntil(lambda: wavy_ranges(doc.firstBlock()) == [(4, 5, BLOCK_COLOUR.name())])


def test_typing_inside_a_marked_word_clears_it_until_the_recheck(editor, qtbot):
    dialog = editor()
    dialog.text_edit.setPlainText("这款绝对好")
    dialog.text_edit.highlighter.ensure_current()
    block = dialog.text_edit.document().firstBlock()
    assert wavy_ranges(block) == [(2, 2, WARN_COLOUR.name())]
    cursor = dialog.text_edit.textCursor()
    cursor.setPosition(3)
    cursor.insertText("不")  # "绝不对": no longer the word
    assert wavy_ranges(block) == []
    qtbot.waitUntil(lambda: dialog.text_edit.highlighter.findings == [])


def test_words_still_being_composed_are_left_alone_until_committed(editor, qtbot):
    dialog = editor()
    edit = dialog.text_edit
    edit.setFocus()
    QApplication.sendEvent(edit, QInputMethodEvent("绝对", []))  # pinyin IME showing its candidate
    edit.highlighter.ensure_current()
    assert edit.toPlainText() == "" and edit.highlighter.findings == []
    assert dialog.error_text("text") == "" and dialog.counter.text() == "0/2000 字"
    commit = QInputMethodEvent()
    commit.setCommitString("绝对")
    QApplication.sendEvent(edit, commit)
    assert edit.toPlainText() == "绝对"
    assert dialog.counter.text() == "2/2000 字"
    qtbot.waitUntil(lambda: [f.match for f in edit.highlighter.findings] == ["绝对"])


def test_hovered_character_gives_the_advice(editor):
    dialog = editor()
    dialog.text_edit.setPlainText("加vx123")
    highlighter = dialog.text_edit.highlighter
    assert highlighter.finding_at(0) is None
    finding = highlighter.finding_at(3)
    assert finding.category == "contact"
    assert "contact的建议" in highlighter.describe(finding)
    assert "站外联系方式" in highlighter.describe(finding)


def test_hovering_a_marked_word_shows_its_advice(editor, qtbot):
    dialog = editor()
    dialog.show()
    qtbot.waitExposed(dialog)
    edit = dialog.text_edit
    edit.setPlainText("亲，加我vx12345678哦")
    cursor = QTextCursor(edit.document())
    cursor.setPosition(8)  # inside "vx12345678"
    spot = edit.cursorRect(cursor).center()
    spot.setX(spot.x() + 2)
    event = QHelpEvent(QEvent.Type.ToolTip, spot, edit.viewport().mapToGlobal(spot))
    QApplication.sendEvent(edit.viewport(), event)
    qtbot.waitUntil(lambda: "contact的建议" in QToolTip.text(), timeout=2000)
    QToolTip.hideText()


@pytest.mark.parametrize(("severity_text", "strong"), [("加vx123", True), ("绝对好", False)])
def test_confirm_dialog_defaults_to_going_back_for_must_fix(tr, monkeypatch, severity_text, strong):
    seen = {}

    def fake_exec(box):
        seen["default"] = box.defaultButton().text()
        seen["text"] = box.text() + box.informativeText()
        return 0
    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    assert PhraseEditorDialog.confirm_risks(None, FakeChecker().check(severity_text), tr) is False
    assert seen["default"] == ("返回修改" if strong else "仍然保存")
    assert ("必须修改" in seen["text"] and "确定要照原样保存吗" in seen["text"]) is strong
    assert ("的建议" in seen["text"])


def test_editing_only_the_title_of_accepted_wording_does_not_ask_again(editor, library, monkeypatch):
    phrase = library.add_phrase("size", "jd", "绝对正品", "绝对正品")
    monkeypatch.setattr(PhraseEditorDialog, "confirm_risks",
                        staticmethod(lambda *a: pytest.fail("asked again about saved wording")))
    dialog = editor(phrase=phrase)
    dialog.title_edit.setText("正品说明")
    assert dialog.try_save()
    assert library.phrase(phrase.id).title == "正品说明"


@pytest.mark.parametrize(("answer", "saved"), [(False, False), (True, True)])
def test_must_fix_wording_needs_confirmation(editor, library, monkeypatch, answer, saved):
    asked = []
    monkeypatch.setattr(PhraseEditorDialog, "confirm_risks",
                        staticmethod(lambda parent, findings, tr: asked.append(findings) or answer))
    dialog = editor()
    fill(dialog, text="加我vx12345678，绝对便宜")
    assert dialog.try_save() is saved
    assert [f.severity for f in asked[0]] == ["block", "warn"]
    assert (library.find_code("fh") is not None) is saved


def test_clean_text_saves_without_asking(editor, monkeypatch):
    monkeypatch.setattr(PhraseEditorDialog, "confirm_risks",
                        staticmethod(lambda *a: pytest.fail("asked about clean text")))
    dialog = editor()
    fill(dialog)
    assert dialog.try_save()


def test_a_megabyte_paste_is_refused_with_a_message(editor, library):
    dialog = editor()
    fill(dialog)
    mime = QMimeData()
    mime.setText("好" * 1_048_576)
    dialog.text_edit.insertFromMimeData(mime)
    assert dialog.text_edit.toPlainText() == "亲，48小时内发货哦"
    assert "太长" in dialog.error_text("text") and "1048576" in dialog.error_text("text")
    assert not dialog.try_save()
    dialog.text_edit.setPlainText("改好了")
    assert dialog.error_text("text") == ""


def test_new_from_a_huge_clipboard_opens_empty_with_the_reason(editor):
    dialog = editor(initial_text="x" * 1_048_576)
    assert dialog.text_edit.toPlainText() == ""
    assert "太长" in dialog.error_text("text")


def test_counter_turns_red_over_the_limit(editor):
    dialog = editor()
    dialog.text_edit.setPlainText("好" * 2001)
    assert dialog.counter.text() == "2001/2000 字"
    assert "#c5221f" in dialog.counter.styleSheet()
    assert "2001" in dialog.error_text("text")
    dialog.text_edit.setPlainText("好" * 2000)
    assert dialog.counter.styleSheet() == ""


def test_ask_from_clipboard_prefills_text_and_title(library, tr, monkeypatch):
    def run(self):
        self.code_edit.setText("kd")
        return 1 if self.try_save() else 0
    monkeypatch.setattr(PhraseEditorDialog, "exec", run)
    phrase = PhraseEditorDialog.ask(None, library, FakeChecker(), tr, initial_text="亲，快递今天发出\n请留意")
    assert phrase is not None
    assert phrase.title == "亲，快递今天发出"
    assert (phrase.text, phrase.scenario) == ("亲，快递今天发出\n请留意", "size")


def test_language_switch_retranslates_labels_and_errors(editor):
    dialog = editor()
    fill(dialog, text="")
    dialog.try_save()
    dialog.retranslate(Translator("en", MESSAGES))
    assert dialog.windowTitle() == "New reply"
    assert dialog.error_text("text") == "The reply text cannot be empty."
