"""Render the window and dialogs offscreen into docs/screenshots/*.png (for the README and review).

Run: .venv/bin/python scripts/screenshots.py [OUT_DIR]
Uses a throw-away data folder seeded from the default packs, fake clipboard and hotkeys.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from desktop.app import build_window, make_services, make_translator  # noqa: E402
from desktop.core.session import Session, open_session  # noqa: E402
from desktop.platform.clipboard import FakeClipboard  # noqa: E402
from desktop.platform.hotkeys import FakeHotkeys  # noqa: E402
from desktop.resources import default_pack  # noqa: E402
from desktop.ui.appearance import apply_appearance  # noqa: E402
from desktop.ui.checker_panel import CheckerPanel  # noqa: E402
from desktop.ui.phrase_editor import PhraseEditorDialog  # noqa: E402
from desktop.ui.quick_window import QuickWindow  # noqa: E402

SIZE = (580, 640)
BUYER = {
    "zh_CN": "亲，能不能加个微信 wx: shop8888 私聊？你们保证是绝对正品吗？不行我就去拼多多买了",
    "en": "Can you add me on WeChat shop8888? Do you guarantee it's 100% genuine? "
          "Otherwise I'll buy on Pinduoduo",
}
RISKY = {
    "zh_CN": "亲，我们保证绝对是全网最低价，有问题加微信 shop8888 联系我~",
    "en": "We guarantee the absolute lowest price online; add me on WeChat shop8888 if anything goes wrong.",
}


def save(widget: QWidget, path: Path) -> None:
    QApplication.processEvents()
    widget.grab().save(str(path))
    print(path)


def prepare(session: Session, agent: str, shop: str) -> None:
    """Some history so Frequent/Recent and the pinned mark have something to show."""
    settings = session.settings
    settings.agent_name, settings.shop_name = agent, shop
    session.settings_store.save(settings)
    lib = session.library
    phrases = lib.phrases()
    for i, p in enumerate(phrases[:12]):
        for _ in range(12 - i):
            lib.record_use(p.id)
    lib.set_pinned(phrases[3].id)
    lib.update_phrase(phrases[5].id, hotkey="ctrl+alt+1")


def window_for(session: Session, locale: str) -> QuickWindow:
    services = make_services(session, clipboard=FakeClipboard(), hotkeys=FakeHotkeys())
    window = build_window(session, services, make_translator(locale))
    window.toast.hide()  # the "pack loaded" notice would cover the list
    window.resize(*SIZE)
    window.show()
    return window


def shoot(locale: str, out: Path, data: Path, *, dark: bool = False) -> None:
    session = open_session(data / locale, locale=locale, pack_for_locale=default_pack)
    try:
        if session.seeded is not None:
            prepare(session, *(("小美", "暖暖家居") if locale == "zh_CN" else ("Mia", "Cosy Home")))
        tr = make_translator(locale)
        window = window_for(session, locale)
        suffix = "_dark" if dark else ""
        save(window, out / f"main_{locale}{suffix}.png")
        if dark:
            window.shutdown()
            window.close()
            window.deleteLater()
            QApplication.processEvents()
            return
        window.search.setText("wl" if locale == "zh_CN" else "track")
        save(window, out / f"search_{locale}.png")
        window.search.clear()
        asked = next(p for p in session.library.phrases() if "{?" in p.text)
        window.copy_phrase(asked)
        save(window, out / f"fill_in_{locale}.png")
        window.form.cancel()
        window.copy_phrase(session.library.phrases()[0])
        save(window, out / f"copied_{locale}.png")

        checker = window.services.checker
        editor = PhraseEditorDialog(session.library, checker, tr, phrase=session.library.phrases()[1])
        editor.text_edit.setPlainText(RISKY[locale])
        editor.resize(560, 520)
        editor.show()
        editor.text_edit.highlighter.ensure_current()  # the marks wait for a pause in typing
        save(editor, out / f"editor_{locale}.png")
        editor.close()
        editor.deleteLater()

        panel = CheckerPanel(checker, session.library, tr, FakeClipboard())
        panel.set_text(BUYER[locale])
        panel.refresh()
        panel.resize(520, 560)
        panel.show()
        save(panel, out / f"checker_{locale}.png")
        panel.close()
        panel.deleteLater()
        window.shutdown()
        window.close()
        window.deleteLater()
        QApplication.processEvents()  # delete them now, while the session they show is open
    finally:
        session.close()


def main() -> int:
    args = [a for a in sys.argv[1:] if a != "--dark"]
    dark = "--dark" in sys.argv[1:]
    out = Path(args[0]) if args else Path(__file__).resolve().parent.parent / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    # The theme is chosen before the first widget exists, as the app does: a process per theme.
    apply_appearance(app, theme="dark" if dark else "light")
    with tempfile.TemporaryDirectory(prefix="quickreply-shots-") as tmp:
        for locale in ("zh_CN",) if dark else ("zh_CN", "en"):
            shoot(locale, out, Path(tmp), dark=dark)
    if not dark:
        subprocess.run([sys.executable, __file__, "--dark", str(out)], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
