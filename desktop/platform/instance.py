"""One QuickReply window per user and data folder; later starts and ``--toggle`` talk to it.

The claim is an OS lock on a file in the temp folder (``desktop.core.file_lock``): whoever holds
it is the instance, and the OS releases it when that process ends, however it ends. The channel
later starts talk through is a local socket (QtNetwork), opened by ``listen()`` once the window
is on screen: loading QtNetwork costs the start ~8 ms and 3 MiB, and nothing needs the channel
before the window shows. A later start that finds the claim taken sends its message, waiting
for the running window to listen if that one is still starting.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QDir, QObject, Signal

from desktop.core.file_lock import FileLock, LockTimeout

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

_log = logging.getLogger(__name__)

SHOW = "show"
TOGGLE = "toggle"

# Failure deadlines, not expected durations: a live instance answers in well under a millisecond.
CONNECT_TIMEOUT_MS = 1000
# The claim's file is removed when the instance ends: a start racing that removal tries again.
CLAIM_TIMEOUT_S = 0.5
# How long a later start waits for a running window that is still starting to listen.
ANSWER_TIMEOUT_S = 15.0
_RETRY_S = 0.05
_MAX_MESSAGE = 1024


def claim_path(name: str) -> Path:
    return Path(QDir.tempPath()) / f"{name}.instance"


class SingleInstance(QObject):
    """``claim()`` makes this process the one instance (or says another runs); ``send()`` talks to
    the running one; ``message_received`` carries what later starts sent ("show", "toggle")."""

    message_received = Signal(str)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.listen_error = ""
        self._claim = FileLock(claim_path(name))
        self._server: QLocalServer | None = None
        self._buffers: dict[QLocalSocket, bytes] = {}

    @property
    def is_primary(self) -> bool:
        """This process holds the claim (whether or not its channel is open yet)."""
        return self._claim.held

    @property
    def listening(self) -> bool:
        return self._server is not None and self._server.isListening()

    def claim(self) -> bool:
        """True when this process is now the instance (then ``listen()``); False when another
        process holds the claim (then ``send()`` it a message)."""
        try:
            self._claim.acquire(CLAIM_TIMEOUT_S)
        except LockTimeout:
            return False
        except OSError as exc:  # no temp folder to write in: run, unguarded
            _log.warning("single-instance claim %s unavailable: %s", self._claim.path, exc)
            return True
        return True

    def listen(self) -> bool:
        """Open the channel later starts and ``--toggle`` use; False (``listen_error`` says why)
        when it cannot be opened: the window works, only those two do not reach it."""
        from PySide6.QtNetwork import QLocalServer

        if self._server is not None:
            return True
        # A socket file left by a crashed instance would make listen() fail; the claim says no
        # live instance uses it.
        QLocalServer.removeServer(self.name)
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        server.newConnection.connect(self._accept)
        if not server.listen(self.name):
            self.listen_error = server.errorString()
            _log.warning("single-instance channel %s unavailable: %s", self.name, self.listen_error)
            server.deleteLater()
            return False
        self._server = server
        return True

    def send(self, message: str, *, wait: float = ANSWER_TIMEOUT_S) -> bool:
        """Deliver ``message`` to the running instance, waiting up to ``wait`` seconds for it to
        listen; False if it never answers."""
        return send_message(self.name, message, wait=wait)

    def close(self) -> None:
        """Close the channel and give up the claim (its file goes too)."""
        # Sockets still open must not call back into this object while Qt destroys them.
        for socket in list(self._buffers):
            socket.readyRead.disconnect()
            socket.disconnected.disconnect()
            socket.abort()
            socket.deleteLater()
        self._buffers.clear()
        if self._server is not None:
            self._server.newConnection.disconnect()
            self._server.close()
            self._server.deleteLater()
            self._server = None
        if self._claim.held:
            try:
                self._claim.path.unlink()  # while still held: no one can be given a removed file
            except OSError:
                pass
            self._claim.release()

    def _accept(self) -> None:
        assert self._server is not None
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(lambda s=socket: self._finish(s))
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        data = self._buffers.get(socket, b"") + bytes(socket.readAll().data())
        *lines, rest = data.split(b"\n")
        self._buffers[socket] = rest[:_MAX_MESSAGE]
        for line in lines:
            self._deliver(line)

    def _finish(self, socket: QLocalSocket) -> None:
        if socket not in self._buffers:
            return
        self._read(socket)
        rest = self._buffers.pop(socket, b"")
        if rest.strip():
            self._deliver(rest)
        socket.deleteLater()

    def _deliver(self, raw: bytes) -> None:
        message = raw[:_MAX_MESSAGE].decode("utf-8", errors="replace").strip()
        if message:
            self.message_received.emit(message)


def is_running(name: str) -> bool:
    """Whether an instance listens under ``name``."""
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
        return False
    socket.disconnectFromServer()
    return True


def send_message(name: str, message: str, *, wait: float = 0.0,
                 sleep: Callable[[float], None] = time.sleep) -> bool:
    """One line to the instance listening under ``name`` (blocking; no event loop needed), tried
    again until ``wait`` seconds have passed if nothing listens yet."""
    from PySide6.QtNetwork import QLocalSocket

    deadline = time.monotonic() + wait
    while True:
        socket = QLocalSocket()
        socket.connectToServer(name)
        if socket.waitForConnected(CONNECT_TIMEOUT_MS):
            break
        if time.monotonic() >= deadline:
            return False
        sleep(_RETRY_S)
    socket.write(QByteArray(message.encode("utf-8") + b"\n"))
    if not socket.waitForBytesWritten(CONNECT_TIMEOUT_MS):
        return False
    socket.disconnectFromServer()
    if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
        socket.waitForDisconnected(CONNECT_TIMEOUT_MS)
    return True
