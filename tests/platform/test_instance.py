"""One instance per user and data folder; later starts and ``quickreply --toggle`` talk to it."""

from __future__ import annotations

import io
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.cli import main
from desktop.platform.instance import SingleInstance, is_running, send_message
from desktop.platform.instance_name import instance_name


@pytest.fixture
def name() -> str:
    return f"quickreply-test-{uuid.uuid4().hex[:12]}"


@pytest.fixture
def first(name: str, qapp: object) -> Iterator[SingleInstance]:
    instance = SingleInstance(name)
    yield instance
    instance.close()


def test_the_first_claim_wins_and_the_second_is_told_another_runs(first: SingleInstance, name: str) -> None:
    assert first.claim()
    assert first.is_primary
    second = SingleInstance(name)
    assert not second.claim()
    assert not second.is_primary


@pytest.mark.parametrize("message", ["show", "toggle", "显示"])
def test_a_later_start_sends_a_message_the_running_one_receives(first: SingleInstance, name: str,
                                                                qtbot: QtBot, message: str) -> None:
    assert first.claim()
    second = SingleInstance(name)
    assert not second.claim()
    with qtbot.waitSignal(first.message_received) as blocker:
        assert second.send(message)
    assert blocker.args == [message]


def test_messages_from_several_senders_all_arrive(first: SingleInstance, name: str, qtbot: QtBot) -> None:
    assert first.claim()
    received: list[str] = []
    first.message_received.connect(received.append)
    for message in ("show", "toggle", "show"):
        assert send_message(name, message)
    qtbot.waitUntil(lambda: len(received) == 3)
    assert received == ["show", "toggle", "show"]


def test_sending_when_nothing_runs_says_so(name: str) -> None:
    assert not send_message(name, "show")
    assert not is_running(name)


def test_after_close_a_new_instance_can_claim(first: SingleInstance, name: str, qapp: object) -> None:
    assert first.claim()
    first.close()
    again = SingleInstance(name)
    try:
        assert again.claim()
    finally:
        again.close()


CRASHING_INSTANCE = """
import os, sys
from PySide6.QtCore import QCoreApplication
from desktop.platform.instance import SingleInstance
app = QCoreApplication([])
instance = SingleInstance(sys.argv[1])
assert instance.claim()
os._exit(9)  # no clean-up: the socket file stays behind, as after a crash
"""


def test_a_crashed_instance_does_not_block_the_next_start(name: str, qapp: object, qtbot: QtBot) -> None:
    crashed = subprocess.run([sys.executable, "-c", CRASHING_INSTANCE, name], capture_output=True,
                             timeout=60)
    assert crashed.returncode == 9, crashed.stderr.decode(errors="replace")
    if sys.platform != "win32":
        from PySide6.QtCore import QDir

        assert Path(QDir.tempPath(), name).exists()  # the leftover a crash leaves
    instance = SingleInstance(name)
    try:
        assert instance.claim()
        with qtbot.waitSignal(instance.message_received):
            assert send_message(name, "show")
    finally:
        instance.close()


# -- the name -------------------------------------------------------------------------------------

def test_each_data_folder_gets_its_own_instance(tmp_path: Path) -> None:
    assert instance_name(tmp_path / "a", "lin") != instance_name(tmp_path / "b", "lin")


def test_each_user_gets_their_own_instance(tmp_path: Path) -> None:
    assert instance_name(tmp_path, "lin") != instance_name(tmp_path, "wang")


def test_one_folder_spelled_two_ways_is_one_instance(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert instance_name(Path("data"), "lin") == instance_name(tmp_path / "data" / ".." / "data", "lin")


@pytest.mark.parametrize("user", ["lin", "张三", "DOMAIN\\wang li", ""])
def test_the_name_is_short_plain_ascii(tmp_path: Path, user: str) -> None:
    name = instance_name(tmp_path / "数据", user)
    assert name.isascii() and len(name) <= 60
    assert all(c.isalnum() or c in "-_" for c in name)


# -- quickreply --toggle --------------------------------------------------------------------------

def run_cli(*argv: str) -> tuple[int, str]:
    err = io.StringIO()
    code = main(list(argv), out=io.StringIO(), err=err, environ={})
    return code, err.getvalue()


@pytest.mark.parametrize(("locale", "expected"), [
    ("zh_CN", "快捷回复没有在运行"),
    ("en", "QuickReply is not running"),
])
def test_toggle_with_nothing_running_says_so_and_fails(tmp_path: Path, locale: str, expected: str) -> None:
    code, err = run_cli("--locale", locale, "--data-dir", str(tmp_path), "--toggle")
    assert code == 1
    assert expected in err


def test_toggle_reaches_the_window_of_that_data_folder(tmp_path: Path, qapp: object, qtbot: QtBot) -> None:
    running = SingleInstance(instance_name(tmp_path / "mine"))
    try:
        assert running.claim()
        with qtbot.waitSignal(running.message_received) as blocker:
            code, err = run_cli("--data-dir", str(tmp_path / "mine"), "--toggle")
        assert (code, err) == (0, "")
        assert blocker.args == ["toggle"]
        # another data folder has no window running
        assert run_cli("--data-dir", str(tmp_path / "other"), "--toggle")[0] == 1
    finally:
        running.close()


def test_toggle_never_opens_the_library(tmp_path: Path) -> None:
    run_cli("--data-dir", str(tmp_path / "fresh"), "--toggle")
    assert not (tmp_path / "fresh").exists()
