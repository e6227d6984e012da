"""One QuickReply window per user and data folder: a local socket the next start talks to."""

from __future__ import annotations

import logging

from PySide6.QtCore import QByteArray, QDir, QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

_log = logging.getLogger(__name__)

SHOW = "show"
TOGGLE = "toggle"

# Failure deadlines, not expected durations: a live instance answers in well under a millisecond.
CONNECT_TIMEOUT_MS = 1000
CLAIM_LOCK_TIMEOUT_MS = 3000
_MAX_MESSAGE = 1024


class SingleInstance(QObject):
    """``claim()`` makes this process the one instance (or says another runs); ``send()`` talks to
    the running one; ``message_received`` carries what later starts sent ("show", "toggle")."""

    message_received = Signal(str)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.listen_error = ""
        self._server: QLocalServer | None = None
        self._buffers: dict[QLocalSocket, bytes] = {}

    @property
    def is_primary(self) -> bool:
        return self._server is not None and self._server.isListening()

    def claim(self) -> bool:
        """True when this process is now the instance; False when another one answers."""
        # Two processes starting at once must not both find no server, remove and listen.
        lock = QLockFile(QDir(QDir.tempPath()).filePath(f"{self.name}.lock"))
        locked = lock.tryLock(CLAIM_LOCK_TIMEOUT_MS)
        try:
            if is_running(self.name):
                return False
            # Nobody answers: a socket file left by a crashed instance would make listen() fail.
            QLocalServer.removeServer(self.name)
            server = QLocalServer(self)
            server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
            server.newConnection.connect(self._accept)
            if not server.listen(self.name):
                # Still the only instance; only --toggle and "show on second start" are lost.
                self.listen_error = server.errorString()
                _log.warning("single-instance channel %s unavailable: %s", self.name, self.listen_error)
                server.deleteLater()
                return True
            self._server = server
            return True
        finally:
            if locked:
                lock.unlock()

    def send(self, message: str) -> bool:
        """Deliver ``message`` to the running instance; False if none answers."""
        return send_message(self.name, message)

    def close(self) -> None:
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
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
        return False
    socket.disconnectFromServer()
    return True


def send_message(name: str, message: str) -> bool:
    """One line to the instance listening under ``name`` (blocking; no event loop needed)."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
        return False
    socket.write(QByteArray(message.encode("utf-8") + b"\n"))
    if not socket.waitForBytesWritten(CONNECT_TIMEOUT_MS):
        return False
    socket.disconnectFromServer()
    if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
        socket.waitForDisconnected(CONNECT_TIMEOUT_MS)
    return True
