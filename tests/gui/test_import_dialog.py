"""The import preview in the window: counts before anything is written, policies, undo, bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.app import make_translator
from desktop.core.exchange import read_import
from desktop.core.exchange_items import ExchangeError
from desktop.ui.exchange_prompts import Prompts
from desktop.ui.import_dialog import ImportDialog

QIANNU_ROWS = [
    "快捷短语编码,快捷短语,快捷短语分组",
    "cm,亲，您把身高体重发给我，帮您推荐合适的尺码哦～,尺码咨询",  # the same as in the library
    "fh,亲，今天下单明天就发货。,发货物流",  # same code, other text
    "xin,亲，新品上架有优惠券可以领取哦。,售后",  # new
    "kong,,售后",  # no text: invalid
]


@pytest.fixture
def qianniu_gbk(tmp_path: Path) -> Path:
    path = tmp_path / "qianniu.csv"
    path.write_bytes(("\r\n".join(QIANNU_ROWS) + "\r\n").encode("gbk"))
    return path


def open_preview(qtbot, library, path: Path, locale: str = "zh_CN") -> ImportDialog:
    dialog = ImportDialog(library, path, make_translator(locale))
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.planned, timeout=10_000):
        dialog.start()
    return dialog


def test_preview_counts_a_gbk_qianniu_file_and_cancel_writes_nothing(qtbot, session, qianniu_gbk):
    session.library.flush()
    before = session.store.path.read_bytes()
    dialog = open_preview(qtbot, session.library, qianniu_gbk)
    shown = {key: label.text() for key, label in dialog.counts.items()}
    assert shown == {"new": "1", "identical": "1", "changed": "0", "conflict": "1", "invalid": "1",
                     "duplicates": "0", "risky": "0"}
    assert "新增 1" in dialog.details.toPlainText()
    assert dialog.import_button.isEnabled()
    dialog.cancel_button.click()
    assert dialog.result is None
    session.library.flush()
    assert session.store.path.read_bytes() == before
    assert session.library.find_code("xin") is None


def test_preview_speaks_english_when_the_window_does(qtbot, session, qianniu_gbk):
    dialog = open_preview(qtbot, session.library, qianniu_gbk, "en")
    assert dialog.windowTitle() == "Import phrases"
    assert dialog._count_names["conflict"].text() == "Conflicting"
    assert dialog.import_button.text() == "Import 1"
    assert "qianniu.csv" in dialog.details.toPlainText()


@pytest.mark.parametrize(("policy", "fh_text", "extra_code"), [
    ("skip", "亲，付款后48小时内发货，{客服}会帮您盯着的。", None),
    ("overwrite", "亲，今天下单明天就发货。", None),
    ("newer", "亲，付款后48小时内发货，{客服}会帮您盯着的。", None),  # no times in the file: kept
    ("rename", "亲，付款后48小时内发货，{客服}会帮您盯着的。", "fh2"),
])
def test_each_policy_imports_as_it_says(qtbot, session, qianniu_gbk, policy, fh_text, extra_code):
    dialog = open_preview(qtbot, session.library, qianniu_gbk)
    if policy != dialog.current_policy():  # the first plan is made with the default, skip
        with qtbot.waitSignal(dialog.planned, timeout=10_000):
            dialog.set_policy(policy)
    assert dialog.plan is not None and dialog.plan.policy == policy
    result = dialog.import_now()
    assert result is not None and dialog.result is result
    library = session.library
    assert library.by_code("xin").text == "亲，新品上架有优惠券可以领取哦。"
    assert library.by_code("fh").text == fh_text
    if extra_code:
        assert library.by_code(extra_code).text == "亲，今天下单明天就发货。"
    assert library.find_code("kong") is None


def test_window_import_offers_undo(qtbot, make_window, session, qianniu_gbk, monkeypatch):
    window = make_window()
    monkeypatch.setattr(Prompts, "open_file", classmethod(lambda cls, parent, tr: qianniu_gbk))

    def run(dialog: ImportDialog) -> int:
        qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10_000)
        dialog.set_policy("overwrite")
        qtbot.waitUntil(lambda: dialog.plan is not None and dialog.plan.policy == "overwrite"
                        and dialog.import_button.isEnabled(), timeout=10_000)
        dialog.import_button.click()
        return 1

    monkeypatch.setattr(ImportDialog, "exec", run)
    result = window.exchange.import_file()
    assert result is not None
    assert session.library.by_code("xin") is not None
    assert session.library.by_code("fh").text == "亲，今天下单明天就发货。"
    assert "导入完成" in window.toast.text()
    window.toast._button.click()  # Undo in the toast
    assert session.library.find_code("xin") is None
    assert session.library.by_code("fh").text == "亲，付款后48小时内发货，{客服}会帮您盯着的。"
    assert "已撤销导入" in window.toast.text()


@pytest.mark.parametrize(("name", "payload"), [
    ("broken.json", b'{"format": "quickreply-pack", "scenarios": ['),
    ("header.csv", "只有一列\n内容\n".encode()),
    ("garbage.csv", bytes(range(256)) * 4),
])
def test_a_malformed_file_shows_the_cores_message(qtbot, session, tmp_path, monkeypatch, name, payload):
    path = tmp_path / name
    path.write_bytes(payload)
    with pytest.raises(ExchangeError) as caught:
        read_import(path, locale="zh_CN")
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(Prompts, "warn",
                        classmethod(lambda cls, parent, title, text: shown.append((title, text))))
    tr = make_translator("zh_CN")
    dialog = ImportDialog(session.library, path, tr)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.failed, timeout=10_000) as failed:
        dialog.start()
    assert failed.args == [caught.value.message(tr)]
    assert shown == [("无法导入", caught.value.message(tr))]
    assert "Traceback" not in shown[0][1]
    assert dialog.result is None


@pytest.mark.parametrize(("fmt", "name"), [("csv", "out.csv"), ("qianniu", "out.csv"), ("xlsx", "out.xlsx"),
                                           ("pack", "out.json"), ("backup", "out.json")])
def test_export_reads_back_as_the_same_phrases(qtbot, make_window, session, tmp_path, monkeypatch, fmt, name):
    window = make_window()
    target = tmp_path / "export" / name
    target.parent.mkdir()
    monkeypatch.setattr(Prompts, "save_file", classmethod(lambda cls, parent, tr, default: (target, fmt)))
    count = window.exchange.export_file()
    assert count == len(session.library)
    assert str(target) in window.toast.text()
    from desktop.core.merge import plan_import

    plan = plan_import(session.library, read_import(target, locale="zh_CN"))
    counts = plan.counts
    assert (counts["identical"], counts["new"], counts["conflict"], counts["invalid"]) == (
        len(session.library), 0, 0, 0)


def test_the_save_dialogs_type_decides_the_format_and_suffix():
    from desktop.ui.exchange_prompts import export_target

    assert export_target(Path("/x/a"), 1) == (Path("/x/a.csv"), "qianniu")
    assert export_target(Path("/x/a.xlsx"), 2) == (Path("/x/a.xlsx"), "xlsx")
    assert export_target(Path("/x/b.json"), -1) == (Path("/x/b.json"), "pack")
    assert export_target(Path("/x/b"), 4) == (Path("/x/b.json"), "backup")


def test_a_big_file_is_read_off_the_gui_thread_with_progress(qtbot, session, tmp_path, monkeypatch):
    import threading

    import desktop.ui.import_dialog as module

    rows = ["场景,编码,标题,内容"] + [f"批量,b{i},标题{i},第{i}条批量导入的话术内容" for i in range(6000)]
    path = tmp_path / "big.csv"
    path.write_text("\n".join(rows), encoding="utf-8")
    threads: list[bool] = []
    real = module.read_import

    def spy(*args, **kwargs):
        threads.append(threading.current_thread() is threading.main_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(module, "read_import", spy)
    dialog = ImportDialog(session.library, path, make_translator("zh_CN"))
    qtbot.addWidget(dialog)
    values: list[int] = []
    dialog.progress.valueChanged.connect(values.append)
    with qtbot.waitSignal(dialog.planned, timeout=30_000):
        dialog.start()
    assert threads == [False]
    assert len(values) >= 2 and values[-1] == dialog.progress.maximum()
    assert dialog.counts["new"].text() == "6000"


def test_preview_names_risky_wording_in_the_imported_texts(qtbot, make_window, session, tmp_path):
    window = make_window()
    path = tmp_path / "risky.csv"
    path.write_text("编码,标题,内容\nwx,加微信,亲，加微信领返现，保证绝对正品。\n", encoding="utf-8")
    dialog = ImportDialog(session.library, path, window.translator, checker=window.services.checker)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.planned, timeout=10_000):
        dialog.start()
    assert dialog.counts["risky"].text() == "1"
    details = dialog.details.toPlainText()
    assert "wx" in details and "绝对" in details
