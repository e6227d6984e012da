"""Small Qt programs the platform tests run on the virtual X server (a separate process each).

``line-edit TITLE``: a window with a line edit; prints its text as a JSON line on every change.
``clipboard TEXT``: copies TEXT with QtClipboard, reads it back through ``xclip -o`` while the event
loop runs, then reads what ``xclip -i`` copied; prints one JSON object.
"""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QProcess, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit

DEADLINE_MS = 15000


def line_edit(title: str) -> int:
    app = QApplication([])
    edit = QLineEdit()
    edit.setWindowTitle(title)
    edit.textChanged.connect(lambda text: print(json.dumps(text, ensure_ascii=False), flush=True))
    edit.resize(400, 40)
    edit.show()
    return app.exec()


def clipboard(text: str) -> int:
    from desktop.platform.qt_clipboard import QtClipboard

    app = QApplication([])
    board = QtClipboard()
    result: dict[str, str] = {}
    board.set_text(text)

    reader = QProcess()
    writer = QProcess()

    def read_back() -> None:
        # xclip asks the owner (this process) for the text: it needs our event loop running.
        reader.start("xclip", ["-o", "-selection", "clipboard"])

    def after_read() -> None:
        result["xclip_read"] = bytes(reader.readAllStandardOutput().data()).decode("utf-8")
        writer.start("xclip", ["-i", "-selection", "clipboard"])
        writer.write(f"{text} (xclip)".encode())
        writer.closeWriteChannel()

    poll = QTimer()
    poll.setInterval(20)

    def check_read() -> None:
        # Qt learns it lost the selection to xclip's child through an X event: until that arrives
        # it still answers from its own copy, so look again on the next turns of the event loop.
        result["qt_read"] = board.text()
        if result["qt_read"] != text:
            poll.stop()
            print(json.dumps(result, ensure_ascii=False), flush=True)
            app.quit()

    reader.finished.connect(after_read)
    writer.finished.connect(poll.start)
    poll.timeout.connect(check_read)
    QTimer.singleShot(0, read_back)
    QTimer.singleShot(DEADLINE_MS, lambda: (print(json.dumps(result, ensure_ascii=False)), app.exit(3)))
    return app.exec()


if __name__ == "__main__":
    mode, arg = sys.argv[1], sys.argv[2]
    sys.exit(line_edit(arg) if mode == "line-edit" else clipboard(arg))
