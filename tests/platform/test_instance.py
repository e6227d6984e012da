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
from desktop.platform.instance import SingleInstance, claim_path, is_running, send_message
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
    assert not first.listening  # the channel opens with listen(), once the window is shown
    second = SingleInstance(name)
    assert not second.claim()
    assert not second.is_primary


def test_a_claim_in_another_process_is_seen(name: str, qapp: object) -> None:
    holder = subprocess.Popen([sys.executable, "-c", HOLDING_INSTANCE, name], stdout=subprocess.PIPE,
                              stdin=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "claimed"
        second = SingleInstance(name)
        assert not second.claim()
    finally:
        holder.communicate("", timeout=60)
    third = SingleInstance(name)  # the holder has ended: the claim is free again
    try:
        assert third.claim()
    finally:
        third.close()


@pytest.mark.parametrize("message", ["show", "toggle", "显示"])
def test_a_later_start_sends_a_message_the_running_one_receives(first: SingleInstance, name: str,
                                                                qtbot: QtBot, message: str) -> None:
    assert first.claim() and first.listen()
    second = SingleInstance(name)
    assert not second.claim()
    with qtbot.waitSignal(first.message_received) as blocker:
        assert second.send(message)
    assert blocker.args == [message]


def test_a_later_start_waits_for_a_window_still_starting(first: SingleInstance, name: str,
                                                         qtbot: QtBot) -> None:
    assert first.claim()  # claimed, window not shown yet: not listening
    sender = subprocess.Popen([sys.executable, "-c", SENDING_START, name], stdout=subprocess.PIPE, text=True)
    try:
        qtbot.wait(300)
        with qtbot.waitSignal(first.message_received, timeout=10_000) as blocker:
            assert first.listen()
        assert blocker.args == ["show"]
    finally:
        out, _ = sender.communicate(timeout=60)
    assert out.strip() == "delivered"


def test_a_message_nobody_takes_fails_after_the_wait(name: str, qapp: object) -> None:
    assert not send_message(name, "show", wait=0.2)


def test_messages_from_several_senders_all_arrive(first: SingleInstance, name: str, qtbot: QtBot) -> None:
    assert first.claim() and first.listen()
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
    assert first.claim() and first.listen()
    first.close()
    assert not claim_path(name).exists()  # nothing left behind in the temp folder
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
assert instance.claim() and instance.listen()
os._exit(9)  # no clean-up: the socket and claim files stay behind, as after a crash
"""

HOLDING_INSTANCE = """
import sys
from PySide6.QtCore import QCoreApplication
from desktop.platform.instance import SingleInstance
app = QCoreApplication([])
instance = SingleInstance(sys.argv[1])
assert instance.claim()
print("claimed", flush=True)
sys.stdin.read()  # held until the test closes stdin
"""

SENDING_START = """
import sys
from PySide6.QtCore import QCoreApplication
from desktop.platform.instance import SingleInstance
app = QCoreApplication([])
second = SingleInstance(sys.argv[1])
assert not second.claim()
print("delivered" if second.send("show", wait=30) else "no answer", flush=True)
"""


def test_a_crashed_instance_does_not_block_the_next_start(name: str, qapp: object, qtbot: QtBot) -> None:
    crashed = subprocess.run([sys.executable, "-c", CRASHING_INSTANCE, name], capture_output=True,
                             timeout=60)
    assert crashed.returncode == 9, crashed.stderr.decode(errors="replace")
    if sys.platform != "win32":
        from PySide6.QtCore import QDir

        assert Path(QDir.tempPath(), name).exists()  # the leftovers a crash leaves
        assert claim_path(name).exists()
    instance = SingleInstance(name)
    try:
        assert instance.claim() and instance.listen()
        with qtbot.waitSignal(instance.message_received):
            assert send_message(name, "show")
    finally:
        instance.close()


def test_without_a_writable_temp_folder_the_window_still_starts(name: str, tmp_path: Path, qapp: object,
                                                                 qtbot: QtBot,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    import desktop.platform.instance as instance_module

    monkeypatch.setattr(instance_module, "claim_path", lambda _name: tmp_path / "no such folder" / "claim")
    instance = SingleInstance(name)
    try:
        assert instance.claim()  # unguarded, but running
        assert instance.listen()
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
        assert running.claim() and running.listen()
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
