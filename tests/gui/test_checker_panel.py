"""The checker panel: findings listed in the UI language, the safe reply copied in one click."""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QTextCharFormat

from desktop.core.errors import ClipboardUnavailable
from desktop.core.i18n import Translator
from desktop.core.messages import MESSAGES
from desktop.core.risk_model import Advice, Finding
from desktop.platform.clipboard import FakeClipboard
from desktop.ui.checker_panel import CheckerPanel


class FakeChecker:
    """A WeChat id must be fixed (with a safe reply to offer); "最好" is a warning without one."""

    RULES = [(re.compile(r"vx\d+"), "contact", "block", "nocontact"),
             (re.compile("最好"), "extreme", "warn", None)]

    def __init__(self) -> None:
        self.calls = 0

    def check(self, text: str) -> list[Finding]:
        self.calls += 1
        return [Finding(cat, sev, m.start(), m.end(), m.group(), cat,
                            Advice("请在平台内沟通", "Keep the chat on the platform"), suggest)
                for rx, cat, sev, suggest in self.RULES for m in rx.finditer(text)]


@pytest.fixture
def library(empty_library):
    lib = empty_library
    lib.add_scenario("沟通", scenario_id="talk")
    lib.add_phrase("talk", "nocontact", "平台内沟通", "亲，为了您的交易安全，我们就在旺旺上沟通哦～")
    return lib


@pytest.fixture
def clipboard():
    return FakeClipboard()


@pytest.fixture
def panel(qtbot, library, clipboard):
    widget = CheckerPanel(FakeChecker(), library, Translator("zh_CN", MESSAGES), clipboard)
    qtbot.addWidget(widget)
    return widget


def test_pasted_contact_request_is_listed_and_the_safe_reply_copied(qtbot, panel, clipboard):
    panel.input.setPlainText("加我vx12345678，发你优惠券")
    qtbot.waitUntil(lambda: len(panel.findings) == 1, timeout=2000)
    assert panel.findings[0].category == "contact"
    assert "发现 1 处风险" in panel.status.text()
    assert len(panel.suggest_buttons) == 1
    button = panel.suggest_buttons[0]
    assert button.text() == "复制建议回复" and button.isEnabled()
    button.click()
    assert clipboard.history == ["亲，为了您的交易安全，我们就在旺旺上沟通哦～"]
    assert "平台内沟通" in panel.status.text()


def test_finding_card_names_category_severity_match_and_advice(qtbot, panel):
    panel.set_text("加我vx12345678")
    texts = " ".join(label.text() for label in panel.list_host.findChildren(type(panel.status)))
    for expected in ("站外联系方式", "必须修改", "vx12345678", "请在平台内沟通"):
        assert expected in texts


def test_the_text_is_marked_like_in_the_editor(qtbot, panel):
    panel.set_text("这款最好")
    block = panel.input.document().firstBlock()
    marks = [(r.start, r.length) for r in block.layout().formats()
             if r.format.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline]
    assert marks == [(2, 2)]
    assert panel.suggest_buttons == []


def test_clean_text_shows_nothing(qtbot, panel):
    panel.input.setPlainText("亲，今天下单明天发货哦")
    qtbot.waitUntil(lambda: panel.status.text() == "没有发现风险。", timeout=2000)
    assert panel.findings == [] and panel.suggest_buttons == []


def test_check_clipboard_and_clear(qtbot, panel, clipboard):
    clipboard.set_text("vx888 最好的")
    panel.paste_button.click()
    assert [f.category for f in panel.findings] == ["contact", "extreme"]
    panel.clear_button.click()
    assert panel.findings == [] and panel.input.toPlainText() == ""
    assert panel.status.text() == "粘贴或输入文字后自动检查。"


def test_typing_is_checked_once_after_a_pause(qtbot, panel):
    rebuilt = []
    panel.checked.connect(lambda: rebuilt.append(panel.input.toPlainText()))
    for text in ("v", "vx", "vx1", "vx12"):
        panel.input.setPlainText(text)
    qtbot.waitUntil(lambda: rebuilt != [], timeout=2000)
    assert rebuilt == ["vx12"]
    assert [f.match for f in panel.findings] == ["vx12"]


def test_missing_suggested_phrase_disables_the_button(qtbot, panel, library):
    library.delete_phrase(library.by_code("nocontact").id)
    panel.set_text("vx123")
    assert not panel.suggest_buttons[0].isEnabled()
    assert "nocontact" in panel.suggest_buttons[0].toolTip()


def test_a_huge_clipboard_is_refused_with_a_message(qtbot, panel, clipboard):
    clipboard.set_text("好" * 1_048_576)
    panel.check_clipboard()
    assert panel.input.toPlainText() == ""
    assert "太长" in panel.status.text()


def test_language_switch_relabels_findings(qtbot, panel):
    panel.set_text("vx123")
    panel.retranslate(Translator("en", MESSAGES))
    assert panel.suggest_buttons[0].text() == "Copy suggested reply"
    assert panel.paste_button.text() == "Check clipboard"
    texts = " ".join(label.text() for label in panel.list_host.findChildren(type(panel.status)))
    assert "Off-platform contact" in texts and "Keep the chat on the platform" in texts


def test_an_unreadable_clipboard_is_explained(qtbot, panel):
    class BrokenClipboard(FakeClipboard):
        def text(self):
            raise ClipboardUnavailable(detail="no display")
    panel._clipboard = BrokenClipboard()
    panel.check_clipboard()
    assert "无法访问剪贴板" in panel.status.text()


def test_with_the_shipped_rules_a_wechat_id_offers_the_pack_reply(qtbot, library, clipboard):
    from desktop.core.risk import build_checker
    from desktop.resources import risk_rules_dir

    checker = build_checker(risk_rules_dir())
    [contact] = [f for f in checker.check("加我vx12345678") if f.category == "contact"]
    assert contact.severity == "block" and contact.suggest
    library.add_phrase("talk", contact.suggest, "婉拒站外联系", "亲，我们就在平台上聊哦")
    panel = CheckerPanel(checker, library, Translator("zh_CN", MESSAGES), clipboard)
    qtbot.addWidget(panel)
    panel.input.setPlainText("加我vx12345678")
    qtbot.waitUntil(lambda: panel.suggest_buttons != [], timeout=2000)
    panel.suggest_buttons[0].click()
    assert clipboard.history == ["亲，我们就在平台上聊哦"]


def test_the_window_can_do_the_copying(qtbot, library, clipboard):
    copied = []
    panel = CheckerPanel(FakeChecker(), library, Translator("zh_CN", MESSAGES), clipboard,
                         copy_phrase=copied.append)
    qtbot.addWidget(panel)
    panel.set_text("vx123")
    with qtbot.waitSignal(panel.suggestionCopied, timeout=1000):
        panel.suggest_buttons[0].click()
    assert [p.code for p in copied] == ["nocontact"] and clipboard.history == []


def test_a_failed_copy_is_explained(qtbot, panel):
    class BrokenClipboard(FakeClipboard):
        def set_text(self, text):
            raise ClipboardUnavailable(detail="busy")
    panel._clipboard = BrokenClipboard()
    panel.set_text("vx123")
    with qtbot.assertNotEmitted(panel.suggestionCopied):
        panel.suggest_buttons[0].click()
    assert "无法访问剪贴板" in panel.status.text()
