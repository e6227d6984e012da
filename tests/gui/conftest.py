"""GUI tests run offscreen: Qt must know before it is imported."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import datetime as dt  # noqa: E402 - after the platform is chosen
import json  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from desktop.core.i18n import Translator  # noqa: E402
from desktop.core.library import NullKeyer, PhraseLibrary  # noqa: E402
from desktop.core.messages import MESSAGES  # noqa: E402
from desktop.core.session import Session, open_session  # noqa: E402
from desktop.core.store import Store  # noqa: E402
from desktop.platform.clipboard import FakeClipboard  # noqa: E402
from desktop.platform.hotkeys import FakeHotkeys  # noqa: E402
from desktop.platform.paste import FakePaster  # noqa: E402

# A Monday afternoon, so {日期}/{星期} have one right answer.
NOW = dt.datetime(2026, 11, 23, 14, 5)

TEST_PACK = {
    "format": "quickreply-pack", "version": 1, "locale": "zh_CN", "name": "测试话术",
    "scenarios": [
        {"id": "size", "name": "尺码咨询", "phrases": [
            {"code": "cm", "title": "尺码建议", "text": "亲，您把身高体重发给我，帮您推荐合适的尺码哦～",
             "tags": ["尺码"]},
            {"code": "cmb", "title": "尺码表", "text": "亲，详情页第三张图是尺码表，可以对照一下哦。"},
        ]},
        {"id": "ship", "name": "发货物流", "phrases": [
            {"code": "fh", "title": "发货时间", "text": "亲，付款后48小时内发货，{客服}会帮您盯着的。"},
            {"code": "cd", "title": "查询订单", "text": "亲，订单{?订单号}已为您查询，正在派送中。"},
            {"code": "kd", "title": "快递公司", "text": "默认发{快递公司}，需要别的快递请备注。"},
        ]},
        {"id": "after", "name": "售后", "phrases": [
            {"code": "th", "title": "退换货", "text": "支持七天无理由退换，我们保证绝对正品。",
             "hotkey": "ctrl+alt+1"},
        ]},
    ],
}


@pytest.fixture
def tr() -> Translator:
    """The dialogs' texts in Chinese, as most shops see them."""
    return Translator("zh_CN", MESSAGES)


@pytest.fixture
def empty_library(tmp_path: Path):
    """A library with no scenarios over its own store, for the dialog tests to fill."""
    store = Store(tmp_path, fsync=False)
    store.open()
    yield PhraseLibrary(store, keyer=NullKeyer())
    store.close()


@pytest.fixture
def pack_path(tmp_path: Path) -> Path:
    path = tmp_path / "pack.json"
    path.write_text(json.dumps(TEST_PACK, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def session(tmp_path: Path, pack_path: Path):
    s = open_session(tmp_path / "data", locale="zh_CN", pack_for_locale=lambda _locale: pack_path)
    settings = s.settings
    settings.agent_name = "小美"
    settings.shop_name = "暖暖家居"
    s.settings_store.save(settings)
    yield s
    s.close()


@pytest.fixture
def clipboard() -> FakeClipboard:
    return FakeClipboard("买家原来的剪贴板")


@pytest.fixture
def hotkeys() -> FakeHotkeys:
    return FakeHotkeys()


@pytest.fixture
def paster() -> FakePaster:
    return FakePaster()


@pytest.fixture
def make_window(qtbot, session: Session, clipboard, hotkeys, paster) -> Callable[..., object]:
    """Builds the window the way the app does (build_window), with fakes injected."""
    from desktop.app import build_window, make_services, make_translator

    def make(locale: str = "zh_CN", *, show: bool = True, **services):
        svc = make_services(session, clipboard=clipboard, hotkeys=hotkeys, paster=paster, now=lambda: NOW)
        for name, value in services.items():  # a test's own fake (hotkeys that refuse, a checker)
            setattr(svc, name, value)
        window = build_window(session, svc, make_translator(locale))
        qtbot.addWidget(window)
        if show:
            window.show_window()
            qtbot.waitExposed(window)
            qtbot.waitUntil(window.isActiveWindow)
        return window

    return make
